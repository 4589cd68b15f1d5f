"""Logging in: wrong passwords and keys fail cleanly, password changes, second users."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from app import accounts, notes
from app.context import Context
from app.errors import (
    AuthenticationError,
    NotInitialised,
    PermissionDenied,
    StoreError,
    ValidationError,
)
from app.keys import FAST_TEST_KDF, new_data_key
from app.login_guard import LoginGuard
from app.paths import DataPaths
from app.store import Store
from models.base import utcnow
from tests.support.store import ADMIN, ADMIN_PASSWORD, make_case

Login = Callable[[str, str], Context]


def _snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    return {
        str(p.relative_to(root)): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def closed_store(admin: Context) -> DataPaths:
    make_case(admin)
    admin.close()
    return admin.paths


def test_a_wrong_password_fails_and_writes_nothing_but_the_failure_count(
    closed_store: DataPaths,
) -> None:
    # Issue 9: failed attempts are recorded, in the login guard's own file and nowhere else.
    guard_file = closed_store.login_guard.name
    before = _snapshot(closed_store.root)
    for user, password in ((ADMIN, "fel-lösenord"), ("okänd", ADMIN_PASSWORD), (ADMIN, "")):
        with pytest.raises(AuthenticationError, match="Fel användarnamn eller lösenord"):
            accounts.login(closed_store, user, password, kdf=FAST_TEST_KDF)
    after = _snapshot(closed_store.root)
    assert {k: v for k, v in after.items() if k != guard_file} == {
        k: v for k, v in before.items() if k != guard_file}
    guard = LoginGuard(closed_store.login_guard, utcnow)
    assert (guard.status(ADMIN).failures, guard.status("okänd").failures) == (2, 1)


def test_a_wrong_raw_key_is_a_clean_store_error(
    closed_store: DataPaths, capfd: pytest.CaptureFixture[str]
) -> None:
    before = _snapshot(closed_store.root)
    with pytest.raises(StoreError, match="kunde inte öppnas") as info:
        Store.open(closed_store.database, new_data_key())
    assert info.value.detail  # the technical cause is kept for "copy details"
    out, err = capfd.readouterr()
    assert (out, err) == ("", "")
    assert _snapshot(closed_store.root) == before


def test_a_missing_store_is_reported(tmp_path: Path) -> None:
    with pytest.raises(NotInitialised):
        accounts.login(DataPaths(tmp_path), ADMIN, ADMIN_PASSWORD, kdf=FAST_TEST_KDF)
    with pytest.raises(StoreError, match="saknas"):
        Store.open(tmp_path / "samskriv.db", new_data_key())
    assert list(tmp_path.iterdir()) == []


def test_initialise_refuses_an_existing_store(closed_store: DataPaths) -> None:
    with pytest.raises(StoreError, match="redan"):
        accounts.initialise(closed_store, "ny", "Ny Admin", "lösenord-123", kdf=FAST_TEST_KDF)


def test_password_change_keeps_the_data_and_retires_the_old_password(
    admin: Context, login: Login
) -> None:
    case = make_case(admin)
    notes.create_draft(admin, case.id, "Text som ska finnas kvar.")
    accounts.change_password(admin, ADMIN_PASSWORD, "ett-helt-nytt-lösenord")
    admin.close()
    with pytest.raises(AuthenticationError):
        accounts.login(admin.paths, ADMIN, ADMIN_PASSWORD, kdf=FAST_TEST_KDF)
    again = login(ADMIN, "ett-helt-nytt-lösenord")
    assert again.data_key == admin.data_key
    assert [n.current.body for n in notes.timeline(again, case.id)] == ["Text som ska finnas kvar."]


def test_password_change_needs_the_current_password(admin: Context) -> None:
    with pytest.raises(AuthenticationError, match="nuvarande"):
        accounts.change_password(admin, "gissat-lösenord", "ett-helt-nytt-lösenord")
    with pytest.raises(ValidationError):
        accounts.change_password(admin, ADMIN_PASSWORD, "kort")
    assert accounts.verify_password(admin, ADMIN_PASSWORD)


def test_a_second_user_logs_in_with_their_own_password(admin: Context, login: Login) -> None:
    accounts.add_user(admin, "bo", "Bo Handläggare", "caseworker", "bos-eget-lösenord")
    bo = login("bo", "bos-eget-lösenord")
    assert (bo.actor.username, bo.actor.role) == ("bo", "caseworker")
    assert bo.data_key == admin.data_key
    with pytest.raises(AuthenticationError):
        accounts.login(admin.paths, "bo", ADMIN_PASSWORD, kdf=FAST_TEST_KDF)
    assert [u.username for u in accounts.list_users(admin)] == ["admin", "bo"]


def test_only_an_admin_adds_users(caseworker: Context) -> None:
    with pytest.raises(PermissionDenied):
        accounts.add_user(caseworker, "eva", "Eva", "admin", "evas-lösenord")


def test_a_taken_username_is_refused(admin: Context) -> None:
    with pytest.raises(ValidationError, match="upptaget"):
        accounts.add_user(admin, ADMIN, "Kopia", "caseworker", "lösenord-123")
