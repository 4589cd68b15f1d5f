"""Leaving the review kiosk: each caseworker's own review PIN, or their password.

Only the caseworker who started a review can end it: the PIN checked is theirs and the password
is the logged-in user's (the review's starter), so a colleague's PIN or password opens nothing.
Wrong guesses slow down (no wait for the first ``FREE_TRIES``, then 2, 4, 8 … seconds, at most
``MAX_WAIT_S``), and after ``PIN_TRIES`` wrong guesses only the password opens until it has been
used once: a 4-digit PIN cannot be guessed at a screen the family sits at. The count is kept in
the store, so starting the app again does not reset it. A PIN hash that cannot be read (a damaged
row) never locks anyone out: the password still opens.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass
from datetime import datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy.orm import Session

from app import audit
from app.accounts import verify_password
from app.context import Context
from app.errors import NotFound, ValidationError
from models.journal import JournalNote, Review
from models.kiosk import ReviewPin

log = logging.getLogger(__name__)

FREE_TRIES = 2  # a typo and a careful second try cost nothing
PIN_TRIES = 5  # wrong guesses before only the password opens
MAX_WAIT_S = 300
MIN_PIN, MAX_PIN = 4, 12


@dataclass(frozen=True)
class PinState:
    """What the unlock prompt says: is there a PIN, may it be used now, how long to wait."""

    has_pin: bool
    pin_usable: bool  # set, readable and not blocked by wrong guesses
    wait_s: int


@dataclass(frozen=True)
class UnlockAttempt:
    """The answer to one try; true when it opens."""

    ok: bool
    wait_s: int  # seconds before the next try is checked (0: at once)
    pin_usable: bool
    pin_blocked: bool = False  # a PIN is set but too many wrong guesses: only the password
    too_early: bool = False  # the try came during the wait: nothing was checked

    def __bool__(self) -> bool:
        return self.ok


def wait_after(failures: int) -> int:
    """Seconds to wait after ``failures`` wrong guesses in a row."""
    if failures <= FREE_TRIES:
        return 0
    return int(min(MAX_WAIT_S, 2 ** (failures - FREE_TRIES)))


def set_pin(ctx: Context, pin: str) -> None:
    """Set or (with "") remove the logged-in user's own PIN; nobody sets another's."""
    if pin and (not pin.isascii() or not pin.isdigit() or not MIN_PIN <= len(pin) <= MAX_PIN):
        raise ValidationError("PIN-koden ska vara 4–12 siffror.", field="pin")
    params = ctx.keyfile.params
    pin_hash = PasswordHasher(time_cost=params.time_cost, memory_cost=params.memory_cost,
                              parallelism=params.parallelism).hash(pin) if pin else ""
    with ctx.uow(write=True) as uow:
        row = _row(uow.session, ctx.actor.user_id)
        row.pin_hash = pin_hash
        row.failures, row.last_failure_at = 0, None
        row.updated_at = ctx.now()
        audit.record(uow.session, ctx.actor, "review.pin_set" if pin else "review.pin_removed",
                     "user", ctx.actor.user_id, now=ctx.now())
        uow.commit()


def pin_state(ctx: Context) -> PinState:
    with ctx.uow() as uow:
        row = uow.session.get(ReviewPin, ctx.actor.user_id)
        if row is None:
            return PinState(False, False, 0)
        return PinState(bool(row.pin_hash), _pin_usable(row),
                        _remaining(row.failures, row.last_failure_at, ctx.now()))


def attempt(ctx: Context, review_id: str | None, secret: str) -> UnlockAttempt:
    """Check ``secret`` for leaving the kiosk of ``review_id`` (None: no review bound, as for
    the settings' "test your PIN"). The slow checks run outside the store's write lock."""
    uid = ctx.actor.user_id
    with ctx.uow() as uow:
        s = uow.session
        starter_ok = review_id is None or _started_by(s, review_id) == uid
        row = s.get(ReviewPin, uid)
        failures = row.failures if row else 0
        pin_hash = row.pin_hash if row else ""
        pin_usable = bool(row and _pin_usable(row))
        blocked = bool(row and _pin_blocked(row))
        wait = _remaining(failures, row.last_failure_at if row else None, ctx.now())
    if wait:
        return UnlockAttempt(False, wait, pin_usable, blocked, too_early=True)
    how = ""
    if starter_ok:
        if pin_usable and _pin_matches(pin_hash, secret):
            how = "pin"
        elif verify_password(ctx, secret):
            how = "password"
    return _record(ctx, review_id, how, starter_ok)


def _record(ctx: Context, review_id: str | None, how: str, starter_ok: bool) -> UnlockAttempt:
    uid = ctx.actor.user_id
    now = ctx.now()
    with ctx.uow(write=True) as uow:
        s = uow.session
        row = _row(s, uid)
        target = ("review", review_id or "")
        if how:
            row.failures, row.last_failure_at = 0, None
            audit.record(s, ctx.actor, "review.unlock", *target, {"with": how}, now=now)
        else:
            row.failures += 1
            row.last_failure_at = now
            details: dict[str, object] = {"failures": row.failures}
            if not starter_ok:
                details["reason"] = "not_started_by_user"
            audit.record(s, ctx.actor, "review.unlock_failed", *target, details, now=now)
            if row.failures == PIN_TRIES and row.pin_hash:
                audit.record(s, ctx.actor, "review.pin_blocked", "user", uid, now=now)
        result = UnlockAttempt(bool(how), _remaining(row.failures, row.last_failure_at, now),
                               _pin_usable(row), _pin_blocked(row))
        uow.commit()
        return result


def _started_by(s: Session, review_id: str) -> str:
    review = s.get(Review, review_id)
    if review is None or s.get(JournalNote, review.note_id) is None:
        raise NotFound("Genomgången")
    return review.started_by


def _row(s: Session, user_id: str) -> ReviewPin:
    row = s.get(ReviewPin, user_id)
    if row is None:
        row = ReviewPin(user_id=user_id, pin_hash="", failures=0)
        s.add(row)
    return row


def _pin_usable(row: ReviewPin) -> bool:
    return bool(row.pin_hash) and row.failures < PIN_TRIES and _readable(row.pin_hash)


def _pin_blocked(row: ReviewPin) -> bool:
    return bool(row.pin_hash) and row.failures >= PIN_TRIES


def _readable(pin_hash: str) -> bool:
    try:
        PasswordHasher().check_needs_rehash(pin_hash)
    except (InvalidHashError, ValueError):
        return False
    return True


def _pin_matches(pin_hash: str, secret: str) -> bool:
    try:
        return PasswordHasher().verify(pin_hash, secret)
    except VerificationError:
        return False
    except (InvalidHashError, ValueError):
        # A damaged hash must never lock the caseworker out: the password still opens.
        log.warning("the review PIN hash cannot be read; only the password opens the kiosk")
        return False


def _remaining(failures: int, last_failure_at: datetime | None, now: datetime) -> int:
    if last_failure_at is None:
        return 0
    left = wait_after(failures) - (now - last_failure_at).total_seconds()
    # A quarter second of slack: the prompt counts down on a timer that may end a moment
    # before this clock says the wait is over.
    return max(0, math.ceil(left - 0.25))
