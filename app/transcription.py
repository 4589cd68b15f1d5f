"""Transcription use cases: choose the speech model (``app.speech_models`` loads it), record
a visit live with autosave, transcribe recordings that waited for a model, import a recording
from a file, and turn a transcript into draft text with the dictation rules."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app import recording, transcripts
from app.context import Context
from app.errors import DiskFull, UserError, reported, speech_as_user_errors, to_user_error
from app.recording import RecordingInfo
from speech.audio import AudioSource
from speech.batch import load_pcm
from speech.catalog import ModelCatalog, language_rank
from speech.dictation import Dictation
from speech.engine import CancelCheck, FileTranscriber, RecognizerFactory
from speech.errors import SpeechError, TranscriptionCancelled
from speech.modelstore import ModelStore
from speech.pipeline import LiveTranscriber
from speech.values import (
    FILE_ONLY_ENGINES,
    ErrorEvent,
    Event,
    InstalledModel,
    Segment,
    SegmentEvent,
)

_log = logging.getLogger(__name__)
Progress = Callable[[float], None]


def model_store(ctx: Context) -> ModelStore:
    ctx.paths.models.mkdir(parents=True, exist_ok=True)
    return ModelStore(ctx.paths.models, ModelCatalog(ctx.paths.models))


def active_model(ctx: Context) -> InstalledModel | None:
    """The live model chosen in settings, by (engine, name) — a model of the same name under
    another engine is another model — else the first valid one (Swedish first). Models of an
    engine that only transcribes files (KB-Whisper, the second pass) are never chosen here."""
    valid = [m for m in model_store(ctx).installed() if m.valid and m.engine not in FILE_ONLY_ENGINES]
    chosen = (ctx.settings.model_engine, ctx.settings.model_name)
    for m in valid:
        if (m.engine, m.name) == chosen:
            return m
    valid.sort(key=lambda m: language_rank(m.lang))
    return valid[0] if valid else None


class LiveRecording:
    """Record one visit: consent checked, audio encrypted to disk, each finished phrase
    saved as it arrives, nothing lost at stop.

    Threading contract: ``start``/``pause``/``resume``/``stop`` are called from one
    controlling thread. ``on_event`` is called from the pipeline's worker thread, in order,
    after final segments have been saved; it must return quickly and not call ``stop``.
    """

    def __init__(
        self, ctx: Context, visit_id: str, source: AudioSource, on_event: Callable[[Event], None],
        model: RecognizerFactory | None = None, *, model_id: str = "",
    ) -> None:
        self._ctx, self._visit_id, self._source = ctx, visit_id, source
        self._on_event, self._model, self._model_id = on_event, model, model_id
        self._pipeline: LiveTranscriber | None = None
        self.info: RecordingInfo | None = None
        self._sink_duration: Callable[[], float] = lambda: 0.0

    @property
    def recording_id(self) -> str:
        assert self.info is not None, "not started"
        return self.info.id

    def start(self) -> RecordingInfo:
        """Raises UserError when consent is missing or there is no microphone."""
        self.info = recording.begin(self._ctx, self._visit_id, model_id=self._model_id)
        try:
            sink = recording.open_sink(self._ctx, self.info.id)
        except Exception:  # no room even to begin: leave no recording "in progress" behind
            recording.discard_failed(self._ctx, self.info.id)
            raise
        self._sink_duration = lambda: sink.duration_s
        self._pipeline = LiveTranscriber(self._source, sink, self._handle, self._model)
        try:
            self._pipeline.start()
        except SpeechError as exc:
            recording.discard_failed(self._ctx, self.info.id)
            raise to_user_error(exc) from exc
        return self.info

    def pause(self) -> None:
        if self._pipeline:
            self._pipeline.pause()

    def resume(self) -> None:
        if self._pipeline:
            self._pipeline.resume()

    @property
    def dropped_blocks(self) -> int:
        return self._pipeline.dropped if self._pipeline else 0

    def stop(self) -> RecordingInfo:
        """Decode the tail, save the last segments, close the audio file."""
        assert self._pipeline is not None and self.info is not None, "not started"
        self._pipeline.stop()
        self.info = recording.finish(self._ctx, self.info.id, self._sink_duration())
        return self.info

    def _handle(self, event: Event) -> None:
        if isinstance(event, ErrorEvent):  # the UI gets the app's typed errors, never speech's
            event = ErrorEvent(reported(event.exc))
        if isinstance(event, SegmentEvent) and self.info is not None:
            try:
                transcripts.save_segment(self._ctx, self.info.id, event.segment)
            except Exception as exc:  # report, keep recording: the audio is still on disk
                if not isinstance(exc, UserError):  # a full disk is the user's, not a bug
                    _log.exception("autosave of a segment failed")
                self._on_event(ErrorEvent(exc))
        self._on_event(event)


def transcribe_recording(
    ctx: Context, recording_id: str, transcriber: FileTranscriber, *,
    progress: Progress | None = None, cancel: CancelCheck | None = None,
) -> list[Segment]:
    """Transcribe a stored recording from its file (one recorded while no model was
    installed) and keep it as the recording's "file" transcript."""
    pcm = recording.read_audio(ctx, recording_id)
    segments = _transcribe(transcriber, pcm, progress, cancel)
    transcripts.add_transcript(ctx, recording_id, segments, engine=transcriber.engine,
                             model_id=transcriber.model_id, pass_kind="file")
    return segments


def transcribe_waiting(
    ctx: Context, transcriber: FileTranscriber, progress: Progress | None = None,
    cancel: CancelCheck | None = None,
) -> list[RecordingInfo]:
    """Every recording that waited for a model, transcribed now."""
    waiting = recording.awaiting_transcription(ctx)
    for rec in waiting:
        transcribe_recording(ctx, rec.id, transcriber, progress=progress, cancel=cancel)
    return waiting


@dataclass(frozen=True)
class ImportResult:
    recording: RecordingInfo
    segments: tuple[Segment, ...]


def import_recording(
    ctx: Context, visit_id: str, path: Path, transcriber: FileTranscriber | None, *,
    progress: Progress | None = None, cancel: CancelCheck | None = None,
) -> ImportResult:
    """Store an audio file (any format ffmpeg reads) encrypted with the visit and transcribe
    it when a transcriber is given. Consent applies as for live recording."""
    with speech_as_user_errors():
        pcm = load_pcm(path)
    model_id = transcriber.model_id if transcriber is not None else ""
    engine = transcriber.engine if transcriber is not None else ""
    info = recording.begin(ctx, visit_id, model_id=model_id, engine=engine)
    try:
        with recording.open_sink(ctx, info.id) as sink:
            sink.write(pcm)
    except Exception as exc:  # an import is whole or not at all: the file is still the user's
        recording.discard_failed(ctx, info.id)
        if isinstance(exc, DiskFull):
            raise DiskFull() from exc
        raise
    duration = len(pcm) / (2 * recording.SAMPLE_RATE)
    segments: list[Segment] = []
    try:
        if transcriber is not None:
            segments = _transcribe(transcriber, pcm, progress, cancel)
            transcripts.add_transcript(ctx, info.id, segments, engine=engine, model_id=model_id,
                                     pass_kind="file")
    finally:
        # Even if transcription failed the audio is kept and waits for another try.
        info = recording.finish(ctx, info.id, duration, reason="imported")
    return ImportResult(info, tuple(segments))


def _transcribe(transcriber: FileTranscriber, pcm: bytes, progress: Progress | None,
                cancel: CancelCheck | None) -> list[Segment]:
    try:
        return transcriber.transcribe(pcm, progress or _no_progress, cancel or threading.Event())
    except TranscriptionCancelled as exc:
        raise to_user_error(exc) from exc


def _no_progress(_fraction: float) -> None:
    pass


def draft_text(segments: list[Segment], language: str = "sv", *, commands: bool = True) -> str:
    """The transcript as note text: dictation commands applied, sentences capitalised."""
    dictation = Dictation(language, commands=commands)
    for seg in segments:
        dictation.feed(seg.text)
    return dictation.text
