"""The shell's use cases: opening a case and signing from the editor, each one unit of work."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from app import cases, notes, review, visits
from app.context import Context
from app.dto import PersonInput
from app.errors import ImmutableError, PermissionDenied, ValidationError
from models.audit import AuditEvent
from models.journal import NoteRevision
from tests.support.store import counting_uows, make_case


def _actions(ctx: Context) -> list[str]:
    with ctx.uow() as uow:
        return list(uow.session.scalars(select(AuditEvent.action).order_by(AuditEvent.seq)))


def _revision_kinds(ctx: Context, note_id: str) -> list[str]:
    with ctx.uow() as uow:
        return list(uow.session.scalars(select(NoteRevision.kind)
                                        .where(NoteRevision.note_id == note_id)
                                        .order_by(NoteRevision.seq)))


def test_the_case_view_is_one_unit_of_work_with_everything_shown(
    admin: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    case = make_case(admin, persons=[PersonInput("child", "Kim"), PersonInput("guardian", "Alex")])
    note = notes.sign(admin, notes.create_draft(admin, case.id, "Första stycket.").id)
    notes.create_draft(admin, case.id, "Ett utkast.")
    visits.create_visit(admin, case.id, "hembesok", persons=[case.persons[0].id])
    started = review.start(admin, note.id, audience="child",
                           present=[review.PresentPerson("Kim", "child")])
    review.complete(admin, started.review_id)
    with counting_uows(admin, monkeypatch) as opened:
        view = cases.case_view(admin, case.id)
    assert opened == [True]  # one unit of work (a writing one: reading the journal is audited)
    assert view.case == cases.get_case(admin, case.id)
    assert [p.name for p in view.persons] == ["Kim", "Alex"]
    assert list(view.notes) == notes.timeline(admin, case.id)
    assert list(view.visits) == visits.list_visits(admin, case.id)
    assert {k: list(v) for k, v in view.reviews.items()} == review.for_case(admin, case.id)
    assert view.reviews[note.id][0].completed


def test_signing_a_new_note_is_one_unit_of_work_audited_as_create_then_sign(
    admin: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    # With "delete-on-sign" the audio policy follows in a unit of its own, after the commit
    # (rows first, files second); signing itself is one.
    admin.save_settings(replace(admin.settings, audio_policy="keep"))
    case = make_case(admin)
    when = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
    before = len(_actions(admin))
    with counting_uows(admin, monkeypatch) as opened:
        signed = notes.sign_text(admin, case.id, None, "Samtal med Kim.", section="Hälsa",
                                 child_voice="Kim vill bo kvar.", event_time=when)
    assert opened == [True]
    assert signed.state == "signed" and signed.current.body == "Samtal med Kim."
    assert (signed.current.section, signed.current.child_voice) == ("Hälsa", "Kim vill bo kvar.")
    assert signed.event_time.replace(tzinfo=UTC) == when
    assert _revision_kinds(admin, signed.id) == ["draft", "signed"]
    assert _actions(admin)[before:] == ["note.create", "note.sign"]


def test_signing_a_changed_draft_stores_the_change_and_the_signature(admin: Context) -> None:
    case = make_case(admin)
    draft = notes.create_draft(admin, case.id, "Före.")
    before = len(_actions(admin))
    signed = notes.sign_text(admin, case.id, draft.id, "Efter.",
                             expected_revision_id=draft.current.id)
    assert signed.current.body == "Efter." and signed.state == "signed"
    assert _revision_kinds(admin, draft.id) == ["draft", "draft", "signed"]
    assert _actions(admin)[before:] == ["note.edit", "note.sign"]
    unchanged = notes.create_draft(admin, case.id, "Samma.")
    notes.sign_text(admin, case.id, unchanged.id, "Samma.", event_time=unchanged.event_time)
    assert _revision_kinds(admin, unchanged.id) == ["draft", "signed"]


def test_a_refused_signature_leaves_the_draft_as_it_was(admin: Context,
                                                        supervisor: Context) -> None:
    case = make_case(admin)
    draft = notes.create_draft(admin, case.id, "Skriven av admin.")
    with pytest.raises(PermissionDenied):  # only the author signs
        notes.sign_text(supervisor, case.id, draft.id, "Ändrad av någon annan.",
                        expected_revision_id=draft.current.id)
    assert _revision_kinds(admin, draft.id) == ["draft"]  # the edit was not saved either
    with pytest.raises(ValidationError) as stale:
        notes.sign_text(admin, case.id, draft.id, "Ny text.", expected_revision_id="gammal")
    assert stale.value.field == "body"
    assert notes.get_note(admin, draft.id).current.body == "Skriven av admin."
    with pytest.raises(ValidationError):
        notes.sign_text(admin, case.id, None, "  ")


def test_signing_a_signed_note_again_is_refused_alike_from_both_paths(admin: Context) -> None:
    case = make_case(admin)
    signed = notes.sign_text(admin, case.id, None, "Signerad text.")
    with pytest.raises(ImmutableError) as by_sign:
        notes.sign(admin, signed.id)
    with pytest.raises(ImmutableError) as by_editor:
        notes.sign_text(admin, case.id, signed.id, "Ändrad text.")
    assert by_sign.value.message == by_editor.value.message == "Anteckningen är redan signerad."
    assert _revision_kinds(admin, signed.id) == ["draft", "signed"]
