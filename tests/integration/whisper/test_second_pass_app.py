"""The second pass as a use case: stored as the accuracy transcript, merged into a note draft
with the caseworker's edits kept, provenance and audit recorded (fake engines: fast)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import select

from app import notes, second_pass, transcription, transcripts, visits
from app.context import Context
from app.errors import ModelError, UserError
from models.audit import AuditEvent
from speech.engine import CancelCheck, Progress
from speech.errors import TranscriptionCancelled
from speech.values import Segment, Word
from speech.wavio import write_wav
from tests.support.store import make_case

LIVE = "hej jag heter ana och jag bor i göteborg"
BETTER = "Hej, jag heter Anna och jag bor i Göteborg."


def _words(text: str, conf: float = 0.9) -> tuple[Word, ...]:
    return tuple(Word(t, round(k * 0.4, 2), round(k * 0.4 + 0.3, 2), conf)
                 for k, t in enumerate(text.split()))


class Scripted:
    """A ``FileTranscriber`` that hears what it is told (and honours cancel)."""

    def __init__(self, engine: str, text: str) -> None:
        self.engine, self.model_id, self.text = engine, f"{engine}-test", text

    def transcribe(self, pcm: bytes, progress: Progress, cancel: CancelCheck) -> list[Segment]:
        if cancel.is_set():
            raise TranscriptionCancelled()
        words = _words(self.text)
        return [Segment(words[0].start, words[-1].end, self.text, words)]


@pytest.fixture
def visit(admin: Context, tmp_path: Path) -> tuple[str, str, str]:
    """(case id, visit id, recording id): a visit with an imported, live-transcribed recording."""
    case = make_case(admin, "2026-0042")
    visit = visits.create_visit(admin, case.id, "hembesok", persons=[case.persons[0].id])
    visits.record_consent(admin, visit.id, informed=["Kim Testsson"], agreed=["Kim Testsson"])
    wav = tmp_path / "a.wav"
    write_wav(wav, b"\0\1" * 16_000 * 4)
    imported = transcription.import_recording(admin, visit.id, wav, Scripted("vosk", LIVE))
    return case.id, visit.id, imported.recording.id


def _draft(admin: Context, visit: tuple[str, str, str], body: str = LIVE) -> str:
    case_id, visit_id, recording_id = visit
    note = notes.create_draft(admin, case_id, body, visit_id=visit_id)
    second_pass.record_inserted(admin, note.id, recording_id, _words(LIVE))
    return note.id


def test_the_accuracy_pass_is_kept_beside_the_live_one(admin: Context, visit: tuple[str, str, str]
                                                       ) -> None:
    recording_id = visit[2]
    info, segments = second_pass.improve_recording(admin, recording_id, Scripted("whisper", BETTER))
    assert info is not None and info.pass_kind == "accuracy" and info.engine == "whisper"
    kept = transcripts.transcripts(admin, recording_id)
    assert [(t.pass_kind, t.engine) for t in kept] == [("file", "vosk"), ("accuracy", "whisper")]
    assert transcripts.transcript(admin, recording_id, kept[0].id)[0].text == LIVE  # as made
    assert transcripts.transcript(admin, recording_id)[0].text == BETTER  # the one shown


def test_a_merge_keeps_edits_records_provenance_and_audits_without_text(
        admin: Context, visit: tuple[str, str, str]) -> None:
    recording_id = visit[2]
    note_id = _draft(admin, visit)
    second_pass.improve_recording(admin, recording_id, Scripted("whisper", BETTER))
    edited = LIVE.replace(" i ", " i centrala ")
    result = second_pass.merge_into_note(admin, note_id, recording_id, edited)
    assert result.text == "Hej, jag heter Anna och jag bor i centrala göteborg"
    assert [(s.old, s.new) for s in result.suggestions] == [("göteborg", "Göteborg.")]
    sources = second_pass.note_sources(admin, note_id)
    spans = second_pass.machine_spans(result.text, sources)
    by_text = {result.text[s.start:s.end]: s for s in spans}
    assert by_text["Anna"].pass_kind == "accuracy" and by_text["bor"].pass_kind == "live"
    assert "centrala" not in by_text  # typed by the caseworker
    assert sources[0].engine == "whisper" and sources[0].pass_kind == "accuracy"
    with admin.uow() as uow:
        event = uow.session.scalars(select(AuditEvent).where(
            AuditEvent.action == "note.speech_merge")).one()
        details = str(event.details)
    assert "Anna" not in details and "göteborg" not in details.lower()
    assert '"reasons": ["edited"]' in details.replace("'", '"')


def test_a_merge_needs_an_accuracy_pass(admin: Context, visit: tuple[str, str, str]) -> None:
    note_id = _draft(admin, visit)
    with pytest.raises(UserError, match="förbättrade utskriften finns inte"):
        second_pass.merge_into_note(admin, note_id, visit[2], LIVE)


def test_cancel_stores_nothing(admin: Context, visit: tuple[str, str, str]) -> None:
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(ModelError, match="Utskriften avbröts"):
        second_pass.improve_recording(admin, visit[2], Scripted("whisper", BETTER), cancel=cancel)
    assert [t.pass_kind for t in transcripts.transcripts(admin, visit[2])] == ["file"]


def test_no_model_installed_is_a_clear_message(admin: Context) -> None:
    with pytest.raises(ModelError) as raised:
        second_pass.second_pass_model(admin)
    assert raised.value.message == second_pass.NO_MODEL


def test_calibration_recommends_a_size_from_the_speed_here(
        admin: Context, visit: tuple[str, str, str]) -> None:
    ticks = iter([0.0, 1.2])  # 4 s of audio in 1.2 s: base at RTF 0.3 here
    fast = Scripted("whisper", BETTER)
    fast.model_id = "kb-whisper-base"
    assert second_pass.recommended_size(admin, visit[2], fast, clock=lambda: next(ticks)) == (
        "kb-whisper-base")  # small would project to about 1.0: too slow
    ticks = iter([0.0, 0.2])
    assert second_pass.recommended_size(admin, visit[2], fast, clock=lambda: next(ticks)) == (
        "kb-whisper-small")


def test_an_unknown_kb_size_is_a_swedish_message(admin: Context) -> None:
    with pytest.raises(ModelError, match="finns inte"):
        second_pass.install_kb_model(admin, "kb-whisper-huge")
