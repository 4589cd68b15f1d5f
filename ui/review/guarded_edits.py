"""Text fields of the review kiosk that take only what is typed or dictated there.

The clipboard of the caseworker's session may hold text from the note (passages hidden from
this family, a colleague's case); paste and drag-and-drop would carry it into the family's own
words or onto the screen. So the kiosk clears the clipboard when it opens, and its fields
refuse every way in: Ctrl+V, Shift+Insert, the context menu, a middle click (X11's selection)
and dropping.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import (
    QClipboard,
    QContextMenuEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
)
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget


def clear_clipboard() -> None:
    """Empty every clipboard the platform has (X11 also keeps a selection and a find buffer)."""
    clipboard = QGuiApplication.clipboard()
    clipboard.clear(QClipboard.Mode.Clipboard)
    if clipboard.supportsSelection():
        clipboard.clear(QClipboard.Mode.Selection)
    if clipboard.supportsFindBuffer():
        clipboard.clear(QClipboard.Mode.FindBuffer)


def is_paste_key(event: QKeyEvent) -> bool:
    shift_insert = (event.key() == Qt.Key.Key_Insert
                    and event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
    return event.matches(QKeySequence.StandardKey.Paste) or bool(shift_insert)


class NoPastePlainTextEdit(QPlainTextEdit):
    """The person's own words: typing and dictation only."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(False)
        self.viewport().setAcceptDrops(False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)

    # Every paste (keys, middle click, menu) and every drop ends in these two.
    def canInsertFromMimeData(self, source: QMimeData) -> bool:  # noqa: N802 - Qt API
        return False

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 - Qt API
        return

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if is_paste_key(event):
            event.accept()
            return
        super().keyPressEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt API
        event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 - Qt API
        event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt API
        event.ignore()


class NoPasteLineEdit(QLineEdit):
    """The caseworker's password or PIN in the kiosk: typed only."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(False)
        self.setDragEnabled(False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if is_paste_key(event):
            event.accept()
            return
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        if event.button() == Qt.MouseButton.MiddleButton:
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        if event.button() == Qt.MouseButton.MiddleButton:  # X11 pastes the selection here
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt API
        event.accept()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt API
        event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt API
        event.ignore()
