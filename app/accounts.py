"""Accounts: first-run initialisation, login, users, passwords."""

from __future__ import annotations

import re

from argon2 import PasswordHasher
from argon2.exceptions import VerificationError
from sqlalchemy import select

from app import audit, identities, rekey, signing
from app.context import Context
from app.dto import Actor, UserInfo
from app.errors import (
    AlreadyInitialised,
    AuthenticationError,
    NotInitialised,
    ValidationError,
)
from app.keys import KdfParams, KeyFile, UserKeys, new_data_key
from app.paths import DataPaths
from app.signing import Signer
from app.store import Store
from app.uow import UnitOfWork
from models.base import new_id, utcnow
from models.people import ROLES, User

MIN_PASSWORD = 8
_USERNAME = re.compile(r"^[a-z0-9._-]{2,64}$")


def is_initialised(paths: DataPaths) -> bool:
    return paths.database.exists() and paths.keyfile.exists()


def _hasher(kdf: KdfParams) -> PasswordHasher:
    return PasswordHasher(
        time_cost=kdf.time_cost, memory_cost=kdf.memory_cost, parallelism=kdf.parallelism
    )


def check_new_credentials(username: str, display_name: str, password: str) -> None:
    if not _USERNAME.match(username):
        raise ValidationError(
            "Användarnamnet får bara innehålla små bokstäver a–z, siffror, punkt, bindestreck "
            "och understreck (2–64 tecken).",
            field="username",
        )
    if not display_name.strip():
        raise ValidationError("Skriv ett namn.", field="display_name")
    if len(password) < MIN_PASSWORD:
        raise ValidationError(
            f"Lösenordet måste ha minst {MIN_PASSWORD} tecken.", field="password"
        )


def _actor(user: User) -> Actor:
    return Actor(user.id, user.username, user.display_name, user.role)


def initialise(
    paths: DataPaths,
    username: str,
    display_name: str,
    password: str,
    *,
    kdf: KdfParams | None = None,
) -> Context:
    """Create the store and its first account (an admin). Refuses if a store exists."""
    check_new_credentials(username, display_name, password)
    if paths.database.exists() or paths.keyfile.exists():
        raise AlreadyInitialised()
    paths.ensure()
    kdf = kdf or KdfParams()
    keyfile = KeyFile(paths.keyfile, kdf)
    data_key = new_data_key()
    keys = UserKeys.generate()
    user_id = new_id()
    store = Store.open(paths.database, data_key, create=True)
    # The first admin signs their own row and pins their key: the root of trust in roles.
    with UnitOfWork(store, write=True, signer=Signer(user_id, keys.sign)) as uow:
        user = User(
            id=user_id,
            username=username,
            display_name=display_name.strip(),
            role="admin",
            password_hash=_hasher(kdf).hash(password),
            sign_pub=keys.sign_pub,
            created_at=utcnow(),
            active=True,
            old_sign_pubs=[],
        )
        identities.sign_user(uow.session, user)
        uow.session.add(user)
        uow.flush()
        actor = _actor(user)
        audit.record(uow.session, actor, "init", "user", user.id,
                     identities.pin(uow.session, user))
        audit.record(uow.session, actor, "login", "user", user.id)
        uow.commit()
        root = identities.root_of(user)
    keyfile.wrap(username, password, data_key, keys)
    keyfile.set_root(root)
    return Context(paths, store, keyfile, actor, data_key, user_keys=keys)


def login(
    paths: DataPaths, username: str, password: str, *, kdf: KdfParams | None = None
) -> Context:
    """Unwrap the user's keys with the password and open the store. Writes nothing on failure.

    A user still in the first key-file format gets personal keys now (their password is at
    hand only here) and their entry is rewritten in the new format."""
    if not is_initialised(paths):
        raise NotInitialised()
    keyfile = KeyFile(paths.keyfile, kdf or KdfParams())
    name = username.strip()
    unlocked = keyfile.unlock(name, password)
    store, data_key = rekey.open_store(paths, keyfile, unlocked)
    keys = unlocked.keys or UserKeys.generate()
    with UnitOfWork(store, write=True) as uow:
        user = uow.session.scalar(select(User).where(User.username == name))
        if user is None or not user.active:
            store.close()
            raise AuthenticationError("Kontot finns inte eller är avstängt.")
        signing.attach(uow.session, Signer(user.id, keys.sign))
        details = identities.upgrade_at_login(uow.session, user, keys, keyfile,
                                              unlocked.keys is None)
        actor = _actor(user)
        audit.record(uow.session, actor, "login", "user", user.id, details or None)
        uow.commit()
        root = identities.root_of(user) if details else None
    if unlocked.keys is None:
        keyfile.wrap(name, password, data_key, keys)
    if root is not None:
        keyfile.set_root(root)
    return Context(paths, store, keyfile, actor, data_key, user_keys=keys)


def verify_password(ctx: Context, password: str) -> bool:
    """Check the logged-in user's password (unlock after idle, leaving review mode)."""
    try:
        return ctx.keyfile.unwrap(ctx.actor.username, password) == ctx.data_key
    except AuthenticationError:
        return False


def add_user(
    ctx: Context, username: str, display_name: str, role: str, password: str
) -> UserInfo:
    ctx.require_role("admin")
    check_new_credentials(username, display_name, password)
    if role not in ROLES:
        raise ValidationError("Okänd roll.", field="role")
    keys = UserKeys.generate()
    with ctx.uow(write=True) as uow:
        if uow.session.scalar(select(User).where(User.username == username)):
            raise ValidationError("Användarnamnet är upptaget.", field="username")
        user = User(
            id=new_id(),
            username=username,
            display_name=display_name.strip(),
            role=role,
            password_hash=_hasher(ctx.keyfile.params).hash(password),
            sign_pub=keys.sign_pub,
            created_at=ctx.now(),
            active=True,
            old_sign_pubs=[],
        )
        identities.sign_user(uow.session, user)  # by the admin: the new user's role is theirs
        uow.session.add(user)
        uow.flush()
        audit.record(uow.session, ctx.actor, "user.add", "user", user.id, {"role": role},
                     now=ctx.now())
        uow.commit()
        info = _info(user)
    # Wrap the keys only once the account exists: a failed commit leaves no orphan key entry.
    ctx.keyfile.wrap(username, password, ctx.data_key, keys)
    return info


def change_password(ctx: Context, old: str, new: str) -> None:
    if not verify_password(ctx, old):
        raise AuthenticationError("Det nuvarande lösenordet är fel.")
    check_new_credentials(ctx.actor.username, ctx.actor.display_name, new)
    with ctx.uow(write=True) as uow:
        user = uow.session.get(User, ctx.actor.user_id)
        assert user is not None
        user.password_hash = _hasher(ctx.keyfile.params).hash(new)
        audit.record(uow.session, ctx.actor, "user.password", "user", user.id, now=ctx.now())
        uow.commit()
    ctx.keyfile.wrap(ctx.actor.username, new, ctx.data_key, ctx.user_keys)


def check_password_hash(stored_hash: str, password: str) -> bool:
    try:
        return PasswordHasher().verify(stored_hash, password)
    except VerificationError:
        return False


def list_users(ctx: Context) -> list[UserInfo]:
    with ctx.uow() as uow:
        return [_info(u) for u in uow.session.scalars(select(User).order_by(User.username))]


def _info(user: User) -> UserInfo:
    return UserInfo(user.id, user.username, user.display_name, user.role, user.active)


def log_out(ctx: Context) -> None:
    with ctx.uow(write=True) as uow:
        audit.record(uow.session, ctx.actor, "logout", "user", ctx.actor.user_id)
        uow.commit()
    ctx.close()
