"""The review's Swedish words without Qt (for exports and the CLI), the same as on screen."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from app import review_text
from app.review import PassageOutcome, ReviewSummary


def _summary(**changes: object) -> ReviewSummary:
    at = datetime(2024, 5, 3, 12, 5, tzinfo=UTC)
    base = ReviewSummary(
        review_id="r1", note_id="n1", revision_id="v1", revision_hash="h1", started_at=at,
        started_by="Anna Handläggare", audience="guardian", variant="adult",
        present=("Maria Testsson",), hidden_count=1, completed=True,
        outcomes=(
            PassageOutcome(0, "Kim visade sitt rum.", "agrees", "", "", at),
            PassageOutcome(1, "Vi pratade om fritiden.", "disagrees", "Inte så", "typed", at),
        ),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def test_labels_are_plain_swedish() -> None:
    assert review_text.audience_label("both") == "barnet och vårdnadshavare"
    assert review_text.outcome_label("disagrees") == "Stämmer inte"
    assert review_text.outcome_label(None) == "Inget svar"
    assert review_text.AUDIENCE_CHOICES["named"] == "Namngivna personer som är med"
    assert review_text.VARIANTS["child"] == "Barnanpassad (större text, symboler, enkla ord)"


def test_summary_html_in_swedish() -> None:
    text = review_text.summary_html(_summary())
    when = review_text.local_time(_summary().started_at)
    assert text.startswith(f"<div class='review'><p><b>Genomgång med familjen</b> {when} · "
                           "av Anna Handläggare · <i>avslutad</i></p>")
    assert "Närvarande: Maria Testsson<br>Gäller: vårdnadshavare<br>" in text
    assert "Visade stycken: 2 · dolda: 1" in text
    assert "Egna ord (skrivet): <span style='white-space:pre-wrap'>«Inte så»</span>" in text


def test_signing_text_in_swedish() -> None:
    when = review_text.local_time(_summary().started_at)
    assert review_text.signing_text([_summary()], current_hash="h2").splitlines() == [
        "Anteckningen har gåtts igenom med familjen 1 gång.",
        f"Senast {when} med vårdnadshavare (Maria Testsson):",
        "1 stycken stämmer, 1 stämmer inte, 0 utan svar; 1 med egna ord.",
        "1 stycken visades inte.",
        "Synpunkterna sparas tillsammans med anteckningen; texten ändras inte.",
        "Obs! Texten har ändrats efter genomgången.",
    ]


def test_a_translate_function_sees_every_text() -> None:
    seen: list[str] = []

    def translate(text: str) -> str:
        seen.append(text)
        return "»" + text

    assert review_text.signing_text([], tr=translate) == \
        "»Anteckningen har inte gåtts igenom med familjen."
    review_text.summary_html(_summary(), translate)
    assert "Gäller: {audience}" in seen and "vårdnadshavare" in seen and "Stämmer inte" in seen

