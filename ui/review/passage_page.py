"""One passage at a time on the review kiosk: the text, the answer buttons, the person's own
words and the big navigation buttons. Holds no state beyond what it shows."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QTextBlockFormat, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTextBrowser,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.review import Passage
from ui.review.guarded_edits import NoPastePlainTextEdit
from ui.review.style import HIGHLIGHT

_PARAGRAPH_SEPARATOR = "\u2029"


class PassagePageWidget(QWidget):
    """Shows one passage; emits what the person asks for and leaves saving to the window."""

    outcome_chosen = Signal(str)
    previous_requested = Signal()
    next_requested = Signal()
    read_aloud_requested = Signal()
    text_size_step_requested = Signal(int)  # +1 larger, -1 smaller
    dictation_toggled = Signal(bool)
    own_words_edited = Signal()
    respondent_chosen = Signal(int)  # the slot in the session's respondents

    def __init__(self, *, child: bool, total: int, can_dictate: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.child = child
        self.total = total
        self.current_text = ""
        self.read_missing = False
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addLayout(self._build_top_row())
        self.part_label = QLabel(self.tr("Barnets röst"))
        self.part_label.setObjectName("progress")
        layout.addWidget(self.part_label)
        self.text_view = QTextBrowser()
        self.text_view.setObjectName("passageText")
        self.text_view.setOpenLinks(False)
        self.text_view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        layout.addWidget(self.text_view, 3)
        layout.addLayout(self._build_respondent_row())
        layout.addLayout(self._build_answer_row())
        layout.addLayout(self._build_own_words(can_dictate))
        layout.addLayout(self._build_nav_row())

    def _build_top_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.progress_label = QLabel()
        self.progress_label.setObjectName("progress")
        row.addWidget(self.progress_label)
        row.addStretch(1)
        self.smaller_button = self._button("A−", "secondary",
                                           lambda: self.text_size_step_requested.emit(-1))
        self.smaller_button.setAccessibleName(self.tr("Mindre text"))
        self.larger_button = self._button("A+", "secondary",
                                          lambda: self.text_size_step_requested.emit(1))
        self.larger_button.setAccessibleName(self.tr("Större text"))
        self.read_button = self._button("", "secondary", self.read_aloud_requested.emit)
        self.set_speaking(False)
        for button in (self.smaller_button, self.larger_button, self.read_button):
            row.addWidget(button)
        return row

    def _build_respondent_row(self) -> QHBoxLayout:
        """"Vem svarar?" and a name button per respondent; hidden when one voice answers."""
        row = QHBoxLayout()
        row.setSpacing(16)
        self.respondent_label = QLabel()
        self.respondent_label.setObjectName("respondentQuestion")
        row.addWidget(self.respondent_label)
        self.respondent_row = row
        self.respondent_group = QButtonGroup(self)
        self.respondent_group.setExclusive(True)
        self.respondent_group.idClicked.connect(self.respondent_chosen)
        self.respondent_buttons: list[QPushButton] = []
        self.respondent_label.hide()
        return row

    def set_respondents(self, names: list[str]) -> None:
        for slot, name in enumerate(names):
            button = self._button(name, "respondent", lambda: None)
            button.setCheckable(True)
            self.respondent_group.addButton(button, slot)
            self.respondent_row.addWidget(button)
            self.respondent_buttons.append(button)
        self.respondent_row.addStretch(1)
        self.respondent_label.setVisible(bool(names))
        self.ask_respondent(False)

    def set_respondent(self, slot: int | None) -> None:
        for index, button in enumerate(self.respondent_buttons):
            button.setChecked(index == slot)
        if slot is not None:
            self.ask_respondent(False)

    def ask_respondent(self, asking: bool) -> None:
        """Ask calmly who gave the answer (it is saved already; a tap on a name makes it
        theirs)."""
        self.respondent_label.setProperty("asking", asking)
        self.respondent_label.setText(
            self.tr("Vem svarade? Tryck på ditt namn.") if asking else self.tr("Vem svarar?"))
        self.respondent_label.style().unpolish(self.respondent_label)
        self.respondent_label.style().polish(self.respondent_label)

    def _build_answer_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(24)
        if self.child:
            agree, disagree = self.tr("👍  Ja, det stämmer"), self.tr("👎  Nej, det stämmer inte")
        else:
            agree, disagree = self.tr("✓  Stämmer"), self.tr("✗  Stämmer inte")
        self.agree_button = self._button(agree, "agree", lambda: self._choose("agrees"))
        self.disagree_button = self._button(disagree, "disagree",
                                            lambda: self._choose("disagrees"))
        for button in (self.agree_button, self.disagree_button):
            button.setCheckable(True)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            row.addWidget(button)
        return row

    def _build_own_words(self, can_dictate: bool) -> QVBoxLayout:
        box = QVBoxLayout()
        self.own_words_label = QLabel(self.tr("Vill du säga något? Skriv här.") if self.child
                                      else self.tr("Dina egna ord"))
        box.addWidget(self.own_words_label)
        row = QHBoxLayout()
        self.own_words_edit = NoPastePlainTextEdit()
        self.own_words_edit.setObjectName("ownWords")
        self.own_words_edit.setAccessibleName(self.own_words_label.text())
        self.own_words_edit.setTabChangesFocus(True)
        self.own_words_edit.textChanged.connect(self.own_words_edited)
        self.own_words_label.setBuddy(self.own_words_edit)
        row.addWidget(self.own_words_edit, 1)
        self.dictate_button: QPushButton | None = None
        if can_dictate:
            self.dictate_button = self._button(self.tr("🎤  Prata in"), "secondary",
                                               self._on_dictate_button_clicked)
            self.dictate_button.setCheckable(True)
            row.addWidget(self.dictate_button, 0, Qt.AlignmentFlag.AlignTop)
        box.addLayout(row)
        self.partial_label = QLabel()
        self.partial_label.setObjectName("status")
        self.partial_label.setWordWrap(True)
        self.partial_label.hide()
        box.addWidget(self.partial_label)
        return box

    def _build_nav_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        back = self.tr("←  Tillbaka") if self.child else self.tr("←  Föregående")
        self.previous_button = self._button(back, "", self.previous_requested.emit)
        self.next_button = self._button("", "", self.next_requested.emit)
        self.status_label = QLabel()
        self.status_label.setObjectName("status")
        self.status_label.setWordWrap(True)
        self.status_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        row.addWidget(self.previous_button)
        row.addWidget(self.status_label, 1)
        row.addWidget(self.next_button)
        return row

    def _button(self, text: str, name: str, slot: object) -> QPushButton:
        button = QPushButton(text)
        if name:
            button.setObjectName(name)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.clicked.connect(slot)
        return button

    def show_passage(self, position: int, passage: Passage, outcome: str | None,
                     own_words: str) -> None:
        """Show the passage at ``position`` (0-based among the shown ones)."""
        template = self.tr("Del {n} av {total}") if self.child else self.tr("Stycke {n} av {total}")
        self.progress_label.setText(template.format(n=position + 1, total=self.total))
        self.part_label.setVisible(passage.part == "child_voice")
        self.current_text = passage.text
        self.text_view.setPlainText(passage.text)
        self.text_view.setAccessibleName(self.progress_label.text())
        self._space_lines()
        self.show_answer(outcome, own_words)
        self.set_partial("")
        self.previous_button.setEnabled(position > 0)
        last = position == self.total - 1
        if self.child:
            self.next_button.setText(self.tr("Nästa  →"))
        else:
            self.next_button.setText(self.tr("Sammanfattning  →") if last
                                     else self.tr("Nästa  →"))

    def show_answer(self, outcome: str | None, own_words: str) -> None:
        """The answer and own words of whoever answers now (no own-words signal)."""
        self.set_outcome(outcome)
        self.own_words_edit.blockSignals(True)
        self.own_words_edit.setPlainText(own_words)
        self.own_words_edit.blockSignals(False)

    def _space_lines(self) -> None:
        cursor = QTextCursor(self.text_view.document())
        cursor.select(QTextCursor.SelectionType.Document)
        fmt = QTextBlockFormat()
        fmt.setLineHeight(135, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        cursor.mergeBlockFormat(fmt)

    def set_outcome(self, outcome: str | None) -> None:
        self.agree_button.setChecked(outcome == "agrees")
        self.disagree_button.setChecked(outcome == "disagrees")

    def own_words(self) -> str:
        """The field's text exactly as typed (no space, nbsp or line-separator folding)."""
        return self.own_words_edit.document().toRawText().replace(_PARAGRAPH_SEPARATOR, "\n")

    def append_own_words(self, text: str) -> None:
        current = self.own_words()
        joiner = " " if current and not current[-1].isspace() and text else ""
        cursor = self.own_words_edit.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertText(joiner + text)
        self.own_words_edit.setTextCursor(cursor)

    def set_partial(self, text: str) -> None:
        self.partial_label.setText(text)
        self.partial_label.setVisible(bool(text))

    def set_control_pt(self, pt: int) -> None:
        """Room for about two lines of the person's words at the controls' text size."""
        self.own_words_edit.setFixedHeight(round(pt * 96 / 72 * 1.45 * 2) + 26)

    def set_status(self, text: str) -> None:
        self.status_label.setText(text)

    def set_read_aloud_missing(self) -> None:
        """Nothing can be read aloud on this computer: say so on the button itself (a press
        still explains why in the status line)."""
        self.read_missing = True
        self.read_button.setText(self.tr("🔇  Ingen uppläsning"))
        self.read_button.setAccessibleDescription(
            self.tr("Uppläsning fungerar inte på den här datorn."))

    def set_speaking(self, speaking: bool) -> None:
        if self.read_missing:
            return
        if speaking:
            self.read_button.setText(self.tr("■  Sluta läsa"))
        else:
            self.read_button.setText(self.tr("🔊  Läs för mig") if self.child
                                     else self.tr("🔊  Läs upp"))

    def set_dictating(self, dictating: bool) -> None:
        if self.dictate_button is not None:
            self.dictate_button.setChecked(dictating)
            self.dictate_button.setText(self.tr("■  Sluta prata in") if dictating
                                        else self.tr("🎤  Prata in"))

    def highlight(self, start: int, length: int) -> None:
        """Mark the word being read aloud."""
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.text_view.document())
        cursor.setPosition(start)
        cursor.setPosition(start + length, QTextCursor.MoveMode.KeepAnchor)
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(HIGHLIGHT))
        selection.cursor = cursor
        selection.format = fmt
        self.text_view.setExtraSelections([selection])
        caret = QTextCursor(self.text_view.document())
        caret.setPosition(start + length)
        self.text_view.setTextCursor(caret)
        self.text_view.ensureCursorVisible()

    def clear_highlight(self) -> None:
        self.text_view.setExtraSelections([])

    def _choose(self, outcome: str) -> None:
        self.set_outcome(outcome)
        self.outcome_chosen.emit(outcome)

    def _on_dictate_button_clicked(self) -> None:
        assert self.dictate_button is not None
        self.dictation_toggled.emit(self.dictate_button.isChecked())
