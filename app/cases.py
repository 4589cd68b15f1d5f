"""Use cases for cases (ärenden) and the persons in them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app import audit, limits, notes, outbox, review, visits
from app.access import Permission, require_case, visible_case_ids
from app.context import Context
from app.dto import CaseDetail, CaseSummary, NoteInfo, PersonInfo, PersonInput, VisitInfo
from app.errors import ValidationError
from app.personnummer import birth_date, normalise
from app.review import ReviewSummary
from models.journal import JournalNote
from models.people import PERSON_ROLES, Case, CaseAssignment, Person, User


def _checked_person(p: PersonInput, index: int) -> Person:
    limits.PERSON_NAME.check(p.name, f"person{index}.name")
    limits.PERSONNUMMER.check(p.personnummer, f"person{index}.personnummer")
    if p.role not in PERSON_ROLES:
        raise ValidationError("Okänd roll för personen.", field=f"person{index}.role")
    if not p.name.strip():
        raise ValidationError("Varje person behöver ett namn.", field=f"person{index}.name")
    try:
        pnr = normalise(p.personnummer) if p.personnummer.strip() else None
    except ValidationError as exc:  # name the row, so a form can show it at the right person
        raise ValidationError(exc.message, field=f"person{index}.personnummer") from exc
    born = p.birth_date or (birth_date(pnr) if pnr else None)
    return Person(role=p.role, name=p.name.strip(), personnummer=pnr, birth_date=born)


def create_case(
    ctx: Context, case_number: str, title: str, persons: list[PersonInput]
) -> CaseDetail:
    limits.CASE_NUMBER.check(case_number.strip(), "case_number")
    limits.CASE_TITLE.check(title.strip(), "title")
    case_number, title = case_number.strip(), title.strip()
    if not case_number:
        raise ValidationError("Skriv ett ärendenummer.", field="case_number")
    if not title:
        raise ValidationError("Skriv en rubrik för ärendet.", field="title")
    checked = [_checked_person(p, i) for i, p in enumerate(persons)]
    ctx.require(Permission.CREATE_CASE)
    with ctx.uow(write=True) as uow:
        s = uow.session
        if s.scalar(select(Case.id).where(Case.case_number == case_number)):
            raise ValidationError("Det finns redan ett ärende med det numret.", field="case_number")
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


def add_person(ctx: Context, case_id: str, person: PersonInput) -> PersonInfo:
    with ctx.uow(write=True) as uow:
        case = require_case(uow.session, ctx.actor, case_id, Permission.EDIT_CASE)
        row = _checked_person(person, len(case.persons))
        row.case_id, row.position = case.id, len(case.persons)
        uow.session.add(row)
        uow.flush()
        outbox.enqueue(uow.session, row.to_record())
        audit.record(uow.session, ctx.actor, "person.add", "case", case.id, {"person": row.id},
                     now=ctx.now())
        info = _person(row)
        uow.commit()
        return info


def assign(ctx: Context, case_id: str, username: str) -> None:
    ctx.require(Permission.ASSIGN)
    with ctx.uow(write=True) as uow:
        require_case(uow.session, ctx.actor, case_id, Permission.ASSIGN)
        user = uow.session.scalar(select(User).where(User.username == username))
        if user is None:
            raise ValidationError("Användaren finns inte.", field="username")
        if uow.session.get(CaseAssignment, (case_id, user.id)) is None:
            uow.session.add(CaseAssignment(case_id=case_id, user_id=user.id))
            audit.record(uow.session, ctx.actor, "case.assign", "case", case_id,
                         {"user": user.id}, now=ctx.now())
        uow.commit()


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


def _person(p: Person) -> PersonInfo:
    return PersonInfo(p.id, p.role, p.name, p.personnummer, p.birth_date)


def _detail(session: Session, case: Case) -> CaseDetail:
    assigned = session.scalars(
        select(User.display_name).join(CaseAssignment, CaseAssignment.user_id == User.id)
        .where(CaseAssignment.case_id == case.id)
    ).all()
    persons = session.scalars(
        select(Person).where(Person.case_id == case.id).order_by(Person.position)
    ).all()
    return CaseDetail(case.id, case.case_number, case.title, case.status, case.created_at,
                      tuple(_person(p) for p in persons), tuple(assigned))


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
