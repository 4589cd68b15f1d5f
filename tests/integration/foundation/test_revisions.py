"""Revision chains: drafts chain, signing seals, corrections keep the old text readable."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from app import assignments, notes
from app.context import Context
from app.errors import ImmutableError, PermissionDenied, ValidationError
from models.journal import JournalNote, NoteRevision
from tests.support.store import FixedClock, make_case


def _stored(ctx: Context, note_id: str) -> list[NoteRevision]:
    """The stored revisions, checked to chain and recompute, detached for reading."""
    with ctx.uow() as uow:
        revs = list(
            uow.session.scalars(
                select(NoteRevision)
                .where(NoteRevision.note_id == note_id)
                .order_by(NoteRevision.seq)
            )
        )
        assert [r.seq for r in revs] == list(range(1, len(revs) + 1))
        assert revs[0].parent_hash is None
        for parent, child in zip(revs, revs[1:], strict=False):
            assert child.parent_hash == parent.hash
        note = uow.session.get(JournalNote, note_id)
        assert note is not None
        for r in revs:
            assert r.compute_hash(note) == r.hash, f"revision {r.seq} does not recompute"
        uow.session.expunge_all()
    return revs


def test_drafts_chain(admin: Context, clock: FixedClock) -> None:
    note = notes.create_draft(admin, make_case(admin).id, "Första utkastet.")
    clock.advance(minutes=5)
    note = notes.save_draft(admin, note.id, "Andra utkastet.", expected_revision_id=note.current.id)
    clock.advance(minutes=5)
    note = notes.save_draft(admin, note.id, "Tredje utkastet.", section="Hälsa")
    revs = _stored(admin, note.id)
    assert [r.body for r in revs] == ["Första utkastet.", "Andra utkastet.", "Tredje utkastet."]
    assert {r.kind for r in revs} == {"draft"}
    assert note.current.seq == 3 and note.superseded == ()


def test_saving_unchanged_text_adds_no_revision(admin: Context) -> None:
    note = notes.create_draft(admin, make_case(admin).id, "Samma text.")
    again = notes.save_draft(admin, note.id, "Samma text.")
    assert again.current.id == note.current.id
    assert len(_stored(admin, note.id)) == 1


def test_a_stale_draft_is_refused(admin: Context) -> None:
    note = notes.create_draft(admin, make_case(admin).id, "Öppnat i två fönster.")
    notes.save_draft(
        admin, note.id, "Sparat i det ena fönstret.", expected_revision_id=note.current.id
    )
    with pytest.raises(ValidationError, match="ändrats någon annanstans"):
        notes.save_draft(
            admin, note.id, "Sparat i det andra fönstret.", expected_revision_id=note.current.id
        )
    assert [r.body for r in _stored(admin, note.id)][-1] == "Sparat i det ena fönstret."


def test_sign_seals_and_a_correction_keeps_the_old_text(admin: Context, clock: FixedClock) -> None:
    when = clock.now - timedelta(days=1)
    note = notes.create_draft(
        admin,
        make_case(admin).id,
        "Barnet går i årskurs 3.",
        child_voice="Jag gillar skolan.",
        event_time=when,
    )
    clock.advance(minutes=10)
    signed = notes.sign(admin, note.id)
    assert (signed.state, signed.signed_at, signed.signed_by) == (
        "signed",
        clock.now,
        "Astrid Administratör",
    )
    with pytest.raises(ImmutableError):
        notes.save_draft(admin, note.id, "Ändrad i smyg.")
    with pytest.raises(ImmutableError):
        notes.sign(admin, note.id)
    clock.advance(days=2)
    corrected = notes.correct(admin, note.id, "Barnet går i årskurs 4.", reason="Fel årskurs")
    assert corrected.current.kind == "correction"
    assert corrected.current.reason == "Fel årskurs"
    assert corrected.current.child_voice == "Jag gillar skolan."  # kept when not given
    assert corrected.current.parent_hash == signed.current.hash
    assert [r.body for r in corrected.superseded] == ["Barnet går i årskurs 3."]
    assert corrected.superseded[0].author == "Astrid Administratör"
    assert corrected.event_time == when and corrected.signed_at == signed.signed_at
    revs = _stored(admin, note.id)
    assert [r.kind for r in revs] == ["draft", "signed", "correction"]
    journal = notes.timeline(admin, corrected.case_id)
    assert [r.body for r in journal[0].superseded] == ["Barnet går i årskurs 3."]


def test_corrections_chain_on_corrections(admin: Context) -> None:
    note = notes.sign(admin, notes.create_draft(admin, make_case(admin).id, "A.").id)
    notes.correct(admin, note.id, "B.", reason="ett")
    last = notes.correct(admin, note.id, "C.", reason="två")
    assert [r.body for r in last.superseded] == ["A.", "B."]
    assert len(_stored(admin, note.id)) == 4


def test_a_correction_needs_a_reason_and_a_signed_note(admin: Context) -> None:
    note = notes.create_draft(admin, make_case(admin).id, "Utkast.")
    with pytest.raises(ValidationError, match="signerade"):
        notes.correct(admin, note.id, "Rättat.", reason="fel")
    notes.sign(admin, note.id)
    with pytest.raises(ValidationError, match="varför"):
        notes.correct(admin, note.id, "Rättat.", reason="  ")


def test_only_the_author_signs(admin: Context, caseworker: Context) -> None:
    case = make_case(admin)
    assignments.assign(admin, case.id, caseworker.actor.username)
    note = notes.create_draft(caseworker, case.id, "Handläggarens utkast.")
    with pytest.raises(PermissionDenied, match="Bara den som skrev"):
        notes.sign(admin, note.id)
    assert notes.sign(caseworker, note.id).state == "signed"


def test_the_timeline_shows_drafts_as_drafts_in_event_order(
    admin: Context, clock: FixedClock
) -> None:
    case = make_case(admin)
    later = notes.create_draft(admin, case.id, "Senare.", event_time=clock.now)
    earlier = notes.create_draft(
        admin, case.id, "Tidigare.", event_time=clock.now - timedelta(days=3)
    )
    notes.save_draft(admin, later.id, "Senare, omskrivet.")
    notes.sign(admin, earlier.id)
    journal = notes.timeline(admin, case.id)
    assert [(n.state, n.current.body) for n in journal] == [
        ("signed", "Tidigare."),
        ("draft", "Senare, omskrivet."),
    ]
    assert journal[1].superseded == ()  # earlier drafts are not part of the journal
