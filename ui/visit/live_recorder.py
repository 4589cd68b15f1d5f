"""GUI-side control of a recording: one ``WorkerHost`` + ``RecordingWorker`` per session, with
partials and levels coalesced to at most 20 updates a second.

Threading contract: ``LiveRecorder`` lives on the GUI thread. It requests work from the worker
through queued signals and receives the worker's signals in ``@Slot`` methods (queued). The
latest partial and level are parked and flushed by a 50 ms ``QTimer`` that runs only while a
recording is active; finished segments are passed on at once (they are rare and must not
be lost). ``shutdown()`` stops a running recording synchronously and joins the thread.
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QObject, QTimer, Signal, Slot

from app.errors import DiskFull
from app.live import SourceFactory
from app.recording import RecordingInfo
from speech.values import Segment
from ui.session import UiSession
from ui.visit.model_holder import SpeechModelHolder
from ui.visit.recording_worker import RecordingWorker
from ui.visit.worker_host import WorkerHost

FLUSH_MS = 50  # 20 Hz
SILENCE_DB = -60.0


class LiveRecorder(QObject):
    """States: "idle" -> "starting" -> "recording" <-> "paused" -> "stopping" -> "saved"."""

    state_changed = Signal(str)
    recording_started = Signal(object)  # RecordingInfo
    recording_failed = Signal(object)  # exception
    partial_changed = Signal(str)  # at most 20 Hz
    level_changed = Signal(float)  # dBFS, at most 20 Hz
    elapsed_changed = Signal(int)  # whole seconds recorded
    # While stopping: seconds of the recording decoded, of all seconds recorded (at most 20 Hz)
    tail_progress = Signal(float, float)
    segment_finalized = Signal(object)  # Segment
    problem_reported = Signal(object)  # exception during recording; it goes on (a full disk
    # stops it: DiskFull)
    recording_stopped = Signal(object)  # RecordingInfo
    pause_confirmed = Signal()  # the worker has paused: no audio is taken from now on
    resume_confirmed = Signal()

    _start_requested = Signal()
    _pause_requested = Signal()
    _resume_requested = Signal()
    _stop_requested = Signal()

    def __init__(self, session: UiSession, visit_id: str, source_factory: SourceFactory,
                 models: SpeechModelHolder, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session, self.visit_id = session, visit_id
        self.source_factory, self.models = source_factory, models
        self.state = "idle"
        self.recording_id: str | None = None
        self.transcribing = False
        self._host: WorkerHost[RecordingWorker] | None = None
        self._pending_partial: str | None = None
        self._pending_level: float | None = None
        self._pending_decoded: tuple[float, float] | None = None
        self._clock = QElapsedTimer()
        self._elapsed_before_ms = 0
        self._shown_seconds = -1
        self._flush_timer = QTimer(self)
        self._flush_timer.setInterval(FLUSH_MS)
        self._flush_timer.timeout.connect(self._on_flush_timer_timeout)

    @property
    def active(self) -> bool:
        return self.state in ("starting", "recording", "paused", "stopping")

    def elapsed_ms(self) -> int:
        running = self._clock.elapsed() if self.state == "recording" else 0
        return self._elapsed_before_ms + running

    # -- control (GUI thread) ----------------------------------------------------------------

    def start(self) -> None:
        if self.active:
            return
        model = self.models.model
        self.transcribing = model is not None
        worker = RecordingWorker(self.session.ctx, self.visit_id, model, self.source_factory)
        host = WorkerHost(worker, name="samskriv-recording-control", parent=self)
        self._start_requested.connect(worker.start_recording)
        self._pause_requested.connect(worker.pause_recording)
        self._resume_requested.connect(worker.resume_recording)
        self._stop_requested.connect(worker.stop_recording)
        worker.recording_started.connect(self._on_worker_recording_started)
        worker.recording_failed.connect(self._on_worker_recording_failed)
        worker.partial_received.connect(self._on_worker_partial_received)
        worker.segment_finalized.connect(self._on_worker_segment_finalized)
        worker.level_measured.connect(self._on_worker_level_measured)
        worker.decoded_to.connect(self._on_worker_decoded_to)
        worker.error_occurred.connect(self._on_worker_error_occurred)
        worker.recording_stopped.connect(self._on_worker_recording_stopped)
        worker.recording_paused.connect(self.pause_confirmed)
        worker.recording_resumed.connect(self.resume_confirmed)
        self._host = host
        self._elapsed_before_ms, self._shown_seconds = 0, -1
        self._set_state("starting")
        host.start()
        self._start_requested.emit()

    def toggle(self) -> None:
        """F9: start when idle, stop when recording or paused."""
        if self.state in ("recording", "paused"):
            self.stop()
        elif not self.active:
            self.start()

    def pause(self) -> None:
        if self.state == "recording":
            self._elapsed_before_ms += self._clock.elapsed()
            self._set_state("paused")
            self._pending_level = SILENCE_DB
            self._pause_requested.emit()

    def resume(self) -> None:
        if self.state == "paused":
            self._clock.restart()
            self._set_state("recording")
            self._resume_requested.emit()

    def stop(self) -> None:
        if self.state in ("recording", "paused"):
            if self.state == "recording":
                self._elapsed_before_ms += self._clock.elapsed()
            self._set_state("stopping")
            self._stop_requested.emit()

    def shutdown(self) -> None:
        """Stop a running recording (waiting for the tail to be saved) and join the thread."""
        host = self._host
        if host is not None and self.state in ("recording", "paused", "stopping"):
            host.call_blocking(host.worker.stop_recording)
        self._end_thread()
        self._flush_timer.stop()

    # -- worker signals (queued to the GUI thread) ---------------------------------------------

    @Slot(object)
    def _on_worker_recording_started(self, info: RecordingInfo) -> None:
        self.recording_id = info.id
        self._clock.start()
        self._set_state("recording")
        self._flush_timer.start()
        self.recording_started.emit(info)

    @Slot(object)
    def _on_worker_recording_failed(self, exc: BaseException) -> None:
        self._end_thread()
        self._set_state("idle")
        self.recording_failed.emit(exc)

    @Slot(str)
    def _on_worker_partial_received(self, text: str) -> None:
        self._pending_partial = text

    @Slot(object)
    def _on_worker_segment_finalized(self, segment: Segment) -> None:
        self._pending_partial = None  # the finished phrase replaces any unshown guess
        self.segment_finalized.emit(segment)

    @Slot(float)
    def _on_worker_level_measured(self, dbfs: float) -> None:
        if self.state == "recording":
            self._pending_level = dbfs

    @Slot(float, float)
    def _on_worker_decoded_to(self, decoded_s: float, captured_s: float) -> None:
        if self.state == "stopping":
            self._pending_decoded = (decoded_s, captured_s)

    @Slot(object)
    def _on_worker_error_occurred(self, exc: BaseException) -> None:
        if isinstance(exc, DiskFull):  # nothing more can be kept: end it while it is whole
            self.stop()
        self.problem_reported.emit(exc)

    @Slot(object)
    def _on_worker_recording_stopped(self, info: RecordingInfo | None) -> None:
        self._flush_timer.stop()
        self._pending_partial = None
        self._end_thread()
        self.partial_changed.emit("")
        self.level_changed.emit(SILENCE_DB)
        self._set_state("saved")
        self.recording_stopped.emit(info)

    @Slot()
    def _on_flush_timer_timeout(self) -> None:
        if self._pending_partial is not None:
            text, self._pending_partial = self._pending_partial, None
            self.partial_changed.emit(text)
        if self._pending_level is not None:
            level, self._pending_level = self._pending_level, None
            self.level_changed.emit(level)
        if self._pending_decoded is not None:
            (decoded, captured), self._pending_decoded = self._pending_decoded, None
            self.tail_progress.emit(decoded, captured)
        seconds = self.elapsed_ms() // 1000
        if seconds != self._shown_seconds:
            self._shown_seconds = seconds
            self.elapsed_changed.emit(seconds)

    def _set_state(self, state: str) -> None:
        if state != self.state:
            self.state = state
            self.state_changed.emit(state)

    def _end_thread(self) -> None:
        host, self._host = self._host, None
        if host is not None:
            host.finish()
