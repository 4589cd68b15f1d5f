"""Review with the family (genomgång): start dialog, full-screen kiosk, summaries, PIN.

The composition root (``ui.features``) calls ``install(window, dictation=...)`` once per main
window, which adds "Gå igenom med familjen" to every journal note card and to the note editor.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6

from app.dto import NoteInfo
from app.review import ReviewSummary
from ui.extensions import NoteAction
from ui.review.dictation import DictationFactory, DictationProvider
from ui.review.flow import (
    ReviewFlow,
    action_label,
    start_review_flow,
)
from ui.review.kiosk_window import ReviewKioskWindow
from ui.review.pin_widget import ReviewPinWidget
from ui.review.settings_page import ReviewSettingsWidget
from ui.review.speech import EspeakSpeaker, NoVoiceSpeaker, QtSpeaker, Speaker, default_speaker
from ui.review.start_dialog import ReviewStartDialog
from ui.review.summary_text import review_summary_html, signing_review_text
from ui.session import UiSession
from ui.settings_dialog import register_page

if TYPE_CHECKING:  # ui.main_window reaches ui.review (journal, editor): no import at run time
    from ui.main_window import MainWindow

__all__ = [
    "DictationFactory", "DictationProvider", "EspeakSpeaker", "NoVoiceSpeaker", "QtSpeaker",
    "ReviewFlow", "ReviewKioskWindow", "ReviewPinWidget", "ReviewSettingsWidget",
    "ReviewStartDialog", "Speaker", "default_speaker", "install", "review_summary_html",
    "signing_review_text", "start_review_flow",
]


def install(window: MainWindow, *, dictation: DictationFactory | None = None) -> None:
    """Add "Gå igenom med familjen" to the note cards and the review page to the settings
    (see ``ui.extensions`` and ``ui.settings_dialog.register_page``). ``dictation`` makes the
    provider of dictated own words for each review (``ui.visit`` offers Vosk); without it the
    kiosk has no "Prata in"."""
    window.case_view.review_dictation = dictation  # reviews started from the note editor
    window.case_view.review_lock = window.idle_lock

    def run(session: UiSession, note: NoteInfo) -> None:
        start_review_flow(window, session.ctx, note.id, session.tasks,
                          dictation_factory=dictation,
                          on_completed=lambda summary: _show_in_journal(window, summary),
                          on_kiosk_shown=window.idle_lock.set_inhibited,
                          lock=window.idle_lock)

    window.note_actions.add(NoteAction(key="review", label=action_label, run=run))
    register_page(_settings_page)


def _show_in_journal(window: MainWindow, summary: ReviewSummary) -> None:
    """Reload the journal so the finished review appears next to its note."""
    if not shiboken6.isValid(window):
        return  # the window was rebuilt meanwhile (language switch); it loads afresh
    view = window.case_view
    if view.current_case_id is not None:
        view.show_case(view.current_case_id, summary.note_id)


def _settings_page(session: UiSession) -> ReviewSettingsWidget:
    return ReviewSettingsWidget(session.ctx, session.tasks)
