"""Which caseworkers a case is assigned to: supervisors and admins put colleagues on a case or
take them off. Each change is audited and queued for sync as a ``CaseAssignmentRecord``; a case
always keeps at least one caseworker."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit, outbox
from app.access import Permission, require_case
from app.context import Context
from app.dto import Colleague
from app.errors import ValidationError
from models.base import new_id
from models.people import CaseAssignment, User
from models.records import CaseAssignmentRecord

_ASSIGNABLE_ROLES = ("caseworker", "supervisor")


def assignable(ctx: Context) -> list[Colleague]:
    """Active colleagues a case can be assigned to (for the assign dialog)."""
    ctx.require(Permission.ASSIGN)
    with ctx.uow() as uow:
        users = uow.session.scalars(
            select(User).where(User.active.is_(True), User.role.in_(_ASSIGNABLE_ROLES))
            .order_by(User.display_name)
        ).all()
        return [Colleague(u.id, u.username, u.display_name, u.role) for u in users]


def assign(ctx: Context, case_id: str, username: str) -> None:
    change(ctx, case_id, add=[username])


def unassign(ctx: Context, case_id: str, username: str) -> None:
    change(ctx, case_id, remove=[username])


def change(ctx: Context, case_id: str, *, add: Iterable[str] = (),
           remove: Iterable[str] = ()) -> None:
    """Put ``add`` on the case and take ``remove`` off it, in one unit of work (additions
    first, so a case never passes through having nobody on it)."""
    ctx.require(Permission.ASSIGN)
    with ctx.uow(write=True) as uow:
        s = uow.session
        require_case(s, ctx.actor, case_id, Permission.ASSIGN)
        for username in add:
            user = _user(s, username)
            if not user.active:
                raise ValidationError("Användaren är inaktiverad.", field="username")
            if s.get(CaseAssignment, (case_id, user.id)) is None:
                s.add(CaseAssignment(case_id=case_id, user_id=user.id))
                _changed(ctx, s, case_id, user.id, assigned=True)
        for username in remove:
            user = _user(s, username)
            row = s.get(CaseAssignment, (case_id, user.id))
            if row is None:
                raise ValidationError("Användaren är inte tilldelad ärendet.", field="username")
            s.delete(row)
            _changed(ctx, s, case_id, user.id, assigned=False)
        left = s.scalars(select(CaseAssignment.user_id)
                         .where(CaseAssignment.case_id == case_id)).first()
        if left is None:
            raise ValidationError("Ärendet måste ha minst en handläggare. Tilldela någon annan "
                                  "först.", field="username")
        uow.commit()


def _user(session: Session, username: str) -> User:
    user = session.scalar(select(User).where(User.username == username))
    if user is None:
        raise ValidationError("Användaren finns inte.", field="username")
    return user


def _changed(ctx: Context, session: Session, case_id: str, user_id: str, *,
             assigned: bool) -> None:
    session.flush()
    outbox.enqueue(session, CaseAssignmentRecord(
        id=new_id(), case_id=case_id, user_id=user_id, assigned=assigned,
        changed_at=ctx.now(), changed_by=ctx.actor.user_id))
    audit.record(session, ctx.actor, "case.assign" if assigned else "case.unassign", "case",
                 case_id, {"user": user_id}, now=ctx.now())
