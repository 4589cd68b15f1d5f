"""Nothing a caseworker writes reaches the disk in plaintext: database, WAL, SHM, key file."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from app import notes
from app.context import Context
from app.dto import PersonInput
from tests.support.store import make_case, personnummer

CHILD = "Kvistrunda Fjällgök"
GUARDIAN = "Örjan Ståhlbomsdotter"
PNR = personnummer("120214", "387", century="20")
BODY = "Hembesök: barnet visade grodterrariet Zebulonikvarnen och berättade om skolan."
VOICE = "Jag tycker om Blåsippebacken mest av allt."
SECRETS = (
    CHILD,
    GUARDIAN,
    PNR,
    PNR.replace("-", ""),
    PNR[2:],
    "Zebulonikvarnen",
    "zebulonikvarnen",
    "Blåsippebacken",
    "blåsippebacken",
    "grodterrariet",
)


def _forms(secret: str) -> list[bytes]:
    return [secret.encode(), secret.encode("utf-16-le"), secret.encode("utf-16-be")]


def _leaks(files: list[Path]) -> list[str]:
    found = []
    for path in files:
        raw = path.read_bytes()
        found += [f"{path.name}: {s!r}" for s in SECRETS for f in _forms(s) if f in raw]
    return found


def _store_files(admin: Context) -> list[Path]:
    db = admin.paths.database
    return [p for p in (db, Path(f"{db}-wal"), Path(f"{db}-shm")) if p.exists()]


@pytest.fixture
def written(admin: Context) -> Context:
    case = make_case(
        admin, persons=[PersonInput("child", CHILD, PNR), PersonInput("guardian", GUARDIAN)]
    )
    note = notes.create_draft(admin, case.id, BODY, child_voice=VOICE, section="Hälsa")
    notes.sign(admin, note.id)
    assert notes.timeline(admin, case.id)[0].current.body == BODY  # the text is really there
    return admin


def test_the_sanity_check_finds_plaintext(tmp_path: Path) -> None:
    plain = tmp_path / "plain.bin"
    plain.write_bytes(b"x" + CHILD.encode("utf-16-le") + b"y")
    assert _leaks([plain]) == [f"plain.bin: {CHILD!r}"]


def test_no_plaintext_while_the_store_is_open(written: Context) -> None:
    wal = Path(f"{written.paths.database}-wal")
    assert wal.exists() and wal.stat().st_size > 0, "the test needs WAL content to look at"
    assert _leaks(_store_files(written)) == []


def test_no_plaintext_after_close(written: Context) -> None:
    written.close()
    files = _store_files(written)
    assert written.paths.database in files
    assert _leaks(files) == []


def test_no_plaintext_anywhere_in_the_data_folder(written: Context) -> None:
    written.close()
    files = [p for p in written.paths.root.rglob("*") if p.is_file()]
    assert _leaks(files) == []


def test_the_key_file_holds_no_plaintext_data_key(written: Context) -> None:
    raw = written.paths.keyfile.read_bytes()
    key = written.data_key
    for form in (key, key.hex().encode(), key.hex().upper().encode(), base64.b64encode(key)):
        assert form not in raw
    db = written.paths.database.read_bytes()
    assert key not in db and key.hex().encode() not in db
