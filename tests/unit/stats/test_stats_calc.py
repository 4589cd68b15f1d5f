"""The statistics' arithmetic against hand-computed figures (Swedish local time)."""

from __future__ import annotations

from datetime import date, datetime

from app.stats_calc import (
    LOCAL_TZ,
    HoursFrom,
    Span,
    kept_words,
    median,
    percentile,
    periods,
    split_minutes,
    words,
    working_minutes,
)


def local(y: int, mo: int, d: int, h: int = 0, mi: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=LOCAL_TZ)


def test_a_visit_across_midnight_into_a_new_week_counts_in_both_weeks() -> None:
    # Sunday 22:00 to Monday 01:30 (2026-11-29 is a Sunday).
    span = Span(local(2026, 11, 29, 22), local(2026, 11, 30, 1, 30))
    assert split_minutes(span, "week") == {date(2026, 11, 23): 120.0, date(2026, 11, 30): 90.0}


def test_a_visit_across_midnight_inside_a_week_stays_in_it() -> None:
    span = Span(local(2026, 11, 24, 23), local(2026, 11, 25, 0, 45))
    assert split_minutes(span, "week") == {date(2026, 11, 23): 105.0}


def test_a_visit_across_a_month_end_is_split_between_the_months() -> None:
    span = Span(local(2026, 9, 30, 23), local(2026, 10, 1, 0, 20))
    assert split_minutes(span, "month") == {date(2026, 9, 1): 60.0, date(2026, 10, 1): 20.0}


def test_times_given_in_utc_are_counted_in_swedish_local_time() -> None:
    from datetime import UTC

    # 22:30 UTC on Sunday 2026-11-29 is 23:30 in Stockholm (CET): still the old week.
    span = Span(datetime(2026, 11, 29, 22, 30, tzinfo=UTC), datetime(2026, 11, 29, 23, 30,
                                                                      tzinfo=UTC))
    assert split_minutes(span, "week") == {date(2026, 11, 23): 30.0, date(2026, 11, 30): 30.0}


def test_an_empty_or_backward_span_counts_nothing() -> None:
    assert split_minutes(Span(local(2026, 1, 5, 10), local(2026, 1, 5, 10)), "week") == {}
    assert split_minutes(Span(local(2026, 1, 5, 11), local(2026, 1, 5, 10)), "week") == {}


def test_periods_include_empty_weeks_and_start_on_mondays() -> None:
    assert periods(date(2026, 11, 25), date(2026, 12, 9), "week") == [
        date(2026, 11, 23), date(2026, 11, 30), date(2026, 12, 7)]
    assert periods(date(2026, 11, 25), date(2027, 1, 2), "month") == [
        date(2026, 11, 1), date(2026, 12, 1), date(2027, 1, 1)]


def test_working_minutes_full_time_part_time_absence_and_unknown() -> None:
    week = date(2026, 11, 23)
    full = [HoursFrom(date(2026, 1, 1), 40.0)]
    assert working_minutes(week, "week", full, {}) == 2400.0
    assert working_minutes(week, "week", full, {week: 8.0}) == 1920.0
    assert working_minutes(week, "week", [HoursFrom(date(2026, 1, 1), 20.0)], {}) == 1200.0
    assert working_minutes(week, "week", [], {}) is None
    # Absence larger than the contract leaves no working time, never a negative one.
    assert working_minutes(week, "week", full, {week: 60.0}) == 0.0


def test_hours_that_change_mid_week_count_per_day() -> None:
    week = date(2026, 11, 23)
    hours = [HoursFrom(date(2026, 1, 1), 40.0), HoursFrom(date(2026, 11, 26), 20.0)]
    # Mon-Wed at 8 h/day, Thu-Fri at 4 h/day: 24 + 8 = 32 h.
    assert working_minutes(week, "week", hours, {}) == 32 * 60


def test_a_month_counts_its_workdays_and_prorates_a_week_of_absence() -> None:
    # November 2026 has 21 workdays; 40 h/week is 8 h/day.
    hours = [HoursFrom(date(2026, 1, 1), 40.0)]
    assert working_minutes(date(2026, 11, 1), "month", hours, {}) == 21 * 8 * 60
    # The week of Mon 30 Nov has one workday in November: 10 h of absence that week takes
    # 2 h from that day (10 h / 5 workdays).
    assert working_minutes(date(2026, 11, 1), "month", hours,
                           {date(2026, 11, 30): 10.0}) == (20 * 8 + 6) * 60


def test_median_and_p90() -> None:
    assert median([]) is None
    assert median([3.0, 1.0, 2.0]) == 2.0
    assert percentile([], 0.9) is None
    assert percentile([5.0], 0.9) == 5.0
    assert percentile([float(i) for i in range(1, 11)], 0.9) == 9.1


def test_words_kept_from_the_machine_draft() -> None:
    machine = words("vi pratade om skolan och om mamma")
    signed = words("Vi pratade om skolan. Barnet berättade om mamma!")
    assert signed == ["vi", "pratade", "om", "skolan", "barnet", "berättade", "om", "mamma"]
    assert kept_words(machine, signed) == 6
