"""Review with the family (genomgång): start dialog, full-screen kiosk, summaries, PIN.

The shell loads this package as an extension (``ui.extensions.EXTENSION_MODULES``) and calls
``install(window)``, which adds "Gå igenom med familjen" to every journal note card.
"""

from __future__ import annotations

from typing import Any

import shiboken6

from app.dto import NoteInfo
from app.review import ReviewSummary
from ui.extensions import NoteAction
from ui.review.dictation import DictationProvider
from ui.review.flow import ReviewFlow, action_label, start_review_flow
from ui.review.kiosk_window import ReviewKioskWindow
from ui.review.pin_widget import ReviewPinWidget
from ui.review.settings_page import ReviewSettingsWidget
from ui.review.speech import EspeakSpeaker, NoVoiceSpeaker, QtSpeaker, Speaker, default_speaker
from ui.review.start_dialog import ReviewStartDialog
from ui.review.summary_text import review_summary_html, signing_review_text
from ui.session import UiSession
from ui.settings_dialog import register_page

__all__ = [
    "DictationProvider", "EspeakSpeaker", "NoVoiceSpeaker", "QtSpeaker", "ReviewFlow",
    "ReviewKioskWindow", "ReviewPinWidget", "ReviewSettingsWidget", "ReviewStartDialog", "Speaker", "default_speaker",
    "install", "review_summary_html", "signing_review_text", "start_review_flow",
]


def install(window: Any) -> None:
    """Add "Gå igenom med familjen" to the note cards and the review page to the settings
    (see ``ui.extensions`` and ``ui.settings_dialog.register_page``)."""

    def run(session: UiSession, note: NoteInfo) -> None:
        idle_lock = getattr(window, "idle_lock", None)
        start_review_flow(window, session.ctx, note.id, session.tasks,
                          on_completed=lambda summary: _show_in_journal(window, summary),
                          on_kiosk_shown=idle_lock.set_inhibited if idle_lock else None)

    window.note_actions.add(NoteAction(key="review", label=action_label, run=run))
    register_page(_settings_page)


def _show_in_journal(window: Any, summary: ReviewSummary) -> None:
    """Reload the journal so the finished review appears next to its note."""
    if not shiboken6.isValid(window):
        return  # the window was rebuilt meanwhile (language switch); it loads afresh
    view = window.case_view
    if view.current_case_id is not None:
        view.show_case(view.current_case_id, summary.note_id)


def _settings_page(session: UiSession) -> ReviewSettingsWidget:
    return ReviewSettingsWidget(session.ctx, session.tasks)
