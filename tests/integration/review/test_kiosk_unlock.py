"""Leaving the review kiosk: each caseworker's own PIN, a growing wait after wrong guesses,
only the starter unlocks, and a damaged PIN hash never locks anyone out."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import select

from app import notes, review, review_unlock
from app.context import Context
from app.dto import PersonInput
from app.errors import ValidationError
from models.audit import AuditEvent
from tests.support.store import (
    CASEWORKER,
    CASEWORKER_PASSWORD,
    SUPERVISOR_PASSWORD,
    FixedClock,
    make_case,
    raw_connection,
)


def _review(ctx: Context) -> str:
    case = make_case(ctx, persons=[PersonInput("child", "Tindra Trastvinge")])
    note = notes.create_draft(ctx, case.id, "Ett.\n\nTvå.")
    return review.start(ctx, note.id, audience="child",
                        present=[review.PresentPerson("Tindra Trastvinge", "child")]).review_id


def _actions(ctx: Context) -> list[tuple[str, dict[str, object]]]:
    with ctx.uow() as uow:
        return [(e.action, dict(e.details)) for e in
                uow.session.scalars(select(AuditEvent).order_by(AuditEvent.seq))]


def test_each_caseworker_has_their_own_pin(caseworker: Context, supervisor: Context) -> None:
    review_unlock.set_pin(caseworker, "4711")
    assert review_unlock.pin_state(caseworker).has_pin
    assert not review_unlock.pin_state(supervisor).has_pin  # nobody sets another's PIN
    review_unlock.set_pin(supervisor, "1234")
    review_id = _review(caseworker)
    assert not review_unlock.attempt(caseworker, review_id, "1234").ok  # a colleague's PIN
    assert not review_unlock.attempt(caseworker, review_id, SUPERVISOR_PASSWORD).ok
    assert review_unlock.attempt(caseworker, review_id, "4711").ok
    assert review_unlock.attempt(caseworker, review_id, CASEWORKER_PASSWORD).ok
    assert ("review.pin_set", {}) in _actions(caseworker)


def test_only_the_starter_unlocks_their_review(caseworker: Context, supervisor: Context) -> None:
    review_id = _review(caseworker)
    result = review_unlock.attempt(supervisor, review_id, SUPERVISOR_PASSWORD)
    assert not result.ok
    failed = [d for a, d in _actions(supervisor) if a == "review.unlock_failed"]
    assert failed == [{"failures": 1, "reason": "not_started_by_user"}]


@pytest.mark.parametrize("pin", ["12", "12a4", "١٢٣٤", "1234567890123"])
def test_a_pin_is_four_to_twelve_ascii_digits(caseworker: Context, pin: str) -> None:
    with pytest.raises(ValidationError):
        review_unlock.set_pin(caseworker, pin)


def test_wrong_guesses_make_a_growing_wait_then_only_the_password_opens(
        caseworker: Context, clock: FixedClock) -> None:
    review_unlock.set_pin(caseworker, "4711")
    review_id = _review(caseworker)
    waits = []
    for guess in range(review_unlock.PIN_TRIES):
        result = review_unlock.attempt(caseworker, review_id, "0000")
        assert not result.ok and not result.too_early
        waits.append(result.wait_s)
        if guess < review_unlock.PIN_TRIES - 1:
            clock.advance(seconds=result.wait_s)
    assert waits == [0, 0, 2, 4, 8]
    # During a wait nothing is checked, not even the right password.
    clock.advance(seconds=3)
    too_early = review_unlock.attempt(caseworker, review_id, CASEWORKER_PASSWORD)
    assert too_early.too_early and not too_early.ok and too_early.wait_s == 5
    clock.advance(seconds=5)
    # Five wrong guesses: the right PIN no longer opens, only the password does.
    blocked = review_unlock.attempt(caseworker, review_id, "4711")
    assert not blocked.ok and blocked.pin_blocked and not blocked.pin_usable
    clock.advance(seconds=blocked.wait_s)
    assert review_unlock.attempt(caseworker, review_id, CASEWORKER_PASSWORD).ok
    assert review_unlock.attempt(caseworker, review_id, "4711").ok  # the password reset it
    actions = [a for a, _ in _actions(caseworker)]
    assert actions.count("review.pin_blocked") == 1 and "review.unlock" in actions


def test_the_wait_is_kept_in_the_store(caseworker: Context,
                                       login: Callable[[str, str], Context],
                                       clock: FixedClock) -> None:
    review_id = _review(caseworker)
    for _ in range(3):
        review_unlock.attempt(caseworker, review_id, "fel")
    again = login(CASEWORKER, CASEWORKER_PASSWORD)  # starting the app again resets nothing
    again.clock = clock
    assert review_unlock.pin_state(again).wait_s == 2
    assert review_unlock.attempt(again, review_id, CASEWORKER_PASSWORD).too_early
    assert review_unlock.wait_after(50) == review_unlock.MAX_WAIT_S


@pytest.mark.parametrize("damage", ["garbage", "", "$argon2id$v=19$m=65536,t=3,p=4$xx$yy"])
def test_a_damaged_pin_hash_falls_back_to_the_password(
        caseworker: Context, damage: str) -> None:
    review_unlock.set_pin(caseworker, "4711")
    with raw_connection(caseworker.paths.database, caseworker.data_key) as conn:
        conn.execute("UPDATE review_pins SET pin_hash = ?", (damage or "x",))
    review_id = _review(caseworker)
    assert not review_unlock.attempt(caseworker, review_id, "4711").ok
    assert review_unlock.attempt(caseworker, review_id, CASEWORKER_PASSWORD).ok
    state = review_unlock.pin_state(caseworker)
    assert state.has_pin and state.wait_s == 0


def test_review_verify_unlock_is_the_same_check(caseworker: Context) -> None:
    review_unlock.set_pin(caseworker, "2580")
    assert review.verify_unlock(caseworker, "2580")
    review.set_review_pin(caseworker, "")
    assert not review.verify_unlock(caseworker, "2580")
    assert review.verify_unlock(caseworker, CASEWORKER_PASSWORD)
