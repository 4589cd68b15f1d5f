"""Statistics for supervisors: direct contact's share of working time, and how notes are made.

A caseworker sees only their own figures; a supervisor or an admin sees every caseworker of
the installation (the unit). Viewing statistics is an audit event; a refused request too.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from app import access, audit
from app.access import Permission, Scope
from app.context import Context
from app.errors import ValidationError
from app.stats_calc import (
    GROUPINGS,
    LOCAL_TZ,
    HoursFrom,
    Span,
    periods,
    share,
    split_minutes,
    working_minutes,
)
from app.stats_notes import NoteFigures, merge, note_figures
from models.people import Person, User
from models.staffing import Absence, WorkHours
from models.visits import Recording, Visit

DIRECT_ROLES = ("child", "guardian")
MAX_DAYS = 3 * 366


@dataclass(frozen=True)
class PeriodFigure:
    period: date
    direct_minutes: float
    working_minutes: float | None

    @property
    def share(self) -> float | None:
        return share(self.direct_minutes, self.working_minutes)


@dataclass(frozen=True)
class PersonStats:
    user_id: str
    display_name: str
    periods: tuple[PeriodFigure, ...]
    total: PeriodFigure
    notes: NoteFigures


@dataclass(frozen=True)
class Statistics:
    first: date
    last: date
    grouping: str
    target_percent: int
    people: tuple[PersonStats, ...]
    unit: tuple[PeriodFigure, ...]
    unit_total: PeriodFigure
    unit_notes: NoteFigures
    generated_at: datetime = field(compare=False, default_factory=lambda: datetime.now(LOCAL_TZ))


def compute(ctx: Context, first: date, last: date, grouping: str = "week",
            user_ids: Sequence[str] | None = None) -> Statistics:
    """The statistics for ``first``..``last`` (local dates, inclusive)."""
    if grouping not in GROUPINGS:
        raise ValidationError("Välj vecka eller månad.", field="grouping")
    if last < first:
        raise ValidationError("Slutdatumet ligger före startdatumet.", field="last")
    if (last - first).days > MAX_DAYS:
        raise ValidationError("Välj en period på högst tre år.", field="first")
    with ctx.uow(write=True) as uow:
        s = uow.session
        users = _users_in_scope(s, ctx, user_ids)
        start = datetime.combine(first, datetime.min.time(), tzinfo=LOCAL_TZ)
        end = datetime.combine(last + timedelta(days=1), datetime.min.time(), tzinfo=LOCAL_TZ)
        visits = _visits(s)
        direct = _direct_minutes(s, users, visits, start, end, grouping)
        notes = note_figures(s, users, start, end, {v.id: span for v, span in visits},
                             timedelta(minutes=ctx.settings.on_site_margin_minutes))
        hours, absences = _staffing(s, users)
        audit.record(s, ctx.actor, "stats.view", details={
            "grouping": grouping, "first": first.isoformat(), "last": last.isoformat(),
            "users": len(users)})
        uow.commit()
    all_periods = periods(first, last, grouping)
    people = []
    for user_id, name in users.items():
        figures = tuple(PeriodFigure(p, direct[user_id].get(p, 0.0),
                                     working_minutes(p, grouping, hours[user_id],
                                                     absences[user_id]))
                        for p in all_periods)
        people.append(PersonStats(user_id, name, figures, _sum(first, figures),
                                  notes.get(user_id, NoteFigures())))
    unit = tuple(_sum(p, [person.periods[i] for person in people])
                 for i, p in enumerate(all_periods))
    return Statistics(first, last, grouping, ctx.settings.stats_target_percent, tuple(people),
                      unit, _sum(first, unit), merge([p.notes for p in people]))


def _sum(period: date, figures: Sequence[PeriodFigure]) -> PeriodFigure:
    known = [f.working_minutes for f in figures if f.working_minutes is not None]
    return PeriodFigure(period, sum(f.direct_minutes for f in figures),
                        sum(known) if known else None)


def _users_in_scope(s: Session, ctx: Context, wanted: Sequence[str] | None) -> dict[str, str]:
    """Whose figures the actor asked for and may see: their own, or (``STATS_ALL``) every
    caseworker's."""
    actor = ctx.actor
    if access.scope(actor, Permission.STATS_ALL) is Scope.NONE:
        if wanted is not None and set(wanted) - {actor.user_id}:
            raise access.denied(actor, Permission.STATS_ALL, "statistics")
        user = s.get(User, actor.user_id)
        return {actor.user_id: user.display_name if user else actor.display_name}
    rows = s.execute(select(User.id, User.display_name).where(User.role == "caseworker")
                     .order_by(User.display_name)).all()
    chosen = {row.id: row.display_name for row in rows}
    if wanted is not None:
        chosen = {uid: name for uid, name in chosen.items() if uid in set(wanted)}
    return chosen


def _visit_span(visit: Row[Any], recorded_s: float, first_recording: datetime | None
                ) -> Span | None:
    """When the contact happened: the visit's actual start and end, else its start plus the
    recorded time; no start means the visit did not take place (only planned)."""
    start = visit.actual_start or first_recording
    if start is None:
        return None
    end = visit.actual_end or start + timedelta(seconds=recorded_s)
    return Span(start, end) if end > start else None


def _direct_contact(visit: Row[Any], roles: dict[str, str]) -> bool:
    if visit.with_child:
        return True
    for p in visit.participants:
        role = p.get("role") or roles.get(p.get("person_id") or "", "")
        if role in DIRECT_ROLES:
            return True
    return False


def _credited(visit: Row[Any], users: dict[str, str]) -> set[str]:
    """Who was there for the service: the visit's creator and caseworkers listed with it."""
    out = {visit.created_by} if visit.created_by in users else set()
    for p in visit.participants:
        for key in ("user_id", "person_id"):
            if p.get(key) in users:
                out.add(p[key])
    return out


def _recordings(s: Session) -> tuple[dict[str, float], dict[str, datetime]]:
    """Per visit: the recorded time and the first recording's start. Recordings that overlap
    (two caseworkers on one visit, each recording on their laptop, synced to each other) count
    their shared time once: the recorded time is the length of the union of their spans."""
    spans: dict[str, list[tuple[datetime, datetime]]] = defaultdict(list)
    for visit_id, duration, started in s.execute(
            select(Recording.visit_id, Recording.duration_s, Recording.started_at)):
        spans[visit_id].append((started, started + timedelta(seconds=duration or 0.0)))
    seconds: dict[str, float] = {}
    first: dict[str, datetime] = {}
    for visit_id, parts in spans.items():
        parts.sort()
        first[visit_id] = parts[0][0]
        total, (run_start, run_end) = 0.0, parts[0]
        for begin, finish in parts[1:]:
            if begin > run_end:
                total += (run_end - run_start).total_seconds()
                run_start, run_end = begin, finish
            else:
                run_end = max(run_end, finish)
        seconds[visit_id] = total + (run_end - run_start).total_seconds()
    return seconds, first


def _visits(s: Session) -> list[tuple[Row[Any], Span]]:
    """Every visit that took place, with when."""
    seconds, first = _recordings(s)
    out = []
    for visit in s.execute(select(Visit.id, Visit.actual_start, Visit.actual_end,
                                  Visit.with_child, Visit.participants, Visit.created_by)):
        span = _visit_span(visit, seconds.get(visit.id, 0.0), first.get(visit.id))
        if span is not None:
            out.append((visit, span))
    return out


def _direct_minutes(s: Session, users: dict[str, str], visits: list[tuple[Row[Any], Span]],
                    start: datetime, end: datetime, grouping: str
                    ) -> dict[str, dict[date, float]]:
    roles = dict(s.execute(select(Person.id, Person.role)).tuples().all())
    out: dict[str, dict[date, float]] = {uid: defaultdict(float) for uid in users}
    for visit, span in visits:
        if span.end <= start or span.start >= end or not _direct_contact(visit, roles):
            continue
        clipped = Span(max(span.start, start), min(span.end, end))
        for uid in _credited(visit, users):
            for period, minutes in split_minutes(clipped, grouping).items():
                out[uid][period] += minutes
    return out


def _staffing(s: Session, users: dict[str, str]
              ) -> tuple[dict[str, list[HoursFrom]], dict[str, dict[date, float]]]:
    hours: dict[str, list[HoursFrom]] = defaultdict(list)
    for row in s.scalars(select(WorkHours).where(WorkHours.user_id.in_(list(users)))):
        hours[row.user_id].append(HoursFrom(row.valid_from, row.weekly_hours))
    absences: dict[str, dict[date, float]] = defaultdict(dict)
    for absence in s.scalars(select(Absence).where(Absence.user_id.in_(list(users)))):
        absences[absence.user_id][absence.week] = absence.hours
    return hours, absences



