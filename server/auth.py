"""``POST /api/v1/auth/device``: a server account's password buys a device token."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.base import iso
from models.sync_wire import DeviceLogin, DeviceToken
from server import audit, signers
from server.db import AuthorLink, User
from server.errors import ApiError
from server.security import (
    clear_failed_logins,
    issue_token,
    login_throttled,
    password_ok,
    record_failed_login,
)
from server.settings import ServerSettings


def login(session: Session, body: DeviceLogin, remote: str,
          settings: ServerSettings) -> DeviceToken:
    """Check the password (throttled per username and per address), link the laptop's local
    account as an author of this user, register its signing keys, and issue a token. The
    caller commits either way, so that a failed attempt counts."""
    if login_throttled(session, body.username, remote, settings.login_max_failures,
                       settings.login_max_failures_per_remote, settings.login_window_s):
        audit.append(session, "auth.throttled", outcome="429", remote=remote)
        raise ApiError(429, "throttled",
                       "För många misslyckade inloggningar. Försök igen om en stund.")
    user = session.scalar(select(User).where(User.username == body.username))
    if not password_ok(user.password_hash if user else None, body.password) \
            or user is None or not user.active:
        record_failed_login(session, body.username, remote, settings.login_window_s)
        audit.append(session, "auth.failed", actor=user.id if user else None, outcome="401",
                     remote=remote)
        raise ApiError(401, "bad_login", "Fel användarnamn eller lösenord.")
    author_id = body.author_id or user.id
    link = session.get(AuthorLink, author_id)
    # An author id that names another server user would let this account claim their keys.
    taken = link.user_id != user.id if link is not None else (
        author_id != user.id and session.get(User, author_id) is not None)
    if taken:
        audit.append(session, "auth.author_taken", actor=user.id, outcome="409",
                     remote=remote)
        raise ApiError(409, "author_taken",
                       "Det lokala kontot är redan kopplat till ett annat serverkonto.")
    if link is None:
        session.add(AuthorLink(author_id=author_id, user_id=user.id))
        session.flush()
    token, row = issue_token(session, user, body.device_id, body.label, settings.token_ttl_days)
    row.legacy_audit_seq = body.legacy_audit_seq
    # Keys are registered here and only here: the password has just been checked.
    keys = [k for k in (body.sign_pub, *body.old_sign_pubs) if k is not None]
    added = signers.register(session, user, author_id, body.display_name, keys, row.id)
    clear_failed_logins(session, body.username)
    audit.append(session, "auth.device", actor=user.id, token_id=row.id, object_type="device",
                 object_id=body.device_id, remote=remote, details={"keys_added": added})
    return DeviceToken(token=token, token_id=row.id, user_id=user.id, role=user.role,
                       unit_id=user.unit_id, expires_at=iso(row.expires_at))
