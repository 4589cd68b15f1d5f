"""The one shared speech model of the process, loaded in the background on first use.

Threading contract: ``SpeechModelHolder`` lives on the GUI thread. Loading runs on the
session's long-work queue (``session.background``: ``app.speech_models.load_active``), so
opening a case or saving a note never waits behind it; the result comes back on the GUI
thread, so ``model`` is only ever read and written there. The loaded model is safe to share:
every recording and dictation makes its own recognizer on its own thread.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

from app import speech_models
from app.speech_models import EngineModel, LoadedModel
from ui.errors import route_error, user_message
from ui.session import UiSession
from ui.tasks import TaskManager


def no_model_message() -> str:
    """Recording without a model, translated: the one text the holder and the visit page say."""
    return QCoreApplication.translate(speech_models.MESSAGES, speech_models.NO_MODEL)


def no_dictation_model_message() -> str:
    """Dictation without a model, translated (the kiosk's "Dina egna ord")."""
    return QCoreApplication.translate(speech_models.MESSAGES, speech_models.NO_DICTATION_MODEL)


class SpeechModelHolder(QObject):
    """Loads the active model once and shares it. ``state`` is one of "idle", "loading",
    "ready", "missing", "failed"."""

    model_loaded = Signal(str)  # model id (folder name)
    model_missing = Signal(str)  # a Swedish message
    model_load_failed = Signal(str)  # a Swedish message

    def __init__(self, session: UiSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model: LoadedModel | None = None
        self.state = "idle"
        self.message = ""

    @classmethod
    def of(cls, session: UiSession) -> SpeechModelHolder:
        """The holder of this session, made on first use; it lives as long as the task
        manager (the process), so a window rebuilt for a language change keeps the model."""
        tasks: TaskManager = session.tasks
        for child in tasks.findChildren(SpeechModelHolder):
            if child.session.ctx is session.ctx:
                return child
            child.setParent(None)  # another user logged in meanwhile: forget the old one
            child.deleteLater()
        return cls(session, tasks)

    @property
    def ready(self) -> bool:
        return self.model is not None

    @property
    def model_id(self) -> str:
        return self.model.model_id if self.model is not None else ""

    def ensure_loaded(self) -> None:
        """Start loading unless a model is loaded, loading, or known to be missing."""
        if self.state in ("idle", "failed"):
            self.reload()

    def reload(self) -> None:
        """Load the model chosen in the settings now (after an install, import or choice)."""
        if self.state == "loading":
            return
        self.state = "loading"
        (self.session.background.op(speech_models.load_active, self.session.ctx)
         .success(self._on_load_succeeded).failure(self._on_load_failed).owned_by(self).run())

    def set_model(self, model: EngineModel | None, model_id: str = "") -> None:
        """Use ``model`` (tests, or a model loaded elsewhere); None means "none installed"."""
        self.use(LoadedModel(model_id, model) if model is not None else None)

    def use(self, loaded: LoadedModel | None) -> None:
        if loaded is None:
            self.model, self.state, self.message = None, "missing", no_model_message()
            self.model_missing.emit(self.message)
            return
        self.model, self.state, self.message = loaded, "ready", ""
        self.model_loaded.emit(loaded.model_id)

    @Slot(object)
    def _on_load_succeeded(self, loaded: LoadedModel | None) -> None:
        self.state = "idle"
        self.use(loaded)

    @Slot(object)
    def _on_load_failed(self, exc: BaseException) -> None:
        """A known error keeps its Swedish text; a bug is logged and offers "copy details"."""
        route_error(None, exc, self._fail, bug_text=user_message(exc))

    def _fail(self, message: str) -> None:
        self.model, self.state, self.message = None, "failed", message
        self.model_load_failed.emit(message)
