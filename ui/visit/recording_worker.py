"""The recording worker: drives one ``app.live.RecordingSession`` (audio stream and recognizer)
on its own thread (a ``WorkerHost``) and talks to the GUI only through signals.

Threading contract:

* ``RecordingWorker`` lives on its host's ``QThread``; its control slots
  (``start_recording``, ``pause_recording``, ``resume_recording``, ``stop_recording``) run
  there, requested through queued signals from ``LiveRecorder`` on the GUI thread. Starting
  (consent check, database row, opening the microphone) and stopping (decoding the tail)
  therefore never block the window.
* The pipeline calls ``_on_session_event`` from its recognizer thread; the handler only
  re-emits Qt signals. Receivers on the GUI thread get them queued, in order.
* Segments reach the GUI before ``recording_stopped``: ``RecordingSession.stop`` returns only
  after the pipeline delivered every event.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot

from app.context import Context
from app.live import RecordingSession, SourceFactory, microphone
from app.recording import RecordingInfo
from app.speech_models import LoadedModel
from speech.values import DropEvent, ErrorEvent, Event, LevelEvent, PartialEvent, SegmentEvent

__all__ = ["RecordingWorker", "SourceFactory", "microphone"]


class RecordingWorker(QObject):
    """One recording session of one visit. See the module docstring for the threads."""

    recording_started = Signal(object)  # app.recording.RecordingInfo
    recording_failed = Signal(object)  # the exception (UserError for consent/microphone)
    partial_received = Signal(str)
    segment_finalized = Signal(object)  # speech.values.Segment
    level_measured = Signal(float)  # dBFS
    decoded_to = Signal(float, float)  # seconds of audio decoded, of seconds captured
    blocks_dropped = Signal(int)  # total so far
    error_occurred = Signal(object)  # an exception while recording (it goes on)
    recording_paused = Signal()
    recording_resumed = Signal()
    recording_stopped = Signal(object)  # app.recording.RecordingInfo or None

    def __init__(self, ctx: Context, visit_id: str, model: LoadedModel | None,
                 source_factory: SourceFactory = microphone) -> None:
        super().__init__()
        self._session = RecordingSession(ctx, visit_id, model, self._on_session_event,
                                         source_factory)
        self._started = False

    @Slot()
    def start_recording(self) -> None:
        try:
            info = self._session.start()
        except Exception as exc:  # noqa: BLE001 - every failure goes back to the GUI
            self.recording_failed.emit(exc)
            return
        self._started = True
        self.recording_started.emit(info)

    @Slot()
    def pause_recording(self) -> None:
        if self._started:
            self._session.pause()
            self.recording_paused.emit()

    @Slot()
    def resume_recording(self) -> None:
        if self._started:
            self._session.resume()
            self.recording_resumed.emit()

    @Slot()
    def stop_recording(self) -> None:
        if not self._started:
            return
        self._started = False
        info: RecordingInfo | None = self._session.info
        try:
            info = self._session.stop()
        except Exception as exc:  # noqa: BLE001 - reported; the audio is on disk
            self.error_occurred.emit(exc)
        self.recording_stopped.emit(info)

    @property
    def active(self) -> bool:
        return self._started

    def _on_session_event(self, event: Event) -> None:
        """Pipeline thread: re-emit as signals only (must return quickly)."""
        if isinstance(event, PartialEvent):
            self.partial_received.emit(event.text)
        elif isinstance(event, SegmentEvent):
            self.segment_finalized.emit(event.segment)
        elif isinstance(event, LevelEvent):
            self.level_measured.emit(event.rms_dbfs)
            self.decoded_to.emit(event.decoded_s, event.captured_s)
        elif isinstance(event, DropEvent):
            self.blocks_dropped.emit(event.total)
        elif isinstance(event, ErrorEvent):
            self.error_occurred.emit(event.exc)
