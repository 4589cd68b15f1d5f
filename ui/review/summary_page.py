"""The end of a review as the person sees it: what was agreed, what was not, their own words."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from app.review import ReviewSummary
from ui.review.style import AGREE, DISAGREE, MUTED


class SummaryPageWidget(QWidget):
    """Shows the stored outcomes, passages in the order they were shown."""

    back_requested = Signal()
    done_requested = Signal()

    def __init__(self, *, child: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.child = child
        layout = QVBoxLayout(self)
        layout.setSpacing(14)
        self.heading_label = QLabel(self.tr("Så här blev det") if child
                                    else self.tr("Sammanfattning"))
        self.heading_label.setObjectName("heading")
        self.counts_label = QLabel()
        self.counts_label.setWordWrap(True)
        self.text_view = QTextBrowser()
        self.text_view.setObjectName("summaryText")
        self.text_view.setOpenLinks(False)
        self.text_view.setAccessibleName(self.heading_label.text())
        row = QHBoxLayout()
        self.back_button = QPushButton(self.tr("←  Tillbaka") if child
                                       else self.tr("←  Tillbaka till texten"))
        self.back_button.setObjectName("secondary")
        self.back_button.clicked.connect(self.back_requested)
        self.done_button = QPushButton(self.tr("Klar!") if child
                                       else self.tr("Klart – lämna över till handläggaren"))
        self.done_button.clicked.connect(self.done_requested)
        row.addWidget(self.back_button)
        row.addStretch(1)
        row.addWidget(self.done_button)
        layout.addWidget(self.heading_label)
        layout.addWidget(self.counts_label)
        layout.addWidget(self.text_view, 1)
        layout.addLayout(row)
        for button in (self.back_button, self.done_button):
            button.setCursor(Qt.CursorShape.PointingHandCursor)

    def set_summary(self, summary: ReviewSummary) -> None:
        outcomes = summary.outcomes
        agreed = sum(1 for o in outcomes if o.outcome == "agrees")
        disagreed = summary.disagreements
        if self.child:
            text = self.tr("👍 {agreed} stämmer   ·   👎 {disagreed} stämmer inte")
        else:
            text = self.tr("{agreed} av {total} stycken stämmer. {disagreed} stämmer inte.")
        self.counts_label.setText(text.format(agreed=agreed, disagreed=disagreed,
                                              total=len(outcomes)))
        # The numbers the person saw on the passage pages (the journal uses the same ones).
        total = len({o.index for o in outcomes})
        parts = []
        previous: int | None = None
        for fallback, o in enumerate(outcomes):
            position = o.position if o.position is not None else fallback
            who = o.respondent.name if o.respondent is not None else ""
            parts.append(self._item_html(position, total, o.text if o.index != previous else "",
                                         o.outcome, o.comment, who))
            previous = o.index
        self.text_view.setHtml("".join(parts))

    def _item_html(self, position: int, total: int, text: str, outcome: str | None,
                   comment: str, who: str = "") -> str:
        e = html.escape
        template = self.tr("Del {n} av {total}") if self.child else self.tr("Stycke {n} av {total}")
        if outcome == "agrees":
            verdict = self.tr("👍 Ja, det stämmer") if self.child else self.tr("✓ Stämmer")
            colour = AGREE
        elif outcome == "disagrees":
            verdict = (self.tr("👎 Nej, det stämmer inte") if self.child
                       else self.tr("✗ Stämmer inte"))
            colour = DISAGREE
        else:
            verdict, colour = self.tr("Inget svar"), MUTED
        out = ""
        if text:  # a passage answered by several people is shown once, their answers after it
            out += (f"<p style='color:{MUTED}'>{e(template.format(n=position + 1, total=total))}"
                    f"</p><p>{e(text).replace(chr(10), '<br>')}</p>")
        answer = f"{e(who)}: " if who else ""
        out += f"<p style='color:{colour}'><b>{answer}{e(verdict)}</b></p>"
        if comment:
            label = self.tr("Det du sa:") if self.child else self.tr("Dina egna ord:")
            words = e(comment).replace("\n", "<br>")
            out += (f"<p><i>{e(label)}</i></p>"
                    f"<p style='white-space:pre-wrap'>«{words}»</p>")
        return out + "<hr>"
