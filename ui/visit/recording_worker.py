"""The recording worker: owns one ``LiveRecording`` (audio stream and recognizer) on its own
QThread and talks to the GUI only through signals.

Threading contract:

* ``RecordingWorker`` is moved to a dedicated ``QThread``; its control slots
  (``start_recording``, ``pause_recording``, ``resume_recording``, ``stop_recording``) run
  there, requested through queued signals from ``LiveRecorder`` on the GUI thread. Starting
  (consent check, database row, opening the microphone) and stopping (decoding the tail)
  therefore never block the window.
* The pipeline calls ``_on_pipeline_event`` from its recognizer thread; the handler only
  re-emits Qt signals. Receivers on the GUI thread get them queued, in order.
* Segments reach the GUI before ``recording_stopped``: ``LiveRecording.stop`` returns only
  after the pipeline delivered every event.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal, Slot

from app.context import Context
from app.recording import RecordingInfo
from app.transcription import LiveRecording
from speech.audio import AudioSource
from speech.engine import RecognizerFactory
from speech.pipeline import (
    DropEvent,
    ErrorEvent,
    Event,
    LevelEvent,
    PartialEvent,
    SegmentEvent,
)

SourceFactory = Callable[[], AudioSource]


class RecordingWorker(QObject):
    """One recording session of one visit. See the module docstring for the threads."""

    recording_started = Signal(object)  # app.recording.RecordingInfo
    recording_failed = Signal(object)  # the exception (UserError for consent/microphone)
    partial_received = Signal(str)
    segment_finalized = Signal(object)  # speech.transcript.Segment
    level_measured = Signal(float)  # dBFS
    blocks_dropped = Signal(int)  # total so far
    error_occurred = Signal(object)  # an exception while recording (it goes on)
    recording_paused = Signal()
    recording_resumed = Signal()
    recording_stopped = Signal(object)  # app.recording.RecordingInfo

    def __init__(self, ctx: Context, visit_id: str, source_factory: SourceFactory,
                 model: RecognizerFactory | None, model_id: str = "") -> None:
        super().__init__()
        self._ctx, self._visit_id = ctx, visit_id
        self._source_factory = source_factory
        self._model, self._model_id = model, model_id
        self._recording: LiveRecording | None = None

    @Slot()
    def start_recording(self) -> None:
        try:
            live = LiveRecording(self._ctx, self._visit_id, self._source_factory(),
                                 self._on_pipeline_event, self._model,
                                 model_id=self._model_id)
            info = live.start()
        except Exception as exc:  # noqa: BLE001 - every failure goes back to the GUI
            self.recording_failed.emit(exc)
            return
        self._recording = live
        self.recording_started.emit(info)

    @Slot()
    def pause_recording(self) -> None:
        if self._recording is not None:
            self._recording.pause()
            self.recording_paused.emit()

    @Slot()
    def resume_recording(self) -> None:
        if self._recording is not None:
            self._recording.resume()
            self.recording_resumed.emit()

    @Slot()
    def stop_recording(self) -> None:
        live, self._recording = self._recording, None
        if live is None:
            return
        info: RecordingInfo | None = live.info
        try:
            info = live.stop()
        except Exception as exc:  # noqa: BLE001 - reported; the audio is on disk
            self.error_occurred.emit(exc)
        self.recording_stopped.emit(info)

    @property
    def active(self) -> bool:
        return self._recording is not None

    def _on_pipeline_event(self, event: Event) -> None:
        """Pipeline thread: re-emit as signals only (must return quickly)."""
        if isinstance(event, PartialEvent):
            self.partial_received.emit(event.text)
        elif isinstance(event, SegmentEvent):
            self.segment_finalized.emit(event.segment)
        elif isinstance(event, LevelEvent):
            self.level_measured.emit(event.rms_dbfs)
        elif isinstance(event, DropEvent):
            self.blocks_dropped.emit(event.total)
        elif isinstance(event, ErrorEvent):
            self.error_occurred.emit(event.exc)
