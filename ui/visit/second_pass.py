""""Förbättra utskriften": the KB-Whisper second pass over a recording, with progress, an
estimate of the time left and cancel, on the long-work queue (the window stays usable; the
decoding itself runs in a worker process at low priority).

Threading contract: ``start`` is called on the GUI thread; the pass runs on
``session.background``; progress arrives through a ``ProgressRelay`` (queued to this widget);
cancel sets a ``threading.Event`` the pass polls. ``improved(recording_id)`` is emitted on the
GUI thread when the accuracy transcript is stored.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QWidget,
)

from app import second_pass
from app.context import Context
from app.dto import TranscriptInfo
from app.settings import Settings
from ui.errors import route_error
from ui.session import UiSession
from ui.visit.progress import ProgressRelay

Runner = Callable[[Context, str, Callable[[float], None], threading.Event], TranscriptInfo | None]


def _run(ctx: Context, recording_id: str, progress: Callable[[float], None],
         cancel: threading.Event) -> TranscriptInfo | None:
    return second_pass.run_second_pass(ctx, recording_id, progress, cancel)


class ImproveTranscriptWidget(QWidget):
    """A button that runs the second pass on one recording, then shows its progress."""

    improved = Signal(str)

    def __init__(self, session: UiSession, *, runner: Runner = _run,
                 clock: Callable[[], float] = time.monotonic,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.runner, self.clock = session, runner, clock
        self.recording_id: str | None = None
        self.running_id: str | None = None
        self.audio_here = True  # the recording's audio is on this laptop (not deleted, not a
        # colleague's): only then can it be transcribed again
        self.cancel_event = threading.Event()
        self.relay = ProgressRelay(self)
        self.relay.progress_changed.connect(self._on_relay_progress_changed)
        self._started_at = 0.0
        self._first_percent: tuple[float, int] | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.button = QPushButton(self.tr("Förbättra utskriften"))
        self.button.setToolTip(self.tr(
            "Skriver ut inspelningen en gång till med en noggrannare modell (KB-Whisper). "
            "Dina ändringar i anteckningen skrivs aldrig över."))
        self.button.clicked.connect(self._on_button_clicked)
        self.bar = QProgressBar()
        self.bar.setRange(0, 100)
        self.bar.setAccessibleName(self.tr("Förbättring av utskriften"))
        self.time_left = QLabel()
        self.cancel_button = QPushButton(self.tr("Avbryt"))
        self.cancel_button.clicked.connect(self.cancel)
        self.message = QLabel()
        self.message.setWordWrap(True)
        for widget in (self.button, self.bar, self.time_left, self.cancel_button, self.message):
            layout.addWidget(widget)
        layout.addStretch(1)
        self._show_running(False)
        self.message.hide()

    @property
    def running(self) -> bool:
        return self.running_id is not None

    def set_recording(self, recording_id: str | None, audio_here: bool = True) -> None:
        self.recording_id, self.audio_here = recording_id, audio_here
        self._enable(self.running)

    def _enable(self, running: bool) -> None:
        self.button.setEnabled(self.recording_id is not None and self.audio_here
                               and not running)
        self.button.setToolTip(self.tr(
            "Skriver ut inspelningen en gång till med en noggrannare modell (KB-Whisper). "
            "Dina ändringar i anteckningen skrivs aldrig över.") if self.audio_here else
            self.tr("Ljudet finns inte på den här datorn, så utskriften kan inte göras om."))

    def start_after_stop(self, recording_id: str) -> None:
        """Called when a recording stops: start by itself if the setting says so."""
        self.set_recording(recording_id)
        if self.session.ctx.settings.second_pass_auto and not self.running:
            self.start()

    @Slot(object)
    def on_recording_stopped(self, info: object) -> None:
        """The live recorder's ``recording_stopped(RecordingInfo | None)``."""
        recording_id = getattr(info, "id", None)
        if isinstance(recording_id, str):
            self.start_after_stop(recording_id)

    def start(self) -> None:
        if self.recording_id is None or self.running:
            return
        self.running_id = self.recording_id
        self.cancel_event = threading.Event()
        self.relay.reset()
        self._started_at, self._first_percent = self.clock(), None
        self.message.hide()
        self.bar.setValue(0)
        self.time_left.setText(self.tr("Startar …"))
        self._show_running(True)
        (self.session.background.op(self.runner, self.session.ctx, self.running_id,
                                    self.relay.report, self.cancel_event)
         .success(self._on_pass_done).failure(self._on_pass_failed).owned_by(self).run())

    @Slot()
    def cancel(self) -> None:
        self.cancel_event.set()
        self.time_left.setText(self.tr("Avbryter …"))

    def estimate(self, percent: int) -> str:
        """Time left from the pace since the first progress (the model load is not work)."""
        now = self.clock()
        if percent <= 0:
            return self.tr("Läser in modellen …")
        if self._first_percent is None:
            self._first_percent = (now, percent)
            return self.tr("Beräknar tid kvar …")
        since, first = self._first_percent
        if percent <= first or now <= since:
            return self.tr("Beräknar tid kvar …")
        left = (now - since) / (percent - first) * (100 - percent)
        if left < 60:
            return self.tr("Under en minut kvar")
        return self.tr("Cirka %n min kvar", "", round(left / 60))

    @Slot(int)
    def _on_relay_progress_changed(self, percent: int) -> None:
        if not self.running:
            return
        self.bar.setValue(percent)
        if not self.cancel_event.is_set():
            self.time_left.setText(self.estimate(percent))

    @Slot()
    def _on_button_clicked(self) -> None:
        self.start()

    @Slot(object)
    def _on_pass_done(self, _info: TranscriptInfo | None) -> None:
        done = self.running_id
        self.running_id = None
        self._show_running(False)
        self._show_message(self.tr("Utskriften är förbättrad."))
        if done is not None:
            self.improved.emit(done)

    @Slot(object)
    def _on_pass_failed(self, exc: BaseException) -> None:
        self.running_id = None
        self._show_running(False)
        route_error(self, exc, self._show_message,
                    bug_text=self.tr("Utskriften kunde inte förbättras."))

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def _show_running(self, running: bool) -> None:
        self.button.setVisible(not running)
        self._enable(running)
        for widget in (self.bar, self.time_left, self.cancel_button):
            widget.setVisible(running)



class SecondPassSettingsPage(QWidget):
    """The settings page (``ui.settings_dialog.SettingsPage``): which KB-Whisper model, and
    whether the second pass starts by itself after Stop."""

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        settings = session.ctx.settings
        self.auto = QCheckBox(self.tr("Förbättra utskriften automatiskt efter Stopp"))
        self.auto.setChecked(settings.second_pass_auto)
        self.model = QComboBox()
        self.model.setAccessibleName(self.tr("Modell för förbättrad utskrift"))
        self.model.addItem(self.tr("Den rekommenderade"), "")
        self._chosen = settings.second_pass_model
        self._listed = False
        form = QFormLayout(self)
        form.addRow(self.auto)
        form.addRow(self.tr("Modell"), self.model)
        (session.tasks.op(second_pass.installed_models, session.ctx)
         .success(self._on_models_listed).owned_by(self).run())

    def title(self) -> str:
        return self.tr("Förbättrad utskrift (KB-Whisper)")

    def widget(self) -> QWidget:
        return self

    def apply(self, settings: Settings) -> Settings:
        settings = replace(settings, second_pass_auto=self.auto.isChecked())
        chosen = str(self.model.currentData() or "")
        # Only a change made here: the model page ("Talmodeller") chooses the model too.
        if self._listed and chosen != self._chosen:
            settings = replace(settings, second_pass_model=chosen)
        return settings

    @Slot(object)
    def _on_models_listed(self, names: list[str]) -> None:
        for name in names:
            self.model.addItem(name, name)
        index = self.model.findData(self._chosen)
        self.model.setCurrentIndex(max(0, index))
        self._listed = True


def settings_page(session: UiSession) -> SecondPassSettingsPage:
    return SecondPassSettingsPage(session)
