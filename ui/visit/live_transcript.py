"""The transcript as it grows: finished phrases in black, the unfinished one in grey, with the
Swedish dictation commands applied live (GUI thread only; one ``app.dictation`` post-processor
per widget)."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QCheckBox, QTextEdit, QVBoxLayout, QWidget

from app.dictation import DictatedText, dictated_text
from speech.values import Segment

FINAL_COLOR = QColor("#000000")
PARTIAL_COLOR = QColor("#8a8a8a")


class LiveTranscriptWidget(QWidget):
    """Read-only view of the dictated text. ``text()`` is the finished (black) text,
    ``partial_text()`` the grey tail."""

    def __init__(self, parent: QWidget | None = None, *, language: str = "sv") -> None:
        super().__init__(parent)
        self.language = language
        self.commands = QCheckBox(self.tr("Dikteringskommandon"))
        self.commands.setChecked(True)
        self.commands.setToolTip(self.tr(
            "Säg ”punkt”, ”komma”, ”frågetecken”, ”ny rad”, ”nytt stycke” eller ”ångra”."))
        self.commands.toggled.connect(self._on_commands_toggled)
        self.view = QTextEdit()
        self.view.setReadOnly(True)
        self.view.setAccessibleName(self.tr("Utskrift"))
        self.view.setPlaceholderText(self.tr("Det som sägs skrivs ut här."))
        font = self.view.font()
        font.setPointSizeF(max(font.pointSizeF(), 13.0))
        self.view.setFont(font)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.commands)
        self._segments: list[Segment] = []
        self._dictation: DictatedText = dictated_text(language)
        self._black = ""  # what the document shows in black, from position 0
        self._partial = ""

    def text(self) -> str:
        return self._dictation.text

    def partial_text(self) -> str:
        return self._partial

    def segments(self) -> list[Segment]:
        return list(self._segments)

    def fragments(self) -> list[tuple[str, str]]:
        """(text, colour name) runs of the document, for tests and screen readers' sake."""
        runs: list[tuple[str, str]] = []
        block = self.view.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                color = fragment.charFormat().foreground().color().name()
                runs.append((fragment.text(), color))
                it += 1
            block = block.next()
        return runs

    def clear(self) -> None:
        self._segments.clear()
        self._dictation.clear()
        self._black, self._partial = "", ""
        self.view.clear()

    def set_segments(self, segments: list[Segment]) -> None:
        """Show a stored transcript (no partial)."""
        self._segments = list(segments)
        self._rebuild()

    @Slot(object)
    def add_segment(self, segment: Segment) -> None:
        self._segments.append(segment)
        self._dictation.feed(segment.text)
        self._partial = ""
        self._show(self._dictation.text, "")

    @Slot(str)
    def set_partial(self, text: str) -> None:
        preview = self._dictation.preview(text) if text else None
        self._partial = preview.tentative if preview else ""
        self._show(preview.stable if preview else self._dictation.text, self._partial)

    def _rebuild(self) -> None:
        self._dictation = dictated_text(self.language, commands=self.commands.isChecked())
        for segment in self._segments:
            self._dictation.feed(segment.text)
        self._partial = ""
        self._show(self._dictation.text, "")

    @Slot(bool)
    def _on_commands_toggled(self, _checked: bool) -> None:
        self._rebuild()

    def _show(self, black: str, grey: str) -> None:
        """Edit only the changed tail, so a two-hour transcript is not re-laid out 20×/s."""
        common = 0
        for old, new in zip(self._black, black, strict=False):
            if old != new:
                break
            common += 1
        cursor = QTextCursor(self.view.document())
        cursor.setPosition(common)
        cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        cursor.insertText(black[common:], _format(FINAL_COLOR))
        cursor.insertText(grey, _format(PARTIAL_COLOR))
        self._black = black
        bar = self.view.verticalScrollBar()
        bar.setValue(bar.maximum())


def _format(color: QColor) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(color)
    return fmt
