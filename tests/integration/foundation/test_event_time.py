"""A note's event time: from its visit when none is given; a time that cannot be right is
refused in words that say why."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app import notes, visits
from app.context import Context
from app.errors import ValidationError
from tests.support.store import FixedClock, make_case


def test_a_note_of_a_visit_happened_when_the_visit_did(admin: Context,
                                                       clock: FixedClock) -> None:
    case = make_case(admin)
    planned = clock.now - timedelta(days=2, hours=3)
    visit = visits.create_visit(admin, case.id, "hembesok", planned_start=planned,
                                persons=[case.persons[0].id])
    note = notes.create_draft(admin, case.id, "Från utskriften.", visit_id=visit.id)
    assert note.event_time == planned and note.current.event_time == planned
    started = planned + timedelta(minutes=10)
    visits.mark_times(admin, visit.id, start=started)
    signed = notes.sign_text(admin, case.id, None, "Signerad direkt.", visit_id=visit.id)
    assert signed.event_time == started
    # A time given by the caseworker wins.
    chosen = clock.now - timedelta(days=1)
    assert notes.create_draft(admin, case.id, "x", visit_id=visit.id,
                              event_time=chosen).event_time == chosen
    assert notes.create_draft(admin, case.id, "Utan besök.").event_time == clock.now


def test_an_event_time_that_cannot_be_right_is_refused(admin: Context,
                                                       clock: FixedClock) -> None:
    case = make_case(admin)
    for when, words in ((clock.now.replace(year=1899), "före år 1900"),
                        (clock.now + timedelta(days=400), "framtiden")):
        with pytest.raises(ValidationError, match=words) as raised:
            notes.create_draft(admin, case.id, "Text.", event_time=when)
        assert raised.value.field == "event_time"
    ok = notes.create_draft(admin, case.id, "Text.", event_time=clock.now.replace(year=2023))
    assert ok.event_time.year == 2023
    with pytest.raises(ValidationError):
        notes.save_draft(admin, ok.id, "Text.", event_time=clock.now.replace(year=3026))
