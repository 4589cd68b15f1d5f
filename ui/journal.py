"""The case journal: a chronological list of note cards.

Each card shows event time, writing time, author, section, state (Utkast/Signerad/Rättad) and
the "Barnets röst" part; text written with speech recognition is tinted and says so ("Skriven
med stöd av taligenkänning", by which engine, model and pass). For a corrected note the earlier
text is shown struck through, with who corrected it, when and why. Under the text come the note's reviews with the family
(``ui.review.review_summary_html``: when, who was present, audience, passages shown and
hidden, outcomes and the person's own words). Buttons: "Redigera utkast" (drafts), "Rättelse" (signed notes)
and any ``NoteAction`` registered by an extension (see ``ui.extensions``).
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.dto import NoteInfo, RevisionInfo, SpeechProvenance
from app.review import ReviewSummary
from ui import formatting, sections
from ui.extensions import ActionRegistry, NoteAction
from ui.review.summary_text import review_summary_html
from ui.session import UiSession


def _text(body: str) -> str:
    return html.escape(body).replace("\n", "<br>")


# Machine text is tinted; the card's provenance line says so in words (colour is not alone).
MACHINE_STYLE = "background-color:#e3ecfa"
ENGINE_NAMES = {"vosk": "Vosk", "whisper": "KB-Whisper"}


def _marked(body: str, speech: SpeechProvenance) -> str:
    """``body`` with the words that came from speech recognition tinted (adjacent machine
    words in one run, so the tint reads as a passage)."""
    out: list[str] = []
    pos = 0
    for start, end in _runs(body, speech.spans):
        out.append(_text(body[pos:start]))
        out.append(f"<span style='{MACHINE_STYLE}'>{_text(body[start:end])}</span>")
        pos = end
    out.append(_text(body[pos:]))
    return "".join(out)


def _runs(body: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for start, end in spans:
        if runs and not body[runs[-1][1]:start].strip():
            runs[-1] = (runs[-1][0], end)
        else:
            runs.append((start, end))
    return runs


class NoteCardWidget(QFrame):
    """One journal note, read-only, with its action buttons."""

    edit_requested = Signal(str)
    correct_requested = Signal(str)

    def __init__(self, note: NoteInfo, session: UiSession, actions: ActionRegistry[NoteAction],
                 reviews: Sequence[ReviewSummary] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.note = note
        self.reviews = tuple(reviews)
        self.setObjectName("noteCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._set_highlight(False)
        layout = QVBoxLayout(self)
        self.text_label = QLabel(self.html())
        self.text_label.setWordWrap(True)
        self.text_label.setTextFormat(Qt.TextFormat.RichText)
        self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text_label.setAccessibleName(self.tr("Anteckning {when}").format(
            when=formatting.local(note.event_time)))
        layout.addWidget(self.text_label)
        row = QHBoxLayout()
        row.addStretch(1)
        self.buttons: dict[str, QPushButton] = {}
        if note.state == "draft":
            self._add_button(row, "edit", self.tr("Redigera utkast"),
                             lambda: self.edit_requested.emit(note.id))
        else:
            self._add_button(row, "correct", self.tr("Rättelse…"),
                             lambda: self.correct_requested.emit(note.id))
        for action in actions:
            if action.applies(note):
                self._add_button(row, action.key, action.label(),
                                 lambda _checked=False, a=action: a.run(session, self.note))
        layout.addLayout(row)

    def _add_button(self, row: QHBoxLayout, key: str, text: str, slot: object) -> None:
        button = QPushButton(text)
        button.clicked.connect(slot)
        row.addWidget(button)
        self.buttons[key] = button

    def _set_highlight(self, on: bool) -> None:
        border = "#1a5fb4" if on else "#c0c0c0"
        self.setStyleSheet(f"#noteCard {{ background: palette(base); border: "
                           f"{2 if on else 1}px solid {border}; border-radius: 6px; }}")

    def html(self) -> str:
        n = self.note
        cur = n.current
        corrected = cur.kind == "correction"
        state = formatting.note_state(n.state, corrected)
        section = html.escape(sections.label(cur.section))
        parts = [
            f"<p style='font-size:large'><b>{formatting.local(n.event_time)}</b> · {section}"
            f" · <i>{html.escape(state)}</i></p>",
            "<p style='color:#555'>" + html.escape(self.tr(
                "Händelsetid {event} · Skriven {written} av {author}").format(
                event=formatting.local(n.event_time), written=formatting.local(n.created_at),
                author=n.author)),
        ]
        if n.signed_at is not None:
            parts[-1] += html.escape(self.tr(" · Signerad {when} av {who}").format(
                when=formatting.local(n.signed_at), who=n.signed_by or "?"))
        parts[-1] += "</p>"
        revisions = (*n.superseded, cur)
        for old, new in zip(revisions, revisions[1:], strict=False):
            parts.append(self._struck(old, new))
        if n.in_conflict:
            warning = self.tr("I konflikt: utkastet har ändrats på en annan dator också. Välj "
                              "version innan det kan signeras.")
            parts.append(f"<p style='color:#a51d2d'><b>{html.escape(warning)}</b></p>")
        if cur.speech is None:
            parts.append(f"<p>{_text(cur.body)}</p>")
        else:
            parts.append(f"<p>{_marked(cur.body, cur.speech)}</p>")
            parts.append(self._speech_html(cur.speech))
        if cur.child_voice.strip():
            # Outside the f-string: lupdate does not see a tr() inside one (it stayed Swedish).
            heading = self.tr("Barnets röst")
            parts.append(f"<p><b>{html.escape(heading)}</b><br>{_text(cur.child_voice)}</p>")
        parts.extend(review_summary_html(summary) for summary in self.reviews)
        return "".join(parts)

    def _speech_html(self, p: SpeechProvenance) -> str:
        """"Skriven med stöd av taligenkänning": how much, by which engine, model and pass."""
        passes = {"live": self.tr("direktutskrift"), "file": self.tr("utskrift av inspelning"),
                  "accuracy": self.tr("förbättrad utskrift")}
        unknown = self.tr("okänd motor")
        origins = "; ".join(
            self.tr("{engine}, modell {model}, {kind}: {words}").format(
                engine=ENGINE_NAMES.get(o.engine, o.engine) or unknown, model=o.model_id or "?",
                kind=passes.get(o.pass_kind, o.pass_kind), words=self.tr("%n ord", "", o.words))
            for o in p.origins)
        heading = self.tr("Skriven med stöd av taligenkänning")
        detail = self.tr("{machine} av {total} ord kommer från taligenkänning ({origins}). "
                         "Markerad text kommer från taligenkänning; övrig text är skriven "
                         "eller ändrad av handläggaren.").format(
            machine=p.machine_words, total=p.total_words, origins=origins)
        return (f"<p style='color:#555'><b>{html.escape(heading)}</b><br>"
                f"{html.escape(detail)}</p>")

    def _struck(self, old: RevisionInfo, new: RevisionInfo) -> str:
        heading = self.tr("Barnets röst")
        voice = (f"<br><s>{html.escape(heading)}: {_text(old.child_voice)}</s>"
                 if old.child_voice.strip() and old.child_voice != new.child_voice else "")
        info = self.tr("Rättad {when} av {who}. Skäl: {reason}").format(
            when=formatting.local(new.created_at), who=new.author, reason=new.reason)
        return (f"<p style='color:#666'><s>{_text(old.body)}</s>{voice}<br>"
                f"<span style='color:#8a4b00'>{html.escape(info)}</span></p>")

    def set_highlighted(self, on: bool) -> None:
        self._set_highlight(on)


class JournalWidget(QScrollArea):
    """The notes of one case in event-time order (oldest first, like a paper journal)."""

    edit_requested = Signal(str)
    correct_requested = Signal(str)

    def __init__(self, session: UiSession, actions: ActionRegistry[NoteAction],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.note_actions = actions
        self.notes: list[NoteInfo] = []
        self.reviews: dict[str, tuple[ReviewSummary, ...]] = {}
        self.cards: dict[str, NoteCardWidget] = {}
        self.highlighted_note_id: str | None = None
        self.setWidgetResizable(True)
        self.setAccessibleName(self.tr("Journal"))
        self._content = QWidget()
        self._layout = QVBoxLayout(self._content)
        self._layout.setSpacing(10)
        self.empty_label = QLabel(self.tr("Inga anteckningar ännu. Välj Ny anteckning för att "
                                          "skriva den första."))
        self.empty_label.setWordWrap(True)
        self._layout.addWidget(self.empty_label)
        self._layout.addStretch(1)
        self.setWidget(self._content)
        actions.subscribe(self._on_actions_changed)

    def set_notes(self, notes: list[NoteInfo],
                  reviews: Mapping[str, Sequence[ReviewSummary]] | None = None) -> None:
        """Show ``notes``; ``reviews`` maps a note id to its reviews, oldest first."""
        self.notes = list(notes)
        if reviews is not None:
            self.reviews = {nid: tuple(r) for nid, r in reviews.items()}
        for card in self.cards.values():
            card.deleteLater()
        self.cards.clear()
        self.empty_label.setVisible(not notes)
        for i, note in enumerate(self.notes):
            card = NoteCardWidget(note, self.session, self.note_actions,
                                  self.reviews.get(note.id, ()))
            card.edit_requested.connect(self.edit_requested)
            card.correct_requested.connect(self.correct_requested)
            self._layout.insertWidget(1 + i, card)
            self.cards[note.id] = card

    def note(self, note_id: str) -> NoteInfo | None:
        return next((n for n in self.notes if n.id == note_id), None)

    def show_note(self, note_id: str) -> None:
        """Scroll to a note and mark it (a search hit was activated)."""
        self.highlighted_note_id = note_id
        for nid, card in self.cards.items():
            card.set_highlighted(nid == note_id)
        target = self.cards.get(note_id)
        if target is not None:
            self._content.adjustSize()
            self.ensureWidgetVisible(target, 0, 40)
            target.setFocus()

    def _on_actions_changed(self) -> None:
        self.set_notes(self.notes)
