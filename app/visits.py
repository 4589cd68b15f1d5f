"""Visits (besök) and consent to record them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import literal_column, select
from sqlalchemy.orm import Session

from app import audit, limits, outbox
from app.access import Permission, require_case
from app.context import Context
from app.dto import ConsentInfo, ParticipantInfo, VisitInfo
from app.errors import NotFound, ValidationError
from app.persons import current_persons
from models.people import User
from models.visits import VISIT_KINDS, Consent, Visit


def create_visit(
    ctx: Context, case_id: str, kind: str, *, planned_start: datetime | None = None,
    persons: Sequence[str] = (), caseworkers: Sequence[str] | None = None,
    with_child: bool = False,
) -> VisitInfo:
    """Register a visit with who takes part: ``persons`` (ids of the case's persons) and
    ``caseworkers`` (user ids; default: the one registering it). A child among the persons
    means the child is there (``with_child``), whatever the flag says."""
    if kind not in VISIT_KINDS:
        raise ValidationError("Välj typ av besök.", field="kind")
    with ctx.uow(write=True) as uow:
        s = uow.session
        require_case(s, ctx.actor, case_id, Permission.PLAN_VISIT)
        if not persons:
            raise ValidationError("Välj vilka i ärendet som deltar i besöket.",
                                  field="participants")
        present = _participants(s, case_id, persons,
                                [ctx.actor.user_id] if caseworkers is None else caseworkers)
        with_child = with_child or any(p.get("role") == "child" for p in present)
        visit = Visit(case_id=case_id, kind=kind, planned_start=planned_start,
                      participants=present, with_child=with_child,
                      created_by=ctx.actor.user_id, created_at=ctx.now())
        s.add(visit)
        uow.flush()
        outbox.enqueue(s, visit.to_record())
        audit.record(s, ctx.actor, "visit.create", "visit", visit.id,
                     {"case": case_id}, now=ctx.now())
        info = visit_info(visit)
        uow.commit()
        return info


def _participants(session: Session, case_id: str, person_ids: Sequence[str],
                  user_ids: Sequence[str]) -> list[dict[str, Any]]:
    """The stored participant list; refuses anyone who is not a person of the case or a user.
    Names and roles are kept as they were at the visit (a later rename does not rewrite it)."""
    persons = {p.id: p for p in current_persons(session, case_id)}
    out: list[dict[str, Any]] = []
    for pid in dict.fromkeys(person_ids):
        person = persons.get(pid)
        if person is None:
            raise ValidationError("En av deltagarna hör inte till ärendet.",
                                  field="participants")
        out.append({"person_id": person.id, "name": person.name, "role": person.role})
    for uid in dict.fromkeys(user_ids):
        user = session.get(User, uid)
        if user is None or not user.active:
            raise ValidationError("En av handläggarna finns inte.", field="participants")
        out.append({"user_id": user.id, "name": user.display_name, "role": "caseworker"})
    return out


def mark_times(ctx: Context, visit_id: str, *, start: datetime | None = None,
               end: datetime | None = None) -> VisitInfo:
    with ctx.uow(write=True) as uow:
        visit = _load(uow.session, ctx, visit_id, Permission.PLAN_VISIT)
        before = (visit.actual_start, visit.actual_end)
        if start is not None and visit.actual_start is None:
            visit.actual_start = start
        if end is not None:
            visit.actual_end = end
        uow.flush()
        if (visit.actual_start, visit.actual_end) != before:
            outbox.enqueue(uow.session, visit.to_record())  # the visit as it now is
        info = visit_info(visit)
        uow.commit()
        return info


def list_visits(ctx: Context, case_id: str) -> list[VisitInfo]:
    with ctx.uow() as uow:
        return visits_in_case(uow.session, ctx, case_id)


def visits_in_case(session: Session, ctx: Context, case_id: str) -> list[VisitInfo]:
    """``list_visits`` inside the caller's unit of work (the case view reads all in one)."""
    require_case(session, ctx.actor, case_id)
    rows = session.scalars(
        select(Visit).where(Visit.case_id == case_id).order_by(Visit.created_at.desc())
    ).all()
    return [visit_info(v) for v in rows]


def get_visit(ctx: Context, visit_id: str) -> VisitInfo:
    with ctx.uow() as uow:
        return visit_info(_load(uow.session, ctx, visit_id))


def record_consent(
    ctx: Context, visit_id: str, *, informed: list[str], agreed: list[str],
    refused: list[str] | None = None,
) -> ConsentInfo:
    """Who was informed about the recording and who agreed. A refusal blocks recording."""
    informed = [n.strip() for n in informed if n.strip()]
    agreed = [n.strip() for n in agreed if n.strip()]
    refused = [n.strip() for n in (refused or []) if n.strip()]
    for field, names in (("informed", informed), ("agreed", agreed), ("refused", refused)):
        limits.check_names(names, field)
    if not informed:
        raise ValidationError("Ange vem som har informerats om inspelningen.", field="informed")
    if not set(agreed) | set(refused) <= set(informed):
        raise ValidationError("Bara den som har informerats kan samtycka.", field="agreed")
    with ctx.uow(write=True) as uow:
        _load(uow.session, ctx, visit_id, Permission.PLAN_VISIT)
        consent = Consent(visit_id=visit_id, informed=informed, agreed=agreed, refused=refused,
                          recorded_at=ctx.now(), recorded_by=ctx.actor.user_id)
        uow.session.add(consent)
        uow.flush()
        outbox.enqueue(uow.session, consent.to_record())
        audit.record(uow.session, ctx.actor, "consent.record", "visit", visit_id,
                     {"agreed": len(agreed), "refused": len(refused)}, now=ctx.now())
        info = _consent_info(uow.session, consent)
        uow.commit()
        return info


def latest_consent(ctx: Context, visit_id: str) -> ConsentInfo | None:
    with ctx.uow() as uow:
        _load(uow.session, ctx, visit_id)
        return consent_of(uow.session, visit_id)


def consent_of(session: Session, visit_id: str) -> ConsentInfo | None:
    """Inside a caller's unit of work: the visit's latest consent (a withdrawal is newer)."""
    row = session.scalars(
        select(Consent).where(Consent.visit_id == visit_id)
        .order_by(Consent.recorded_at.desc(), literal_column("consents.rowid").desc())
        .limit(1)
    ).first()
    return _consent_info(session, row) if row else None


def _load(session: Session, ctx: Context, visit_id: str,
          permission: Permission = Permission.READ_CASE) -> Visit:
    visit = session.get(Visit, visit_id)
    if visit is None:
        raise NotFound("Besöket")
    require_case(session, ctx.actor, visit.case_id, permission)
    return visit


def visit_info(v: Visit) -> VisitInfo:
    present = tuple(ParticipantInfo(str(p.get("name", "")), str(p.get("role", "other")),
                                    p.get("person_id"), p.get("user_id"))
                    for p in v.participants)
    return VisitInfo(v.id, v.case_id, v.kind, v.planned_start, v.actual_start, v.actual_end,
                     tuple(p.name for p in present if p.role != "caseworker"), v.with_child,
                     present)


def _consent_info(session: Session, c: Consent) -> ConsentInfo:
    by = session.get(User, c.recorded_by)
    return ConsentInfo(c.id, c.visit_id, tuple(c.informed), tuple(c.agreed), tuple(c.refused),
                       c.recorded_at, by.display_name if by else "?")
