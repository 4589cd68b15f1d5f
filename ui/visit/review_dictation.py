"""Vosk dictation for the review kiosk's "Dina egna ord": the Qt relay of an
``app.dictation.DictationSession`` (microphone -> shared model -> text, nothing stored).

Threading contract: ``VoskDictationProvider`` lives on the GUI thread, as the base class
requires. Each dictation gets a ``DictationWorker`` on its own thread (a ``WorkerHost``) that
starts and stops the session; the session's callbacks run on the recognizer thread and only
re-emit worker signals, which reach the provider's ``@Slot`` methods queued, where the base
class's signals are emitted. Partials arrive at most once per 100 ms audio block and only
when the guess changed.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot

from app.dictation import DictationSession
from app.errors import UserError
from app.live import SourceFactory, microphone
from app.speech_models import LoadedModel
from ui.review.dictation import DictationProvider
from ui.visit.model_holder import SpeechModelHolder, no_dictation_model_message
from ui.visit.worker_host import WorkerHost


class DictationWorker(QObject):
    """Starts and stops one ``DictationSession``; its slots run on the worker's thread."""

    listening_started = Signal()
    listening_failed = Signal(object)  # could not start: a UserError or a bug (the exception)
    problem_reported = Signal(object)  # while listening, it goes on: a UserError or a bug
    partial_received = Signal(str)
    text_received = Signal(str)
    listening_stopped = Signal()

    def __init__(self, model: LoadedModel, source_factory: SourceFactory = microphone) -> None:
        super().__init__()
        self._session = DictationSession(model, on_partial=self.partial_received.emit,
                                         on_text=self.text_received.emit,
                                         on_problem=self.problem_reported.emit,
                                         source_factory=source_factory)

    @Slot()
    def start_listening(self) -> None:
        try:
            self._session.start()
        except Exception as exc:  # noqa: BLE001 - every failure to the GUI's one error route
            self.listening_failed.emit(exc)
            return
        self.listening_started.emit()

    @Slot()
    def stop_listening(self) -> None:
        self._session.stop()
        self.listening_stopped.emit()


class VoskDictationProvider(DictationProvider):
    """Dictation with the shared Vosk model (``SpeechModelHolder``) from the microphone."""

    _start_requested = Signal()
    _stop_requested = Signal()

    def __init__(self, models: SpeechModelHolder, source_factory: SourceFactory = microphone,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.models, self.source_factory = models, source_factory
        self._host: WorkerHost[DictationWorker] | None = None
        models.ensure_loaded()

    @property
    def listening(self) -> bool:
        return self._host is not None

    def start(self) -> None:
        if self._host is not None:
            return
        if self.models.model is None:
            self.dictation_failed.emit(UserError(no_dictation_model_message()))
            return
        worker = DictationWorker(self.models.model, self.source_factory)
        host = WorkerHost(worker, name="samskriv-dictation-control", parent=self)
        self._start_requested.connect(worker.start_listening)
        self._stop_requested.connect(worker.stop_listening)
        worker.listening_started.connect(self._on_worker_listening_started)
        worker.listening_failed.connect(self._on_worker_listening_failed)
        worker.problem_reported.connect(self._on_worker_problem_reported)
        worker.partial_received.connect(self._on_worker_partial_received)
        worker.text_received.connect(self._on_worker_text_received)
        worker.listening_stopped.connect(self._on_worker_listening_stopped)
        self._host = host
        host.start()
        self._start_requested.emit()

    def stop(self) -> None:
        if self._host is not None:
            self._stop_requested.emit()

    def shutdown(self) -> None:
        """Stop synchronously (for closing the kiosk or the app) and join the thread."""
        if self._host is not None:
            self._host.call_blocking(self._host.worker.stop_listening)
        self._end_thread()

    @Slot()
    def _on_worker_listening_started(self) -> None:
        self.dictation_started.emit()

    @Slot(object)
    def _on_worker_listening_failed(self, exc: BaseException) -> None:
        self._end_thread()
        self.dictation_failed.emit(exc)

    @Slot(object)
    def _on_worker_problem_reported(self, exc: BaseException) -> None:
        self.dictation_failed.emit(exc)

    @Slot(str)
    def _on_worker_partial_received(self, text: str) -> None:
        self.partial_text_changed.emit(text)

    @Slot(str)
    def _on_worker_text_received(self, text: str) -> None:
        self.partial_text_changed.emit("")
        self.text_recognized.emit(text)

    @Slot()
    def _on_worker_listening_stopped(self) -> None:
        self._end_thread()
        self.dictation_stopped.emit()

    def _end_thread(self) -> None:
        host, self._host = self._host, None
        if host is not None:
            host.finish()
