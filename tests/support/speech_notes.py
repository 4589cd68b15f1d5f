"""A note written with speech recognition: an imported recording transcribed by a scripted
"vosk" pass, a draft made from it with a typed edit, and a scripted KB-Whisper accuracy pass
merged in (fake engines: fast; the merge and the store are real)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app import notes, second_pass, transcription, visits
from app.context import Context
from speech.engine import CancelCheck, Progress
from speech.errors import TranscriptionCancelled
from speech.values import Segment, Word
from speech.wavio import write_wav
from tests.support.store import make_case

LIVE = "hej jag heter ana och jag bor i göteborg"
BETTER = "Hej, jag heter Anna och jag bor i Göteborg."
TYPED = "centrala"
# What the note says after the merge: "Anna" from KB-Whisper, "centrala" typed, "göteborg"
# left as Vosk heard it (next to the edit: a suggestion, not applied).
MERGED = "Hej, jag heter Anna och jag bor i centrala göteborg"


def words(text: str, conf: float = 0.9) -> tuple[Word, ...]:
    return tuple(Word(t, round(k * 0.4, 2), round(k * 0.4 + 0.3, 2), conf)
                 for k, t in enumerate(text.split()))


class Scripted:
    """A ``FileTranscriber`` that hears what it is told (and honours cancel)."""

    def __init__(self, engine: str, text: str, model_id: str = "") -> None:
        self.engine, self.text = engine, text
        self.model_id = model_id or f"{engine}-test"

    def transcribe(self, pcm: bytes, progress: Progress, cancel: CancelCheck) -> list[Segment]:
        if cancel.is_set():
            raise TranscriptionCancelled()
        said = words(self.text)
        return [Segment(said[0].start, said[-1].end, self.text, said)]


@dataclass(frozen=True)
class SpeechNote:
    case_id: str
    visit_id: str
    recording_id: str
    note_id: str


def speech_note(ctx: Context, tmp_path: Path, number: str = "2026-0042") -> SpeechNote:
    """A draft that holds machine words of both passes and one typed word (``MERGED``)."""
    case = make_case(ctx, number)
    visit = visits.create_visit(ctx, case.id, "hembesok", persons=[case.persons[0].id])
    visits.record_consent(ctx, visit.id, informed=["Kim Testsson"], agreed=["Kim Testsson"])
    wav = tmp_path / f"{number}.wav"
    write_wav(wav, b"\0\1" * 16_000 * 4)
    imported = transcription.import_recording(
        ctx, visit.id, wav, Scripted("vosk", LIVE, "vosk-model-small-sv-rhasspy-0.15"))
    recording_id = imported.recording.id
    note = notes.create_draft(ctx, case.id, LIVE, visit_id=visit.id)
    assert second_pass.link_note_to_visit_speech(ctx, note.id, visit.id, LIVE)
    second_pass.improve_recording(ctx, recording_id, Scripted("whisper", BETTER,
                                                              "kb-whisper-base"))
    edited = LIVE.replace(" i ", f" i {TYPED} ")
    result = second_pass.merge_into_note(ctx, note.id, recording_id, edited)
    assert result.text == MERGED
    saved = notes.save_draft(ctx, note.id, result.text,
                             expected_revision_id=notes.get_note(ctx, note.id).current.id)
    return SpeechNote(case.id, visit.id, recording_id, saved.id)
