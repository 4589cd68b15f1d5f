"""Text about finished reviews for the journal card and the signing dialog, in the UI's language.

The words live in ``app.review_text`` (plain Swedish, shared with exports and the CLI); this
module only looks each one up in Qt's translations under its context.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from app import review_text
from app.review import ReviewSummary


def tr(text: str) -> str:
    return QCoreApplication.translate(review_text.SUMMARY_CONTEXT, text)


def choice_tr(text: str) -> str:
    return QCoreApplication.translate(review_text.CHOICE_CONTEXT, text)


def audience_label(audience: str) -> str:
    return review_text.audience_label(audience, tr)


def outcome_label(outcome: str | None) -> str:
    return review_text.outcome_label(outcome, tr)


def review_summary_html(summary: ReviewSummary) -> str:
    """One review for the journal (see ``app.review_text.summary_html``), translated."""
    return review_text.summary_html(summary, tr)


def signing_review_text(summaries: Sequence[ReviewSummary],
                        current_hash: str | None = None) -> str:
    """The signing confirmation's text (see ``app.review_text.signing_text``), translated."""
    return review_text.signing_text(summaries, current_hash, tr)
