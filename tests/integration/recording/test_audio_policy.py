"""The audio retention policy: audio of a visit is deleted once its note is signed (by default)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app import cases, notes, recording, transcripts
from app.context import Context
from app.errors import UserError
from app.visits import create_visit, record_consent
from speech.values import Segment, Word
from tests.integration.recording.helpers import record_pcm, tone_pcm

GONE = "Ljudet finns inte längre (det raderas när anteckningen signeras)."


def _set_policy(ctx: Context, policy: str) -> None:
    ctx.save_settings(replace(ctx.settings, audio_policy=policy))
    assert ctx.settings.audio_policy == policy


def _second_visit(ctx: Context, visit_id: str) -> str:
    case_id = recording.for_visit(ctx, visit_id)[0].case_id
    other = create_visit(ctx, case_id, "skola",
                         persons=[p.id for p in cases.get_case(ctx, case_id).persons]).id
    record_consent(ctx, other, informed=["Anna"], agreed=["Anna"])
    return other


def test_signing_deletes_the_visits_audio_by_default(admin: Context, visit_id: str) -> None:
    assert admin.settings.audio_policy == "delete-on-sign"
    first, _ = record_pcm(admin, visit_id, tone_pcm(15))
    second, _ = record_pcm(admin, visit_id, tone_pcm(5))
    other_visit = _second_visit(admin, visit_id)
    kept, _ = record_pcm(admin, other_visit, tone_pcm(5))
    note = notes.create_draft(admin, first.case_id, "Hembesök hos familjen.", visit_id=visit_id)

    notes.sign(admin, note.id)

    assert {r.id: r.state for r in recording.for_visit(admin, visit_id)} == {
        first.id: "audio-deleted", second.id: "audio-deleted"}
    for rec in (first, second):
        assert not recording.audio_path(admin, rec.id).exists()
        with pytest.raises(UserError) as raised:
            recording.read_audio(admin, rec.id)
        assert raised.value.message == GONE
    assert recording.read_audio(admin, kept.id) == tone_pcm(5)  # another visit: untouched
    assert recording.awaiting_transcription(admin) == [recording.for_visit(admin, other_visit)[0]]


def test_apply_policy_directly_counts_deleted_files(admin: Context, visit_id: str) -> None:
    rec, _ = record_pcm(admin, visit_id, tone_pcm(10))
    note = notes.create_draft(admin, rec.case_id, "Besök.", visit_id=visit_id)
    unlinked = notes.create_draft(admin, rec.case_id, "Telefonsamtal utan besök.")

    assert recording.apply_audio_policy_after_sign(admin, note.id) == 0  # a draft keeps it
    _set_policy(admin, "keep")
    notes.sign(admin, note.id)
    notes.sign(admin, unlinked.id)
    _set_policy(admin, "delete-on-sign")
    assert recording.apply_audio_policy_after_sign(admin, unlinked.id) == 0
    assert recording.read_audio(admin, rec.id) == tone_pcm(10)
    assert recording.apply_audio_policy_after_sign(admin, note.id) == 1
    assert recording.apply_audio_policy_after_sign(admin, note.id) == 0  # already gone
    assert [r.state for r in recording.for_visit(admin, visit_id)] == ["audio-deleted"]
    with pytest.raises(UserError, match="Ljudet finns inte längre"):
        recording.read_audio(admin, rec.id, 0.0, 0.5)


def test_transcript_survives_the_audio(admin: Context, visit_id: str) -> None:
    rec, _ = record_pcm(admin, visit_id, tone_pcm(10))
    segment = Segment(0.1, 0.6, "hej", (Word("hej", 0.1, 0.6, 0.9),))
    transcripts.save_segments(admin, rec.id, [segment])
    note = notes.create_draft(admin, rec.case_id, "Hej.", visit_id=visit_id)
    notes.sign(admin, note.id)
    assert transcripts.transcript(admin, rec.id) == [segment]


def test_keep_policy_deletes_nothing(admin: Context, visit_id: str) -> None:
    _set_policy(admin, "keep")
    rec, _ = record_pcm(admin, visit_id, tone_pcm(10))
    note = notes.create_draft(admin, rec.case_id, "Hembesök.", visit_id=visit_id)

    notes.sign(admin, note.id)

    assert recording.apply_audio_policy_after_sign(admin, note.id) == 0
    assert [r.state for r in recording.for_visit(admin, visit_id)] == ["complete"]
    assert recording.read_audio(admin, rec.id) == tone_pcm(10)


def test_audio_recovered_after_signing_is_deleted_too(admin: Context, visit_id: str) -> None:
    crashed = recording.begin(admin, visit_id)
    with recording.open_sink(admin, crashed.id) as sink:  # the app died after this second
        sink.write(tone_pcm(10))
    note = notes.create_draft(admin, crashed.case_id, "Hembesök.", visit_id=visit_id)
    notes.sign(admin, note.id)
    recording.recover(admin, crashed.id)
    assert not recording.audio_path(admin, crashed.id).exists()
