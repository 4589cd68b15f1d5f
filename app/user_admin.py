"""Accounts an organisation runs: the admin's list of users, deactivation, password resets and
lifted lockouts. Every action and every refusal is audited; only admins get past the door.

The door is ``accounts.require_admin``; the login guard (``app.login_guard``) holds the
lockouts. Adding a user and changing one's own password stay in ``app.accounts``.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import accounts, audit, identities
from app.context import Context
from app.dto import AccountInfo
from app.errors import NotFound, ValidationError
from app.login_guard import LoginGuard
from models.people import User


def _guard(ctx: Context) -> LoginGuard:
    return LoginGuard(ctx.paths.login_guard, ctx.clock)


def _user(s: Session, username: str) -> User:
    user = s.scalar(select(User).where(User.username == username.strip()))
    if user is None:
        raise NotFound("Kontot")
    return user


def list_accounts(ctx: Context) -> list[AccountInfo]:
    """Every account with its role, whether it is active, locked out, and has a key."""
    accounts.require_admin(ctx, "user.list")
    with ctx.uow(write=True) as uow:
        audit.record(uow.session, ctx.actor, "user.list", now=ctx.now())
        uow.commit()
    return _accounts(ctx)


def _accounts(ctx: Context) -> list[AccountInfo]:
    guard = _guard(ctx)
    keyed = set(ctx.keyfile.usernames())
    with ctx.uow() as uow:
        rows = [(u.id, u.username, u.display_name, u.role, u.active)
                for u in uow.session.scalars(select(User).order_by(User.username))]
    out = []
    for user_id, name, display, role, active in rows:
        status = guard.status(name)
        out.append(AccountInfo(user_id, name, display, role, active, status.locked,
                               status.failures, name in keyed))
    return out


def deactivate_user(ctx: Context, username: str) -> AccountInfo:
    """Turn an account off: it can no longer log in, its wrapped key leaves the key file and
    the store is re-keyed as far as ``accounts._rekey_after_removal`` can. Its records stay."""
    accounts.require_admin(ctx, "user.deactivate", username)
    if username.strip() == ctx.actor.username:
        raise ValidationError("Du kan inte stänga av ditt eget konto.", field="username")
    with ctx.uow(write=True) as uow:
        user = _user(uow.session, username)
        if not user.active:
            raise ValidationError("Kontot är redan avstängt.", field="username")
        user.active = False
        identities.sign_user(uow.session, user)  # the admin vouches for the change
        audit.record(uow.session, ctx.actor, "user.deactivate", "user", user.id,
                     {"account": user.username}, now=ctx.now())
        uow.commit()
        name, user_id = user.username, user.id
    # The row first: were the key removal to fail, the inactive account still cannot log in.
    ctx.keyfile.remove(name)
    rekeyed = accounts._rekey_after_removal(ctx, name)
    with ctx.uow(write=True) as uow:
        audit.record(uow.session, ctx.actor, "user.key_removed", "user", user_id,
                     {"account": name, "rekeyed": rekeyed}, now=ctx.now())
        uow.commit()
    return _info(ctx, name)


def reset_password(ctx: Context, username: str, new_password: str) -> AccountInfo:
    """An admin sets a new password for someone who forgot theirs; a lockout is lifted too."""
    accounts.require_admin(ctx, "user.password_reset", username)
    with ctx.uow(write=True) as uow:
        user = _user(uow.session, username)
        accounts.check_new_credentials(user.username, user.display_name, new_password)
        if not user.active:
            raise ValidationError("Kontot är avstängt.", field="username")
        user.password_hash = accounts.password_hash(ctx, new_password)
        keys = identities.give_new_keys(uow.session, user)
        was_locked = _guard(ctx).status(user.username).locked
        audit.record(uow.session, ctx.actor, "user.password_reset", "user", user.id,
                     {"account": user.username, "unlocked": was_locked}, now=ctx.now())
        uow.commit()
        name = user.username
    ctx.keyfile.wrap(name, new_password, ctx.data_key, keys)
    _guard(ctx).unlock(name)
    return _info(ctx, name)


def unlock_user(ctx: Context, username: str) -> AccountInfo:
    """Lift a lockout after too many wrong passwords (the count starts again)."""
    accounts.require_admin(ctx, "user.unlock", username)
    with ctx.uow(write=True) as uow:
        user = _user(uow.session, username)
        was_locked = _guard(ctx).unlock(user.username)
        audit.record(uow.session, ctx.actor, "user.unlock", "user", user.id,
                     {"account": user.username, "was_locked": was_locked}, now=ctx.now())
        uow.commit()
        name = user.username
    return _info(ctx, name)


def _info(ctx: Context, username: str) -> AccountInfo:
    return next(a for a in _accounts(ctx) if a.username == username)
