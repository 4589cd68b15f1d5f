"""The audit log: every access is an event, and tampering breaks the chain at the right place."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import sqlcipher3
from sqlalchemy import select

from app import audit, cases, notes, search
from app.context import Context
from app.dto import AuditCheck
from models.audit import AuditEvent
from tests.support.store import ADMIN, ADMIN_PASSWORD, make_case, raw_connection


def _events(ctx: Context) -> list[tuple[str, str, str]]:
    with ctx.uow() as uow:
        rows = uow.session.execute(
            select(AuditEvent.username, AuditEvent.action, AuditEvent.object_id).order_by(
                AuditEvent.seq
            )
        )
        return [(u, a, o) for u, a, o in rows]


def _verify(ctx: Context) -> AuditCheck:
    with ctx.uow() as uow:
        return audit.verify(uow.session)


def test_every_access_is_an_event(admin: Context, login: Callable[[str, str], Context]) -> None:
    case = make_case(admin)
    note = notes.create_draft(admin, case.id, "Text.")
    notes.sign(admin, note.id)
    notes.correct(admin, note.id, "Rättad text.", reason="fel")
    notes.timeline(admin, case.id)
    notes.get_note(admin, note.id)
    search.search(admin, "text")
    login(ADMIN, ADMIN_PASSWORD)
    user = admin.actor.user_id
    assert _events(admin) == [
        (ADMIN, "init", user),
        (ADMIN, "login", user),
        (ADMIN, "case.create", case.id),
        (ADMIN, "note.create", note.id),
        (ADMIN, "note.sign", note.id),
        (ADMIN, "note.correct", note.id),
        (ADMIN, "journal.read", case.id),
        (ADMIN, "note.read", note.id),
        (ADMIN, "search", ""),
        (ADMIN, "login", user),
    ]
    assert _verify(admin) == AuditCheck(True, 10)


def test_search_events_keep_the_query_and_hit_count(admin: Context) -> None:
    notes.create_draft(admin, make_case(admin).id, "Skolan ringde.")
    search.search(admin, "skolan")
    with admin.uow() as uow:
        last = uow.session.scalars(select(AuditEvent).order_by(AuditEvent.seq.desc())).first()
        assert last is not None
        assert (last.action, last.details) == ("search", {"query": "skolan", "hits": 1})


def test_reading_the_revision_history_is_an_event(admin: Context) -> None:
    note = notes.create_draft(admin, make_case(admin).id, "Text.")
    notes.revisions(admin, note.id)
    assert _events(admin)[-1][1:] == ("note.revisions", note.id)


def test_reads_by_a_caseworker_name_the_caseworker(admin: Context, caseworker: Context) -> None:
    case = make_case(caseworker)
    notes.timeline(caseworker, case.id)
    assert _events(admin)[-1] == (caseworker.actor.username, "journal.read", case.id)


@pytest.fixture
def twelve_events(admin: Context) -> Context:
    case = make_case(admin)
    for i in range(5):
        notes.create_draft(admin, case.id, f"Anteckning {i}.")
    for _ in range(5):
        notes.timeline(admin, case.id)
    assert _verify(admin) == AuditCheck(True, 13)
    return admin


def _tamper(ctx: Context, *sql: str) -> None:
    """As an attacker holding the key: drop the guarding triggers, then change the log."""
    with raw_connection(ctx.paths.database, ctx.data_key) as db:
        db.execute("DROP TRIGGER audit_events_no_update")
        db.execute("DROP TRIGGER audit_events_no_delete")
        for statement in sql:
            db.execute(statement)


def test_the_log_refuses_changes_while_its_triggers_stand(twelve_events: Context) -> None:
    with raw_connection(twelve_events.paths.database, twelve_events.data_key) as db:
        with pytest.raises(sqlcipher3.IntegrityError, match="append-only"):
            db.execute("UPDATE audit_events SET username = 'x' WHERE seq = 5")
        with pytest.raises(sqlcipher3.IntegrityError, match="append-only"):
            db.execute("DELETE FROM audit_events WHERE seq = 13")


def test_an_altered_event_is_found(twelve_events: Context) -> None:
    _tamper(twelve_events, "UPDATE audit_events SET username = 'någon' WHERE seq = 7")
    check = _verify(twelve_events)
    assert (check.ok, check.first_broken_seq, check.reason) == (False, 7, "content was altered")


def test_altered_details_are_found(twelve_events: Context) -> None:
    _tamper(twelve_events, "UPDATE audit_events SET details = '{\"notes\": 0}' WHERE seq = 12")
    assert _verify(twelve_events).first_broken_seq == 12


def test_a_deleted_event_is_found(twelve_events: Context) -> None:
    _tamper(twelve_events, "DELETE FROM audit_events WHERE seq = 6")
    check = _verify(twelve_events)
    assert (check.ok, check.first_broken_seq) == (False, 6)
    assert "missing" in check.reason


def test_a_deleted_event_with_the_gap_closed_is_found(twelve_events: Context) -> None:
    _tamper(
        twelve_events,
        "DELETE FROM audit_events WHERE seq = 6",
        "UPDATE audit_events SET seq = seq - 1 WHERE seq > 6",
    )
    check = _verify(twelve_events)
    assert (check.ok, check.first_broken_seq) == (False, 6)


def test_reordered_events_are_found(twelve_events: Context) -> None:
    _tamper(
        twelve_events,
        "UPDATE audit_events SET seq = -1 WHERE seq = 8",
        "UPDATE audit_events SET seq = 8 WHERE seq = 9",
        "UPDATE audit_events SET seq = 9 WHERE seq = -1",
    )
    check = _verify(twelve_events)
    assert (check.ok, check.first_broken_seq) == (False, 8)
    assert "previous" in check.reason


def test_new_events_after_tampering_do_not_hide_it(twelve_events: Context) -> None:
    _tamper(twelve_events, "UPDATE audit_events SET action = 'login' WHERE seq = 10")
    cases.list_cases(twelve_events)
    notes.create_draft(twelve_events, make_case(twelve_events, "2026-0002").id, "Mer.")
    assert _verify(twelve_events).first_broken_seq == 10
