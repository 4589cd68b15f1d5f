"""Every text a service takes has its limit: 10 MB titles, names and notes are refused with a
Swedish message naming the field, and nothing is stored."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from app import cases, notes, persons, search, visits
from app.context import Context
from app.dto import PersonInput
from app.errors import ValidationError
from tests.support.store import make_case

HUGE = "x" * 10_000_000


def _attempts(ctx: Context) -> list[tuple[str, Callable[[], object]]]:
    case = make_case(ctx)
    signed = notes.sign(ctx, notes.create_draft(ctx, case.id, "Signerad.").id)
    draft = notes.create_draft(ctx, case.id, "Utkast.")
    visit = visits.create_visit(ctx, case.id, "hembesok", persons=[case.persons[0].id])
    return [
        ("case_number", lambda: cases.create_case(ctx, HUGE, "Rubrik", [])),
        ("title", lambda: cases.create_case(ctx, "2026-0777", HUGE, [])),
        ("person0.name", lambda: cases.create_case(
            ctx, "2026-0778", "Rubrik", [PersonInput("child", HUGE)])),
        ("person.personnummer", lambda: persons.add_person(
            ctx, case.id, PersonInput("child", "Kim", "1" * 1000))),
        ("body", lambda: notes.create_draft(ctx, case.id, HUGE)),
        ("body", lambda: notes.save_draft(ctx, draft.id, "Kort.", child_voice=HUGE)),
        ("section", lambda: notes.save_draft(ctx, draft.id, "Kort.", section=HUGE)),
        ("reason", lambda: notes.correct(ctx, signed.id, "Rättad.", reason=HUGE)),
        ("informed", lambda: visits.record_consent(ctx, visit.id, informed=[HUGE], agreed=[])),
        ("query", lambda: search.search(ctx, HUGE)),
        ("query", lambda: cases.list_cases(ctx, HUGE)),
    ]


def test_every_text_is_limited_with_a_swedish_message(admin: Context) -> None:
    for field, attempt in _attempts(admin):
        with pytest.raises(ValidationError) as refused:
            attempt()
        assert refused.value.field == field
        assert "för lång" in refused.value.message or "Högst 50 namn" in refused.value.message
    case = cases.list_cases(admin)[0]
    assert [n.current.body for n in notes.timeline(admin, case.id)] == ["Signerad.", "Utkast."]
    assert len(cases.list_cases(admin)) == 1
