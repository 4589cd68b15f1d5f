"""Visit participants are the case's persons and caseworkers, not free text."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app import visits
from app.context import Context
from app.dto import PersonInput
from app.errors import ValidationError
from models.audit import OutboxItem
from models.records import VisitRecord, decode
from models.visits import Visit
from tests.support.store import make_case


def test_participants_are_persons_and_caseworkers(admin: Context) -> None:
    case = make_case(admin, persons=[PersonInput("child", "Kim"), PersonInput("guardian", "Bo")])
    kim, bo = case.persons
    visit = visits.create_visit(admin, case.id, "hembesok", persons=[bo.id, kim.id])
    assert visit.participants == ("Bo", "Kim")
    assert visit.person_ids == (bo.id, kim.id)
    assert visit.caseworker_ids == (admin.actor.user_id,)
    assert visit.with_child  # the child is among them
    with admin.uow() as uow:
        payload = uow.session.scalars(select(OutboxItem.payload)
                                      .where(OutboxItem.object_id == visit.id)).one()
    record = decode(payload)
    assert isinstance(record, VisitRecord) and record.VERSION == 2
    assert [(p.person_id, p.role) for p in record.participants] == [
        (bo.id, "guardian"), (kim.id, "child")]
    assert record.caseworkers == (admin.actor.user_id,)


def test_someone_outside_the_case_is_refused(admin: Context) -> None:
    case = make_case(admin)
    other = make_case(admin, "2026-0002", persons=[PersonInput("child", "Eli")])
    with pytest.raises(ValidationError, match="hör inte till ärendet"):
        visits.create_visit(admin, case.id, "hembesok", persons=[other.persons[0].id])
    with pytest.raises(ValidationError) as raised:
        visits.create_visit(admin, case.id, "hembesok", persons=[])
    assert raised.value.field == "participants"
    with pytest.raises(ValidationError, match="handläggarna"):
        visits.create_visit(admin, case.id, "hembesok", persons=[case.persons[0].id],
                            caseworkers=["nobody"])


def test_free_text_participants_of_old_visits_stay_readable(admin: Context) -> None:
    case = make_case(admin)
    visit = visits.create_visit(admin, case.id, "hembesok", persons=[case.persons[0].id])
    with admin.uow(write=True) as uow:  # a visit as the first version stored it
        row = uow.session.get(Visit, visit.id)
        assert row is not None
        row.participants = [{"name": "Mormor Åsa"}]
        uow.commit()
    again = visits.get_visit(admin, visit.id)
    assert again.participants == ("Mormor Åsa",) and again.person_ids == ()
