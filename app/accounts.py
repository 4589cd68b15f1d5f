"""Accounts: first-run initialisation, login, users, passwords."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from typing import NoReturn

from argon2 import PasswordHasher
from argon2.exceptions import VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from app import access, audit
from app.access import Permission, Scope
from app.context import Context
from app.dto import Actor, UserInfo
from app.errors import (
    AccountLocked,
    AlreadyInitialised,
    AuthenticationError,
    NotInitialised,
    ValidationError,
    wait_text,
)
from app.keys import KdfParams, KeyFile, new_data_key
from app.login_guard import GuardCheck, GuardStatus, LoginGuard, name_key
from app.paths import DataPaths
from app.store import Store
from app.uow import UnitOfWork
from models.audit import AuditEvent
from models.base import utcnow
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
    store = Store.open(paths.database, data_key, create=True)
    guard = LoginGuard(paths.login_guard, utcnow)
    seen = guard.peek(username)
    with UnitOfWork(store, write=True) as uow:
        user = User(
            username=username,
            display_name=display_name.strip(),
            role="admin",
            password_hash=_hasher(kdf).hash(password),
        )
        uow.session.add(user)
        uow.flush()
        actor = _actor(user)
        audit.record(uow.session, actor, "init", "user", user.id)
        audit.record(uow.session, actor, "login", "user", user.id, {
            "failed_since_last": 0,
            "guard": {"epoch": seen.epoch, "generation": seen.generation + 1}})
        uow.commit()
    keyfile.wrap(username, password, data_key)
    guard.record_success(username, seen)
    return Context(paths, store, keyfile, actor, data_key)


def login(
    paths: DataPaths,
    username: str,
    password: str,
    *,
    kdf: KdfParams | None = None,
    clock: Callable[[], datetime] | None = None,
) -> Context:
    """Unwrap the data key with the password and open the store.

    A refused attempt changes nothing but the login guard's count (``app.login_guard``): a
    throttled or locked name is refused before its password is even tried. A successful one
    writes the failures since the last login to the audit log and tells the user about theirs
    (``Context.login_notices``)."""
    if not is_initialised(paths):
        raise NotInitialised()
    clock = clock or utcnow
    name = username.strip()
    guard = LoginGuard(paths.login_guard, clock)
    guard.check(name)
    keyfile = KeyFile(paths.keyfile, kdf or KdfParams())
    try:
        data_key = keyfile.unwrap(name, password)
    except AuthenticationError:
        _refuse(guard.record_failure(name, "login"))
    store = Store.open(paths.database, data_key)
    try:
        actor, notices = _open_session(store, guard, name, clock)
    except BaseException:
        store.close()
        raise
    return Context(paths, store, keyfile, actor, data_key, clock=clock, login_notices=notices)


def _refuse(status: GuardStatus, message: str = "Fel användarnamn eller lösenord.") -> NoReturn:
    if status.locked:
        raise AccountLocked()
    if status.wait_s:
        raise AuthenticationError(f"{message} {wait_text(status.wait_s)}",
                                  retry_after_s=status.wait_s)
    raise AuthenticationError(message)


def _open_session(store: Store, guard: LoginGuard, name: str,
                  clock: Callable[[], datetime]) -> tuple[Actor, tuple[str, ...]]:
    """The audited half of a login, once the password has opened the store."""
    seen = guard.peek(name)
    with UnitOfWork(store, write=True) as uow:
        s = uow.session
        user = s.scalar(select(User).where(User.username == name))
        if user is None or not user.active:
            audit.record(s, None, "login.denied", "user", user.id if user else "",
                         {"reason": "inactive" if user else "no account"}, now=clock())
            uow.commit()
            raise AuthenticationError("Kontot finns inte eller är avstängt.")
        actor = _actor(user)
        notices = _audit_guard(s, seen, clock())
        if seen.unseen:
            notices.insert(0, failed_attempts_text(seen.unseen))
        audit.record(s, actor, "login", "user", user.id, {
            "failed_since_last": seen.unseen,
            "guard": {"epoch": seen.epoch, "generation": seen.generation + 1},
        }, now=clock())
        uow.commit()
    guard.record_success(name, seen)
    return actor, tuple(notices)


def _audit_guard(s: Session, seen: GuardCheck, now: datetime) -> list[str]:
    """Audit the failures waiting in the guard file and check that it is the file the last
    login left behind (same epoch, generation not lower); returns the notices to show."""
    notices: list[str] = []
    last = s.scalar(select(AuditEvent.details).where(AuditEvent.action == "login")
                    .order_by(AuditEvent.seq.desc()).limit(1))
    before = last.get("guard") if isinstance(last, dict) else None
    if isinstance(before, dict) and (before.get("epoch") != seen.epoch
                                     or int(before.get("generation", 0)) > seen.generation):
        audit.record(s, None, "login.guard_reset", "", "", {
            "expected": before, "found": {"epoch": seen.epoch, "generation": seen.generation},
            "missing": seen.created}, now=now)
        notices.append(GUARD_RESET_NOTICE)
    users = {name_key(u.username): u for u in s.scalars(select(User))}
    for record in seen.pending:
        user = users.get(record.key)
        audit.record(s, None, "login.failed", "user", user.id if user else "", {
            "account": user.username if user else "", "count": record.count,
            "first": record.first, "last": record.last, "where": list(record.where)}, now=now)
    return notices


GUARD_RESET_NOTICE = (
    "Filen som räknar misslyckade inloggningar har tagits bort eller ersatts sedan förra "
    "inloggningen. Försök som gjordes under tiden kan saknas. Det har noterats i loggen.")


def failed_attempts_text(count: int) -> str:
    if count == 1:
        return "1 misslyckat inloggningsförsök sedan sist."
    return f"{count} misslyckade inloggningsförsök sedan sist."


def verify_password(ctx: Context, password: str) -> bool:
    """Check the logged-in user's password (unlock after idle, leaving review mode, signing,
    changing the password). Throttled like a login: while a wait or a lockout stands, this
    raises ``LoginThrottled``/``AccountLocked`` without trying the password. Every wrong
    password is counted and audited."""
    name = ctx.actor.username
    guard = LoginGuard(ctx.paths.login_guard, ctx.clock)
    guard.check(name)
    try:
        ok = ctx.keyfile.unwrap(name, password) == ctx.data_key
    except AuthenticationError:
        ok = False
    if ok:
        guard.clear_failures(name)
        return True
    status = guard.record_failure(name, "password_check", audited=True)
    with ctx.uow(write=True) as uow:
        audit.record(uow.session, ctx.actor, "login.failed", "user", ctx.actor.user_id, {
            "account": name, "count": 1, "where": ["password_check"],
            "failures": status.failures, "locked": status.locked}, now=ctx.now())
        uow.commit()
    if status.locked:
        raise AccountLocked()
    return False


def require_admin(ctx: Context, action: str, object_id: str = "") -> None:
    """Refuse ``action`` (on the user ``object_id``) unless the rules let the actor manage
    users; the unit of work audits a refusal as ``access.denied``."""
    if access.scope(ctx.actor, Permission.MANAGE_USERS) is not Scope.NONE:
        return
    with ctx.uow():
        raise access.denied(ctx.actor, Permission.MANAGE_USERS, "user", object_id, action)


def add_user(
    ctx: Context, username: str, display_name: str, role: str, password: str
) -> UserInfo:
    require_admin(ctx, "user.add")
    check_new_credentials(username, display_name, password)
    if role not in ROLES:
        raise ValidationError("Okänd roll.", field="role")
    with ctx.uow(write=True) as uow:
        if uow.session.scalar(select(User).where(User.username == username)):
            raise ValidationError("Användarnamnet är upptaget.", field="username")
        user = User(
            username=username,
            display_name=display_name.strip(),
            role=role,
            password_hash=_hasher(ctx.keyfile.params).hash(password),
        )
        uow.session.add(user)
        uow.flush()
        audit.record(uow.session, ctx.actor, "user.add", "user", user.id, {"role": role},
                     now=ctx.now())
        uow.commit()
        info = _info(user)
    # Wrap the key only once the account exists: a failed commit leaves no orphan key entry.
    ctx.keyfile.wrap(username, password, ctx.data_key)
    return info


def change_password(ctx: Context, old: str, new: str) -> None:
    """Every user changes their own password (the current one first; wrong is audited)."""
    if not verify_password(ctx, old):
        raise AuthenticationError("Det nuvarande lösenordet är fel.")
    check_new_credentials(ctx.actor.username, ctx.actor.display_name, new)
    with ctx.uow(write=True) as uow:
        user = uow.session.get(User, ctx.actor.user_id)
        assert user is not None
        user.password_hash = _hasher(ctx.keyfile.params).hash(new)
        audit.record(uow.session, ctx.actor, "user.password", "user", user.id, now=ctx.now())
        uow.commit()
    ctx.keyfile.wrap(ctx.actor.username, new, ctx.data_key)


def password_hash(ctx: Context, password: str) -> str:
    return _hasher(ctx.keyfile.params).hash(password)


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


def _rekey_after_removal(ctx: Context, removed_username: str) -> bool:
    """After ``removed_username``'s wrapped key left the key file: re-key what can be re-keyed,
    so that a copy of the removed user's old key entry opens nothing new. Returns True when
    the store (and audio) now use a new data key.

    The seam for ``app.keys.rekey_store`` (the trust-signing work, where the data key is
    sealed per user and an admin can re-key without the others' passwords; the lead wires it
    here at merge). With today's key file every entry wraps the one data key under its own
    user's password, which no admin knows, so a new key could be wrapped only for the admin
    doing this and everyone else would be locked out: nothing is re-keyed yet, and the caller
    audits ``rekeyed: false``. What already holds: the removed password opens no entry.
    """
    if removed_username in ctx.keyfile.usernames():
        raise RuntimeError("the removed user's key entry is still in the key file")
    return False
