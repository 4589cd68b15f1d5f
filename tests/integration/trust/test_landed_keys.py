"""A store of the landed version (no personal keys) keeps opening: each user gets keys at their
next login, the first admin pins the records from before, and verify reports those as signed
before personal keys, not as failures, while new forgeries among them still show."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import select

from app import accounts, cases, notes, trust_report
from app.context import Context
from app.keys import FAST_TEST_KDF, KeyFile
from app.paths import DataPaths
from models.people import User
from tests.support.store import raw_connection

FIXTURE = Path(__file__).parents[2] / "fixtures" / "landed_store"
ADMIN_PASSWORD = "landad-version-1"
CASEWORKER_PASSWORD = "landad-handlaggare-1"


@pytest.fixture
def landed(tmp_path: Path) -> DataPaths:
    folder = tmp_path / "data"
    folder.mkdir()
    for name in ("samskriv.db", "keys.json"):
        shutil.copy(FIXTURE / name, folder / name)
    shutil.copytree(FIXTURE / "audio", folder / "audio")
    return DataPaths(folder)


def _login(paths: DataPaths, user: str, password: str) -> Context:
    return accounts.login(paths, user, password, kdf=FAST_TEST_KDF)


def test_users_get_keys_at_login_and_the_first_admin_pins_the_records_from_before(
    landed: DataPaths,
) -> None:
    cw = _login(landed, "cecilia", CASEWORKER_PASSWORD)
    try:
        entries = json.loads(landed.keyfile.read_text())["users"]
        assert entries["cecilia"]["v"] == 2 and "v" not in entries["admin"]
        notes.create_draft(cw, cases.list_cases(cw)[0].id, "Skrivet med personlig nyckel.")
        report = trust_report.check(cw)
        assert report.ok, report.findings
        assert report.legacy > 0
        assert any("not yet pinned" in n for n in report.notices)
        assert any("not yet confirmed" in n for n in report.notices)
    finally:
        cw.close()
    admin = _login(landed, "admin", ADMIN_PASSWORD)
    try:
        root = KeyFile(landed.keyfile).root()
        assert root is not None and root.username == "admin"
        report = trust_report.check(admin)
        assert report.ok, report.findings
        assert report.notices == ()  # pinned, and cecilia's key is now signed by the admin
        with admin.uow() as uow:
            cecilia = uow.session.scalar(select(User).where(User.username == "cecilia"))
            assert cecilia is not None and cecilia.signer_id == admin.actor.user_id
        lines = trust_report.describe(report)
        assert any("signerades före personliga nycklar" in line for line in lines)
    finally:
        admin.close()


def _pinned(landed: DataPaths) -> bytes:
    for user, password in (("cecilia", CASEWORKER_PASSWORD), ("admin", ADMIN_PASSWORD)):
        _login(landed, user, password).close()
    return KeyFile(landed.keyfile, FAST_TEST_KDF).unwrap("cecilia", CASEWORKER_PASSWORD)


def test_a_legacy_record_changed_after_the_pin_is_reported(landed: DataPaths) -> None:
    key = _pinned(landed)
    with raw_connection(landed.database, key) as db:
        db.execute("DROP TRIGGER note_revisions_no_update")
        (rid,) = db.execute("SELECT id FROM note_revisions WHERE kind = 'signed'").fetchone()
        db.execute("UPDATE note_revisions SET body = 'Annat.' WHERE id = ?", (rid,))
        db.execute("CREATE TRIGGER note_revisions_no_update BEFORE UPDATE ON note_revisions "
                   "BEGIN SELECT RAISE(ABORT, 'note_revisions are append-only'); END")
    admin = _login(landed, "admin", ADMIN_PASSWORD)
    try:
        found = {(f.kind, f.id) for f in trust_report.check(admin).findings}
        assert ("revision", rid) in found
    finally:
        admin.close()


def test_rewriting_the_list_of_records_from_before_is_reported(landed: DataPaths) -> None:
    key = _pinned(landed)
    with raw_connection(landed.database, key) as db:
        (legacy,) = db.execute("SELECT legacy FROM installation").fetchone()
        data = json.loads(legacy)
        data["rows"]["note_revisions"]["f" * 32] = "0" * 64  # room for an unsigned forgery
        db.execute("UPDATE installation SET legacy = ?", (json.dumps(data),))
    admin = _login(landed, "admin", ADMIN_PASSWORD)
    try:
        report = trust_report.check(admin)
        assert ("store", "legacy") in {(f.kind, f.id) for f in report.findings}
    finally:
        admin.close()
