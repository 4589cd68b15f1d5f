"""The persons of a case: add, change, take off the case. Every change is audited and its
record queued for sync; a person taken off a case keeps their row (marked removed), so the
visits, consents and reviews that name them stay readable."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit, limits, outbox
from app.access import Permission, require_case
from app.context import Context
from app.dto import PersonInfo, PersonInput
from app.errors import NotFound, ValidationError
from app.personnummer import birth_date, normalise
from models.people import PERSON_ROLES, Case, Person


def checked_person(p: PersonInput, index: int) -> Person:
    """A new, unsaved person row from ``p``; errors name the row (``person<index>.name``)."""
    row = Person()
    _apply(row, p, f"person{index}")
    return row


def _apply(row: Person, p: PersonInput, prefix: str) -> None:
    limits.PERSON_NAME.check(p.name, f"{prefix}.name")
    limits.PERSONNUMMER.check(p.personnummer, f"{prefix}.personnummer")
    if p.role not in PERSON_ROLES:
        raise ValidationError("Okänd roll för personen.", field=f"{prefix}.role")
    if not p.name.strip():
        raise ValidationError("Varje person behöver ett namn.", field=f"{prefix}.name")
    try:
        pnr = normalise(p.personnummer) if p.personnummer.strip() else None
    except ValidationError as exc:  # name the row, so a form can show it at the right person
        raise ValidationError(exc.message, field=f"{prefix}.personnummer") from exc
    row.role, row.name, row.personnummer = p.role, p.name.strip(), pnr
    row.birth_date = p.birth_date or (birth_date(pnr) if pnr else None)


def person_info(p: Person) -> PersonInfo:
    return PersonInfo(p.id, p.role, p.name, p.personnummer, p.birth_date)


def current_persons(session: Session, case_id: str) -> list[Person]:
    """The persons of a case now (not those taken off it), in their order."""
    return list(session.scalars(
        select(Person).where(Person.case_id == case_id, Person.removed_at.is_(None))
        .order_by(Person.position)
    ).all())


def require_open(case: Case) -> None:
    if case.status == "closed":
        raise ValidationError("Ärendet är avslutat. Öppna det igen för att ändra det.")


def add_person(ctx: Context, case_id: str, person: PersonInput) -> PersonInfo:
    with ctx.uow(write=True) as uow:
        s = uow.session
        case = require_case(s, ctx.actor, case_id, Permission.EDIT_CASE)
        require_open(case)
        row = Person()
        _apply(row, person, "person")
        last = s.scalar(select(Person.position).where(Person.case_id == case.id)
                        .order_by(Person.position.desc()).limit(1))
        row.case_id, row.position = case.id, (last + 1) if last is not None else 0
        s.add(row)
        uow.flush()
        outbox.enqueue(s, row.to_record())
        audit.record(s, ctx.actor, "person.add", "case", case.id, {"person": row.id},
                     now=ctx.now())
        info = person_info(row)
        uow.commit()
        return info


def update_person(ctx: Context, person_id: str, person: PersonInput) -> PersonInfo:
    """Change a person's role, name or personnummer (a mistake, a new name)."""
    with ctx.uow(write=True) as uow:
        s = uow.session
        row, case = _load(s, ctx, person_id)
        require_open(case)
        before = (row.role, row.name, row.personnummer, row.birth_date)
        _apply(row, person, "person")
        changed = [name for name, old, new in zip(
            ("role", "name", "personnummer", "birth_date"), before,
            (row.role, row.name, row.personnummer, row.birth_date), strict=True) if old != new]
        if changed:
            uow.flush()
            outbox.enqueue(s, row.to_record())
            # Which fields changed, never their values: names and personnummer stay out of logs.
            audit.record(s, ctx.actor, "person.update", "case", case.id,
                         {"person": row.id, "fields": changed}, now=ctx.now())
        info = person_info(row)
        uow.commit()
        return info


def remove_person(ctx: Context, person_id: str) -> None:
    """Take a person off the case. A case keeps at least one person."""
    with ctx.uow(write=True) as uow:
        s = uow.session
        row, case = _load(s, ctx, person_id)
        require_open(case)
        if len(current_persons(s, case.id)) <= 1:
            raise ValidationError("Ett ärende måste ha minst en person. Lägg till en annan "
                                  "person innan du tar bort den här.")
        row.removed_at = ctx.now()
        uow.flush()
        outbox.enqueue(s, row.to_record())
        audit.record(s, ctx.actor, "person.remove", "case", case.id, {"person": row.id},
                     now=ctx.now())
        uow.commit()


def _load(session: Session, ctx: Context, person_id: str) -> tuple[Person, Case]:
    row = session.get(Person, person_id)
    if row is None or row.removed_at is not None:
        raise NotFound("Personen")
    return row, require_case(session, ctx.actor, row.case_id, Permission.EDIT_CASE)
