"""The whole review from a note: prepare, start dialog, kiosk, summary back to the caller.

Threading contract: GUI thread only; service calls go through the shell's ``TaskManager``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QWidget

from app import review
from app.context import Context
from app.review import ReviewPlan, ReviewSummary
from ui.errors import present_error
from ui.review.dictation import DictationProvider
from ui.review.kiosk_window import ReviewKioskWindow
from ui.review.speech import Speaker, default_speaker
from ui.review.start_dialog import ReviewStartDialog
from ui.tasks import TaskManager

# Flows in progress: the kiosk has no parent (it must cover everything), so something must
# hold it until the caseworker unlocks.
_active: set[ReviewFlow] = set()

DictationFactory = Callable[[], "DictationProvider | None"]
DICTATION_FACTORY = "review_dictation_factory"


def set_dictation_factory(window: QWidget, factory: DictationFactory | None) -> None:
    """Let another package (the visit package, which owns the speech model) offer dictated
    comments in the reviews started from ``window``: ``factory()`` returns a provider, or
    None when no model is ready. A provider made this way is shut down when its review ends."""
    setattr(window, DICTATION_FACTORY, factory)


def _dictation_from(parent: QWidget) -> DictationProvider | None:
    factory: DictationFactory | None = getattr(parent.window(), DICTATION_FACTORY, None)
    return factory() if factory is not None else None


class ReviewFlow:
    """One review from start dialog to completed summary. Use ``start_review_flow``."""

    def __init__(self, parent: QWidget, ctx: Context, note_id: str, tasks: TaskManager, *,
                 speaker: Speaker | None = None, dictation: DictationProvider | None = None,
                 on_completed: Callable[[ReviewSummary], None] | None = None,
                 on_cancelled: Callable[[], None] | None = None,
                 on_kiosk_shown: Callable[[bool], None] | None = None) -> None:
        self.parent, self.ctx, self.note_id, self.tasks = parent, ctx, note_id, tasks
        self.speaker, self.dictation = speaker, dictation
        self._owns_speaker = speaker is None
        self._owns_dictation = False
        self.on_completed, self.on_cancelled = on_completed, on_cancelled
        self.on_kiosk_shown = on_kiosk_shown
        self.dialog: ReviewStartDialog | None = None
        self.kiosk: ReviewKioskWindow | None = None
        self.summary: ReviewSummary | None = None

    def begin(self) -> None:
        _active.add(self)
        self.tasks.run(review.prepare, self.ctx, self.note_id, on_success=self._on_prepared,
                       on_failure=self._on_failed, owner=self.parent)

    def _on_prepared(self, plan: object) -> None:
        assert isinstance(plan, ReviewPlan)
        self.dialog = ReviewStartDialog(self.ctx, self.tasks, plan, self.parent)
        self.dialog.finished.connect(self._on_dialog_finished)
        self.dialog.open()

    def _on_dialog_finished(self, result: int) -> None:
        dialog, self.dialog = self.dialog, None
        assert dialog is not None
        session = dialog.session if result == QDialog.DialogCode.Accepted else None
        # The dialog lists every passage, hidden ones too: it must be gone before the kiosk.
        dialog.hide()
        dialog.deleteLater()
        if session is None:
            self._finish()
            if self.on_cancelled is not None:
                self.on_cancelled()
            return
        if self.speaker is None:
            self.speaker = default_speaker()
        if self.dictation is None:
            self.dictation = _dictation_from(self.parent)
            self._owns_dictation = self.dictation is not None
        self.kiosk = ReviewKioskWindow(self.ctx, session, self.tasks, speaker=self.speaker,
                                       dictation=self.dictation,
                                       font_pt=self.ctx.settings.review_font_pt)
        self.kiosk.review_completed.connect(self._on_kiosk_review_completed)
        if self.on_kiosk_shown is not None:
            self.on_kiosk_shown(True)
        self.kiosk.start()

    def _on_kiosk_review_completed(self, summary: object) -> None:
        assert isinstance(summary, ReviewSummary)
        self.summary = summary
        if self.on_kiosk_shown is not None:
            self.on_kiosk_shown(False)
        if self.kiosk is not None:
            self.kiosk.deleteLater()
        self._finish()
        if self.on_completed is not None:
            self.on_completed(summary)

    def _on_failed(self, exc: BaseException) -> None:
        self._finish()
        present_error(self.parent, exc)

    def _finish(self) -> None:
        if self._owns_dictation and self.dictation is not None:
            shutdown = getattr(self.dictation, "shutdown", None)
            if shutdown is not None:
                shutdown()
            self.dictation.deleteLater()
            self.dictation = None
        if self._owns_speaker and self.speaker is not None:
            self.speaker.shutdown()
            self.speaker.deleteLater()
            self.speaker = None
        _active.discard(self)


def start_review_flow(parent: QWidget, ctx: Context, note_id: str, tasks: TaskManager, *,
                      speaker: Speaker | None = None,
                      dictation: DictationProvider | None = None,
                      on_completed: Callable[[ReviewSummary], None] | None = None,
                      on_cancelled: Callable[[], None] | None = None,
                      on_kiosk_shown: Callable[[bool], None] | None = None) -> ReviewFlow:
    """Open "Gå igenom med familjen" for a note (draft or signed) and run the review.

    ``on_completed(summary)`` is called after the caseworker has unlocked and the kiosk has
    closed; ``on_kiosk_shown(True/False)`` brackets the kiosk (suspend the idle lock there).
    Without ``speaker`` the best Swedish voice of the computer is used.
    """
    flow = ReviewFlow(parent, ctx, note_id, tasks, speaker=speaker, dictation=dictation,
                      on_completed=on_completed, on_cancelled=on_cancelled,
                      on_kiosk_shown=on_kiosk_shown)
    flow.begin()
    return flow


def action_label() -> str:
    return QCoreApplication.translate("ReviewFlow", "Gå igenom med familjen")
