"""The visit view ("Besök"): consent, live recording and transcription, the transcript linked to
audio, import of recordings, crash recovery, the model manager and Vosk dictation for review.

``ui.features`` calls ``install(window)`` once per main window and hands the returned
extension's ``review_dictation`` to the review package.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Slot

from app.dto import VisitInfo
from app.live import SourceFactory
from app.playback import Player
from app.recording import RecordingInfo
from app.settings import Settings
from ui.extensions import VisitAction
from ui.main_window import MainWindow
from ui.review.dictation import DictationProvider
from ui.session import UiSession
from ui.settings_dialog import register_page
from ui.visit.model_holder import SpeechModelHolder
from ui.visit.model_manager import ModelManagerWidget
from ui.visit.review_dictation import VoskDictationProvider
from ui.visit.startup_offers import StartupOffers
from ui.visit.transcript_widget import TranscriptWidget
from ui.visit.visit_page import VisitPageWidget

__all__ = ["ModelManagerWidget", "SpeechModelHolder", "TranscriptWidget", "VisitExtension",
           "VisitPageWidget", "install"]


class VisitExtension(QObject):
    """What ``install`` adds to one main window; found again with ``VisitExtension.of``."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.session: UiSession = window.session
        self.models = SpeechModelHolder.of(self.session)
        self.pages: dict[str, VisitPageWidget] = {}
        self.source_factory: SourceFactory | None = None  # None: the microphone (tests inject)
        self.player: Player | None = None  # None: the loudspeaker
        self.offers = StartupOffers(self.session, self.models, window)
        window.statusBar().addPermanentWidget(self.offers.progress_bar)
        self.offers.recording_recovered.connect(self._on_offers_recording_recovered)
        self.offers.waiting_transcribed.connect(self._on_offers_waiting_transcribed)
        window.visit_open_requested.connect(self.open_visit)
        window.settings_changed.connect(self._on_window_settings_changed)
        window.installEventFilter(self)

    @classmethod
    def of(cls, window: MainWindow) -> VisitExtension | None:
        return window.findChild(VisitExtension)

    def review_dictation(self) -> DictationProvider | None:
        """Dictated comments for the review kiosk, when a speech model is loaded (else None:
        the kiosk offers typing only). The kiosk shuts the provider down when it closes."""
        if not self.models.ready:
            return None
        if self.source_factory is not None:
            return VoskDictationProvider(self.models, self.source_factory)
        return VoskDictationProvider(self.models)

    @Slot(str)
    def open_visit(self, visit_id: str) -> VisitPageWidget:
        page = self.pages.get(visit_id)
        if page is None or not shiboken6.isValid(page):
            if self.source_factory is not None:
                page = VisitPageWidget(self.session, visit_id, self.models,
                                       source_factory=self.source_factory, player=self.player)
            else:
                page = VisitPageWidget(self.session, visit_id, self.models, player=self.player)
            page.close_requested.connect(lambda p=page: self._close_page(p))
            page.note_requested.connect(self._on_page_note_requested)
            page.destroyed.connect(lambda _=None, v=visit_id: self.pages.pop(v, None))
            self.pages[visit_id] = page
        self.window.case_view.open_page(page, QCoreApplication.translate("VisitExtension", "Besök"))
        return page

    def _close_page(self, page: VisitPageWidget) -> None:
        if page.recorder.state == "stopping":
            # The tail is still being decoded: leave the page running out of sight (reopening
            # the visit shows it again) and close it when the recording is saved.
            self.window.case_view.hide_page(page)
            page.recorder.recording_stopped.connect(
                lambda _info, p=page: self._on_background_page_saved(p))
            self.window.statusBar().showMessage(QCoreApplication.translate(
                "VisitExtension", "Inspelningen sparas i bakgrunden…"))
            return
        page.shutdown()
        self.pages.pop(page.visit_id, None)
        self.window.case_view.close_page(page)

    def _on_background_page_saved(self, page: VisitPageWidget) -> None:
        self.window.statusBar().showMessage(QCoreApplication.translate(
            "VisitExtension", "Inspelningen är sparad."), 10_000)
        if shiboken6.isValid(page) and not self.window.case_view.is_showing(page):
            page.shutdown()
            self.pages.pop(page.visit_id, None)
            self.window.case_view.close_page(page)

    @Slot(str, str)
    def _on_page_note_requested(self, visit_id: str, body: str) -> None:
        self.window.case_view.open_note_editor(visit_id=visit_id, body=body)

    @Slot(object)
    def _on_offers_recording_recovered(self, info: RecordingInfo) -> None:
        if info.case_id:
            self.window.case_view.show_case(info.case_id)
        self.open_visit(info.visit_id)

    @Slot(object)
    def _on_offers_waiting_transcribed(self, done: list[RecordingInfo]) -> None:
        for info in done:
            page = self.pages.get(info.visit_id)
            if page is not None and shiboken6.isValid(page):
                page.reload()

    @Slot(object, object)
    def _on_window_settings_changed(self, old: Settings, new: Settings) -> None:
        if (old.model_engine, old.model_name) != (new.model_engine, new.model_name):
            self.models.reload()

    def shutdown(self) -> None:
        """Stop every running recording (its tail is saved) before the window goes."""
        for page in list(self.pages.values()):
            if shiboken6.isValid(page):
                page.shutdown()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.shutdown()
        return False


def install(window: MainWindow) -> VisitExtension:
    """Add "Öppna besöket" and "Importera inspelning…" to the visit list, open the visit page
    on ``visit_open_requested``, register the model manager in the settings, start loading the
    speech model and offer to recover a recording that was cut off. The returned extension's
    ``review_dictation`` is the review kiosk's dictation factory (see ``ui.features``)."""
    extension = VisitExtension(window)

    def open_visit(_session: UiSession, visit: VisitInfo) -> None:
        extension.open_visit(visit.id)

    def import_recording(_session: UiSession, visit: VisitInfo) -> None:
        extension.open_visit(visit.id).choose_import_file()

    window.visit_actions.add(VisitAction("visit-open", _label_open, open_visit))
    window.visit_actions.add(VisitAction("visit-import", _label_import, import_recording))
    register_page(_settings_page)
    extension.models.ensure_loaded()
    extension.offers.check_unfinished()
    return extension


def _label_open() -> str:
    return QCoreApplication.translate("VisitExtension", "Öppna besöket")


def _label_import() -> str:
    return QCoreApplication.translate("VisitExtension", "Importera inspelning…")


def _settings_page(session: UiSession) -> ModelManagerWidget:
    return ModelManagerWidget(session, SpeechModelHolder.of(session))
