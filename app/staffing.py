"""Working time a supervisor enters for the statistics: contracted hours and absence."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import access, audit
from app.access import Permission
from app.context import Context
from app.errors import NotFound, ValidationError
from models.people import User
from models.staffing import Absence, WorkHours

MAX_WEEKLY_HOURS = 80.0


@dataclass(frozen=True)
class StaffingRow:
    user_id: str
    display_name: str
    weekly_hours: float | None  # in force today
    valid_from: date | None


def _hours(value: float, field: str) -> float:
    if not 0 <= value <= MAX_WEEKLY_HOURS:
        raise ValidationError(f"Ange mellan 0 och {MAX_WEEKLY_HOURS:g} timmar.", field=field)
    return round(value, 2)


def _user(s: Session, user_id: str) -> User:
    user = s.get(User, user_id)
    if user is None:
        raise NotFound("Användaren")
    return user


def set_weekly_hours(ctx: Context, user_id: str, weekly_hours: float, valid_from: date) -> None:
    """Contracted hours per week from ``valid_from`` on (replaces a row from that same day)."""
    hours = _hours(weekly_hours, "weekly_hours")
    with ctx.uow(write=True) as uow:
        s = uow.session
        access.require_role(ctx.actor, Permission.WORKING_TIME)
        _user(s, user_id)
        row = s.scalar(select(WorkHours).where(WorkHours.user_id == user_id,
                                               WorkHours.valid_from == valid_from))
        if row is None:
            s.add(WorkHours(user_id=user_id, valid_from=valid_from, weekly_hours=hours,
                            set_by=ctx.actor.user_id, set_at=ctx.now()))
        else:
            row.weekly_hours, row.set_by, row.set_at = hours, ctx.actor.user_id, ctx.now()
        audit.record(s, ctx.actor, "staffing.hours", "user", user_id,
                     {"weekly_hours": hours, "valid_from": valid_from.isoformat()},
                     now=ctx.now())
        uow.commit()


def set_absence(ctx: Context, user_id: str, day_in_week: date, hours: float) -> date:
    """Absence in the ISO week of ``day_in_week`` (replaces that week's entry); its Monday."""
    value = _hours(hours, "absence_hours")
    week = day_in_week - timedelta(days=day_in_week.weekday())
    with ctx.uow(write=True) as uow:
        s = uow.session
        access.require_role(ctx.actor, Permission.WORKING_TIME)
        _user(s, user_id)
        row = s.scalar(select(Absence).where(Absence.user_id == user_id, Absence.week == week))
        if row is None:
            s.add(Absence(user_id=user_id, week=week, hours=value,
                          recorded_by=ctx.actor.user_id, recorded_at=ctx.now()))
        else:
            row.hours, row.recorded_by, row.recorded_at = value, ctx.actor.user_id, ctx.now()
        audit.record(s, ctx.actor, "staffing.absence", "user", user_id,
                     {"week": week.isoformat(), "hours": value}, now=ctx.now())
        uow.commit()
    return week


def overview(ctx: Context, today: date) -> list[StaffingRow]:
    """Every caseworker with the contracted hours in force on ``today``."""
    with ctx.uow() as uow:
        s = uow.session
        access.require_role(ctx.actor, Permission.WORKING_TIME)
        out = []
        for user in s.scalars(select(User).where(User.role == "caseworker")
                              .order_by(User.display_name)):
            row = s.scalar(select(WorkHours).where(WorkHours.user_id == user.id,
                                                   WorkHours.valid_from <= today)
                           .order_by(WorkHours.valid_from.desc()).limit(1))
            out.append(StaffingRow(user.id, user.display_name,
                                   row.weekly_hours if row else None,
                                   row.valid_from if row else None))
        return out
