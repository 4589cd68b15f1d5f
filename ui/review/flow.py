"""The whole review from a note: prepare, start dialog, kiosk, summary back to the caller.

Threading contract: GUI thread only; service calls go through the shell's ``TaskManager``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QCoreApplication, SignalInstance
from PySide6.QtWidgets import QDialog, QWidget

from app import review
from app.context import Context
from app.review import ReviewPlan, ReviewSummary
from ui.errors import present_error
from ui.review.dictation import DictationFactory, DictationProvider
from ui.review.kiosk_window import ReviewKioskWindow
from ui.review.speech import Speaker, default_speaker
from ui.review.start_dialog import ReviewStartDialog
from ui.tasks import TaskManager

# Flows in progress: the kiosk has no parent (it must cover everything), so something must
# hold it until the caseworker unlocks.
_active: set[ReviewFlow] = set()


class AppLock(Protocol):
    """What the kiosk needs of the app's idle lock (``ui.idle_lock.IdleLock``)."""

    @property
    def unlocked(self) -> SignalInstance: ...

    def lock_now(self) -> None: ...


class ReviewFlow:
    """One review from start dialog to completed summary. Use ``start_review_flow``."""

    def __init__(self, parent: QWidget, ctx: Context, note_id: str, tasks: TaskManager, *,
                 speaker: Speaker | None = None, dictation: DictationProvider | None = None,
                 dictation_factory: DictationFactory | None = None,
                 on_completed: Callable[[ReviewSummary], None] | None = None,
                 on_cancelled: Callable[[], None] | None = None,
                 on_kiosk_shown: Callable[[bool], None] | None = None,
                 lock: AppLock | None = None) -> None:
        self.parent, self.ctx, self.note_id, self.tasks = parent, ctx, note_id, tasks
        self.lock = lock
        self.speaker, self.dictation = speaker, dictation
        self.dictation_factory = dictation_factory
        self._owns_speaker = speaker is None
        self._owns_dictation = False
        self.on_completed, self.on_cancelled = on_completed, on_cancelled
        self.on_kiosk_shown = on_kiosk_shown
        self.dialog: ReviewStartDialog | None = None
        self.kiosk: ReviewKioskWindow | None = None
        self.summary: ReviewSummary | None = None

    def begin(self) -> None:
        _active.add(self)
        (self.tasks.op(review.prepare, self.ctx, self.note_id).success(self._on_prepared)
         .failure(self._on_failed).owned_by(self.parent).run())

    def _on_prepared(self, plan: ReviewPlan) -> None:
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
        if self.dictation is None and self.dictation_factory is not None:
            self.dictation = self.dictation_factory()
            self._owns_dictation = self.dictation is not None
        self.kiosk = ReviewKioskWindow(self.ctx, session, self.tasks, speaker=self.speaker,
                                       dictation=self.dictation,
                                       font_pt=self.ctx.settings.review_font_pt)
        self.kiosk.review_completed.connect(self._on_kiosk_review_completed)
        self.kiosk.idle_timed_out.connect(self._on_kiosk_idle_timed_out)
        if self.on_kiosk_shown is not None:
            self.on_kiosk_shown(True)
        self.kiosk.start()

    def _on_kiosk_idle_timed_out(self) -> None:
        """Nobody has touched the kiosk for long: the family has left the laptop. The kiosk
        hides (answers saved) and the app locks to its password prompt; the caseworker's
        password brings the kiosk back where it was."""
        if self.lock is None or self.kiosk is None:
            return
        self.kiosk.suspend()
        self.lock.unlocked.connect(self._on_lock_unlocked)
        self.lock.lock_now()

    def _on_lock_unlocked(self) -> None:
        if self.lock is not None:
            self.lock.unlocked.disconnect(self._on_lock_unlocked)
        if self.kiosk is not None:
            self.kiosk.resume()

    def _on_kiosk_review_completed(self, summary: ReviewSummary) -> None:
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
            self.dictation.shutdown()
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
                      dictation_factory: DictationFactory | None = None,
                      on_completed: Callable[[ReviewSummary], None] | None = None,
                      on_cancelled: Callable[[], None] | None = None,
                      on_kiosk_shown: Callable[[bool], None] | None = None,
                      lock: AppLock | None = None) -> ReviewFlow:
    """Open "Gå igenom med familjen" for a note (draft or signed) and run the review.

    ``on_completed(summary)`` is called after the caseworker has unlocked and the kiosk has
    closed; ``on_kiosk_shown(True/False)`` brackets the kiosk (suspend the idle lock there).
    Without ``speaker`` the best Swedish voice of the computer is used. Dictated own words come
    from ``dictation`` (the caller's, kept) or else from ``dictation_factory()`` when the kiosk
    opens (made for this review and shut down when it ends); with neither, the kiosk has none.
    With ``lock`` (the app's idle lock) a kiosk left untouched for the review idle time locks
    the app; without it the kiosk stays.
    """
    flow = ReviewFlow(parent, ctx, note_id, tasks, speaker=speaker, dictation=dictation,
                      dictation_factory=dictation_factory,
                      on_completed=on_completed, on_cancelled=on_cancelled,
                      on_kiosk_shown=on_kiosk_shown, lock=lock)
    flow.begin()
    return flow


def action_label() -> str:
    return QCoreApplication.translate("ReviewFlow", "Gå igenom med familjen")
