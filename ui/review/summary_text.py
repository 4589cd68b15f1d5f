"""Text about finished reviews for the journal card and the signing dialog (pure functions)."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.review import PassageOutcome, ReviewSummary
from ui import formatting

_CTX = "ReviewSummaryText"
EXCERPT_CHARS = 80

AUDIENCES: dict[str, str] = {
    "child": str(QT_TRANSLATE_NOOP("ReviewSummaryText", "barnet")),
    "guardian": str(QT_TRANSLATE_NOOP("ReviewSummaryText", "vårdnadshavare")),
    "both": str(QT_TRANSLATE_NOOP("ReviewSummaryText", "barnet och vårdnadshavare")),
    "named": str(QT_TRANSLATE_NOOP("ReviewSummaryText", "namngivna personer")),
}
OUTCOMES: dict[str | None, str] = {
    "agrees": str(QT_TRANSLATE_NOOP("ReviewSummaryText", "Stämmer")),
    "disagrees": str(QT_TRANSLATE_NOOP("ReviewSummaryText", "Stämmer inte")),
    None: str(QT_TRANSLATE_NOOP("ReviewSummaryText", "Inget svar")),
}
_OUTCOME_COLOURS = {"agrees": "#1e6b34", "disagrees": "#9a3d00", None: "#555555"}


def tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def audience_label(audience: str) -> str:
    return tr(AUDIENCES.get(audience, audience))


def outcome_label(outcome: str | None) -> str:
    return tr(OUTCOMES.get(outcome, outcome or ""))


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def review_summary_html(summary: ReviewSummary) -> str:
    """One review for the journal: when, by whom, who was present, audience, passages shown
    and hidden, and each outcome with the person's own words (escaped, line breaks kept)."""
    e = html.escape
    title = QCoreApplication.translate("ReviewSummaryText", "Genomgång med familjen")
    by = QCoreApplication.translate("ReviewSummaryText", "av {who}").format(who=summary.started_by)
    state = (QCoreApplication.translate("ReviewSummaryText", "avslutad") if summary.completed
              else QCoreApplication.translate("ReviewSummaryText", "inte avslutad"))
    present = QCoreApplication.translate("ReviewSummaryText", "Närvarande: {names}").format(
        names=", ".join(summary.present))
    audience = QCoreApplication.translate("ReviewSummaryText", "Gäller: {audience}").format(
        audience=audience_label(summary.audience))
    counts = QCoreApplication.translate("ReviewSummaryText", "Visade stycken: {shown} · dolda: {hidden}").format(
        shown=len(summary.outcomes), hidden=summary.hidden_count)
    parts = [
        "<div class='review'>",
        f"<p><b>{e(title)}</b> {e(formatting.local(summary.started_at))} · {e(by)}"
        f" · <i>{e(state)}</i></p>",
        f"<p>{e(present)}<br>{e(audience)}<br>{e(counts)}</p>",
        "<ul>",
    ]
    for o in summary.outcomes:
        parts.append(_outcome_item(o))
    parts.append("</ul></div>")
    return "".join(parts)


def _outcome_item(o: PassageOutcome) -> str:
    e = html.escape
    colour = _OUTCOME_COLOURS.get(o.outcome, "#555555")
    number = QCoreApplication.translate("ReviewSummaryText", "Stycke {n}").format(n=o.index + 1)
    item = (f"<li>{e(number)} "
            f"<span style='color:#555'>({e(excerpt(o.text))})</span>: "
            f"<b style='color:{colour}'>{e(outcome_label(o.outcome))}</b>")
    if o.comment:
        how = QCoreApplication.translate("ReviewSummaryText", "dikterat") if o.input_method == "dictated" else QCoreApplication.translate("ReviewSummaryText", "skrivet")
        words = e(o.comment).replace("\n", "<br>")
        label = QCoreApplication.translate("ReviewSummaryText", "Egna ord ({how}):").format(how=how)
        item += (f"<br>{e(label)} "
                 f"<span style='white-space:pre-wrap'>«{words}»</span>")
    return item + "</li>"


def signing_review_text(summaries: Sequence[ReviewSummary],
                        current_hash: str | None = None) -> str:
    """Plain text for the signing confirmation. With ``current_hash`` (the revision about to
    be signed) it also says when the latest review was of an earlier version of the text."""
    if not summaries:
        return QCoreApplication.translate("ReviewSummaryText", "Anteckningen har inte gåtts igenom med familjen.")
    latest = summaries[-1]
    agreed = sum(1 for o in latest.outcomes if o.outcome == "agrees")
    disagreed = latest.disagreements
    unanswered = sum(1 for o in latest.outcomes if o.outcome is None)
    words = sum(1 for o in latest.outcomes if o.comment)
    lines = [
        QCoreApplication.translate("ReviewSummaryText", "Anteckningen har gåtts igenom med familjen {count} gång(er).").format(
            count=len(summaries)),
        QCoreApplication.translate("ReviewSummaryText", "Senast {when} med {audience} ({names}):").format(
            when=formatting.local(latest.started_at), audience=audience_label(latest.audience),
            names=", ".join(latest.present)),
        QCoreApplication.translate("ReviewSummaryText", "{agreed} stycken stämmer, {disagreed} stämmer inte, {unanswered} utan svar; "
           "{words} med egna ord.").format(agreed=agreed, disagreed=disagreed,
                                           unanswered=unanswered, words=words),
    ]
    if latest.hidden_count:
        lines.append(QCoreApplication.translate("ReviewSummaryText", "{hidden} stycken visades inte.").format(hidden=latest.hidden_count))
    if disagreed:
        lines.append(QCoreApplication.translate("ReviewSummaryText", "Synpunkterna sparas tillsammans med anteckningen; texten ändras inte."))
    if not latest.completed:
        lines.append(QCoreApplication.translate("ReviewSummaryText", "Den senaste genomgången avslutades inte."))
    if current_hash is not None and latest.revision_hash != current_hash:
        lines.append(QCoreApplication.translate("ReviewSummaryText", "Obs! Texten har ändrats efter genomgången."))
    return "\n".join(lines)
