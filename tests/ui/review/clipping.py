"""Find text a widget tree cuts off: labels narrower or lower than their text, buttons
smaller than their label (used at 1366×768 in Swedish and English)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget


def clipped(root: QWidget) -> list[str]:
    """One line per visible label or button whose text does not fit where it is drawn."""
    out: list[str] = []
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisibleTo(root) or not w.isVisible():
            continue
        if isinstance(w, QLabel) and w.text() and w.textFormat() != Qt.TextFormat.RichText:
            box = w.contentsRect()
            if w.wordWrap():
                need_h = w.heightForWidth(w.width())
                if need_h > w.height() + 1:
                    out.append(f"label {w.text()!r}: needs {need_h}px high, has {w.height()}")
            else:
                lines = w.text().split("\n")
                need_w = max(w.fontMetrics().horizontalAdvance(line) for line in lines)
                if need_w > box.width() + 1:
                    out.append(f"label {w.text()!r}: needs {need_w}px wide, has {box.width()}")
        elif isinstance(w, QAbstractButton) and w.text():
            hint = w.sizeHint()
            if hint.width() > w.width() + 1 or hint.height() > w.height() + 1:
                out.append(f"button {w.text()!r}: needs {hint.width()}×{hint.height()}, "
                           f"has {w.width()}×{w.height()}")
    return out
