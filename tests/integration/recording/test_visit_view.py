"""The visit page's query: one unit of work returns the visit, its consent, its recordings and
the latest transcript as a frozen read model; another user's visit stays closed."""

from __future__ import annotations

import dataclasses

import pytest

from app import recording, transcripts
from app.context import Context
from app.errors import NotFound
from app.visit_view import VisitView, load_visit
from speech.values import Segment, Word
from tests.integration.recording.conftest import new_visit
from tests.support.store import counting_uows

SEGMENT = Segment(0.0, 1.0, "kim mår bra", (Word("kim", 0.0, 0.3, 0.9), Word("mår", 0.3, 0.6, 1.0),
                                            Word("bra", 0.6, 1.0, 0.5)))


def _recording(ctx: Context, visit_id: str, *, finish: bool = True) -> str:
    info = recording.begin(ctx, visit_id, model_id="fake")
    transcripts.save_segments(ctx, info.id, [SEGMENT])
    if finish:
        recording.finish(ctx, info.id, 1.0)
    return info.id


def test_one_unit_of_work_returns_everything_the_page_shows(
        admin: Context, visit_id: str, monkeypatch: pytest.MonkeyPatch) -> None:
    first = _recording(admin, visit_id)
    latest = _recording(admin, visit_id, finish=False)
    with counting_uows(admin, monkeypatch) as opened:
        view = load_visit(admin, visit_id)
    assert opened == [False], "one read-only unit of work for the whole page"
    assert isinstance(view, VisitView)
    assert view.visit.id == visit_id and view.visit.participants == ("Anna Andersson",)
    assert view.consent is not None and view.consent.agreed == ("Anna Andersson",)
    assert [r.id for r in view.recordings] == [first, latest]
    assert view.latest is not None and view.latest.id == latest
    assert [r.id for r in view.unfinished] == [latest]
    assert view.segments == (SEGMENT,)
    with pytest.raises(dataclasses.FrozenInstanceError):
        view.segments = ()  # type: ignore[misc]


def test_matches_the_separate_queries(admin: Context, visit_id: str) -> None:
    from app import visits

    _recording(admin, visit_id)
    view = load_visit(admin, visit_id)
    assert view.visit == visits.get_visit(admin, visit_id)
    assert view.consent == visits.latest_consent(admin, visit_id)
    assert list(view.recordings) == recording.for_visit(admin, visit_id)
    assert list(view.segments) == transcripts.transcript(admin, view.recordings[-1].id)


def test_a_visit_without_consent_or_recordings(admin: Context) -> None:
    visit_id = new_visit(admin, "2026-0009", consent=False)
    view = load_visit(admin, visit_id)
    assert view.consent is None and view.recordings == () and view.segments == ()
    assert view.latest is None


def test_unknown_visit_is_not_found(admin: Context) -> None:
    with pytest.raises(NotFound):
        load_visit(admin, "no-such-visit")
