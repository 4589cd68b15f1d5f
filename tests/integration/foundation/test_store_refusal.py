"""A zero-byte or foreign database file is refused with a Swedish message; nothing on disk
changes (issue 9: an empty file used to be silently replaced by a new, empty store)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app import accounts
from app.context import Context
from app.errors import StoreError
from app.keys import FAST_TEST_KDF, KeyFile
from app.paths import DataPaths
from tests.support.store import ADMIN, ADMIN_PASSWORD, raw_connection


def _snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and p.name != "login-guard.json"}


@pytest.fixture
def closed(admin: Context) -> DataPaths:
    admin.close()
    return admin.paths


def _login(paths: DataPaths) -> None:
    accounts.login(paths, ADMIN, ADMIN_PASSWORD, kdf=FAST_TEST_KDF).close()


def test_a_zero_byte_database_is_refused_not_replaced(closed: DataPaths) -> None:
    closed.database.write_bytes(b"")
    for extra in ("-wal", "-shm"):
        Path(str(closed.database) + extra).unlink(missing_ok=True)
    before = _snapshot(closed.root)
    with pytest.raises(StoreError, match="tom .0 byte.*ersätter den inte"):
        _login(closed)
    assert _snapshot(closed.root) == before
    assert closed.database.stat().st_size == 0


def test_a_plain_sqlite_file_is_refused(closed: DataPaths) -> None:
    closed.database.unlink()
    for extra in ("-wal", "-shm"):
        Path(str(closed.database) + extra).unlink(missing_ok=True)
    plain = sqlite3.connect(closed.database)
    plain.execute("CREATE TABLE t (x)")
    plain.commit()
    plain.close()
    before = _snapshot(closed.root)
    with pytest.raises(StoreError, match="kunde inte öppnas"):
        _login(closed)
    assert _snapshot(closed.root) == before


def test_a_sqlcipher_file_with_our_key_but_another_schema_is_refused(closed: DataPaths) -> None:
    data_key = KeyFile(closed.keyfile, FAST_TEST_KDF).unwrap(ADMIN, ADMIN_PASSWORD)
    closed.database.unlink()
    for extra in ("-wal", "-shm"):
        Path(str(closed.database) + extra).unlink(missing_ok=True)
    with raw_connection(closed.database, data_key) as db:
        db.execute("CREATE TABLE something_else (x)")
    before = _snapshot(closed.root)
    with pytest.raises(StoreError, match="inte en Samskriv-databas"):
        _login(closed)
    assert _snapshot(closed.root) == before
    with raw_connection(closed.database, data_key) as db:
        assert [r[0] for r in db.execute("SELECT name FROM sqlite_master")] == ["something_else"]
