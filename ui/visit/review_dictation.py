"""Vosk dictation for the review kiosk's "Dina egna ord": microphone -> shared model -> text.

Threading contract: ``VoskDictationProvider`` lives on the GUI thread, as the base class
requires. Each dictation gets a ``DictationWorker`` on its own ``QThread`` that owns the
``LiveTranscriber`` (stream and recognizer); the pipeline's events are re-emitted as worker
signals from the recognizer thread and reach the provider's ``@Slot`` methods queued, where
the base class's signals are emitted. Partials arrive at most once per 100 ms audio block and
only when the guess changed. Nothing is stored: the audio goes to a null sink.
"""

from __future__ import annotations

from PySide6.QtCore import QMetaObject, QObject, Qt, QThread, Signal, Slot

from app.errors import UserError, to_user_error
from speech.audio import SoundDeviceSource
from speech.engine import RecognizerFactory
from speech.errors import SpeechError
from speech.pipeline import ErrorEvent, Event, LiveTranscriber, PartialEvent, SegmentEvent
from ui.review.dictation import DictationProvider
from ui.visit.model_holder import SpeechModelHolder
from ui.visit.recording_worker import SourceFactory


class _NullSink:
    def write(self, pcm: bytes) -> None:
        pass

    def close(self) -> None:
        pass


class DictationWorker(QObject):
    """Owns one ``LiveTranscriber``; control slots run on the worker's QThread."""

    listening_started = Signal()
    listening_failed = Signal(str)  # could not start
    problem_reported = Signal(str)  # while listening; it goes on
    partial_received = Signal(str)
    text_received = Signal(str)
    listening_stopped = Signal()

    def __init__(self, source_factory: SourceFactory, model: RecognizerFactory) -> None:
        super().__init__()
        self._source_factory, self._model = source_factory, model
        self._pipeline: LiveTranscriber | None = None

    @Slot()
    def start_listening(self) -> None:
        try:
            pipeline = LiveTranscriber(self._source_factory(), _NullSink(), self._on_event,
                                       self._model)
            pipeline.start()
        except SpeechError as exc:
            self.listening_failed.emit(to_user_error(exc).message)
            return
        except Exception as exc:  # noqa: BLE001 - the kiosk shows a plain message instead
            self.listening_failed.emit(str(exc))
            return
        self._pipeline = pipeline
        self.listening_started.emit()

    @Slot()
    def stop_listening(self) -> None:
        pipeline, self._pipeline = self._pipeline, None
        if pipeline is not None:
            pipeline.stop()  # decodes the tail: the last words are emitted before this returns
        self.listening_stopped.emit()

    def _on_event(self, event: Event) -> None:
        """Recognizer thread: re-emit only."""
        if isinstance(event, PartialEvent):
            self.partial_received.emit(event.text)
        elif isinstance(event, SegmentEvent) and event.segment.text:
            self.text_received.emit(event.segment.text)
        elif isinstance(event, ErrorEvent):
            self.problem_reported.emit(str(event.exc))


class VoskDictationProvider(DictationProvider):
    """Dictation with the shared Vosk model (``SpeechModelHolder``) from the microphone."""

    _start_requested = Signal()
    _stop_requested = Signal()

    def __init__(self, models: SpeechModelHolder, source_factory: SourceFactory = SoundDeviceSource,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.models, self.source_factory = models, source_factory
        self._thread: QThread | None = None
        self._worker: DictationWorker | None = None
        models.ensure_loaded()

    @property
    def listening(self) -> bool:
        return self._worker is not None

    def start(self) -> None:
        if self._worker is not None:
            return
        if self.models.model is None:
            message = UserError(self.tr("Diktering fungerar inte än: ingen talmodell är laddad."))
            self.dictation_failed.emit(message.message)
            return
        worker = DictationWorker(self.source_factory, self.models.model)
        thread = QThread(self)
        thread.setObjectName("samskriv-dictation-control")
        worker.moveToThread(thread)
        self._start_requested.connect(worker.start_listening)
        self._stop_requested.connect(worker.stop_listening)
        worker.listening_started.connect(self._on_worker_listening_started)
        worker.listening_failed.connect(self._on_worker_listening_failed)
        worker.problem_reported.connect(self.dictation_failed)
        worker.partial_received.connect(self._on_worker_partial_received)
        worker.text_received.connect(self._on_worker_text_received)
        worker.listening_stopped.connect(self._on_worker_listening_stopped)
        thread.finished.connect(worker.deleteLater)
        self._thread, self._worker = thread, worker
        thread.start()
        self._start_requested.emit()

    def stop(self) -> None:
        if self._worker is not None:
            self._stop_requested.emit()

    def shutdown(self) -> None:
        """Stop synchronously (for closing the kiosk or the app) and join the thread."""
        if self._worker is not None:
            QMetaObject.invokeMethod(self._worker, "stop_listening",
                                     Qt.ConnectionType.BlockingQueuedConnection)
        self._end_thread()

    @Slot()
    def _on_worker_listening_started(self) -> None:
        self.dictation_started.emit()

    @Slot(str)
    def _on_worker_listening_failed(self, message: str) -> None:
        self._end_thread()
        self.dictation_failed.emit(message)

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
        thread, self._thread, self._worker = self._thread, None, None
        if thread is not None:
            thread.quit()
            thread.wait()
