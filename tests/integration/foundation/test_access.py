"""Access control: caseworkers see their assigned cases only; supervisors and admins see all."""

from __future__ import annotations

import pytest

from app import assignments, cases, notes, search, visits
from app.context import Context
from app.dto import CaseDetail, NoteInfo
from app.errors import PermissionDenied
from tests.support.store import make_case


@pytest.fixture
def other_case(admin: Context) -> tuple[CaseDetail, NoteInfo]:
    case = make_case(admin, "2026-0099", "Ej tilldelat ärende")
    note = notes.create_draft(admin, case.id, "Hemlig anteckning om Rävsvansgatan.")
    return case, notes.sign(admin, note.id)


def test_a_caseworker_cannot_open_an_unassigned_case(
    caseworker: Context, other_case: tuple[CaseDetail, NoteInfo]
) -> None:
    case, note = other_case
    for attempt in (
        lambda: cases.get_case(caseworker, case.id),
        lambda: notes.timeline(caseworker, case.id),
        lambda: notes.get_note(caseworker, note.id),
        lambda: notes.revisions(caseworker, note.id),
        lambda: notes.create_draft(caseworker, case.id, "Försök."),
        lambda: notes.correct(caseworker, note.id, "Försök.", reason="x"),
        lambda: visits.create_visit(caseworker, case.id, "hembesok"),
    ):
        with pytest.raises(PermissionDenied):
            attempt()


def test_a_caseworker_neither_lists_nor_finds_unassigned_cases(
    caseworker: Context, other_case: tuple[CaseDetail, NoteInfo]
) -> None:
    assert cases.list_cases(caseworker) == []
    assert search.search(caseworker, "rävsvansgatan") == []


def test_assignment_opens_the_case(
    admin: Context, caseworker: Context, other_case: tuple[CaseDetail, NoteInfo]
) -> None:
    case, note = other_case
    assignments.assign(admin, case.id, caseworker.actor.username)
    assert [c.id for c in cases.list_cases(caseworker)] == [case.id]
    assert [h.note_id for h in search.search(caseworker, "rävsvansgatan")] == [note.id]
    assert notes.timeline(caseworker, case.id)[0].id == note.id


def test_a_caseworker_sees_own_cases_only(
    caseworker: Context, other_case: tuple[CaseDetail, NoteInfo]
) -> None:
    own = make_case(caseworker, "2026-0100", "Eget ärende")
    notes.create_draft(caseworker, own.id, "Egen anteckning om Rävsvansgatan.")
    assert [c.id for c in cases.list_cases(caseworker)] == [own.id]
    assert [h.case_id for h in search.search(caseworker, "rävsvansgatan")] == [own.id]


def test_a_supervisor_sees_every_case(
    supervisor: Context, caseworker: Context, other_case: tuple[CaseDetail, NoteInfo]
) -> None:
    case, note = other_case
    own = make_case(caseworker, "2026-0100", "Handläggarens ärende")
    assert {c.id for c in cases.list_cases(supervisor)} == {case.id, own.id}
    assert notes.timeline(supervisor, case.id)[0].id == note.id
    assert [h.note_id for h in search.search(supervisor, "rävsvansgatan")] == [note.id]


def test_only_supervisors_and_admins_assign(
    supervisor: Context, caseworker: Context, other_case: tuple[CaseDetail, NoteInfo]
) -> None:
    case, _ = other_case
    with pytest.raises(PermissionDenied):
        assignments.assign(caseworker, case.id, caseworker.actor.username)
    assignments.assign(supervisor, case.id, caseworker.actor.username)
    assert set(cases.get_case(caseworker, case.id).assigned) == {
        "Astrid Administratör",
        "Cecilia Handläggare",
    }
