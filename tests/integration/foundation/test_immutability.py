"""The database itself refuses changes to signed notes and revisions, even through raw SQL."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
import sqlcipher3

from app import notes, search
from app.context import Context
from app.dto import NoteInfo
from models.base import iso, new_id
from models.journal import JournalNote, NoteRevision
from tests.support.store import make_case, raw_connection


@pytest.fixture
def signed(admin: Context) -> NoteInfo:
    case = make_case(admin)
    draft = notes.create_draft(admin, case.id, "Signerad text om hembesöket.")
    return notes.sign(admin, draft.id)


@pytest.fixture
def db(admin: Context) -> Iterator[sqlcipher3.Connection]:
    with raw_connection(admin.paths.database, admin.data_key) as conn:
        yield conn


REFUSED = [
    "UPDATE journal_notes SET event_time = '2020-01-01T00:00:00.000000Z' WHERE id = :note",
    "UPDATE journal_notes SET state = 'draft' WHERE id = :note",
    "UPDATE journal_notes SET author_id = 'someone' WHERE id = :note",
    "UPDATE journal_notes SET signed_at = NULL WHERE id = :note",
    "DELETE FROM journal_notes WHERE id = :note",
    "UPDATE note_revisions SET body = 'ny text' WHERE note_id = :note",
    "UPDATE note_revisions SET hash = '0' WHERE note_id = :note",
    "DELETE FROM note_revisions WHERE note_id = :note",
]


@pytest.mark.parametrize("sql", REFUSED)
def test_raw_sql_cannot_change_a_signed_note(
    signed: NoteInfo, db: sqlcipher3.Connection, sql: str
) -> None:
    with pytest.raises(sqlcipher3.IntegrityError, match="immutable|append-only"):
        db.execute(sql, {"note": signed.id})
    body = db.execute("SELECT body FROM note_revisions WHERE id = ?", (signed.current.id,))
    assert body.fetchone() == ("Signerad text om hembesöket.",)


def test_draft_revisions_are_append_only_too(admin: Context, db: sqlcipher3.Connection) -> None:
    draft = notes.create_draft(admin, make_case(admin).id, "Utkast.")
    with pytest.raises(sqlcipher3.IntegrityError, match="append-only"):
        db.execute("UPDATE note_revisions SET body = 'x' WHERE id = ?", (draft.current.id,))


def _insert_revision(
    db: sqlcipher3.Connection, note: NoteInfo, *, kind: str, parent_hash: str | None, body: str
) -> str:
    when = datetime(2026, 3, 3, tzinfo=UTC)
    rev = NoteRevision(
        id=new_id(),
        note_id=note.id,
        seq=note.current.seq + 1,
        kind=kind,
        parent_hash=parent_hash,
        section="",
        body=body,
        child_voice="",
        event_time=note.event_time,
        author_id="x",
        created_at=when,
        reason="r",
    )
    rev.hash = rev.compute_hash(
        JournalNote(id=note.id, case_id=note.case_id, visit_id=note.visit_id)
    )
    author = db.execute("SELECT author_id FROM journal_notes WHERE id = ?", (note.id,)).fetchone()
    db.execute(
        "INSERT INTO note_revisions (id, note_id, seq, kind, parent_hash, hash, section, body, "
        "child_voice, event_time, author_id, created_at, reason) "
        "VALUES (?, ?, ?, ?, ?, ?, '', ?, '', ?, ?, ?, 'r')",
        (
            rev.id,
            note.id,
            rev.seq,
            kind,
            parent_hash,
            rev.hash,
            body,
            iso(note.event_time),
            author[0],
            iso(when),
        ),
    )
    return rev.id


def test_a_proper_correction_passes_the_trigger_and_reindexes(
    admin: Context, signed: NoteInfo, db: sqlcipher3.Connection
) -> None:
    rev = _insert_revision(
        db,
        signed,
        kind="correction",
        parent_hash=signed.current.hash,
        body="Rättad text om kvarnhjulet.",
    )
    db.execute("UPDATE journal_notes SET current_revision_id = ? WHERE id = ?", (rev, signed.id))
    assert [(h.note_id, h.found_in) for h in search.search(admin, "kvarnhjulet")] == [
        (signed.id, "note")]
    # The replaced text is no longer the note's text; it stays findable as corrected text
    # (the journal still shows it struck through).
    assert [(h.note_id, h.found_in) for h in search.search(admin, "hembesöket")] == [
        (signed.id, "corrected")]


def test_a_correction_with_the_wrong_parent_is_refused(
    signed: NoteInfo, db: sqlcipher3.Connection
) -> None:
    rev = _insert_revision(db, signed, kind="correction", parent_hash="f" * 64, body="Falsk.")
    with pytest.raises(sqlcipher3.IntegrityError, match="immutable"):
        db.execute(
            "UPDATE journal_notes SET current_revision_id = ? WHERE id = ?", (rev, signed.id)
        )


def test_a_signed_note_takes_no_new_drafts(signed: NoteInfo, db: sqlcipher3.Connection) -> None:
    with pytest.raises(sqlcipher3.IntegrityError, match="only takes corrections"):
        _insert_revision(db, signed, kind="draft", parent_hash=signed.current.hash, body="x")


def test_a_signed_note_cannot_point_back_to_an_older_revision(
    admin: Context, signed: NoteInfo, db: sqlcipher3.Connection
) -> None:
    corrected = notes.correct(admin, signed.id, "Rättad.", reason="Fel datum")
    with pytest.raises(sqlcipher3.IntegrityError, match="immutable"):
        db.execute(
            "UPDATE journal_notes SET current_revision_id = ? WHERE id = ?",
            (signed.current.id, corrected.id),
        )


def test_a_refused_write_does_not_carry_the_text_into_the_error(
        admin: Context, signed: NoteInfo) -> None:
    """A database error is shown under "Kopiera detaljer" and logged: the values it was given
    (note text, own words, personnummer) must not be part of its text."""
    secret = "Hemligt: 20121212-1212 bor hos mormor"
    with admin.uow(write=True) as uow:
        revision = uow.session.get(NoteRevision, signed.current.id)
        assert revision is not None
        revision.body = secret
        with pytest.raises(Exception) as raised:  # noqa: B017 - any error the driver raises
            uow.flush()
    text = "".join(str(e) for e in (raised.value, raised.value.__cause__) if e is not None)
    assert "append-only" in text or "signed" in text  # the reason is still there
    assert secret not in text and "20121212" not in text
