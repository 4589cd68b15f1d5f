"""Making widgets fit: a laptop screen (1366×768 less its taskbar), a placeholder's width,
and a dialog whose content may be taller than the screen (it scrolls; its buttons stay)."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QLineEdit, QScrollArea, QWidget

# The smallest screen we design for: the most common caseworker laptop, less a taskbar.
SMALLEST_SCREEN = QSize(1366, 728)


def fit_placeholder(edit: QLineEdit, extra: int = 28) -> None:
    """Make ``edit`` at least as wide as its placeholder text (plus frame and clear button)."""
    width = edit.fontMetrics().horizontalAdvance(edit.placeholderText()) + extra
    edit.setMinimumWidth(max(edit.minimumWidth(), width))


def available_geometry(widget: QWidget | None = None) -> QRect:
    """The free area of the screen ``widget`` is on (the primary screen if none)."""
    screen = widget.screen() if widget is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(
        0, 0, SMALLEST_SCREEN.width(), SMALLEST_SCREEN.height())


def limit_to_screen(widget: QWidget, limit: QSize | None = None) -> None:
    """Keep ``widget`` (a top-level window) inside the screen: its maximum size is the free
    area, so a layout that wants more scrolls or shrinks instead of hiding its buttons."""
    area = limit or available_geometry(widget).size()
    # A window frame (title bar, borders) needs room too.
    widget.setMaximumSize(QSize(area.width() - 16, area.height() - 40))
    size = widget.sizeHint().boundedTo(widget.maximumSize())
    widget.resize(size.expandedTo(widget.minimumSize()).boundedTo(widget.maximumSize()))


def scrolling(content: QWidget) -> QScrollArea:
    """``content`` inside a frameless scroll area that resizes it (vertical scrolling)."""
    area = QScrollArea()
    area.setWidget(content)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    return area
