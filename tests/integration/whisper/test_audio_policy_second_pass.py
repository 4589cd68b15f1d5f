"""Delete-on-sign and the accuracy pass: the audio goes; the machine transcripts stay as they
were produced (the policy deletes audio, not transcripts), the note keeps its provenance, and no
new pass can start. A pass that read the audio before the note was signed is kept as a machine
transcript (statistics count words kept against it), and brings no audio back."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from app import notes, recording, second_pass, transcripts
from app.context import Context
from app.errors import UserError
from speech.engine import CancelCheck, Progress
from speech.values import Segment
from tests.support.speech_notes import BETTER, LIVE, Scripted, speech_note

GONE = "Ljudet finns inte längre (det raderas när anteckningen signeras)."


def _transcripts(ctx: Context, recording_id: str) -> list[tuple[str, str, str]]:
    return [(t.pass_kind, t.engine, " ".join(s.text for s in transcripts.transcript(
        ctx, recording_id, t.id))) for t in transcripts.transcripts(ctx, recording_id)]


def test_signing_deletes_the_audio_and_keeps_both_passes_as_made(admin: Context,
                                                                 tmp_path: Path) -> None:
    made = speech_note(admin, tmp_path)
    before = _transcripts(admin, made.recording_id)
    assert before == [("file", "vosk", LIVE), ("accuracy", "whisper", BETTER)]
    notes.sign(admin, made.note_id)

    assert not recording.audio_path(admin, made.recording_id).exists()
    assert [r.state for r in recording.for_visit(admin, made.visit_id)] == ["audio-deleted"]
    assert _transcripts(admin, made.recording_id) == before  # kept as they were produced
    assert notes.get_note(admin, made.note_id).current.speech is not None  # provenance stays
    with pytest.raises(UserError) as raised:  # "Förbättra utskriften" again: no audio
        second_pass.improve_recording(admin, made.recording_id,
                                      Scripted("whisper", BETTER, "kb-whisper-small"))
    assert raised.value.message == GONE
    assert _transcripts(admin, made.recording_id) == before


def test_a_pass_running_while_the_note_is_signed_keeps_its_text_not_the_audio(
        admin: Context, tmp_path: Path) -> None:
    made = speech_note(admin, tmp_path)
    before = _transcripts(admin, made.recording_id)

    class SignedMeanwhile(Scripted):
        """Read the audio, then the caseworker signs the note before the pass is done."""

        def transcribe(self, pcm: bytes, progress: Progress, cancel: CancelCheck
                       ) -> list[Segment]:
            assert pcm  # the audio was still there when the pass began
            notes.sign(admin, made.note_id)
            return super().transcribe(pcm, progress, cancel)

    info, _ = second_pass.improve_recording(
        admin, made.recording_id, SignedMeanwhile("whisper", BETTER, "kb-whisper-small"))
    assert info is not None and info.finished
    assert _transcripts(admin, made.recording_id) == [*before, ("accuracy", "whisper", BETTER)]
    assert not recording.audio_path(admin, made.recording_id).exists()
    assert [r.state for r in recording.for_visit(admin, made.visit_id)] == ["audio-deleted"]
    with pytest.raises(UserError, match="Ljudet finns inte längre"):
        recording.read_audio(admin, made.recording_id, 0.0, 0.5)


def test_keep_policy_lets_a_later_pass_be_added(admin: Context, tmp_path: Path) -> None:
    admin.save_settings(replace(admin.settings, audio_policy="keep"))
    made = speech_note(admin, tmp_path)
    notes.sign(admin, made.note_id)
    info, _ = second_pass.improve_recording(admin, made.recording_id,
                                            Scripted("whisper", BETTER, "kb-whisper-small"))
    assert info is not None and info.model_id == "kb-whisper-small"
    assert [t[0] for t in _transcripts(admin, made.recording_id)] == [
        "file", "accuracy", "accuracy"]
