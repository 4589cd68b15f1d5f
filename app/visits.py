"""Visits (besök) and consent to record them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import literal_column, select
from sqlalchemy.orm import Session

from app import audit, outbox, signing
from app.access import require_case
from app.context import Context
from app.dto import ConsentInfo, VisitInfo
from app.errors import NotFound, ValidationError
from models.base import new_id
from models.people import User
from models.visits import VISIT_KINDS, Consent, Visit


def create_visit(
    ctx: Context, case_id: str, kind: str, *, planned_start: datetime | None = None,
    participants: list[str] | None = None, with_child: bool = False,
) -> VisitInfo:
    if kind not in VISIT_KINDS:
        raise ValidationError("Välj typ av besök.", field="kind")
    names = [p.strip() for p in (participants or []) if p.strip()]
    with ctx.uow(write=True) as uow:
        require_case(uow.session, ctx.actor, case_id)
        visit = Visit(case_id=case_id, kind=kind, planned_start=planned_start,
                      participants=[{"name": n} for n in names], with_child=with_child,
                      created_by=ctx.actor.user_id, created_at=ctx.now())
        uow.session.add(visit)
        uow.flush()
        outbox.enqueue(uow.session, visit.to_record())
        audit.record(uow.session, ctx.actor, "visit.create", "visit", visit.id,
                     {"case": case_id}, now=ctx.now())
        info = visit_info(visit)
        uow.commit()
        return info


def mark_times(ctx: Context, visit_id: str, *, start: datetime | None = None,
               end: datetime | None = None) -> VisitInfo:
    with ctx.uow(write=True) as uow:
        visit = _load(uow.session, ctx, visit_id)
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
    if not informed:
        raise ValidationError("Ange vem som har informerats om inspelningen.", field="informed")
    if not set(agreed) | set(refused) <= set(informed):
        raise ValidationError("Bara den som har informerats kan samtycka.", field="agreed")
    with ctx.uow(write=True) as uow:
        _load(uow.session, ctx, visit_id)
        consent = Consent(id=new_id(), visit_id=visit_id, informed=informed, agreed=agreed,
                          refused=refused, recorded_at=ctx.now(), recorded_by=ctx.actor.user_id)
        record = consent.to_record()
        consent.signature, consent.signer_id = signing.sign(uow.session, record)
        uow.session.add(consent)
        uow.flush()
        outbox.enqueue(uow.session, record)
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


def _load(session: Session, ctx: Context, visit_id: str) -> Visit:
    visit = session.get(Visit, visit_id)
    if visit is None:
        raise NotFound("Besöket")
    require_case(session, ctx.actor, visit.case_id)
    return visit


def visit_info(v: Visit) -> VisitInfo:
    return VisitInfo(v.id, v.case_id, v.kind, v.planned_start, v.actual_start, v.actual_end,
                     tuple(p.get("name", "") for p in v.participants), v.with_child)


def _consent_info(session: Session, c: Consent) -> ConsentInfo:
    by = session.get(User, c.recorded_by)
    return ConsentInfo(c.id, c.visit_id, tuple(c.informed), tuple(c.agreed), tuple(c.refused),
                       c.recorded_at, by.display_name if by else "?")
