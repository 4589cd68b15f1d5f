"""Live and file transcription as the GUI drives it: the audio source, the recording session
and the batch jobs are built here from plain values and a ``LoadedModel``.

A ``SourceFactory`` is the one seam for audio input: production uses the microphone, tests
pass a factory that returns a replaying or hand-driven source with the real callback
signature, so their audio still goes through the real pipeline.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from app import transcription
from app.context import Context
from app.recording import RecordingInfo
from app.speech_models import LoadedModel, recognizers_of
from app.transcription import ImportResult, LiveRecording, Progress
from speech.audio import AudioSource, SoundDeviceSource
from speech.values import Event

SourceFactory = Callable[[], AudioSource]
EventSink = Callable[[Event], None]


def microphone() -> AudioSource:
    """The default input device (opened when the session starts)."""
    return SoundDeviceSource()


class RecordingSession:
    """One live recording of a visit: consent checked, audio encrypted to disk, each
    finished phrase saved as it arrives, the tail decoded at stop.

    Threading contract: ``start``/``pause``/``resume``/``stop`` are called from one
    controlling thread (a Qt worker's); ``on_event`` is called from the pipeline's
    recognizer thread, in order, and must only hand the event on.
    """

    def __init__(self, ctx: Context, visit_id: str, model: LoadedModel | None,
                 on_event: EventSink, source_factory: SourceFactory = microphone) -> None:
        self._ctx, self._visit_id = ctx, visit_id
        self._model, self._on_event = model, on_event
        self._source_factory = source_factory
        self._live: LiveRecording | None = None

    @property
    def transcribing(self) -> bool:
        return self._model is not None

    @property
    def info(self) -> RecordingInfo | None:
        return self._live.info if self._live is not None else None

    def start(self) -> RecordingInfo:
        """Open the source and start; raises ``UserError`` (consent, no microphone)."""
        model_id = self._model.model_id if self._model is not None else ""
        live = LiveRecording(self._ctx, self._visit_id, self._source_factory(), self._on_event,
                             recognizers_of(self._model), model_id=model_id)
        info = live.start()
        self._live = live
        return info

    def pause(self) -> None:
        if self._live is not None:
            self._live.pause()

    def resume(self) -> None:
        if self._live is not None:
            self._live.resume()

    def stop(self) -> RecordingInfo:
        """Decode the tail, save the last phrases and close the audio file."""
        assert self._live is not None, "not started"
        return self._live.stop()


def import_recording(ctx: Context, visit_id: str, path: Path, model: LoadedModel | None,
                     progress: Progress | None = None) -> ImportResult:
    """Store an audio file with the visit and transcribe it when a model is loaded (long work)."""
    return transcription.import_recording(ctx, visit_id, path, recognizers_of(model),
                                          progress=progress)


def transcribe_waiting(ctx: Context, model: LoadedModel,
                       progress: Progress | None = None) -> list[RecordingInfo]:
    """Transcribe every recording that waited for a model (long work)."""
    return transcription.transcribe_waiting(ctx, model.recognizers, progress)
