"""Use cases for cases (ärenden): create, change, close and reopen, list, open (the case view)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app import audit, limits, notes, outbox, review, visits
from app.access import Permission, require_case, visible_case_ids
from app.context import Context
from app.dto import (
    CaseDetail,
    CaseSummary,
    Colleague,
    NoteInfo,
    PersonInfo,
    PersonInput,
    VisitInfo,
)
from app.errors import ValidationError
from app.persons import checked_person, current_persons, person_info, require_open
from app.review import ReviewSummary
from app.uow import UnitOfWork
from models.journal import JournalNote
from models.people import RETENTION_CLASSES, Case, CaseAssignment, User


def create_case(
    ctx: Context, case_number: str, title: str, persons: list[PersonInput]
) -> CaseDetail:
    """A new case with its persons (at least one), assigned to the one who creates it."""
    case_number, title = _checked_heading(case_number, title)
    checked = [checked_person(p, i) for i, p in enumerate(persons)]
    if not checked:
        raise ValidationError("Lägg till minst en person i ärendet (till exempel barnet).",
                              field="persons")
    ctx.require(Permission.CREATE_CASE)
    with ctx.uow(write=True) as uow:
        s = uow.session
        _require_unique_number(s, case_number)
        case = Case(case_number=case_number, title=title, created_by=ctx.actor.user_id,
                    created_at=ctx.now())
        s.add(case)
        s.flush()
        for i, person in enumerate(checked):
            person.case_id, person.position = case.id, i
            s.add(person)
        s.add(CaseAssignment(case_id=case.id, user_id=ctx.actor.user_id))
        s.flush()
        outbox.enqueue(s, case.to_record())
        for person in checked:
            outbox.enqueue(s, person.to_record())
        audit.record(s, ctx.actor, "case.create", "case", case.id, now=ctx.now())
        s.flush()
        detail = _detail(s, case)
        uow.commit()
        return detail


def update_case(ctx: Context, case_id: str, *, case_number: str, title: str,
                retention_class: str | None = None) -> CaseDetail:
    """Change a case's number, title or retention class (not while it is closed)."""
    case_number, title = _checked_heading(case_number, title)
    if retention_class is not None and retention_class not in RETENTION_CLASSES:
        raise ValidationError("Okänd gallringsklass.", field="retention_class")
    with ctx.uow(write=True) as uow:
        s = uow.session
        case = require_case(s, ctx.actor, case_id, Permission.EDIT_CASE)
        require_open(case)
        if case_number != case.case_number:
            _require_unique_number(s, case_number)
        after = (case_number, title, retention_class or case.retention_class)
        changed = [name for name, old, new in zip(
            ("case_number", "title", "retention_class"),
            (case.case_number, case.title, case.retention_class), after, strict=True)
            if old != new]
        if changed:
            case.case_number, case.title, case.retention_class = after
            _changed(ctx, uow, case, "case.update", {"fields": changed})
        detail = _detail(s, case)
        uow.commit()
        return detail


def close_case(ctx: Context, case_id: str) -> CaseDetail:
    """Close a case. Drafts must be signed (or the case stays open): nothing is left half done."""
    with ctx.uow(write=True) as uow:
        s = uow.session
        case = require_case(s, ctx.actor, case_id, Permission.EDIT_CASE)
        if case.status == "closed":
            raise ValidationError("Ärendet är redan avslutat.")
        drafts = s.scalar(select(func.count()).select_from(JournalNote).where(
            JournalNote.case_id == case_id, JournalNote.state != "signed")) or 0
        if drafts:
            raise ValidationError("Ärendet har anteckningar som inte är signerade. Signera "
                                  "eller ta bort utkasten innan du avslutar ärendet.")
        case.status, case.closed_at = "closed", ctx.now()
        _changed(ctx, uow, case, "case.close", {})
        detail = _detail(s, case)
        uow.commit()
        return detail


def reopen_case(ctx: Context, case_id: str) -> CaseDetail:
    with ctx.uow(write=True) as uow:
        s = uow.session
        case = require_case(s, ctx.actor, case_id, Permission.EDIT_CASE)
        if case.status != "closed":
            raise ValidationError("Ärendet är inte avslutat.")
        case.status, case.closed_at = "open", None
        _changed(ctx, uow, case, "case.reopen", {})
        detail = _detail(s, case)
        uow.commit()
        return detail


def _checked_heading(case_number: str, title: str) -> tuple[str, str]:
    case_number, title = case_number.strip(), " ".join(title.split())
    limits.CASE_NUMBER.check(case_number, "case_number")
    limits.CASE_TITLE.check(title, "title")  # refused, never cut
    if not case_number:
        raise ValidationError("Skriv ett ärendenummer.", field="case_number")
    if not title:
        raise ValidationError("Skriv en rubrik för ärendet.", field="title")
    return case_number, title


def _require_unique_number(session: Session, case_number: str) -> None:
    if session.scalar(select(Case.id).where(Case.case_number == case_number)):
        raise ValidationError("Det finns redan ett ärende med det numret.", field="case_number")


def _changed(ctx: Context, uow: UnitOfWork, case: Case, action: str,
             details: dict[str, object]) -> None:
    uow.flush()
    outbox.enqueue(uow.session, case.to_record())
    audit.record(uow.session, ctx.actor, action, "case", case.id, details, now=ctx.now())


def list_cases(ctx: Context, query: str = "") -> list[CaseSummary]:
    """Cases the user may see, newest activity first; ``query`` filters number/title."""
    limits.SEARCH.check(query, "query")
    with ctx.uow() as uow:
        notes = (
            select(JournalNote.case_id, func.count().label("n"),
                   func.max(JournalNote.event_time).label("last"))
            .group_by(JournalNote.case_id).subquery()
        )
        stmt = select(Case, notes.c.n, notes.c.last).outerjoin(notes, notes.c.case_id == Case.id)
        visible = visible_case_ids(ctx.actor)
        if visible is not None:
            stmt = stmt.where(Case.id.in_(visible))
        if query.strip():
            like = f"%{query.strip()}%"
            stmt = stmt.where(or_(Case.case_number.ilike(like), Case.title.ilike(like)))
        rows = uow.session.execute(stmt).all()
        out = [
            CaseSummary(c.id, c.case_number, c.title, c.status, c.created_at, n or 0, last)
            for c, n, last in rows
        ]
    out.sort(key=lambda c: (c.last_event or c.created_at), reverse=True)
    return out


def get_case(ctx: Context, case_id: str) -> CaseDetail:
    with ctx.uow() as uow:
        return _detail(uow.session, require_case(uow.session, ctx.actor, case_id))


def _detail(session: Session, case: Case) -> CaseDetail:
    assignees = session.execute(
        select(User.id, User.username, User.display_name, User.role)
        .join(CaseAssignment, CaseAssignment.user_id == User.id)
        .where(CaseAssignment.case_id == case.id).order_by(User.display_name)
    ).all()
    colleagues = tuple(Colleague(*row) for row in assignees)
    persons = current_persons(session, case.id)
    return CaseDetail(case.id, case.case_number, case.title, case.status, case.created_at,
                      tuple(person_info(p) for p in persons),
                      tuple(c.display_name for c in colleagues), colleagues,
                      case.retention_class, case.closed_at)


# -- the case view ------------------------------------------------------------------------------

@dataclass(frozen=True)
class CaseView:
    """Everything the case view shows of one case, read at one moment: the case with its
    persons and caseworkers, the journal (event-time order), the visits (newest first) and
    each note's reviews with the family (by note id, oldest first)."""

    case: CaseDetail
    notes: tuple[NoteInfo, ...]
    visits: tuple[VisitInfo, ...]
    reviews: Mapping[str, tuple[ReviewSummary, ...]] = field(
        default_factory=lambda: MappingProxyType({}))

    @property
    def persons(self) -> tuple[PersonInfo, ...]:
        return self.case.persons


def case_view(ctx: Context, case_id: str) -> CaseView:
    """Open a case: one unit of work (a writing one: reading the journal is audited)."""
    with ctx.uow(write=True) as uow:
        s = uow.session
        detail = _detail(s, require_case(s, ctx.actor, case_id))
        journal = notes.journal_in(s, ctx, case_id)
        by_note = review.reviews_in_case(s, ctx, case_id)
        view = CaseView(detail, tuple(journal), tuple(visits.visits_in_case(s, ctx, case_id)),
                        MappingProxyType({note_id: tuple(rows)
                                          for note_id, rows in by_note.items()}))
        uow.commit()
        return view
