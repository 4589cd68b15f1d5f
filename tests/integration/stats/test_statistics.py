"""Statistics on a real store: direct time against working time, notes, and who sees what."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from app import accounts, assignments, cases, notes, review, staffing, stats
from app.context import Context
from app.dto import PersonInput
from app.errors import PermissionDenied, ValidationError
from app.stats_calc import LOCAL_TZ
from models.audit import AuditEvent
from models.visits import Recording, Segment, Transcript, Visit
from tests.support.store import FixedClock, personnummer

WEEK = date(2026, 11, 23)  # Monday; its Sunday is 29 Nov


def local(d: int, h: int, mi: int = 0, month: int = 11) -> datetime:
    return datetime(2026, month, d, h, mi, tzinfo=LOCAL_TZ)


@pytest.fixture
def unit(admin: Context, login: Callable[[str, str], Context], clock: FixedClock
         ) -> dict[str, Context]:
    """Two caseworkers (A full time, B half time) on one case, and a supervisor."""
    out = {}
    for username, name, role in (("anna", "Anna Andersson", "caseworker"),
                                 ("bertil", "Bertil Berg", "caseworker"),
                                 ("chef", "Cissi Chef", "supervisor")):
        accounts.add_user(admin, username, name, role, f"{username}-lösen-1")
        ctx = login(username, f"{username}-lösen-1")
        ctx.clock = clock
        out[username] = ctx
    case = cases.create_case(admin, "2026-0101", "Utredning", [
        PersonInput("child", "Kim Testsson", personnummer("150101")),
        PersonInput("guardian", "Robin Testsson")])
    for username in ("anna", "bertil"):
        assignments.assign(admin, case.id, username)
    out["case_id"] = case  # type: ignore[assignment]
    staffing.set_weekly_hours(out["chef"], out["anna"].actor.user_id, 40, date(2026, 1, 1))
    staffing.set_weekly_hours(out["chef"], out["bertil"].actor.user_id, 20, date(2026, 1, 1))
    return out


def add_visit(ctx: Context, case_id: str, start: datetime | None, end: datetime | None, *,
              with_child: bool = False, participants: list[dict[str, str]] | None = None,
              recorded_s: float = 0.0, transcript: str = "") -> str:
    with ctx.uow(write=True) as uow:
        visit = Visit(case_id=case_id, kind="hembesok", actual_start=start, actual_end=end,
                      participants=participants or [], with_child=with_child,
                      created_by=ctx.actor.user_id)
        uow.session.add(visit)
        uow.session.flush()
        if recorded_s:
            rec = Recording(visit_id=visit.id, audio_file="x.sam", duration_s=recorded_s,
                            state="complete", started_at=start or local(2, 9),
                            created_by=ctx.actor.user_id)
            uow.session.add(rec)
            uow.session.flush()
            if transcript:
                t = Transcript(recording_id=rec.id, engine="vosk", model_id="m",
                               pass_kind="live")
                uow.session.add(t)
                uow.session.flush()
                uow.session.add(Segment(transcript_id=t.id, seq=0, start_s=0.0, end_s=1.0,
                                        text=transcript, words=[]))
        uow.commit()
        return visit.id


def case_id(unit: dict[str, Context]) -> str:
    return unit["case_id"].id  # type: ignore[attr-defined,no-any-return]


def test_direct_share_per_week_with_part_time_absence_and_empty_weeks(
        unit: dict[str, Context]) -> None:
    anna, bertil, chef, cid = unit["anna"], unit["bertil"], unit["chef"], case_id(unit)
    # Anna: 2 h with the child on Tuesday; Sunday 23:00 - Monday 01:00 with the guardian
    # (as a listed participant with the guardian's role) crosses into the next week.
    add_visit(anna, cid, local(24, 9), local(24, 11), with_child=True)
    add_visit(anna, cid, local(29, 23), local(30, 1),
              participants=[{"name": "Robin Testsson", "role": "guardian"}])
    # A visit with nobody of the family present is not direct contact.
    add_visit(anna, cid, local(25, 9), local(25, 12), participants=[{"name": "Skolan"}])
    # A planned visit that never took place (no start) counts nothing.
    add_visit(anna, cid, None, None, with_child=True)
    # Bertil: no end registered; 30 minutes were recorded.
    add_visit(bertil, cid, local(26, 13), None, with_child=True, recorded_s=1800)
    staffing.set_absence(chef, anna.actor.user_id, date(2026, 11, 26), 8)

    result = stats.compute(chef, date(2026, 11, 16), date(2026, 12, 6), "week")
    by_name = {p.display_name: p for p in result.people}
    a, b = by_name["Anna Andersson"], by_name["Bertil Berg"]
    assert [p.period for p in a.periods] == [date(2026, 11, 16), WEEK, date(2026, 11, 30)]
    assert [p.direct_minutes for p in a.periods] == [0.0, 180.0, 60.0]
    assert [p.working_minutes for p in a.periods] == [2400.0, 1920.0, 2400.0]
    assert a.periods[1].share == pytest.approx(180 / 1920)
    assert a.periods[0].share == 0.0  # a week with no visits is a 0% week, not missing
    assert [p.direct_minutes for p in b.periods] == [0.0, 30.0, 0.0]
    assert b.periods[1].working_minutes == 1200.0
    assert a.total.direct_minutes == 240.0 and a.total.working_minutes == 2400 * 2 + 1920
    assert result.unit[1].direct_minutes == 210.0
    assert result.unit[1].working_minutes == 1920.0 + 1200.0
    assert result.target_percent == 20


def test_month_grouping_and_a_window_clips_visits(unit: dict[str, Context]) -> None:
    anna, chef, cid = unit["anna"], unit["chef"], case_id(unit)
    add_visit(anna, cid, local(30, 23), local(1, 1, month=12), with_child=True)
    result = stats.compute(chef, date(2026, 11, 1), date(2026, 11, 30), "month")
    a = next(p for p in result.people if p.display_name == "Anna Andersson")
    assert [p.direct_minutes for p in a.periods] == [60.0]  # December's hour is outside


def test_notes_signed_on_site_time_to_sign_reviews_and_words_kept(
        unit: dict[str, Context], clock: FixedClock) -> None:
    anna, chef, cid = unit["anna"], unit["chef"], case_id(unit)
    visit = add_visit(anna, cid, local(24, 9), local(24, 10), with_child=True,
                      recorded_s=3600, transcript="vi pratade om skolan och om mamma")
    late_visit = add_visit(anna, cid, local(25, 9), local(25, 10), with_child=True)
    clock.now = local(24, 10, 30).astimezone(UTC)  # 30 min after the end: on site
    n1 = notes.create_draft(anna, cid, "Vi pratade om skolan.\n\nBarnet berättade om mamma.",
                            visit_id=visit)
    notes.sign(anna, n1.id)
    clock.now = local(27, 10).astimezone(UTC)  # 48 h after the end
    n2 = notes.create_draft(anna, cid, "Uppföljning. Allt lugnt.", visit_id=late_visit)
    notes.sign(anna, n2.id)
    started = review.start(anna, n1.id, audience="child",
                           present=[review.PresentPerson("Kim Testsson", "child")])
    review.record_outcome(anna, started.review_id, 0, "agrees")
    review.record_outcome(anna, started.review_id, 1, "disagrees", "Jag sa pappa.")
    review.record_outcome(anna, started.review_id, 1, "agrees")  # changed answer: latest
    review.complete(anna, started.review_id)

    result = stats.compute(chef, date(2026, 11, 23), date(2026, 11, 29))
    figures = next(p for p in result.people if p.display_name == "Anna Andersson").notes
    assert figures.signed == 2 and figures.with_visit_end == 2
    assert figures.signed_on_site == 1 and figures.on_site_share == 0.5
    assert figures.hours_to_sign == pytest.approx((0.5, 48.0))
    assert figures.hours_to_sign_median == pytest.approx(24.25)
    assert figures.reviewed == 1
    assert (figures.passages_answered, figures.passages_agreed) == (2, 2)
    assert figures.signed_words_from_transcripts == 8 and figures.kept_words == 6
    assert result.unit_notes.signed == 2


def test_a_caseworker_sees_only_their_own_figures_and_a_denial_is_audited(
        unit: dict[str, Context]) -> None:
    anna, bertil = unit["anna"], unit["bertil"]
    own = stats.compute(anna, date(2026, 11, 23), date(2026, 11, 29))
    assert [p.user_id for p in own.people] == [anna.actor.user_id]
    with pytest.raises(PermissionDenied):
        stats.compute(anna, date(2026, 11, 23), date(2026, 11, 29),
                      user_ids=[bertil.actor.user_id])
    with anna.uow() as uow:
        last = uow.session.scalar(select(AuditEvent.action).order_by(AuditEvent.seq.desc()))
    assert last == "access.denied"
    with pytest.raises(PermissionDenied):
        staffing.set_absence(anna, anna.actor.user_id, date(2026, 11, 23), 40)
    with pytest.raises(PermissionDenied):
        staffing.overview(anna, date(2026, 11, 23))


def test_every_view_is_audited_and_bad_periods_are_refused(unit: dict[str, Context]) -> None:
    chef = unit["chef"]
    stats.compute(chef, date(2026, 11, 23), date(2026, 11, 29), "month")
    with chef.uow() as uow:
        last = uow.session.scalar(select(AuditEvent.action).order_by(AuditEvent.seq.desc()))
    assert last == "stats.view"
    with pytest.raises(ValidationError):
        stats.compute(chef, date(2026, 11, 29), date(2026, 11, 23))
    with pytest.raises(ValidationError):
        stats.compute(chef, date(2020, 1, 1), date(2026, 1, 1))
    with pytest.raises(ValidationError):
        stats.compute(chef, date(2026, 1, 1), date(2026, 2, 1), "day")
    with pytest.raises(ValidationError):
        staffing.set_weekly_hours(chef, unit["anna"].actor.user_id, 200, date(2026, 1, 1))


def test_hours_and_absence_are_replaced_not_doubled(unit: dict[str, Context]) -> None:
    chef, anna = unit["chef"], unit["anna"]
    staffing.set_absence(chef, anna.actor.user_id, date(2026, 11, 24), 8)
    staffing.set_absence(chef, anna.actor.user_id, date(2026, 11, 27), 4)  # same week
    staffing.set_weekly_hours(chef, anna.actor.user_id, 30, date(2026, 1, 1))
    result = stats.compute(chef, date(2026, 11, 23), date(2026, 11, 29))
    a = next(p for p in result.people if p.display_name == "Anna Andersson")
    assert a.periods[0].working_minutes == (30 - 4) * 60
    rows = {r.display_name: r for r in staffing.overview(chef, date(2026, 11, 30))}
    assert rows["Anna Andersson"].weekly_hours == 30
    assert rows["Bertil Berg"].weekly_hours == 20


def test_no_contracted_hours_means_no_share_not_a_division_by_zero(
        admin: Context, login: Callable[[str, str], Context]) -> None:
    accounts.add_user(admin, "dora", "Dora Dahl", "caseworker", "dora-lösen-1")
    result = stats.compute(admin, date(2026, 11, 23), date(2026, 11, 29))
    dora = result.people[0]
    assert dora.periods[0].working_minutes is None and dora.periods[0].share is None


def test_words_kept_are_counted_once_and_again_after_a_better_transcript(
        unit: dict[str, Context], clock: FixedClock) -> None:
    from app import transcripts
    from models.staffing import NoteWordCount
    from speech.values import Segment as SpeechSegment

    anna, chef, cid = unit["anna"], unit["chef"], case_id(unit)
    visit = add_visit(anna, cid, local(24, 9), local(24, 10), with_child=True,
                      recorded_s=3600, transcript="helt andra ord här")
    clock.now = local(24, 10, 30).astimezone(UTC)
    note = notes.create_draft(anna, cid, "Vi pratade om skolan.", visit_id=visit)
    notes.sign(anna, note.id)
    first = stats.compute(chef, date(2026, 11, 23), date(2026, 11, 29))
    assert first.unit_notes.kept_words == 0 and first.unit_notes.signed_words_from_transcripts == 4
    with chef.uow() as uow:
        cached = uow.session.get(NoteWordCount, note.id)
        assert cached is not None and cached.kept_words == 0
        key = cached.draft_key
        recording_id = uow.session.scalar(select(Recording.id).where(
            Recording.visit_id == visit))
    assert recording_id is not None
    transcripts.add_transcript(anna, recording_id,
                               [SpeechSegment(0.0, 2.0, "vi pratade om skolan", ())],
                               engine="faster-whisper", model_id="kb-whisper-base",
                               pass_kind="accuracy")
    second = stats.compute(chef, date(2026, 11, 23), date(2026, 11, 29))
    assert second.unit_notes.kept_words == 4
    with chef.uow() as uow:
        cached = uow.session.get(NoteWordCount, note.id)
        assert cached is not None and cached.draft_key != key


def add_recording(ctx: Context, visit_id: str, start: datetime, seconds: float) -> None:
    with ctx.uow(write=True) as uow:
        uow.session.add(Recording(visit_id=visit_id, audio_file="y.sam", duration_s=seconds,
                                  state="complete", started_at=start,
                                  created_by=ctx.actor.user_id))
        uow.commit()


def test_overlapping_recordings_of_one_visit_count_their_time_once(
        unit: dict[str, Context]) -> None:
    """No end registered: the recorded time is the union of the recordings, so a colleague's
    recording of the same visit (two caseworkers went out together, both recorded, and sync
    brought each one's recording to the other) does not double it; a pause between two
    recordings is not counted either."""
    bertil, chef, cid = unit["bertil"], unit["chef"], case_id(unit)
    visit = add_visit(bertil, cid, local(26, 13), None, with_child=True, recorded_s=1800)
    add_recording(bertil, visit, local(26, 13, 5), 1800)  # the colleague's, 13:05-13:35
    add_recording(bertil, visit, local(26, 14), 600)  # after a pause, 14:00-14:10
    result = stats.compute(chef, date(2026, 11, 16), date(2026, 12, 6), "week")
    b = next(p for p in result.people if p.display_name == "Bertil Berg")
    assert [p.direct_minutes for p in b.periods] == [0.0, 35.0 + 10.0, 0.0]
