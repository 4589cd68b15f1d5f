"""The one shared speech model of the process, loaded in the background on first use.

Threading contract: ``SpeechModelHolder`` lives on the GUI thread. Loading runs on the
``TaskManager`` worker (``app.transcription.load_active_model``); the result comes back on the
GUI thread, so ``model`` is only ever read and written there. The loaded ``SpeechModel`` is
safe to share: every recording and dictation makes its own recognizer on its own thread.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from app import transcription
from app.errors import UserError
from speech.engine import RecognizerFactory
from speech.modelstore import InstalledModel
from ui.session import UiSession
from ui.tasks import TaskManager

NO_MODEL_MESSAGE = ("Ingen talmodell är installerad – ljudet sparas och skrivs ut när en "
                    "modell finns")


class SpeechModelHolder(QObject):
    """Loads the active model once and shares it. ``state`` is one of "idle", "loading",
    "ready", "missing", "failed"."""

    model_loaded = Signal(str)  # model id (folder name)
    model_missing = Signal(str)  # a Swedish message
    model_load_failed = Signal(str)  # a Swedish message

    def __init__(self, session: UiSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model: RecognizerFactory | None = None
        self.model_id = ""
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

    def ensure_loaded(self) -> None:
        """Start loading unless a model is loaded, loading, or known to be missing."""
        if self.state in ("idle", "failed"):
            self.reload()

    def reload(self) -> None:
        """Load the model chosen in the settings now (after an install, import or choice)."""
        if self.state == "loading":
            return
        self.state = "loading"
        self.session.tasks.run(transcription.load_active_model, self.session.ctx,
                               on_success=self._on_load_succeeded,
                               on_failure=self._on_load_failed, owner=self)

    def set_model(self, model: RecognizerFactory | None, model_id: str = "") -> None:
        """Use ``model`` (tests, or a model loaded elsewhere); None means "none installed"."""
        if model is None:
            self.model, self.model_id, self.state = None, "", "missing"
            self.message = NO_MODEL_MESSAGE
            self.model_missing.emit(self.message)
            return
        self.model, self.model_id, self.state, self.message = model, model_id, "ready", ""
        self.model_loaded.emit(model_id)

    @Slot(object)
    def _on_load_succeeded(self, result: tuple[InstalledModel, Any]) -> None:
        installed, model = result
        self.state = "idle"
        self.set_model(model, installed.name)

    @Slot(object)
    def _on_load_failed(self, exc: BaseException) -> None:
        self.state = "idle"
        if transcription.active_model(self.session.ctx) is None:
            self.set_model(None)
            return
        self.model, self.model_id, self.state = None, "", "failed"
        self.message = exc.message if isinstance(exc, UserError) else str(exc)
        self.model_load_failed.emit(self.message)
