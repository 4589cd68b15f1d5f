"""Changing a case after it was made: heading, persons, closing, assignment; every change is
checked in the service, audited, and queued for sync as a versioned record."""

from __future__ import annotations

import pytest
from sqlalchemy import literal_column, select

from app import assignments, cases, notes, persons, visits
from app.context import Context
from app.dto import PersonInput
from app.errors import PermissionDenied, ValidationError
from models.audit import AuditEvent, OutboxItem
from models.records import CaseAssignmentRecord, CaseRecord, PersonRecord, Record, decode
from tests.support.store import CASEWORKER, SUPERVISOR, make_case


def _queued(ctx: Context) -> list[Record]:
    with ctx.uow() as uow:
        items = uow.session.scalars(select(OutboxItem).order_by(literal_column("outbox.rowid"))).all()
        return [decode(i.payload) for i in items]


def _actions(ctx: Context) -> list[tuple[str, dict[str, object]]]:
    with ctx.uow() as uow:
        rows = uow.session.scalars(select(AuditEvent).order_by(AuditEvent.seq)).all()
        return [(e.action, dict(e.details)) for e in rows]


def test_a_case_without_persons_is_refused(admin: Context) -> None:
    with pytest.raises(ValidationError) as raised:
        cases.create_case(admin, "2026-0001", "Utredning", [])
    assert raised.value.field == "persons" and "minst en person" in raised.value.message
    assert cases.list_cases(admin) == []


def test_the_heading_changes_and_is_queued(admin: Context) -> None:
    case = make_case(admin)
    changed = cases.update_case(admin, case.id, case_number=" 2026-0777 ",
                                title="Utredning  Kim", retention_class="keep")
    assert (changed.case_number, changed.title, changed.retention_class) == (
        "2026-0777", "Utredning Kim", "keep")
    last = _queued(admin)[-1]
    assert isinstance(last, CaseRecord) and last.title == "Utredning Kim"
    assert _actions(admin)[-1] == ("case.update", {
        "fields": ["case_number", "title", "retention_class"]})
    queued = len(_queued(admin))
    cases.update_case(admin, case.id, case_number="2026-0777", title="Utredning Kim")
    assert len(_queued(admin)) == queued  # nothing changed, nothing queued


def test_a_heading_is_checked(admin: Context) -> None:
    case = make_case(admin)
    make_case(admin, "2026-0002")
    for number, title, field in (("", "x", "case_number"), ("2026-0002", "x", "case_number"),
                                 ("2026-0001", " ", "title"), ("2026-0001", "y" * 301, "title")):
        with pytest.raises(ValidationError) as raised:
            cases.update_case(admin, case.id, case_number=number, title=title)
        assert raised.value.field == field
    with pytest.raises(ValidationError):
        cases.update_case(admin, case.id, case_number="2026-0001", title="x",
                          retention_class="forever")
    assert cases.get_case(admin, case.id).title == "Utredning barn"


def test_persons_are_added_changed_and_removed(admin: Context) -> None:
    case = make_case(admin)
    guardian = persons.add_person(admin, case.id, PersonInput("guardian", "Alex Testsson"))
    changed = persons.update_person(admin, guardian.id,
                                    PersonInput("other", "Alex Provsson", "20121212-1212"))
    assert (changed.role, changed.name, str(changed.birth_date)) == (
        "other", "Alex Provsson", "2012-12-12")
    assert _actions(admin)[-1] == ("person.update", {
        "person": guardian.id, "fields": ["role", "name", "personnummer", "birth_date"]})
    persons.remove_person(admin, guardian.id)
    assert [p.name for p in cases.get_case(admin, case.id).persons] == ["Kim Testsson"]
    last = _queued(admin)[-1]
    assert isinstance(last, PersonRecord) and last.removed_at is not None
    with pytest.raises(ValidationError, match="minst en person"):
        persons.remove_person(admin, case.persons[0].id)
    with pytest.raises(ValidationError) as raised:
        persons.update_person(admin, case.persons[0].id, PersonInput("child", "Kim",
                                                                     "20121212-1213"))
    assert raised.value.field == "person.personnummer"
    # No name or personnummer in the audit trail: only which fields changed.
    assert "Alex" not in repr(_actions(admin)) and "20121212" not in repr(_actions(admin))


def test_a_removed_person_stays_readable_where_they_took_part(admin: Context) -> None:
    case = make_case(admin, persons=[PersonInput("child", "Kim"), PersonInput("guardian", "Bo")])
    visit = visits.create_visit(admin, case.id, "hembesok", persons=[p.id for p in case.persons])
    persons.remove_person(admin, case.persons[1].id)
    assert visits.get_visit(admin, visit.id).participants == ("Kim", "Bo")
    with pytest.raises(ValidationError, match="hör inte till ärendet"):
        visits.create_visit(admin, case.id, "hembesok", persons=[case.persons[1].id])


def test_a_closed_case_is_not_changed_until_reopened(admin: Context) -> None:
    case = make_case(admin)
    draft = notes.create_draft(admin, case.id, "Ett utkast.")
    with pytest.raises(ValidationError, match="inte är signerade"):
        cases.close_case(admin, case.id)
    notes.sign(admin, draft.id)
    closed = cases.close_case(admin, case.id)
    assert closed.is_closed and closed.closed_at is not None
    for attempt in (
        lambda: cases.update_case(admin, case.id, case_number="2026-0001", title="Ny"),
        lambda: persons.add_person(admin, case.id, PersonInput("other", "Eli")),
        lambda: persons.update_person(admin, case.persons[0].id, PersonInput("child", "Eli")),
        lambda: cases.close_case(admin, case.id),
    ):
        with pytest.raises(ValidationError):
            attempt()
    reopened = cases.reopen_case(admin, case.id)
    assert reopened.status == "open" and reopened.closed_at is None
    statuses = [r.status for r in _queued(admin) if isinstance(r, CaseRecord)]
    assert statuses == ["open", "closed", "open"]
    assert [a for a, _ in _actions(admin)][-2:] == ["case.close", "case.reopen"]


def test_a_supervisor_assigns_and_unassigns(admin: Context, caseworker: Context,
                                            supervisor: Context) -> None:
    case = make_case(admin)
    names = {c.username for c in assignments.assignable(supervisor)}
    assert {CASEWORKER, SUPERVISOR} <= names and "admin" not in names
    assignments.assign(supervisor, case.id, CASEWORKER)
    assert cases.get_case(caseworker, case.id).id == case.id
    assignments.unassign(supervisor, case.id, "admin")
    with pytest.raises(ValidationError, match="minst en handläggare"):
        assignments.unassign(supervisor, case.id, CASEWORKER)
    with pytest.raises(ValidationError):
        assignments.unassign(supervisor, case.id, SUPERVISOR)  # not on the case
    records = [r for r in _queued(admin) if isinstance(r, CaseAssignmentRecord)]
    assert [(r.assigned, r.changed_by) for r in records] == [
        (True, supervisor.actor.user_id), (False, supervisor.actor.user_id)]
    assert [a.username for a in cases.get_case(supervisor, case.id).assignees] == [CASEWORKER]


def test_a_caseworker_may_not_assign(caseworker: Context, admin: Context) -> None:
    case = make_case(admin)
    assignments.assign(admin, case.id, CASEWORKER)
    for attempt in (lambda: assignments.assign(caseworker, case.id, CASEWORKER),
                    lambda: assignments.unassign(caseworker, case.id, "admin"),
                    lambda: assignments.assignable(caseworker)):
        with pytest.raises(PermissionDenied):
            attempt()


def test_an_unassigned_caseworker_cannot_change_the_case(caseworker: Context,
                                                         admin: Context) -> None:
    case = make_case(admin)
    for attempt in (
        lambda: cases.update_case(caseworker, case.id, case_number="x", title="y"),
        lambda: cases.close_case(caseworker, case.id),
        lambda: persons.add_person(caseworker, case.id, PersonInput("other", "Eli")),
        lambda: persons.remove_person(caseworker, case.persons[0].id),
    ):
        with pytest.raises(PermissionDenied):
            attempt()
