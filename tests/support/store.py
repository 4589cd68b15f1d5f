"""Fixtures for tests on a real encrypted store: data folder, logged-in users, a fixed clock."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlcipher3

from app import accounts, cases
from app.context import Context
from app.dto import CaseDetail, PersonInput
from app.keys import FAST_TEST_KDF
from app.paths import DataPaths
from app.personnummer import luhn_ok
from app.uow import UnitOfWork

ADMIN = "admin"
ADMIN_PASSWORD = "korrekt-häst-batteri"
CASEWORKER = "handlaggare"
CASEWORKER_PASSWORD = "socialsekreterare-1"
SUPERVISOR = "enhetschef"
SUPERVISOR_PASSWORD = "enhetschef-lösen-2"
START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@dataclass
class FixedClock:
    """A clock that stands still until a test moves it."""

    now: datetime = START

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


def with_check_digit(nine_digits: str) -> str:
    """Complete YYMMDDNNN with the Luhn check digit that makes it valid."""
    return next(nine_digits + d for d in "0123456789" if luhn_ok(nine_digits + d))


def personnummer(yymmdd: str, serial: str = "238", century: str = "") -> str:
    """A valid personnummer in the written form ``[CC]YYMMDD-NNNN``."""
    digits = with_check_digit(yymmdd + serial)
    return f"{century}{digits[:6]}-{digits[6:]}"


def make_case(
    ctx: Context,
    number: str = "2026-0001",
    title: str = "Utredning barn",
    persons: list[PersonInput] | None = None,
) -> CaseDetail:
    return cases.create_case(ctx, number, title,
                             persons or [PersonInput("child", "Kim Testsson")])


@contextmanager
def raw_connection(path: Path, data_key: bytes) -> Iterator[sqlcipher3.Connection]:
    """A bare SQLCipher connection, as an attacker who holds the key would use."""
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    try:
        conn.execute(f"PRAGMA key = \"x'{data_key.hex()}'\"")
        conn.execute("PRAGMA cipher_log_level = NONE")
        yield conn
    finally:
        conn.close()


@pytest.fixture
def data_paths(tmp_path: Path) -> DataPaths:
    return DataPaths(tmp_path / "data")


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock()


@pytest.fixture
def login(data_paths: DataPaths) -> Iterator[Callable[[str, str], Context]]:
    """Log in (with the fast test KDF); every context is closed at teardown."""
    opened: list[Context] = []

    def _login(username: str, password: str) -> Context:
        ctx = accounts.login(data_paths, username, password, kdf=FAST_TEST_KDF)
        opened.append(ctx)
        return ctx

    yield _login
    for ctx in opened:
        ctx.close()


@pytest.fixture
def admin(data_paths: DataPaths, clock: FixedClock) -> Iterator[Context]:
    """A fresh store and its first account (admin), logged in, on the fixed clock."""
    ctx = accounts.initialise(
        data_paths, ADMIN, "Astrid Administratör", ADMIN_PASSWORD, kdf=FAST_TEST_KDF
    )
    ctx.clock = clock
    yield ctx
    ctx.close()


def _second_user(
    admin: Context,
    login: Callable[[str, str], Context],
    clock: FixedClock,
    username: str,
    name: str,
    role: str,
    password: str,
) -> Context:
    accounts.add_user(admin, username, name, role, password)
    ctx = login(username, password)
    ctx.clock = clock
    return ctx


@pytest.fixture
def caseworker(admin: Context, login: Callable[[str, str], Context], clock: FixedClock) -> Context:
    return _second_user(
        admin, login, clock, CASEWORKER, "Cecilia Handläggare", "caseworker", CASEWORKER_PASSWORD
    )


@pytest.fixture
def supervisor(admin: Context, login: Callable[[str, str], Context], clock: FixedClock) -> Context:
    return _second_user(
        admin, login, clock, SUPERVISOR, "Sune Enhetschef", "supervisor", SUPERVISOR_PASSWORD
    )


@contextmanager
def counting_uows(ctx: Context, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[bool]]:
    """Counts the units of work ``ctx`` opens (the list holds each one's ``write``)."""
    opened: list[bool] = []
    real = ctx.uow

    def uow(*, write: bool = False) -> UnitOfWork:
        opened.append(write)
        return real(write=write)

    monkeypatch.setattr(ctx, "uow", uow)
    yield opened
    monkeypatch.undo()
