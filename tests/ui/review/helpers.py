"""Driving the review flow in tests and reading every text a widget tree shows."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from app.context import Context
from ui.review.flow import ReviewFlow, start_review_flow
from ui.review.kiosk_window import ReviewKioskWindow
from ui.review.speech import Speaker
from ui.review.start_dialog import ReviewStartDialog
from ui.tasks import TaskManager


def all_texts(root: QWidget) -> list[str]:
    """Every text the widget tree could show or announce (screen readers included)."""
    out: list[str] = []
    for w in [root, *root.findChildren(QWidget)]:
        out += widget_texts(w)
    return out


def widget_texts(w: QWidget) -> list[str]:
    """The texts of one widget (not its children)."""
    out = [w.toolTip(), w.whatsThis(), w.accessibleName(), w.accessibleDescription(),
           w.windowTitle(), w.statusTip()]
    if isinstance(w, QLabel | QAbstractButton | QLineEdit):
        out.append(w.text())
    if isinstance(w, QLineEdit | QPlainTextEdit | QTextEdit):
        out.append(w.placeholderText())
    if isinstance(w, QTextEdit):
        out += [w.toPlainText(), w.toHtml()]
    if isinstance(w, QPlainTextEdit):
        out.append(w.toPlainText())
    if isinstance(w, QListWidget):
        out += [w.item(i).text() for i in range(w.count())]
    return out


def shown_anywhere(needle: str, kiosk: ReviewKioskWindow) -> bool:
    roots = [w for w in QApplication.topLevelWidgets() if w.isVisible()] + [kiosk]
    return any(needle in text for root in roots for text in all_texts(root))


def open_dialog(host: QWidget, ctx: Context, note_id: str, tasks: TaskManager,
                speaker: Speaker, **kwargs: Any) -> tuple[ReviewFlow, ReviewStartDialog]:
    flow = start_review_flow(host, ctx, note_id, tasks, speaker=speaker, **kwargs)
    assert flow.dialog is not None
    return flow, flow.dialog


def start_kiosk(dialog: ReviewStartDialog, flow: ReviewFlow) -> ReviewKioskWindow:
    dialog.start_button.click()
    assert flow.kiosk is not None, dialog.error_label.text()
    return flow.kiosk
