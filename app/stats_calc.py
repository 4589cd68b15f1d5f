"""Pure arithmetic of the statistics: periods in local time, direct minutes, working minutes.

Nothing here reads the store; ``app.stats`` gathers plain values and calls these, so that the
figures can be checked against hand-computed fixtures.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

# Swedish municipalities: weeks and months are counted in Swedish local time (DST included).
LOCAL_TZ = ZoneInfo("Europe/Stockholm")
GROUPINGS = ("week", "month")
WORKDAYS_PER_WEEK = 5
_WORD = re.compile(r"[^\W_]+")  # letters and digits (Unicode), no punctuation or underscores


@dataclass(frozen=True)
class Span:
    """A stretch of direct contact, already resolved to its start and end (aware times)."""

    start: datetime
    end: datetime


@dataclass(frozen=True)
class HoursFrom:
    """Contracted hours per week from a day on."""

    valid_from: date
    weekly_hours: float


def period_start(day: date, grouping: str) -> date:
    if grouping == "week":
        return day - timedelta(days=day.weekday())
    if grouping == "month":
        return day.replace(day=1)
    raise ValueError(f"unknown grouping {grouping!r}")


def next_period(start: date, grouping: str) -> date:
    if grouping == "week":
        return start + timedelta(days=7)
    return (start.replace(day=28) + timedelta(days=4)).replace(day=1)


def periods(first: date, last: date, grouping: str) -> list[date]:
    """Every period that touches ``first``..``last`` (inclusive), empty ones included."""
    out: list[date] = []
    current = period_start(first, grouping)
    while current <= last:
        out.append(current)
        current = next_period(current, grouping)
    return out


def _local_midnight(day: date, tz: ZoneInfo) -> datetime:
    return datetime.combine(day, time(0), tzinfo=tz)


def split_minutes(span: Span, grouping: str, tz: ZoneInfo = LOCAL_TZ) -> dict[date, float]:
    """Minutes of ``span`` per period, cut at local period boundaries (a visit across midnight
    on a Sunday counts in both weeks)."""
    out: dict[date, float] = {}
    start, end = span.start, span.end
    if end <= start:
        return out
    current = period_start(start.astimezone(tz).date(), grouping)
    while True:
        boundary = _local_midnight(next_period(current, grouping), tz)
        piece_end = min(end, boundary)
        if piece_end > start:
            out[current] = out.get(current, 0.0) + (piece_end - start).total_seconds() / 60
        if end <= boundary:
            return out
        start, current = boundary, next_period(current, grouping)


def weekly_hours_on(day: date, hours: Sequence[HoursFrom]) -> float | None:
    """The contracted hours in force on ``day`` (the latest row from that day or before)."""
    valid = [h for h in hours if h.valid_from <= day]
    if not valid:
        return None
    return max(valid, key=lambda h: h.valid_from).weekly_hours


def _workdays(first: date, end: date) -> list[date]:
    days = (first + timedelta(days=i) for i in range((end - first).days))
    return [d for d in days if d.weekday() < WORKDAYS_PER_WEEK]


def working_minutes(start: date, grouping: str, hours: Sequence[HoursFrom],
                    absence_by_week: dict[date, float]) -> float | None:
    """Contracted minutes in a period minus entered absence; None when no hours are set.

    Contracted hours spread evenly over Monday–Friday; a week's absence is counted in a month
    in proportion to the week's workdays that fall in that month."""
    days = _workdays(start, next_period(start, grouping))
    total = 0.0
    known = False
    for day in days:
        weekly = weekly_hours_on(day, hours)
        if weekly is None:
            continue
        known = True
        week = period_start(day, "week")
        absent = absence_by_week.get(week, 0.0)
        total += max(weekly - absent, 0.0) * 60 / WORKDAYS_PER_WEEK
    return total if known else None


def share(direct: float, working: float | None) -> float | None:
    if working is None or working <= 0:
        return None
    return direct / working


def percentile(values: Iterable[float], q: float) -> float | None:
    """The ``q`` quantile (0..1) by linear interpolation; None for no values."""
    data = sorted(values)
    if not data:
        return None
    if len(data) == 1:
        return data[0]
    pos = (len(data) - 1) * q
    low = int(pos)
    high = min(low + 1, len(data) - 1)
    return data[low] + (data[high] - data[low]) * (pos - low)


def median(values: Sequence[float]) -> float | None:
    return statistics.median(values) if values else None


def words(text: str) -> list[str]:
    """Lower-case words without punctuation: what 'a word kept' compares."""
    return _WORD.findall(text.lower())


def kept_words(machine: Sequence[str], signed: Sequence[str]) -> int:
    """How many words of the signed text match the machine draft, in order."""
    from difflib import SequenceMatcher

    matcher = SequenceMatcher(a=list(machine), b=list(signed), autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks())
