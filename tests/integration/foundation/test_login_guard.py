"""Login throttling: a growing wait after wrong passwords, then a lockout an admin lifts; the
failures are audited and told at the next login, and a deleted guard file is noticed."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import select

from app import accounts, user_admin
from app.context import Context
from app.errors import AccountLocked, AuthenticationError, LoginThrottled
from app.keys import FAST_TEST_KDF
from app.login_guard import LOCKOUT_AFTER, delay_after
from app.paths import DataPaths
from models.audit import AuditEvent
from tests.support.store import (
    ADMIN,
    ADMIN_PASSWORD,
    CASEWORKER,
    CASEWORKER_PASSWORD,
    FixedClock,
)

Login = Callable[[str, str], Context]


def _try(paths: DataPaths, clock: FixedClock, user: str, password: str) -> Context:
    return accounts.login(paths, user, password, kdf=FAST_TEST_KDF, clock=clock)


@dataclass(frozen=True)
class Event:
    username: str
    details: dict[str, Any]


def _events(ctx: Context, action: str) -> list[Event]:
    with ctx.uow() as uow:
        return [Event(e.username, e.details) for e in uow.session.scalars(
            select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.seq))]


def test_the_wait_grows_0_0_1_2_4_8_and_is_capped() -> None:
    assert [delay_after(n) for n in range(1, 9)] == [0, 0, 1, 2, 4, 8, 16, 32]
    assert delay_after(40) == 60


def test_wrong_passwords_slow_down_then_lock_without_sleeping(
    caseworker: Context, clock: FixedClock
) -> None:
    paths = caseworker.paths
    caseworker.close()
    for _ in range(2):  # two typos cost nothing
        with pytest.raises(AuthenticationError) as info:
            _try(paths, clock, CASEWORKER, "fel")
        assert info.value.retry_after_s == 0
    with pytest.raises(AuthenticationError, match="Vänta 1 sekund innan") as info:
        _try(paths, clock, CASEWORKER, "fel")
    assert info.value.retry_after_s == 1
    # Too soon: refused at once, even with the right password, and the count does not grow.
    with pytest.raises(LoginThrottled, match="Vänta 1 sekund"):
        _try(paths, clock, CASEWORKER, CASEWORKER_PASSWORD)
    clock.advance(seconds=1)
    with pytest.raises(AuthenticationError, match="Vänta 2 sekunder"):
        _try(paths, clock, CASEWORKER, "fel")
    for failures in range(5, LOCKOUT_AFTER):
        clock.advance(seconds=delay_after(failures - 1))
        with pytest.raises(AuthenticationError) as info:
            _try(paths, clock, CASEWORKER, "fel")
        assert info.value.retry_after_s == delay_after(failures)
    clock.advance(seconds=delay_after(LOCKOUT_AFTER - 1))
    with pytest.raises(AccountLocked):
        _try(paths, clock, CASEWORKER, "fel")
    clock.advance(hours=24)  # a lockout does not expire
    with pytest.raises(AccountLocked, match="administratör"):
        _try(paths, clock, CASEWORKER, CASEWORKER_PASSWORD)


def test_an_admin_lifts_the_lockout_and_the_user_is_told_how_many_failed(
    admin: Context, caseworker: Context, clock: FixedClock
) -> None:
    paths = caseworker.paths
    caseworker.close()
    for _ in range(LOCKOUT_AFTER):
        clock.advance(seconds=60)
        with pytest.raises(AuthenticationError):
            _try(paths, clock, CASEWORKER, "gissning")
    listed = {a.username: a for a in user_admin.list_accounts(admin)}
    assert listed[CASEWORKER].locked and listed[CASEWORKER].failed_attempts == LOCKOUT_AFTER
    user_admin.unlock_user(admin, CASEWORKER)
    assert _events(admin, "user.unlock")[-1].details["was_locked"] is True
    again = _try(paths, clock, CASEWORKER, CASEWORKER_PASSWORD)
    try:
        assert again.login_notices == (f"{LOCKOUT_AFTER} misslyckade inloggningsförsök sedan "
                                       "sist.",)
        failed = _events(again, "login.failed")
        assert sum(e.details["count"] for e in failed) == LOCKOUT_AFTER
        assert {e.details["account"] for e in failed} == {CASEWORKER}
        assert _events(again, "login")[-1].details["failed_since_last"] == LOCKOUT_AFTER
    finally:
        again.close()
    told_once = _try(paths, clock, CASEWORKER, CASEWORKER_PASSWORD)
    assert told_once.login_notices == ()
    assert sum(e.details["count"] for e in _events(told_once, "login.failed")) == LOCKOUT_AFTER
    told_once.close()


def test_failures_survive_a_restart_and_name_no_password(
    admin: Context, clock: FixedClock
) -> None:
    paths = admin.paths
    admin.close()
    with pytest.raises(AuthenticationError):
        _try(paths, clock, "hemligt-lösen-i-namnfältet", "x")  # typed in the wrong field
    for _ in range(3):
        clock.advance(seconds=5)
        with pytest.raises(AuthenticationError):
            _try(paths, clock, ADMIN, "fel")
    text = paths.login_guard.read_text(encoding="utf-8")
    assert "hemligt" not in text and ADMIN not in text
    # A new process reads the same file: the wait is still there.
    with pytest.raises(LoginThrottled):
        _try(paths, clock, ADMIN, ADMIN_PASSWORD)


def test_a_deleted_guard_file_is_noticed_and_audited(admin: Context, clock: FixedClock) -> None:
    paths = admin.paths
    admin.close()
    for _ in range(LOCKOUT_AFTER):
        clock.advance(seconds=60)
        with pytest.raises(AuthenticationError):
            _try(paths, clock, ADMIN, "fel")
    paths.login_guard.unlink()  # someone hides their guessing (and the lockout)
    ctx = _try(paths, clock, ADMIN, ADMIN_PASSWORD)
    try:
        assert any("tagits bort eller ersatts" in n for n in ctx.login_notices)
        reset = _events(ctx, "login.guard_reset")
        assert len(reset) == 1 and reset[0].details["missing"] is True
    finally:
        ctx.close()
    calm = _try(paths, clock, ADMIN, ADMIN_PASSWORD)  # the new file is the expected one now
    assert calm.login_notices == ()
    calm.close()


def test_a_rolled_back_guard_file_is_noticed(admin: Context, clock: FixedClock) -> None:
    paths = admin.paths
    admin.close()
    old_copy = paths.login_guard.read_bytes()
    ctx = _try(paths, clock, ADMIN, ADMIN_PASSWORD)
    ctx.close()
    paths.login_guard.write_bytes(old_copy)
    again = _try(paths, clock, ADMIN, ADMIN_PASSWORD)
    try:
        assert len(_events(again, "login.guard_reset")) == 1
    finally:
        again.close()


def test_a_garbled_guard_file_neither_crashes_nor_resets_silently(
    admin: Context, clock: FixedClock
) -> None:
    paths = admin.paths
    admin.close()
    paths.login_guard.write_text(json.dumps({"epoch": 1, "users": []}), encoding="utf-8")
    ctx = _try(paths, clock, ADMIN, ADMIN_PASSWORD)
    try:
        assert len(_events(ctx, "login.guard_reset")) == 1
    finally:
        ctx.close()


def test_the_lock_screen_password_is_throttled_and_audited(
    caseworker: Context, clock: FixedClock
) -> None:
    for _ in range(3):
        assert accounts.verify_password(caseworker, "fel") is False
    with pytest.raises(LoginThrottled):
        accounts.verify_password(caseworker, CASEWORKER_PASSWORD)
    clock.advance(seconds=1)
    assert accounts.verify_password(caseworker, CASEWORKER_PASSWORD) is True
    failed = _events(caseworker, "login.failed")
    assert [e.details["where"] for e in failed] == [["password_check"]] * 3
    for _ in range(LOCKOUT_AFTER):
        clock.advance(seconds=60)
        try:
            accounts.verify_password(caseworker, "fel")
        except AccountLocked:
            break
    with pytest.raises(AccountLocked):
        accounts.verify_password(caseworker, CASEWORKER_PASSWORD)
