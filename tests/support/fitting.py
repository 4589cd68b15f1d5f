"""Checks that a screen fits: no text cut off, every button reachable.

``clipped(root)`` walks the visible widget tree and compares each label's, button's, tab's and
placeholder's needed size (from its font metrics and size hints) with the size it was given;
``unreachable_buttons(window)`` lists buttons outside the window (a scroll area's content may
scroll; the window's own buttons may not)."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QCheckBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTabBar,
    QWidget,
)

SLACK = 2  # pixels of rounding between a hint and a layout


def _shown(widget: QWidget) -> bool:
    return widget.isVisible() and widget.width() > 0 and widget.height() > 0


def _name(widget: QWidget, text: str) -> str:
    return f"{type(widget).__name__} {widget.objectName() or ''}«{text[:60]}»"


def _label_problem(label: QLabel) -> str | None:
    text = label.text()
    if not text.strip() or label.pixmap() is not None and not label.pixmap().isNull():
        return None
    rect = label.contentsRect()
    if label.wordWrap():
        needed = label.heightForWidth(label.width())
        if needed > label.height() + SLACK:
            return f"{_name(label, text)} needs {needed}px high, has {label.height()}"
        return None
    hint = label.sizeHint()
    if hint.width() > rect.width() + label.margin() * 2 + SLACK:
        return f"{_name(label, text)} needs {hint.width()}px wide, has {rect.width()}"
    if label.textFormat() != Qt.TextFormat.RichText and "\n" not in text \
            and label.fontMetrics().height() > label.height() + SLACK:
        return f"{_name(label, text)} is cut vertically"
    return None


def _button_problem(button: QAbstractButton) -> str | None:
    text = button.text()
    if not text.strip():
        return None
    hint = button.sizeHint()
    if isinstance(button, QPushButton | QCheckBox | QRadioButton) \
            and hint.width() > button.width() + SLACK:
        return f"{_name(button, text)} needs {hint.width()}px wide, has {button.width()}"
    return None


def _tabs_problems(bar: QTabBar) -> list[str]:
    out = []
    for i in range(bar.count()):
        needed = bar.fontMetrics().horizontalAdvance(bar.tabText(i).replace("&", ""))
        if bar.tabRect(i).width() < needed + 8 and not bar.usesScrollButtons():
            out.append(f"tab «{bar.tabText(i)}» needs {needed}px, has {bar.tabRect(i).width()}")
        if bar.tabText(i).count("&") and "&&" not in bar.tabText(i):
            # A mnemonic must not sit on a letter with a diacritic (drawn apart, or lost).
            marked = bar.tabText(i)[bar.tabText(i).index("&") + 1:][:1]
            if marked and not marked.isascii():
                out.append(f"tab «{bar.tabText(i)}» has its mnemonic on «{marked}»")
    return out


def _placeholder_problem(edit: QLineEdit) -> str | None:
    text = edit.placeholderText()
    if not text or edit.text():
        return None
    needed = edit.fontMetrics().horizontalAdvance(text)
    room = edit.width() - 12  # frame and text margins
    if needed > room + SLACK:
        return f"placeholder «{text}» needs {needed}px, has {room}"
    return None


def clipped(root: QWidget) -> list[str]:
    """Every visible text under ``root`` that does not fit where it is."""
    out: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not _shown(widget):
            continue
        problem: str | None = None
        if isinstance(widget, QLabel):
            problem = _label_problem(widget)
        elif isinstance(widget, QAbstractButton):
            problem = _button_problem(widget)
        elif isinstance(widget, QLineEdit):
            problem = _placeholder_problem(widget)
        elif isinstance(widget, QTabBar):
            out.extend(_tabs_problems(widget))
        if problem:
            out.append(problem)
    return out


def unreachable_buttons(window: QWidget) -> list[str]:
    """Visible buttons of ``window`` that lie (partly) outside it, except inside scroll areas."""
    out = []
    inside = window.rect()
    for button in window.findChildren(QAbstractButton):
        if not _shown(button) or _in_scroll_area(button, window):
            continue
        top_left = button.mapTo(window, button.rect().topLeft())
        where = QRect(top_left, button.size())
        if not inside.contains(where):
            out.append(f"{_name(button, button.text())} at {where} outside {inside}")
    return out


def _in_scroll_area(widget: QWidget, window: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False
