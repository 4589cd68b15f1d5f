"""The Swedish words of a review with the family (plain text, no Qt): audiences, variants and
outcomes, and the summary of a review for the journal, the signing dialog, exports and the CLI.

Every text is Swedish source text marked with ``QT_TRANSLATE_NOOP(context, text)`` so that
``pyside6-lupdate`` finds it (run it on this file too); the UI passes a ``translate`` function
that looks the text up in Qt under that context, everything else gets the Swedish as it is.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from app.review import PassageOutcome, ReviewSummary
from app.vocabulary import QT_TRANSLATE_NOOP

Translate = Callable[[str], str]
SUMMARY_CONTEXT = "ReviewSummaryText"  # the translation context of the summary texts
CHOICE_CONTEXT = "ReviewStartDialog"  # ... and of the choices offered when a review starts
EXCERPT_CHARS = 80


def swedish(text: str) -> str:
    """The ``translate`` of everything outside the UI: the Swedish text itself."""
    return text


# The audience within a sentence ("Gäller: barnet", "Senast ... med vårdnadshavare").
AUDIENCES: dict[str, str] = {
    "child": QT_TRANSLATE_NOOP("ReviewSummaryText", "barnet"),
    "guardian": QT_TRANSLATE_NOOP("ReviewSummaryText", "vårdnadshavare"),
    "both": QT_TRANSLATE_NOOP("ReviewSummaryText", "barnet och vårdnadshavare"),
    "named": QT_TRANSLATE_NOOP("ReviewSummaryText", "namngivna personer"),
}
# The audience as a choice when the review starts.
AUDIENCE_CHOICES: dict[str, str] = {
    "child": QT_TRANSLATE_NOOP("ReviewStartDialog", "Barnet"),
    "guardian": QT_TRANSLATE_NOOP("ReviewStartDialog", "Vårdnadshavare"),
    "both": QT_TRANSLATE_NOOP("ReviewStartDialog", "Båda"),
    "named": QT_TRANSLATE_NOOP("ReviewStartDialog", "Namngivna personer som är med"),
}
VARIANTS: dict[str, str] = {
    "adult": QT_TRANSLATE_NOOP("ReviewStartDialog", "För vuxna"),
    "child": QT_TRANSLATE_NOOP("ReviewStartDialog",
                               "Barnanpassad (större text, symboler, enkla ord)"),
}
OUTCOMES: dict[str | None, str] = {
    "agrees": QT_TRANSLATE_NOOP("ReviewSummaryText", "Stämmer"),
    "disagrees": QT_TRANSLATE_NOOP("ReviewSummaryText", "Stämmer inte"),
    None: QT_TRANSLATE_NOOP("ReviewSummaryText", "Inget svar"),
}
_OUTCOME_COLOURS = {"agrees": "#1e6b34", "disagrees": "#9a3d00", None: "#555555"}


def local_time(dt: datetime | None) -> str:
    """``2024-05-03 14:05`` in the computer's time zone; empty for None."""
    if dt is None:
        return ""
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.astimezone().strftime("%Y-%m-%d %H:%M")


def audience_label(audience: str, tr: Translate = swedish) -> str:
    return tr(AUDIENCES.get(audience, audience))


def outcome_label(outcome: str | None, tr: Translate = swedish) -> str:
    return tr(OUTCOMES.get(outcome, outcome or ""))


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def summary_html(summary: ReviewSummary, tr: Translate = swedish) -> str:
    """One review for the journal: when, by whom, who was present, audience, passages shown
    and hidden, and each outcome with the person's own words (escaped, line breaks kept)."""
    e = html.escape
    title = tr(QT_TRANSLATE_NOOP("ReviewSummaryText", "Genomgång med familjen"))
    by = tr(QT_TRANSLATE_NOOP("ReviewSummaryText", "av {who}")).format(who=summary.started_by)
    state = (tr(QT_TRANSLATE_NOOP("ReviewSummaryText", "avslutad")) if summary.completed
             else tr(QT_TRANSLATE_NOOP("ReviewSummaryText", "inte avslutad")))
    present = tr(QT_TRANSLATE_NOOP("ReviewSummaryText", "Närvarande: {names}")).format(
        names=", ".join(summary.present))
    audience = tr(QT_TRANSLATE_NOOP("ReviewSummaryText", "Gäller: {audience}")).format(
        audience=audience_label(summary.audience, tr))
    counts = tr(QT_TRANSLATE_NOOP("ReviewSummaryText",
                                  "Visade stycken: {shown} · dolda: {hidden}")).format(
        shown=len({o.index for o in summary.outcomes}), hidden=summary.hidden_count)
    parts = [
        "<div class='review'>",
        f"<p><b>{e(title)}</b> {e(local_time(summary.started_at))} · {e(by)}"
        f" · <i>{e(state)}</i></p>",
        f"<p>{e(present)}<br>{e(audience)}<br>{e(counts)}</p>",
        "<ul>",
    ]
    shown = len({o.index for o in summary.outcomes})
    parts.extend(_outcome_item(o, tr, shown) for o in summary.outcomes)
    parts.append("</ul></div>")
    return "".join(parts)


def passage_number(o: PassageOutcome, shown: int, tr: Translate = swedish) -> str:
    """The passage's number as the family saw it in the kiosk ("Stycke 2 av 3"), and the
    note's own number when passages were hidden so that the two differ."""
    if o.position is None:
        return tr(QT_TRANSLATE_NOOP("ReviewSummaryText", "Stycke {n}")).format(n=o.index + 1)
    text = tr(QT_TRANSLATE_NOOP("ReviewSummaryText", "Stycke {n} av {total}")).format(
        n=o.position + 1, total=shown)
    if o.position != o.index:
        text += " " + tr(QT_TRANSLATE_NOOP("ReviewSummaryText", "(stycke {n} i anteckningen)")
                         ).format(n=o.index + 1)
    return text


def respondent_label(o: PassageOutcome, tr: Translate = swedish) -> str:
    """"Kim Testsson (barnet)" for an answer given by one of several; "" otherwise."""
    if o.respondent is None:
        return ""
    role = AUDIENCES.get(o.respondent.role) if o.respondent.role in ("child", "guardian") else None
    return f"{o.respondent.name} ({tr(role)})" if role else o.respondent.name


def _outcome_item(o: PassageOutcome, tr: Translate, shown: int) -> str:
    e = html.escape
    colour = _OUTCOME_COLOURS.get(o.outcome, "#555555")
    number = passage_number(o, shown, tr)
    who = respondent_label(o, tr)
    answer = f"{e(who)}: " if who else ""
    item = (f"<li>{e(number)} "
            f"<span style='color:#555'>({e(excerpt(o.text))})</span>: {answer}"
            f"<b style='color:{colour}'>{e(outcome_label(o.outcome, tr))}</b>")
    if o.comment:
        how = (tr(QT_TRANSLATE_NOOP("ReviewSummaryText", "dikterat"))
               if o.input_method == "dictated"
               else tr(QT_TRANSLATE_NOOP("ReviewSummaryText", "skrivet")))
        words = e(o.comment).replace("\n", "<br>")
        label = tr(QT_TRANSLATE_NOOP("ReviewSummaryText", "Egna ord ({how}):")).format(how=how)
        item += (f"<br>{e(label)} "
                 f"<span style='white-space:pre-wrap'>«{words}»</span>")
    return item + "</li>"


def signing_text(summaries: Sequence[ReviewSummary], current_hash: str | None = None,
                 tr: Translate = swedish) -> str:
    """Plain text for the signing confirmation. With ``current_hash`` (the revision about to
    be signed) it also says when the latest review was of an earlier version of the text."""
    if not summaries:
        return tr(QT_TRANSLATE_NOOP("ReviewSummaryText",
                                    "Anteckningen har inte gåtts igenom med familjen."))
    latest = summaries[-1]
    agreed = sum(1 for o in latest.outcomes if o.outcome == "agrees")
    disagreed = latest.disagreements
    unanswered = sum(1 for o in latest.outcomes if o.outcome is None)
    words = sum(1 for o in latest.outcomes if o.comment)
    # One sentence per plural form (one / any other number: the rule of Swedish and English),
    # each translated whole, since this module has no Qt to pick a form.
    times = (QT_TRANSLATE_NOOP("ReviewSummaryText",
                               "Anteckningen har gåtts igenom med familjen {count} gång.")
             if len(summaries) == 1 else
             QT_TRANSLATE_NOOP("ReviewSummaryText",
                               "Anteckningen har gåtts igenom med familjen {count} gånger."))
    lines = [
        tr(times).format(count=len(summaries)),
        tr(QT_TRANSLATE_NOOP("ReviewSummaryText", "Senast {when} med {audience} ({names}):")
           ).format(when=local_time(latest.started_at),
                    audience=audience_label(latest.audience, tr),
                    names=", ".join(latest.present)),
        tr(QT_TRANSLATE_NOOP("ReviewSummaryText",
                             "{agreed} stycken stämmer, {disagreed} stämmer inte, "
                             "{unanswered} utan svar; {words} med egna ord.")
           ).format(agreed=agreed, disagreed=disagreed, unanswered=unanswered, words=words),
    ]
    if latest.hidden_count:
        lines.append(tr(QT_TRANSLATE_NOOP("ReviewSummaryText", "{hidden} stycken visades inte."))
                     .format(hidden=latest.hidden_count))
    if disagreed:
        lines.append(tr(QT_TRANSLATE_NOOP(
            "ReviewSummaryText",
            "Synpunkterna sparas tillsammans med anteckningen; texten ändras inte.")))
    if not latest.completed:
        lines.append(tr(QT_TRANSLATE_NOOP("ReviewSummaryText",
                                          "Den senaste genomgången avslutades inte.")))
    if current_hash is not None and latest.revision_hash != current_hash:
        lines.append(tr(QT_TRANSLATE_NOOP("ReviewSummaryText",
                                          "Obs! Texten har ändrats efter genomgången.")))
    return "\n".join(lines)
