"""A store made by the landed version (schema 0003) opens, migrates to the record hashes with all
its data, and passes ``samskriv audit verify``; tampering done before the migration still shows.

The fixture was made by ``tests/fixtures/landed_store/make_landed_store.py`` at commit 7e91cdd.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import sqlcipher3
from sqlalchemy import select

from app import accounts, audit, cases, notes, recording, review, transcripts, visits
from app.cli import main
from app.context import Context
from app.dto import AuditCheck
from app.keys import FAST_TEST_KDF, KeyFile
from app.paths import DataPaths
from models.audit import AuditEvent, OutboxItem
from models.journal import JournalNote, NoteRevision, Review, ReviewEntry
from models.people import Case, Person
from models.records import Record, as_current, decode, record_hash
from models.visits import Consent, Segment, Transcript, Visit
from tests.support.store import raw_connection

FIXTURE = Path(__file__).parents[2] / "fixtures" / "landed_store"
PASSWORD = "landad-version-1"  # admin's, as the generating script says
CASEWORKER_PASSWORD = "landad-handlaggare-1"
TABLES = ("users", "cases", "persons", "visits", "consents", "journal_notes", "note_revisions",
          "reviews", "review_entries", "audit_events", "outbox", "recordings", "segments")


@pytest.fixture
def landed(tmp_path: Path) -> DataPaths:
    folder = tmp_path / "data"
    folder.mkdir()
    for name in ("samskriv.db", "keys.json"):
        shutil.copy(FIXTURE / name, folder / name)
    shutil.copytree(FIXTURE / "audio", folder / "audio")
    return DataPaths(folder)


def _data_key(paths: DataPaths) -> bytes:
    return KeyFile(paths.keyfile, FAST_TEST_KDF).unwrap("admin", PASSWORD)


def _counts(paths: DataPaths) -> dict[str, int]:
    with raw_connection(paths.database, _data_key(paths)) as db:
        return {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def _cli_verify(paths: DataPaths, monkeypatch: pytest.MonkeyPatch,
                capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    monkeypatch.setenv("SAMSKRIV_PASSWORD", PASSWORD)
    monkeypatch.setenv("SAMSKRIV_USER", "admin")
    code = main(["--data-dir", str(paths.root), "audit", "verify"], kdf=FAST_TEST_KDF)
    out = capsys.readouterr()
    return code, out.out + out.err


def _login(paths: DataPaths, user: str = "admin", password: str = PASSWORD) -> Context:
    return accounts.login(paths, user, password, kdf=FAST_TEST_KDF)


def test_the_fixture_is_a_landed_store(landed: DataPaths) -> None:
    with raw_connection(landed.database, _data_key(landed)) as db:
        assert db.execute("SELECT version_num FROM alembic_version").fetchall() == [("0003",)]


def test_a_landed_store_migrates_with_its_data_and_verifies(
    landed: DataPaths, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _counts(landed)
    ctx = _login(landed)
    try:
        after = _counts(landed)
        # Everything is still there; the chain has the migration's event and this login more,
        # and cases, persons, visits and the finished transcript are now queued for sync too.
        queued = before["cases"] + before["persons"] + before["visits"] + 1
        assert after == before | {"audit_events": before["audit_events"] + 2,
                                  "outbox": before["outbox"] + queued}
        _check_hashes(ctx)
        _check_data(ctx)
    finally:
        ctx.close()

    code, output = _cli_verify(landed, monkeypatch, capsys)
    assert code == 0, output
    assert "Granskningsloggen är hel" in output

    cw = _login(landed, "cecilia", CASEWORKER_PASSWORD)
    try:
        case = cases.list_cases(cw)[0]
        notes.create_draft(cw, case.id, "Nytt efter flytten.")
        with cw.uow() as uow:
            events = uow.session.scalars(select(AuditEvent).order_by(AuditEvent.seq)).all()
            assert {e.device_id for e in events} == {cw.store.device_id}
            migrations = [e for e in events if e.action == "store.migrate"]
            assert len(migrations) == 1  # opening again did not migrate again
            assert migrations[0].details["legacy_ok"] is True
            assert events[-1].action == "note.create"
            assert events[-1].prev_hash == events[-2].hash
            count = len(events)
            assert audit.verify(uow.session) == AuditCheck(True, count)
    finally:
        cw.close()


def _check_hashes(ctx: Context) -> None:
    """Every revision, review and entry recomputes under the records; drafts re-chained;
    every outbox row holds its record's bytes and hash."""
    with ctx.uow() as uow:
        s = uow.session
        by_note: dict[str, list[NoteRevision]] = {}
        for r in s.scalars(select(NoteRevision).order_by(NoteRevision.note_id, NoteRevision.seq)):
            by_note.setdefault(r.note_id, []).append(r)
        for note_id, revs in by_note.items():
            note = s.get(JournalNote, note_id)
            assert note is not None
            assert revs[0].parent_hash is None
            for parent, child in zip(revs, revs[1:], strict=False):
                assert child.parent_hash == parent.hash
            for r in revs:
                assert r.compute_hash(note) == r.hash
        revisions = {r.id: r for rs in by_note.values() for r in rs}
        reviews = {r.id: r for r in s.scalars(select(Review))}
        assert reviews
        for rv in reviews.values():
            assert rv.revision_hash == revisions[rv.revision_id].hash
            assert rv.compute_hash() == rv.hash
        entries = s.scalars(select(ReviewEntry)).all()
        assert len(entries) == 4
        for e in entries:
            assert e.recorded_by == reviews[e.review_id].started_by
            assert e.compute_hash(reviews[e.review_id]) == e.hash
        rows: dict[str, Record] = {}
        for n in s.scalars(select(JournalNote)):
            for r in by_note[n.id]:
                rows[r.id] = r.to_record(n)
        rows |= {r.id: r.to_record() for r in reviews.values()}
        rows |= {e.id: e.to_record(reviews[e.review_id]) for e in entries}
        rows |= {c.id: c.to_record() for c in s.scalars(select(Case))}
        rows |= {p.id: p.to_record() for p in s.scalars(select(Person))}
        rows |= {v.id: v.to_record() for v in s.scalars(select(Visit))}
        rows |= {c.id: c.to_record() for c in s.scalars(select(Consent))}
        for t in s.scalars(select(Transcript)):
            segments = s.scalars(select(Segment).where(Segment.transcript_id == t.id)
                                 .order_by(Segment.seq)).all()
            rows[t.id] = t.to_record(segments)
        items = s.scalars(select(OutboxItem)).all()
        for item in items:
            record = decode(item.payload)
            assert (item.kind, item.object_id, item.version) == (
                record.KIND, record.id, record.VERSION)
            assert item.content_hash == record_hash(record)
            # The row as it is, in the record (a record queued under an earlier version of its
            # kind, in what it means today).
            assert as_current(record) == rows[item.object_id]
        assert {i.object_id for i in items} == set(rows)


def _check_data(ctx: Context) -> None:
    (case,) = cases.list_cases(ctx)
    assert (case.case_number, case.note_count) == ("IFO-2026-0042", 2)
    detail = cases.get_case(ctx, case.id)
    assert [p.name for p in detail.persons] == [
        "Tindra Trastvinge", "Göran Trastvinge", "Mormor Åsa"]
    assert detail.persons[0].personnummer == "20121212-1212"
    journal = notes.timeline(ctx, case.id)
    signed = next(n for n in journal if n.state == "signed")
    assert signed.current.kind == "correction"
    assert signed.current.body.startswith("Hembesök i Tallbacka, Skogsvägen.")
    assert [r.kind for r in signed.superseded] == ["signed"]
    assert "nystädat" in signed.superseded[0].body
    draft = next(n for n in journal if n.state == "draft")
    assert draft.current.body == "Samtal med skolan planeras i april."
    visit = next(v for v in visits.list_visits(ctx, case.id) if v.kind == "hembesok")
    consent = visits.latest_consent(ctx, visit.id)
    assert consent is not None
    assert (consent.agreed, consent.refused) == (("Göran",), ("Tindra",))
    (summary,) = review.for_case(ctx, case.id)[signed.id]
    assert summary.completed and summary.hidden_count == 1
    assert [(o.index, o.outcome, o.comment) for o in summary.outcomes] == [
        (0, "agrees", "Det stämmer."),
        (2, "disagrees", "Jag sa att jag vill bo hos pappa, inte kvar."),
    ]
    assert summary.outcomes[1].input_method == "dictated"


def _tamper_before_migrating(paths: DataPaths, *sql: str) -> None:
    """As an attacker holding the key, on the landed store: lift the guards, change the data."""
    with raw_connection(paths.database, _data_key(paths)) as db:
        guards = [name for (name,) in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' "
            "AND (name LIKE '%\\_no\\_update' ESCAPE '\\' "
            "OR name LIKE '%\\_no\\_delete' ESCAPE '\\')")]
        assert "audit_events_no_delete" in guards
        for name in guards:
            db.execute(f"DROP TRIGGER {name}")
        for statement in sql:
            db.execute(statement)


def test_an_event_altered_before_the_migration_still_fails_verify(
    landed: DataPaths, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _tamper_before_migrating(landed, "UPDATE audit_events SET username = 'någon' WHERE seq = 5")
    code, output = _cli_verify(landed, monkeypatch, capsys)
    assert code == 3, output
    assert "bruten vid händelse 5" in output
    ctx = _login(landed)
    try:
        with ctx.uow() as uow:
            (migrated,) = uow.session.scalars(
                select(AuditEvent).where(AuditEvent.action == "store.migrate")).all()
            assert (migrated.details["legacy_audit_ok"], migrated.details["legacy_ok"]) == (
                False, False)
            check = audit.verify(uow.session)
        assert (check.ok, check.first_broken_seq) == (False, 5)
        with (raw_connection(landed.database, ctx.data_key) as db,  # the guards are back
              pytest.raises(sqlcipher3.IntegrityError, match="append-only")):
            db.execute("UPDATE audit_events SET username = 'x' WHERE seq = 1")
    finally:
        ctx.close()


def test_a_revision_altered_before_the_migration_still_fails_verify(
    landed: DataPaths, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    migrated, check = _migrated_after_tampering(
        landed, monkeypatch, capsys,
        "UPDATE note_revisions SET body = 'Något annat.' WHERE kind = 'signed'")
    assert migrated.details["legacy_revisions_bad"] == 1
    assert not check.ok and "before the store was migrated" in check.reason
    assert check.first_broken_seq == migrated.seq


def _migrated_after_tampering(
    landed: DataPaths, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    *sql: str,
) -> tuple[AuditEvent, AuditCheck]:
    """Tamper with the landed store, check that ``samskriv audit verify`` fails on the migrated
    store, and return the migration's event with the chain's verdict."""
    _tamper_before_migrating(landed, *sql)
    code, output = _cli_verify(landed, monkeypatch, capsys)
    assert code == 3, output
    ctx = _login(landed)
    try:
        with ctx.uow() as uow:
            (migrated,) = uow.session.scalars(
                select(AuditEvent).where(AuditEvent.action == "store.migrate")).all()
            return migrated, audit.verify(uow.session)
    finally:
        ctx.close()


def test_an_emptied_audit_log_and_an_altered_revision_still_fail_verify(
    landed: DataPaths, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Without its audit log the store would otherwise migrate as if it had no history at all.
    migrated, check = _migrated_after_tampering(
        landed, monkeypatch, capsys, "DELETE FROM audit_events",
        "UPDATE note_revisions SET body = 'Något annat.' WHERE kind = 'signed'")
    assert migrated.details["legacy_audit_reason"] == "the audit log was emptied"
    assert migrated.details["legacy_revisions_bad"] == 1
    assert not check.ok


def test_own_words_changed_with_their_outbox_row_removed_still_fail_verify(
    landed: DataPaths, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # The entry's only legacy hash lived in its outbox row: removing the row must not hide it.
    migrated, check = _migrated_after_tampering(
        landed, monkeypatch, capsys,
        "DELETE FROM outbox WHERE object_id IN (SELECT id FROM review_entries "
        "WHERE comment != '' LIMIT 1)",
        "UPDATE review_entries SET comment = 'Något annat.' WHERE id IN (SELECT id FROM "
        "review_entries WHERE comment != '' AND id NOT IN (SELECT object_id FROM outbox))")
    assert migrated.details["legacy_outbox_bad"] >= 1
    assert not check.ok


def test_a_landed_recording_keeps_its_live_transcript(landed: DataPaths) -> None:
    """Migration 0005 on a real landed store: the recording's segments become its live
    transcript, finished (hashed as its record) and queued for sync; the audio still plays."""
    ctx = _login(landed, "cecilia", CASEWORKER_PASSWORD)
    try:
        with ctx.uow() as uow:
            (row,) = uow.session.scalars(select(Transcript)).all()
            segments = uow.session.scalars(select(Segment).where(
                Segment.transcript_id == row.id).order_by(Segment.seq)).all()
            assert (row.engine, row.model_id, row.pass_kind) == (
                "vosk", "vosk-model-small-sv-rhasspy-0.15", "live")
            assert row.hash == record_hash(row.to_record(segments))
            queued = uow.session.scalars(select(OutboxItem).where(
                OutboxItem.object_id == row.id)).one()
            assert queued.content_hash == row.hash and decode(queued.payload) == row.to_record(
                segments)
            recording_id = row.recording_id
        shown = transcripts.transcript(ctx, recording_id)
        assert [s.text for s in shown] == ["hej göran", "vi ses i maj"]
        assert [w.text for w in shown[1].words] == ["vi", "ses", "i", "maj"]
        assert shown[1].words[-1].conf == 0.61
        assert len(recording.read_audio(ctx, recording_id)) == 32_000
    finally:
        ctx.close()
