"""Password hashes (Argon2id), device tokens (only their SHA-256 is stored) and login throttling."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from models.base import utcnow
from server.db import DeviceTokenRow, LoginAttempt, User

_hasher = PasswordHasher()
# For tests only: a hash made with these is verified just as cheaply.
FAST_TEST_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
# Verified against when the username is unknown, so that a wrong name costs as long as a
# wrong password and timing does not tell which names exist.
_DUMMY_HASH = _hasher.hash(secrets.token_hex(16))


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def password_ok(stored_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(stored_hash or _DUMMY_HASH, password) and stored_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def token_hash(token: str) -> str:
    # A token is 256 random bits: a plain SHA-256 is enough to make the stored value useless.
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def username_key(username: str) -> str:
    return hashlib.sha256(username.strip().lower().encode("utf-8")).hexdigest()


def issue_token(session: Session, user: User, device_id: str, label: str,
                ttl_days: int) -> tuple[str, DeviceTokenRow]:
    token = secrets.token_urlsafe(32)
    row = DeviceTokenRow(token_hash=token_hash(token), user_id=user.id, device_id=device_id,
                         label=label, expires_at=utcnow() + timedelta(days=ttl_days))
    session.add(row)
    session.flush()
    return token, row


@dataclass(frozen=True)
class Caller:
    """Who a request comes from, once its token has been checked."""

    user_id: str
    role: str
    unit_id: str
    token_id: str
    device_id: str


def authenticate(session: Session, token: str, now: datetime | None = None) -> Caller | None:
    """The caller of a valid token: known, not expired, not revoked, its user still active."""
    now = now or utcnow()
    row = session.scalar(select(DeviceTokenRow).where(DeviceTokenRow.token_hash == token_hash(token)))
    if row is None or row.revoked_at is not None or row.expires_at <= now:
        return None
    user = session.get(User, row.user_id)
    if user is None or not user.active:
        return None
    row.last_used_at = now
    return Caller(user_id=user.id, role=user.role, unit_id=user.unit_id, token_id=row.id,
                  device_id=row.device_id)


def login_throttled(session: Session, username: str, remote: str, max_per_user: int,
                    max_per_remote: int, window_s: int) -> bool:
    """Too many failed logins for this username or from this address within the window."""
    since = utcnow() - timedelta(seconds=window_s)
    by_user = session.scalar(select(func.count()).select_from(LoginAttempt).where(
        LoginAttempt.username_key == username_key(username), LoginAttempt.at > since)) or 0
    by_remote = session.scalar(select(func.count()).select_from(LoginAttempt).where(
        LoginAttempt.remote == remote, LoginAttempt.at > since)) or 0
    return by_user >= max_per_user or by_remote >= max_per_remote


def record_failed_login(session: Session, username: str, remote: str, window_s: int) -> None:
    session.add(LoginAttempt(username_key=username_key(username), remote=remote[:64]))
    # Old attempts no longer count; dropping them keeps the table small.
    cutoff = utcnow() - timedelta(seconds=window_s * 4)
    session.execute(delete(LoginAttempt).where(LoginAttempt.at < cutoff))


def clear_failed_logins(session: Session, username: str) -> None:
    session.execute(delete(LoginAttempt).where(LoginAttempt.username_key == username_key(username)))
