"""Offers the app makes on its own: recover a recording that was cut off (app or laptop died),
and transcribe recordings that waited for a speech model once one has arrived.

GUI thread only; the work runs on the task manager, progress through ``ProgressRelay``.
Questions are non-modal message boxes opened with ``open()``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QProgressBar, QWidget

from app import live, recording
from app.recording import RecordingInfo
from ui import formatting
from ui.errors import present_error
from ui.session import UiSession
from ui.visit.model_holder import SpeechModelHolder
from ui.visit.progress import ProgressRelay


class StartupOffers(QObject):
    """Asks the questions for one main window. ``recording_recovered(RecordingInfo)`` after a
    recovery; ``waiting_transcribed(list)`` after the waiting recordings got their text."""

    recording_recovered = Signal(object)
    waiting_transcribed = Signal(object)

    def __init__(self, session: UiSession, models: SpeechModelHolder, parent: QWidget,
                 progress_bar: QProgressBar | None = None) -> None:
        super().__init__(parent)
        self.session, self.models, self.parent_widget = session, models, parent
        self.question: QMessageBox | None = None
        self.progress_bar = progress_bar or QProgressBar()
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setMaximumWidth(220)
        self.progress_bar.setAccessibleName(self.tr("Utskrift av väntande inspelningar"))
        self.progress_bar.hide()
        self.relay = ProgressRelay(self)
        self.relay.progress_changed.connect(self.progress_bar.setValue)
        self._unfinished: list[RecordingInfo] = []
        models.model_loaded.connect(self._on_models_model_loaded)

    # -- recovery ----------------------------------------------------------------------------

    def check_unfinished(self) -> None:
        (self.session.tasks.op(recording.unfinished, self.session.ctx)
         .success(self._on_unfinished_found).owned_by(self).run())

    @Slot(object)
    def _on_unfinished_found(self, found: list[RecordingInfo]) -> None:
        self._unfinished = list(found)
        self._ask_next_recovery()

    def _ask_next_recovery(self) -> None:
        if not self._unfinished:
            return
        info = self._unfinished[0]
        text = self.tr("En inspelning avbröts oväntat (startad {when}). Det som hann sparas "
                       "finns kvar. Vill du återställa den?").format(
            when=formatting.local(info.started_at))
        self._ask(self.tr("Återställ inspelning"), text, self._on_recovery_answered)

    def _on_recovery_answered(self, yes: bool) -> None:
        info = self._unfinished.pop(0)
        if yes:
            (self.session.tasks.op(recording.recover, self.session.ctx, info.id)
             .success(self._on_recovered).owned_by(self).run())
        else:
            self._ask_next_recovery()

    @Slot(object)
    def _on_recovered(self, info: RecordingInfo) -> None:
        self.recording_recovered.emit(info)
        self._ask_next_recovery()

    # -- waiting recordings ------------------------------------------------------------------

    @Slot(str)
    def _on_models_model_loaded(self, _model_id: str) -> None:
        (self.session.tasks.op(recording.awaiting_transcription, self.session.ctx)
         .success(self._on_waiting_found).owned_by(self).run())

    @Slot(object)
    def _on_waiting_found(self, waiting: list[RecordingInfo]) -> None:
        if not waiting or self.question is not None:
            return
        text = self.tr("Det finns %n inspelning(ar) som väntar på utskrift. Vill du skriva ut "
                       "nu?", "", len(waiting))
        self._ask(self.tr("Skriv ut väntande inspelningar"), text, self._on_waiting_answered)

    def _on_waiting_answered(self, yes: bool) -> None:
        if yes:
            self.transcribe_waiting()

    def transcribe_waiting(self) -> None:
        model = self.models.model
        if model is None:
            return
        self.relay.reset()
        self.progress_bar.setValue(0)
        self.progress_bar.show()
        (self.session.background.op(live.transcribe_waiting, self.session.ctx, model,
                                    self.relay.report)
         .success(self._on_waiting_done).failure(self._on_waiting_failed).owned_by(self).run())

    @Slot(object)
    def _on_waiting_done(self, done: list[RecordingInfo]) -> None:
        self.progress_bar.hide()
        self.waiting_transcribed.emit(done)

    @Slot(object)
    def _on_waiting_failed(self, exc: BaseException) -> None:
        self.progress_bar.hide()
        present_error(self.parent_widget, exc)

    # -- helpers -----------------------------------------------------------------------------

    def _ask(self, title: str, text: str, answered: Callable[[bool], None]) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, title, text,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                          self.parent_widget)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Ja"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Inte nu"))

        def finished(_result: int) -> None:
            yes = box.clickedButton() is box.button(QMessageBox.StandardButton.Yes)
            self.question = None
            box.deleteLater()
            answered(yes)

        box.finished.connect(finished)
        self.question = box
        box.open()
