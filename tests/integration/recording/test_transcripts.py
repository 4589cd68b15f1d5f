"""A recording has transcripts (engine, model, pass); the shown one is the newest finished one of
the best pass; a finished transcript is hashed with its wire record and queued for sync; file
transcription goes through the ``FileTranscriber`` protocol."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import select

from app import recording, transcription, transcripts
from app.context import Context
from app.errors import ModelError
from models.audit import OutboxItem
from models.records import TranscriptRecord, record_hash
from models.visits import Segment as SegmentRow
from models.visits import Transcript
from speech.engine import CancelCheck, FileTranscriber, Progress
from speech.errors import TranscriptionCancelled
from speech.values import Segment, Word
from tests.integration.recording.helpers import record_pcm, tone_pcm
from tests.support.store import FixedClock


def _seg(start: float, text: str) -> Segment:
    return Segment(start, start + 0.5, text, (Word(text, start, start + 0.5, 0.9),))


class _FakeTranscriber:
    """A second engine as the app sees it: only the protocol."""

    engine = "fake-engine"

    def __init__(self, segments: list[Segment], model_id: str = "fake-model") -> None:
        self.segments, self._model_id = segments, model_id
        self.calls: list[int] = []

    @property
    def model_id(self) -> str:
        return self._model_id

    def transcribe(self, pcm: bytes, progress: Progress, cancel: CancelCheck) -> list[Segment]:
        self.calls.append(len(pcm))
        if cancel.is_set():
            raise TranscriptionCancelled()
        progress(1.0)
        return list(self.segments)


def _stored(ctx: Context, transcript_id: str) -> tuple[Transcript, list[SegmentRow]]:
    with ctx.uow() as uow:
        s = uow.session
        t = s.get(Transcript, transcript_id)
        assert t is not None
        rows = list(s.scalars(select(SegmentRow).where(SegmentRow.transcript_id == t.id)
                              .order_by(SegmentRow.seq)))
        s.expunge_all()
        return t, rows


def _outbox(ctx: Context) -> list[tuple[str, str, str]]:
    with ctx.uow() as uow:
        return [(o.kind, o.object_id, o.content_hash)
                for o in uow.session.scalars(select(OutboxItem).where(
                    OutboxItem.kind == "transcript"))]


def test_a_live_transcript_is_hashed_and_queued_when_the_recording_stops(
    admin: Context, visit_id: str
) -> None:
    info = recording.begin(admin, visit_id, model_id="sv-small")
    transcripts.save_segment(admin, info.id, _seg(0.0, "hej"))
    transcripts.save_segment(admin, info.id, _seg(1.0, "då"))
    [open_one] = transcripts.transcripts(admin, info.id)
    assert (open_one.pass_kind, open_one.engine, open_one.model_id) == ("live", "vosk", "sv-small")
    assert not open_one.finished and _outbox(admin) == []

    recording.finish(admin, info.id, 2.0)

    [done] = transcripts.transcripts(admin, info.id)
    assert done.finished and done.segments == 2
    transcript, rows = _stored(admin, done.id)
    record = transcript.to_record(rows)
    assert isinstance(record, TranscriptRecord)
    assert [s.text for s in record.segments] == ["hej", "då"]
    assert record.segments[0].words[0].word == "hej"
    assert transcript.hash == record_hash(record)
    assert _outbox(admin) == [("transcript", done.id, record_hash(record))]


def test_a_recovered_recordings_transcript_is_finished_too(admin: Context, visit_id: str) -> None:
    info = recording.begin(admin, visit_id, model_id="sv-small")
    transcripts.save_segment(admin, info.id, _seg(0.0, "hej"))
    recording.recover(admin, info.id)
    [done] = transcripts.transcripts(admin, info.id)
    assert done.finished and [o[1] for o in _outbox(admin)] == [done.id]


def test_the_shown_transcript_is_the_newest_finished_one_of_the_best_pass(
    admin: Context, visit_id: str, clock: FixedClock
) -> None:
    info = recording.begin(admin, visit_id, model_id="sv-small")
    live = [_seg(0.0, "live")]
    transcripts.save_segments(admin, info.id, live)
    assert transcripts.transcript(admin, info.id) == live  # in progress: the open one
    recording.finish(admin, info.id, 1.0)

    clock.advance(minutes=1)
    accuracy = transcripts.add_transcript(admin, info.id, [_seg(0.0, "exakt")], engine="whisper",
                                        model_id="large", pass_kind="accuracy")
    clock.advance(minutes=1)
    file_1 = transcripts.add_transcript(admin, info.id, [_seg(0.0, "fil ett")], engine="vosk",
                                      model_id="sv-small", pass_kind="file")
    assert accuracy is not None and file_1 is not None
    assert transcripts.transcript(admin, info.id) == [_seg(0.0, "exakt")]  # accuracy > file
    assert recording.for_visit(admin, visit_id)[0].segments == 1

    clock.advance(minutes=1)
    transcripts.add_transcript(admin, info.id, [_seg(0.0, "exakt två"), _seg(1.0, "mer")],
                             engine="whisper", model_id="large", pass_kind="accuracy")
    assert [s.text for s in transcripts.transcript(admin, info.id)] == ["exakt två", "mer"]
    assert recording.for_visit(admin, visit_id)[0].segments == 2
    assert transcripts.transcript(admin, info.id, file_1.id) == [_seg(0.0, "fil ett")]
    kinds = [(t.pass_kind, t.finished) for t in transcripts.transcripts(admin, info.id)]
    assert kinds == [("live", True), ("accuracy", True), ("file", True), ("accuracy", True)]
    assert len(_outbox(admin)) == 4
    with pytest.raises(ValueError):
        transcripts.add_transcript(admin, info.id, live, engine="x", model_id="y", pass_kind="z")


def test_waiting_recordings_are_transcribed_through_the_protocol(
    admin: Context, visit_id: str
) -> None:
    waiting, _ = record_pcm(admin, visit_id, tone_pcm(10))  # no model: no transcript
    assert transcripts.transcripts(admin, waiting.id) == []
    fake = _FakeTranscriber([_seg(0.1, "hej")])
    engine: FileTranscriber = fake
    progress: list[float] = []

    assert transcription.transcribe_waiting(admin, engine, progress.append) == [waiting]

    assert fake.calls == [len(tone_pcm(10))] and progress == [1.0]
    [t] = transcripts.transcripts(admin, waiting.id)
    assert (t.pass_kind, t.engine, t.model_id, t.finished) == (
        "file", "fake-engine", "fake-model", True)
    assert recording.awaiting_transcription(admin) == []


def test_a_cancelled_transcription_stores_nothing_and_keeps_waiting(
    admin: Context, visit_id: str, tmp_path: Path
) -> None:
    waiting, _ = record_pcm(admin, visit_id, tone_pcm(10))
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(ModelError, match="Utskriften avbröts"):
        transcription.transcribe_waiting(admin, _FakeTranscriber([_seg(0.1, "hej")]),
                                         cancel=cancel)
    assert transcripts.transcripts(admin, waiting.id) == []
    assert [r.id for r in recording.awaiting_transcription(admin)] == [waiting.id]


def test_an_import_keeps_the_file_transcript(
    admin: Context, visit_id: str, two_utterances_wav: Path
) -> None:
    result = transcription.import_recording(admin, visit_id, two_utterances_wav,
                                            _FakeTranscriber([_seg(0.1, "hej")], "m1"))
    assert result.recording.model_id == "m1"
    [t] = transcripts.transcripts(admin, result.recording.id)
    assert (t.pass_kind, t.engine, t.model_id, t.finished) == ("file", "fake-engine", "m1", True)


def test_discarding_a_recording_removes_its_transcripts(admin: Context, visit_id: str) -> None:
    info = recording.begin(admin, visit_id, model_id="sv-small")
    transcripts.save_segment(admin, info.id, _seg(0.0, "hej"))
    recording.discard_failed(admin, info.id)
    with admin.uow() as uow:
        assert list(uow.session.scalars(select(Transcript))) == []
        assert list(uow.session.scalars(select(SegmentRow))) == []
