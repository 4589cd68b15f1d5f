"""A revision proven by its unit of work's signed audit event (``app.trust_cover``): the shortcut
proves what the revision's own signature would, and nothing more. Each attack on a revision
whose covering event stays intact is still reported; an event that names a revision it did not
write (another author's, another note's, another signature) proves nothing."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from app import audit, trust, trust_cache
from app.context import Context
from app.trust_cover import event_bytes, revision_bytes
from models.audit import AuditEvent
from models.base import new_id
from models.journal import JournalNote, NoteRevision
from models.records import RevisionRecord, encode, record_hash
from tests.support.trust import World, as_attacker, problems, verify

NOW = "2026-03-02T10:00:00.000000Z"


@pytest.fixture
def world(fresh_world: tuple[World, Context]) -> tuple[World, Context]:
    """Not verified first: these tests count what one check proves, without a checkpoint."""
    return fresh_world



def _revision_ids(ctx: Context, note_id: str) -> list[str]:
    with ctx.uow() as uow:
        return list(uow.session.scalars(select(NoteRevision.id).where(
            NoteRevision.note_id == note_id).order_by(NoteRevision.seq)))


def test_every_revision_is_proven_by_its_event_and_each_signature_checked_once(
    world: tuple[World, Context], admin: Context
) -> None:
    report = verify(admin)
    assert report.ok
    with admin.uow() as uow:
        revisions = len(uow.session.scalars(select(NoteRevision.id)).all())
        events = audit.count(uow.session)
    assert revisions == 6 and report.covered == revisions
    # No revision's own signature was needed; every event's was checked.
    assert report.signed < events + revisions
    with admin.uow() as uow:
        kinds = {a: d for a, d in uow.session.execute(
            select(AuditEvent.action, AuditEvent.details).where(
                AuditEvent.action.like("note.%")))}
    for action in ("note.create", "note.edit", "note.sign", "note.correct"):
        assert set(kinds[action]) >= {"hash", "sig"}, action


def test_the_bytes_verify_builds_are_the_records_own(
    world: tuple[World, Context], admin: Context
) -> None:
    with admin.uow() as uow:
        s = uow.session
        for rev in s.scalars(select(NoteRevision)):
            note = s.get(JournalNote, rev.note_id)
            assert note is not None
            assert revision_bytes(rev, note.case_id, note.visit_id) == encode(rev.to_record(note))
        for event in s.scalars(select(AuditEvent)):
            assert event_bytes(event) == encode(event.to_record())


def test_a_revision_edited_and_rehashed_under_an_intact_event_is_reported(
    world: tuple[World, Context], admin: Context, caseworker: Context
) -> None:
    w, _other = world
    target = _revision_ids(admin, w.note_id)[0]
    with admin.uow() as uow:
        rev = uow.session.get(NoteRevision, target)
        note = uow.session.get(JournalNote, w.note_id)
        assert rev is not None and note is not None
        record = rev.to_record(note)
    edited = replace(record, body="Påhittad text.")
    with as_attacker(admin.paths) as db:
        db.execute("UPDATE note_revisions SET body = ?, hash = ? WHERE id = ?",
                   (edited.body, record_hash(edited), target))
    report = verify(admin)
    assert ("revision", target) in problems(report)
    assert not report.ok


def test_an_edited_revision_whose_event_is_intact_is_reported(
    world: tuple[World, Context], admin: Context
) -> None:
    w, _other = world
    target = _revision_ids(admin, w.note_id)[-1]
    with as_attacker(admin.paths) as db:
        db.execute("UPDATE note_revisions SET body = 'Påhittad text.' WHERE id = ?", (target,))
    assert ("revision", target) in problems(verify(admin))


def test_a_revision_with_another_signature_than_its_event_names_is_reported(
    world: tuple[World, Context], admin: Context
) -> None:
    w, _other = world
    first, second, *_ = _revision_ids(admin, w.note_id)
    with as_attacker(admin.paths) as db:  # a real signature of A's, over other bytes
        db.execute("UPDATE note_revisions SET signature = (SELECT signature FROM "
                   "note_revisions WHERE id = ?) WHERE id = ?", (first, second))
    assert ("revision", second) in problems(verify(admin))


def _forge_in_a_note(admin: Context, note_id: str, author_id: str) -> tuple[str, str, str]:
    """B's forged correction in A's note, claiming A; (id, hash, signature it carries)."""
    with admin.uow() as uow:
        note = uow.session.get(JournalNote, note_id)
        assert note is not None
        cur = uow.session.get(NoteRevision, note.current_revision_id)
        assert cur is not None
        forged = RevisionRecord(
            id=new_id(), note_id=note_id, case_id=note.case_id, visit_id=note.visit_id,
            seq=cur.seq + 1, kind="correction", parent_hash=cur.hash, section="",
            body="Påhittad rättelse.", child_voice="", event_time=cur.event_time,
            author_id=author_id, created_at=datetime(2026, 3, 2, 10, tzinfo=UTC),
            reason="Påhittat")
        signature = cur.signature
    assert signature is not None
    with as_attacker(admin.paths) as db:
        db.execute(
            "INSERT INTO note_revisions (id, note_id, seq, kind, parent_hash, hash, section, "
            "body, child_voice, event_time, author_id, created_at, reason, signature, "
            "signer_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (forged.id, note_id, forged.seq, "correction", forged.parent_hash,
             record_hash(forged), "", forged.body, "",
             forged.event_time.strftime("%Y-%m-%dT%H:%M:%S.%fZ"), author_id, NOW,
             forged.reason, signature, author_id))
        db.execute("UPDATE journal_notes SET current_revision_id = ? WHERE id = ?",
                   (forged.id, note_id))
    return forged.id, record_hash(forged), signature


def test_an_event_by_someone_else_naming_a_forged_revision_proves_nothing(
    world: tuple[World, Context], admin: Context, caseworker: Context
) -> None:
    """B signs (as B, genuinely) an event that names B's forgery in A's name: the event is
    B's own and verifies, but it cannot vouch for a revision claiming A."""
    w, other = world
    forged_id, forged_hash, signature = _forge_in_a_note(admin, w.note_id,
                                                         caseworker.actor.user_id)
    with other.uow(write=True) as uow:
        audit.record(uow.session, other.actor, "note.correct", "note", w.note_id,
                     {"hash": forged_hash, "sig": signature})
        uow.commit()
    report = verify(admin)
    assert ("revision", forged_id) in problems(report)
    assert not report.ok


def test_an_event_naming_a_revision_of_another_note_proves_nothing(
    world: tuple[World, Context], admin: Context, caseworker: Context
) -> None:
    """A's own (genuinely signed) event about one note, naming a revision in another note,
    does not prove that revision: the forged revision is still checked by its own signature."""
    w, _other = world
    forged_id, forged_hash, signature = _forge_in_a_note(admin, w.note_id,
                                                         caseworker.actor.user_id)
    with caseworker.uow(write=True) as uow:
        audit.record(uow.session, caseworker.actor, "note.correct", "note", "another-note",
                     {"hash": forged_hash, "sig": signature})
        uow.commit()
    assert ("revision", forged_id) in problems(verify(admin))


def test_a_revision_whose_event_fails_its_signature_falls_back_to_its_own(
    world: tuple[World, Context], admin: Context
) -> None:
    """Altering the covering event is reported, and its revision (intact) is then proven by
    its own signature, not reported."""
    w, _other = world
    with admin.uow() as uow:
        seq = uow.session.scalar(select(AuditEvent.seq).where(
            AuditEvent.action == "note.sign", AuditEvent.object_id == w.note_id))
    with as_attacker(admin.paths) as db:
        db.execute("UPDATE audit_events SET username = 'x' WHERE seq = ?", (seq,))
    report = verify(admin)
    found = problems(report)
    assert ("audit_event", str(seq)) in found
    assert not {k for k, _ in found} & {"revision", "note"}
    assert report.covered == 5


def test_the_worker_processes_find_what_the_check_in_process_finds(
    world: tuple[World, Context], admin: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    w, _other = world
    target = _revision_ids(admin, w.note_id)[-1]
    with as_attacker(admin.paths) as db:
        db.execute("UPDATE audit_events SET username = 'x' WHERE seq = 3")
        db.execute("UPDATE note_revisions SET signature = substr(signature, 2) || 'A' "
                   "WHERE id = ?", (target,))
    in_process = verify(admin)
    monkeypatch.setattr(trust, "POOL_AFTER", 0)  # a pool even for this small store
    pooled = verify(admin)
    assert problems(pooled) == problems(in_process)
    assert ("revision", target) in problems(pooled)
    assert pooled.signed == in_process.signed


def test_the_tables_digested_while_verify_reads_them_match_the_checkpoint_measure(
    world: tuple[World, Context], admin: Context
) -> None:
    """Verify digests revisions and events as it reads them, for the checkpoint it saves: the
    same entries a separate measure makes, so the next check trusts exactly those rows."""
    report = verify(admin)
    assert report.ok and set(report.measured) == {"note_revisions", "audit_events"}
    with admin.uow() as uow:
        measured = trust_cache.measure(uow.session)
    assert {t: measured[t] for t in report.measured} == report.measured
