"""The outbox holds every synced row as its encoded record; the audit chain names its device."""

from __future__ import annotations

from sqlalchemy import literal_column, select

from app import audit, notes, outbox, persons, review, visits
from app.context import Context
from app.dto import PersonInput
from models.audit import AuditEvent, Installation, OutboxItem
from models.journal import JournalNote, NoteRevision, Review, ReviewEntry
from models.records import (
    CaseRecord,
    ConsentRecord,
    PersonRecord,
    Record,
    ReviewEntryRecord,
    ReviewRecord,
    RevisionRecord,
    VisitRecord,
    decode,
    record_hash,
)
from tests.support.store import FixedClock, make_case, raw_connection


def _queued(ctx: Context) -> list[tuple[tuple[str, str, int, str, bool], Record]]:
    """(kind, object id, version, hash, acked) and the decoded payload of every queued row."""
    with ctx.uow() as uow:
        items = uow.session.scalars(  # in the order queued
            select(OutboxItem).order_by(literal_column("outbox.rowid"))).all()
        return [((i.kind, i.object_id, i.version, i.content_hash, i.acked_at is not None),
                 decode(i.payload)) for i in items]


def test_every_synced_row_is_queued_as_the_bytes_of_its_record(
    caseworker: Context, clock: FixedClock
) -> None:
    case = make_case(caseworker, persons=[PersonInput("child", "Tindra")])
    visit = visits.create_visit(caseworker, case.id, "hembesok", persons=[case.persons[0].id])
    clock.advance(minutes=1)
    visits.mark_times(caseworker, visit.id, start=clock.now)
    consent = visits.record_consent(caseworker, visit.id, informed=["Tindra"],
                                    agreed=["Tindra"])
    note = notes.create_draft(caseworker, case.id, "Ett.\n\nTvå.", visit_id=visit.id)
    started = review.start(caseworker, note.id, audience="child",
                           present=[review.PresentPerson("Tindra", "child")], shown={1})
    review.record_outcome(caseworker, started.review_id, 1, "disagrees", "Nej.",
                          input_method="dictated")
    review.complete(caseworker, started.review_id)

    queued = _queued(caseworker)
    for item, record in queued:
        assert item == (record.KIND, record.id, record.VERSION, record_hash(record), False)
    kinds = [type(r) for _, r in queued]
    assert kinds == [CaseRecord, PersonRecord, VisitRecord, VisitRecord, ConsentRecord,
                     RevisionRecord, ReviewRecord, ReviewEntryRecord, ReviewEntryRecord]
    first_visit, visit_now = (r for _, r in queued if isinstance(r, VisitRecord))
    assert isinstance(first_visit, VisitRecord) and isinstance(visit_now, VisitRecord)
    assert (first_visit.actual_start, visit_now.actual_start) == (None, clock.now)
    assert queued[4][1].id == consent.id

    with caseworker.uow() as uow:
        s = uow.session
        assert outbox.pending_count(s) == len(queued)
        stored_note = s.get(JournalNote, note.id)
        rev = s.get(NoteRevision, note.current.id)
        row = s.get(Review, started.review_id)
        assert stored_note is not None and rev is not None and row is not None
        by_id = {r.id: r for _, r in queued}
        assert by_id[rev.id] == rev.to_record(stored_note)
        revision = by_id[rev.id]
        assert isinstance(revision, RevisionRecord)
        assert (revision.case_id, revision.visit_id) == (case.id, visit.id)
        assert rev.hash == record_hash(revision)
        assert by_id[row.id] == row.to_record() and row.hash == record_hash(row.to_record())
        assert row.revision_hash == rev.hash
        for entry in s.scalars(select(ReviewEntry)):
            record = entry.to_record(row)
            assert by_id[entry.id] == record and entry.hash == record_hash(record)
            assert entry.recorded_by == caseworker.actor.user_id
            assert record.review_hash == row.hash


def test_adding_a_person_queues_the_person(admin: Context) -> None:
    case = make_case(admin)
    person = persons.add_person(admin, case.id, PersonInput("guardian", "Göran"))
    _, last = _queued(admin)[-1]
    assert isinstance(last, PersonRecord)
    assert (last.id, last.case_id, last.name, last.position) == (person.id, case.id, "Göran", 1)


def test_a_new_store_has_one_device_id_in_every_event_and_no_migration_event(
    admin: Context, caseworker: Context
) -> None:
    notes.create_draft(caseworker, make_case(caseworker).id, "Text.")
    with admin.uow() as uow:
        s = uow.session
        (device,) = s.scalars(select(Installation.device_id)).all()
        assert device == admin.store.device_id == caseworker.store.device_id
        assert len(device) == 32
        events = s.scalars(select(AuditEvent)).all()
        assert {e.device_id for e in events} == {device}
        assert "store.migrate" not in {e.action for e in events}
        assert all(e.compute_hash() == e.hash for e in events)
        assert audit.verify(s).ok


def test_a_changed_device_id_breaks_the_chain(admin: Context) -> None:
    with raw_connection(admin.paths.database, admin.data_key) as db:
        db.execute("DROP TRIGGER audit_events_no_update")
        db.execute("UPDATE audit_events SET device_id = 'another-laptop' WHERE seq = 2")
    with admin.uow() as uow:
        check = audit.verify(uow.session)
    assert (check.ok, check.first_broken_seq) == (False, 2)
