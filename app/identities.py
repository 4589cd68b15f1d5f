"""Users' personal keys in the store: signed user rows, the pinned first admin, key changes.

A user row (name, role, active, signing key) is trusted only when it is signed by an admin
whose own row is trusted, back to the first admin, whose key is pinned in ``keys.json`` and in
their signed ``pin`` (``app.trust`` checks this). So whoever changes a role or a user's key must
do it in a unit of work signed by an admin: the trustacct use cases (deactivate, set role) change
the row and then call ``sign_user`` before they commit.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit, signing
from app.context import Context
from app.errors import NotFound, ValidationError
from app.keys import KeyFile, Root, UserKeys
from models.audit import Installation
from models.canonical import content_hash
from models.people import User

PIN = "pin"


def sign_user(session: Session, user: User) -> None:
    """Sign ``user``'s row as it now stands by the session's user (an admin, or the first
    admin themselves). Call after every change of name, role, active or key."""
    user.signature, user.signer_id = signing.sign(session, user.to_record())


def give_new_keys(session: Session, user: User) -> UserKeys:
    """New personal keys for ``user`` (a password reset: the old private key is wrapped under a
    password nobody else knows), their row signed by the session's admin. The old public key
    stays in the row so their earlier signatures still verify; the caller wraps the keys."""
    keys = UserKeys.generate()
    if user.sign_pub:
        user.old_sign_pubs = [*user.old_sign_pubs, user.sign_pub]
    user.sign_pub = keys.sign_pub
    sign_user(session, user)
    return keys


def legacy_digest(session: Session) -> str:
    """The hash of the list of rows written before personal keys (``Installation.legacy``)."""
    return content_hash(session.scalar(select(Installation.legacy)) or {})


def pin(session: Session, user: User) -> dict[str, Any]:
    """The details that pin ``user`` (the first admin) as the root of trust: their key and the
    legacy rows they vouch for. Stored in their signed init/login event."""
    assert user.sign_pub is not None
    return {PIN: {"user_id": user.id, "sign_pub": user.sign_pub,
                  "legacy_digest": legacy_digest(session)}}


def upgrade_at_login(session: Session, user: User, keys: UserKeys, keyfile: KeyFile,
                     legacy_entry: bool) -> dict[str, Any]:
    """Bring a user's row up to their keys at login; the details for their login event.

    A first-format user gets their new key into their row, self-signed until an admin signs it
    (``app.trust`` accepts that only while the row equals its pinned legacy form). The first
    admin to log in with no root pinned becomes the root; an admin with a trusted row signs the
    self-signed rows of others whose keys match ``keys.json``."""
    details: dict[str, Any] = {}
    if legacy_entry or user.sign_pub != keys.sign_pub:
        user.sign_pub = keys.sign_pub
        sign_user(session, user)
    root = keyfile.root()
    if user.role != "admin":
        return details
    if root is None and user.signer_id == user.id:
        details = pin(session, user)
    is_trusted = (root is not None and root.user_id == user.id) or details or (
        user.signer_id not in (None, user.id))
    if is_trusted:
        published = keyfile.public_keys()
        for other in session.scalars(select(User).where(User.id != user.id)):
            if other.signer_id == other.id and published.get(other.username) == other.sign_pub:
                sign_user(session, other)
    return details


def root_of(user: User) -> Root:
    assert user.sign_pub is not None
    return Root(user.id, user.username, user.sign_pub)


def reset_user_keys(ctx: Context, username: str, new_password: str) -> None:
    """Admin: give ``username`` a new password and new personal keys (their old private key is
    wrapped under a password nobody else knows). The old public key stays in the row so their
    earlier signatures still verify. For the admin UI's "reset password"."""
    ctx.require_role("admin")
    with ctx.uow(write=True) as uow:
        user = uow.session.scalar(select(User).where(User.username == username))
        if user is None:
            raise NotFound("Kontot")
        if not user.active:
            raise ValidationError("Kontot är avstängt.", field="username")
        keys = give_new_keys(uow.session, user)
        audit.record(uow.session, ctx.actor, "user.keys.reset", "user", user.id, now=ctx.now())
        uow.commit()
    ctx.keyfile.wrap(username, new_password, ctx.data_key, keys)
