"""Calm blank windows over every screen but the kiosk's, so that a second monitor or projector
does not keep showing the main window (with the whole note) while the family reads.

Threading contract: GUI thread only. ``ScreenCovers`` follows screens being plugged in and out
while the kiosk is up and puts a cover back if something hides it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QCloseEvent, QGuiApplication, QScreen
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui.review.style import BACKGROUND, MUTED


class ScreenCoverWidget(QWidget):
    """A full-screen, frameless, calm window on one screen; it takes no focus and no input
    goes past it."""

    def __init__(self, screen: QScreen) -> None:
        super().__init__(None, Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint
                         | Qt.WindowType.WindowStaysOnTopHint
                         | Qt.WindowType.WindowDoesNotAcceptFocus)
        self.setObjectName("reviewScreenCover")
        self.setWindowTitle(self.tr("Samskriv – genomgång"))
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)
        self.setStyleSheet(f"QWidget#reviewScreenCover {{ background: {BACKGROUND}; }}"
                           f"QLabel {{ color: {MUTED}; font-size: 18pt; }}")
        layout = QVBoxLayout(self)
        self.label = QLabel(self.tr("Genomgången visas på den andra skärmen."))
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        layout.addWidget(self.label)
        self._released = False
        self.cover(screen)

    def cover(self, screen: QScreen) -> None:
        self.setScreen(screen)
        self.setGeometry(screen.geometry())
        # Not showFullScreen(): it also activates the window, and a cover never takes focus
        # from the kiosk.
        self.setWindowState(Qt.WindowState.WindowFullScreen)
        self.show()

    def release(self) -> None:
        self._released = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        if self._released:
            event.accept()
        else:
            event.ignore()


class ScreenCovers(QObject):
    """Covers for every screen other than ``kiosk``'s, kept in step with the screens."""

    def __init__(self, kiosk: QWidget) -> None:
        super().__init__(kiosk)
        self._kiosk = kiosk
        self._covers: dict[QScreen, ScreenCoverWidget] = {}
        self._active = False
        app = QGuiApplication.instance()
        assert isinstance(app, QGuiApplication)
        app.screenAdded.connect(self._on_app_screen_changed)
        app.screenRemoved.connect(self._on_app_screen_changed)
        app.primaryScreenChanged.connect(self._on_app_screen_changed)

    @property
    def covers(self) -> list[ScreenCoverWidget]:
        return list(self._covers.values())

    def show(self) -> None:
        self._active = True
        self.refresh()

    def hide(self) -> None:
        """Take every cover away (the kiosk is suspended or ends)."""
        self._active = False
        for cover in self._covers.values():
            cover.release()
            cover.deleteLater()
        self._covers.clear()

    def refresh(self) -> None:
        """One visible cover per other screen; gone screens lose theirs."""
        if not self._active:
            return
        mine = self._kiosk.screen()
        wanted = [s for s in QGuiApplication.screens() if s is not mine]
        for screen in [s for s in self._covers if s not in wanted]:
            gone = self._covers.pop(screen)
            gone.release()
            gone.deleteLater()
        for screen in wanted:
            cover = self._covers.get(screen)
            if cover is None:
                self._covers[screen] = ScreenCoverWidget(screen)
            elif not cover.isVisible() or cover.isMinimized():
                cover.cover(screen)

    def _on_app_screen_changed(self, *_args: object) -> None:
        self.refresh()
