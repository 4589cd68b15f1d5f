"""Making widgets fit: a laptop screen (1366×768 less its taskbar), a placeholder's width,
and a dialog whose content may be taller than the screen (it scrolls; its buttons stay)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QRect, QSettings, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QLineEdit, QScrollArea, QWidget

# The smallest screen we design for: the most common caseworker laptop, less a taskbar.
SMALLEST_SCREEN = QSize(1366, 728)
FRAME = QSize(16, 40)  # room for a window manager's borders and title bar


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
    """Keep ``widget`` (a top-level window, already given the size it wants) inside the
    screen: its maximum size is the free area less a window frame, so a layout that wants
    more scrolls or shrinks instead of hiding its buttons below the taskbar."""
    area = limit or available_geometry(widget.parentWidget() or widget).size()
    # A window frame (title bar, borders) needs room too.
    widget.setMaximumSize(QSize(area.width() - FRAME.width(), area.height() - FRAME.height()))
    widget.resize(widget.size().boundedTo(widget.maximumSize()))


def scrolling(content: QWidget) -> QScrollArea:
    """``content`` inside a frameless scroll area that resizes it (vertical scrolling)."""
    area = QScrollArea()
    area.setWidget(content)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    return area


class WindowPlace:
    """Where the main window was (size, position, screen, maximised), kept between starts in
    ``window.ini`` in the data folder (not the user's desktop settings: one laptop may hold
    several installations). Qt's saved geometry names the screen; if that screen is gone the
    window opens on the one it can use."""

    def __init__(self, path: Path) -> None:
        self.settings = QSettings(str(path), QSettings.Format.IniFormat)

    def restore(self, window: QWidget) -> bool:
        """Put ``window`` where it was; False (and a size that fits the screen) the first
        time or when the saved place no longer fits any screen."""
        saved = self.settings.value("main/geometry")
        if isinstance(saved, QByteArray) and window.restoreGeometry(saved):
            area = available_geometry(window)
            if area.intersects(window.frameGeometry()):
                return True
        fit_window(window)
        return False

    def save(self, window: QWidget) -> None:
        self.settings.setValue("main/geometry", window.saveGeometry())
        self.settings.sync()


def fit_window(window: QWidget, wanted: QSize | None = None) -> None:
    """The first size of the main window: ``wanted`` (1200×760), or less on a smaller screen,
    centred."""
    area = available_geometry(window)
    size = (wanted or QSize(1200, 760)).boundedTo(
        QSize(area.width() - FRAME.width(), area.height() - FRAME.height()))
    window.resize(size)
    window.move(area.center() - window.rect().center())
