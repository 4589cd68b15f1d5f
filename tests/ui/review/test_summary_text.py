"""The journal's and the signing dialog's text about reviews."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication

from app import review_text
from app.review import PassageOutcome, ReviewSummary
from ui.review.summary_text import choice_tr, review_summary_html, signing_review_text


def _summary(**changes: object) -> ReviewSummary:
    at = datetime(2024, 5, 3, 12, 5, tzinfo=UTC)
    base = ReviewSummary(
        review_id="r1", note_id="n1", revision_id="v1", revision_hash="h1", started_at=at,
        started_by="Anna Handläggare", audience="both", variant="adult",
        present=("Kim Testsson", "Maria <Testsson>"), hidden_count=2, completed=True,
        outcomes=(
            PassageOutcome(0, "Kim visade sitt rum.", "agrees", "", "", at),
            PassageOutcome(2, "Vi pratade om fritiden.", "disagrees",
                           "<script>alert(1)</script> & \"citat\"\nny rad", "dictated", at),
            PassageOutcome(3, "Nästa besök.", None, "", "", None),
        ),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def test_review_summary_html_has_everything_and_escapes_words() -> None:
    text = review_summary_html(_summary())
    assert "Genomgång med familjen" in text and "Anna Handläggare" in text
    assert "Maria &lt;Testsson&gt;" in text and "barnet och vårdnadshavare" in text
    assert "Visade stycken: 3 · dolda: 2" in text
    assert "Stycke 1" in text and "Stycke 3" in text and "Stycke 4" in text
    assert "Stämmer inte" in text and "Inget svar" in text
    assert "<script>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;citat&quot;<br>ny rad" in text
    assert "dikterat" in text


def test_signing_text_without_reviews() -> None:
    assert signing_review_text([]) == "Anteckningen har inte gåtts igenom med familjen."


def test_signing_text_counts_the_latest_review() -> None:
    text = signing_review_text([_summary(), _summary(hidden_count=0)], current_hash="h1")
    assert "2 gånger" in text
    assert "1 stycken stämmer, 1 stämmer inte, 1 utan svar; 1 med egna ord." in text
    assert "visades inte" not in text
    assert "ändrats" not in text


def test_signing_text_warns_about_changes_and_unfinished_reviews() -> None:
    text = signing_review_text([_summary(completed=False)], current_hash="h2")
    assert "2 stycken visades inte." in text
    assert "Den senaste genomgången avslutades inte." in text
    assert "Texten har ändrats efter genomgången." in text


class _Marking(QTranslator):
    """Translates the review's summary and choice contexts by marking each text."""

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str:
        if context in ("ReviewSummaryText", "ReviewStartDialog"):
            return f"[{context}] {source}"
        return ""


def test_the_ui_translates_the_app_words_through_qt(qapp: QApplication) -> None:
    translator = _Marking()
    qapp.installTranslator(translator)
    try:
        assert signing_review_text([]) == \
            "[ReviewSummaryText] Anteckningen har inte gåtts igenom med familjen."
        assert "[ReviewSummaryText] barnet och vårdnadshavare" in review_summary_html(_summary())
        assert choice_tr(review_text.VARIANTS["adult"]) == "[ReviewStartDialog] För vuxna"
    finally:
        qapp.removeTranslator(translator)
