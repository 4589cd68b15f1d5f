"""The review kiosk: a full-screen window that shows only the chosen passages and can only be
left by the caseworker who started it, with their password or own review PIN.

While it is up the clipboard is empty and its fields take no paste or drop (see
``guarded_edits``), every other screen is covered (``screen_cover``), and after
``review_idle_lock_minutes`` without a touch it emits ``idle_timed_out`` so that the app locks.

Threading contract: lives on the GUI thread. Every service call (saving an answer, checking
the password, completing the review) goes through the ``TaskManager``; results come back on
the GUI thread. Answers are saved one by one in the order given (the manager is serial).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import review, review_unlock
from app.context import Context
from app.review import ReviewSession, ReviewSummary
from app.review_unlock import PinState, UnlockAttempt
from ui.errors import route_error
from ui.review.answers import Answer, AnswerBook, AnswerKey, AnswerState
from ui.review.dictation import DictationProvider
from ui.review.guarded_edits import clear_clipboard
from ui.review.kiosk_media import KioskMedia
from ui.review.passage_page import PassagePageWidget
from ui.review.screen_cover import ScreenCovers
from ui.review.speech import Speaker
from ui.review.style import CHILD_FACTOR, STEP_PT, clamp_pt, control_pt, kiosk_stylesheet
from ui.review.summary_page import SummaryPageWidget
from ui.review.unlock_overlay import UnlockOverlayWidget
from ui.tasks import TaskManager

AUTOSAVE_MS = 1500
REASSERT_MS = 30
_INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin,
})


class ReviewKioskWindow(QWidget):
    """Full screen, one passage at a time; ``review_completed`` when the caseworker unlocks."""

    review_completed = Signal(object)  # ReviewSummary
    idle_timed_out = Signal()

    def __init__(self, ctx: Context, session: ReviewSession, tasks: TaskManager, *,
                 speaker: Speaker, dictation: DictationProvider | None = None,
                 font_pt: int = 32) -> None:
        super().__init__(None, Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint
                         | Qt.WindowType.WindowStaysOnTopHint)
        self.ctx, self.session, self.tasks = ctx, session, tasks
        self.child = session.variant == "child"
        self.position = 0
        self.summary: ReviewSummary | None = None
        self._unlocked = False
        self._suspended = False
        self._answers = AnswerBook()
        self.respondent: int | None = None  # the slot in session.respondents answering now
        self._base_pt = font_pt
        self.setObjectName("reviewKiosk")
        self.setWindowTitle(self.tr("Samskriv – genomgång"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._build(dictation is not None)
        self.media = KioskMedia(self.page, speaker, dictation,
                                on_dictated=self._on_media_dictated)
        self._autosave = self._timer(AUTOSAVE_MS, self._on_autosave_timeout)
        self._reassert = self._timer(REASSERT_MS, self._on_reassert_timeout)
        self._idle = self._timer(ctx.settings.review_idle_lock_minutes * 60_000,
                                 self._on_idle_timeout)
        self.covers = ScreenCovers(self)
        if not speaker.is_available():
            self.page.set_read_aloud_missing()
        self._apply_font()

    def _build(self, can_dictate: bool) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(48, 12, 48, 28)
        top = QHBoxLayout()
        top.addStretch(1)
        self.exit_button = QPushButton(self.tr("Avsluta (handläggare)"))
        self.exit_button.setObjectName("exitKiosk")
        self.exit_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.exit_button.clicked.connect(self._on_exit_button_clicked)
        top.addWidget(self.exit_button)
        root.addLayout(top)
        self.stack = QStackedWidget()
        self.page = PassagePageWidget(child=self.child, total=len(self.session.passages),
                                      can_dictate=can_dictate)
        self.page.set_respondents([p.name for p in self.session.respondents])
        self.summary_page = SummaryPageWidget(child=self.child)
        self.stack.addWidget(self.page)
        self.stack.addWidget(self.summary_page)
        root.addWidget(self.stack, 1)
        self.overlay = UnlockOverlayWidget(self)
        p = self.page
        p.outcome_chosen.connect(self._on_page_outcome_chosen)
        p.previous_requested.connect(self._on_page_previous_requested)
        p.next_requested.connect(self._on_page_next_requested)
        p.text_size_step_requested.connect(self._on_page_text_size_step_requested)
        p.own_words_edited.connect(self._on_page_own_words_edited)
        p.respondent_chosen.connect(self._on_page_respondent_chosen)
        self.summary_page.back_requested.connect(self._on_summary_page_back_requested)
        self.summary_page.done_requested.connect(self._on_summary_page_done_requested)
        self.overlay.secret_submitted.connect(self._on_overlay_secret_submitted)
        self.overlay.cancelled.connect(self._on_overlay_cancelled)

    def _timer(self, ms: int, slot: object) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(ms)
        timer.timeout.connect(slot)
        return timer

    # -- public -------------------------------------------------------------------------

    def start(self) -> None:
        """Empty the clipboard, show the first passage full screen and cover other screens."""
        clear_clipboard()
        self._show_position(0)
        self._cover_screens()
        self.page.text_view.setFocus()

    def set_idle_ms(self, ms: int) -> None:
        self._idle.setInterval(max(ms, 1))
        if self._idle.isActive():
            self._idle.start()

    def suspend(self) -> None:
        """The app locks (idle): save what is typed, hide the kiosk and the covers."""
        if self._unlocked or self._suspended:
            return
        if self.stack.currentWidget() is self.page:
            self._leave_passage()
        self.media.stop()
        self._suspended = True
        self._stop_watching()
        self.overlay.hide()
        self.stack.setEnabled(True)
        self.hide()

    def resume(self) -> None:
        """The caseworker unlocked the app: the kiosk comes back where it was."""
        if not self._suspended or self._unlocked:
            return
        self._suspended = False
        clear_clipboard()
        self._cover_screens()

    @property
    def unlocked(self) -> bool:
        return self._unlocked

    @property
    def suspended(self) -> bool:
        return self._suspended

    def _cover_screens(self) -> None:
        self._fill_screen()
        self.raise_()
        self.activateWindow()
        self.covers.show()
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)
        self._idle.start()

    def _stop_watching(self) -> None:
        self._reassert.stop()
        self._idle.stop()
        self.covers.hide()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() in _INPUT_EVENTS and self._idle.isActive():
            self._idle.start()
        return False

    @Slot()
    def _on_idle_timeout(self) -> None:
        if not self._unlocked and not self._suspended:
            self.idle_timed_out.emit()

    def font_pt(self) -> int:
        """The passage text size in points (the child variant is larger)."""
        return clamp_pt(round(self._base_pt * (CHILD_FACTOR if self.child else 1.0)))

    def answer(self, passage_index: int, respondent: int | None = None) -> AnswerState:
        return self._answers.get((passage_index, respondent)).state()

    # -- passages and answers -----------------------------------------------------------

    def _current_index(self) -> int:
        return self.session.passages[self.position].index

    def _current_key(self) -> AnswerKey:
        return (self._current_index(), self.respondent)

    def _current(self) -> Answer:
        return self._answers.get(self._current_key())

    def _show_position(self, position: int) -> None:
        self.position = position
        passage = self.session.passages[position]
        answer = self._current()
        self.media.reset()
        self.page.show_passage(position, passage, answer.outcome, answer.own_words)
        self.page.set_respondent(self.respondent)
        self.page.set_status("")
        self.stack.setCurrentWidget(self.page)

    def _take_own_words(self) -> None:
        self._current().own_words = self.page.own_words()

    def _save(self, key: AnswerKey) -> None:
        self._autosave.stop()
        answer = self._answers.get(key)
        if not answer.needs_saving():
            return
        state = answer.state()
        index, slot = key
        who = self.session.respondents[slot] if slot is not None else None
        (self.tasks.op(review.record_outcome, self.ctx, self.session.review_id, index,
                       state[0], state[1], input_method=state[2], respondent=who)
         .success(lambda _entry: self._on_saved(key, state))
         .failure(self._on_save_failed).owned_by(self).run())

    def _on_saved(self, key: AnswerKey, state: AnswerState) -> None:
        self._answers.get(key).saved = state
        if self.stack.currentWidget() is self.page and key == self._current_key():
            self.page.set_status(self.tr("Ditt svar är sparat."))

    def _on_save_failed(self, exc: BaseException) -> None:
        """A user error (the store is locked, the review was closed) is said on the page in
        Swedish; a bug goes to the presenter, which logs it and offers "Kopiera detaljer"."""
        route_error(self, exc, lambda message: self.page.set_status(
            self.tr("Svaret kunde inte sparas: {message}").format(message=message)))

    def _leave_passage(self) -> None:
        self.media.stop()
        self._take_own_words()
        self._save(self._current_key())

    @Slot(str)
    def _on_page_outcome_chosen(self, outcome: str) -> None:
        self._current().outcome = outcome
        self._take_own_words()
        self._save(self._current_key())
        if self.session.respondents and self.respondent is None:
            self.page.ask_respondent(True)  # saved; now gently ask whose answer it was

    @Slot(int)
    def _on_page_respondent_chosen(self, slot: int) -> None:
        """Child or guardian says who answers: their own answer to this passage is shown; an
        answer given before anyone was chosen becomes theirs."""
        if slot == self.respondent:
            return
        self._take_own_words()
        self._save(self._current_key())
        index = self._current_index()
        moved = self._answers.move_unattributed(index, slot)
        self.respondent = slot
        if moved:
            self._save((index, slot))
            self._save((index, None))
        answer = self._current()
        self.page.show_answer(answer.outcome, answer.own_words)
        self.page.set_respondent(slot)

    @Slot()
    def _on_page_own_words_edited(self) -> None:
        self._autosave.start()

    @Slot()
    def _on_autosave_timeout(self) -> None:
        if self.stack.currentWidget() is self.page:
            self._take_own_words()
            self._save(self._current_key())

    def _on_media_dictated(self) -> None:
        self._current().input_method = "dictated"
        self._autosave.start()

    @Slot()
    def _on_page_previous_requested(self) -> None:
        if self.position > 0:
            self._leave_passage()
            self._show_position(self.position - 1)

    @Slot()
    def _on_page_next_requested(self) -> None:
        self._leave_passage()
        if self.position + 1 < len(self.session.passages):
            self._show_position(self.position + 1)
        else:
            (self.tasks.op(review.summary, self.ctx, self.session.review_id)
             .success(self._on_summary_loaded).failure(self._on_save_failed)
             .owned_by(self).run())

    def _on_summary_loaded(self, summary: ReviewSummary) -> None:
        self.summary_page.set_summary(summary)
        self.stack.setCurrentWidget(self.summary_page)
        self.summary_page.done_button.setFocus()

    @Slot(int)
    def _on_page_text_size_step_requested(self, step: int) -> None:
        factor = CHILD_FACTOR if self.child else 1.0
        new_base = self._base_pt + step * STEP_PT
        if clamp_pt(round(new_base * factor)) == round(new_base * factor):
            self._base_pt = new_base
        self._apply_font()

    def _apply_font(self) -> None:
        self.setStyleSheet(kiosk_stylesheet(self.font_pt()))
        self.page.set_control_pt(control_pt(self.font_pt()))

    @Slot()
    def _on_summary_page_back_requested(self) -> None:
        self._show_position(len(self.session.passages) - 1)

    # -- leaving ------------------------------------------------------------------------

    @Slot()
    def _on_summary_page_done_requested(self) -> None:
        self._open_unlock(self.tr("Tack! Lämna nu över datorn till handläggaren."))

    @Slot()
    def _on_exit_button_clicked(self) -> None:
        if self.stack.currentWidget() is self.page:
            self._leave_passage()
        self._open_unlock(self.tr("Avsluta genomgången"))

    def _open_unlock(self, title: str) -> None:
        self.media.stop()
        self.stack.setEnabled(False)
        self.overlay.open_prompt(title)
        (self.tasks.op(review_unlock.pin_state, self.ctx).success(self._on_pin_state_loaded)
         .failure(self._on_unlock_failed).owned_by(self).run())

    def _on_pin_state_loaded(self, state: PinState) -> None:
        self.overlay.set_pin_usable(state.pin_usable)
        if state.wait_s and not self.overlay.waiting:
            self.overlay.start_wait(state.wait_s, "")

    @Slot()
    def _on_overlay_cancelled(self) -> None:
        self.stack.setEnabled(True)

    @Slot(str)
    def _on_overlay_secret_submitted(self, secret: str) -> None:
        (self.tasks.op(review.verify_unlock, self.ctx, secret, self.session.review_id)
         .success(self._on_unlock_verified).failure(self._on_unlock_failed)
         .owned_by(self).run())

    def _on_unlock_verified(self, attempt: UnlockAttempt) -> None:
        if not attempt.ok:
            self.overlay.set_pin_usable(attempt.pin_usable)
            if attempt.too_early:
                message = ""
            elif attempt.pin_blocked:
                message = self.tr("Fel lösenord. Efter för många fel försök går det bara att "
                                  "avsluta med lösenordet.")
            else:
                message = self.tr("Fel lösenord eller PIN-kod.")
            if attempt.wait_s:
                self.overlay.start_wait(attempt.wait_s, message)
            else:
                self.overlay.show_error(message)
            return
        (self.tasks.op(review.complete, self.ctx, self.session.review_id)
         .success(self._on_review_completed).failure(self._on_unlock_failed)
         .owned_by(self).run())

    def _on_unlock_failed(self, exc: BaseException) -> None:
        """A user error is said in the prompt in Swedish; a bug goes to the presenter (logged,
        "Kopiera detaljer") and the prompt can be tried again."""
        if not route_error(self, exc, self.overlay.show_error):
            self.overlay.set_busy(False)

    def _on_review_completed(self, summary: ReviewSummary) -> None:
        self.summary = summary
        self._unlocked = True
        self._autosave.stop()
        self._stop_watching()
        self.overlay.stop()
        self.media.shutdown()
        self.close()
        self.review_completed.emit(summary)

    # -- kiosk guard --------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if event.key() == Qt.Key.Key_Escape:
            if self.overlay.isVisible():
                self.overlay.hide()
                self._on_overlay_cancelled()
            event.accept()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        if self._suspended:
            event.ignore()
            return
        if self._unlocked:
            event.accept()
            return
        event.ignore()
        self._reassert.start()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        super().changeEvent(event)
        if self._unlocked or self._suspended:
            return
        kind = event.type()
        lost_focus = kind == QEvent.Type.ActivationChange and not self.isActiveWindow()
        # A minimised window keeps its full-screen flag: check both.
        left_full_screen = kind == QEvent.Type.WindowStateChange and not self._covers_screen()
        if lost_focus or left_full_screen:
            self._reassert.start()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self.overlay.setGeometry(self.rect())

    def _covers_screen(self) -> bool:
        return self.isFullScreen() and not self.isMinimized()

    def _fill_screen(self) -> None:
        # On X11 without a window manager (kiosk sessions, Xvfb) full screen is only a wish:
        # cover the screen ourselves first (setting the geometry afterwards ends full screen).
        if QGuiApplication.platformName() == "xcb":
            self.setGeometry(self.screen().geometry())
        self.showFullScreen()

    @Slot()
    def _on_reassert_timeout(self) -> None:
        if self._unlocked or self._suspended:
            return
        if not self._covers_screen() or not self.isVisible():
            self._fill_screen()
        self.covers.refresh()
        self.raise_()
        self.activateWindow()
