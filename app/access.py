"""Who may see which case: caseworkers their assigned cases, supervisors and admins all."""

from __future__ import annotations

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from app.dto import Actor
from app.errors import NotFound, PermissionDenied
from models.people import Case, CaseAssignment
from models.visits import Recording, Visit


def visible_case_ids(actor: Actor) -> Select[tuple[str]] | None:
    """A subquery of visible case ids, or None when the actor sees every case."""
    if actor.sees_all_cases:
        return None
    return select(CaseAssignment.case_id).where(CaseAssignment.user_id == actor.user_id)


def require_case(session: Session, actor: Actor, case_id: str) -> Case:
    case = session.get(Case, case_id)
    if case is None:
        raise NotFound("Ärendet")
    if not actor.sees_all_cases and session.get(CaseAssignment, (case_id, actor.user_id)) is None:
        raise PermissionDenied("Du är inte tilldelad det här ärendet.")
    return case


def require_recording(session: Session, actor: Actor, recording_id: str) -> Recording:
    """The recording, if ``actor`` may see the case of its visit."""
    rec = session.get(Recording, recording_id)
    visit = session.get(Visit, rec.visit_id) if rec else None
    if rec is None or visit is None:
        raise NotFound("Inspelningen")
    require_case(session, actor, visit.case_id)
    return rec
