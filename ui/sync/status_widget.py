"""The always-visible sync status in the main window's status bar: what waits to be sent, when
the last sync finished, whether the server can be reached, a progress bar for large syncs, the
sync button and ways into the conflicts and the "Kunde inte synkroniseras" list."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from app.review_text import local_time
from app.sync import SyncResult, SyncStatus
from ui.sync.controller import SyncController

# Fewer items than this go by too fast for a progress bar to help.
LARGE_SYNC = 20


def last_synced_text(when: datetime, now: datetime) -> str:
    """``14:02`` today, ``2026-11-30 14:02`` before (the computer's time zone)."""
    full, today = local_time(when), local_time(now)
    return full[11:] if full[:10] == today[:10] else full


class SyncStatusWidget(QWidget):
    conflicts_requested = Signal()
    failed_requested = Signal()

    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.label.setObjectName("syncStatus")
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(140)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.conflicts_button = QPushButton()
        self.conflicts_button.setFlat(True)
        self.conflicts_button.setStyleSheet("color: #a51d2d; font-weight: bold;")
        self.conflicts_button.clicked.connect(self.conflicts_requested)
        self.conflicts_button.hide()
        self.failed_button = QPushButton()
        self.failed_button.setFlat(True)
        self.failed_button.setStyleSheet("color: #a51d2d;")
        self.failed_button.clicked.connect(self.failed_requested)
        self.failed_button.hide()
        self.sync_button = QPushButton(self.tr("Synkronisera"))
        self.sync_button.setToolTip(self.tr("Skicka och hämta ändringar från servern nu"))
        self.sync_button.clicked.connect(controller.sync_now)
        for widget in (self.label, self.progress, self.conflicts_button, self.failed_button,
                       self.sync_button):
            layout.addWidget(widget)
        controller.status_changed.connect(self.show_status)
        controller.progressed.connect(self._on_progressed)
        controller.started.connect(self._on_started)
        controller.finished.connect(self._on_finished)
        self.sync_button.setEnabled(False)
        self.label.setText(self.tr("Inte ansluten till någon server"))

    def text_for(self, status: SyncStatus, now: datetime) -> str:
        """The status line: what waits, the last sync, and the server's reachability."""
        if not status.connected:
            return self.tr("Inte ansluten till någon server")
        parts: list[str] = []
        if status.reachable is False:
            parts.append(self.tr("Servern kan inte nås"))
        elif status.last_error:
            parts.append(self.tr("Synkroniseringen nekades: {reason}").format(
                reason=status.last_error))
        if status.pending_notes:
            parts.append(self.tr("%n anteckning(ar) väntar på att skickas", "",
                                 status.pending_notes))
        elif status.pending:
            parts.append(self.tr("%n ändring(ar) väntar på att skickas", "", status.pending))
        if status.last_synced_at is not None:
            parts.append(self.tr("Senast synkroniserad {when}").format(
                when=last_synced_text(status.last_synced_at, now)))
        else:
            parts.append(self.tr("Aldrig synkroniserad"))
        return " · ".join(parts)

    @Slot(object)
    def show_status(self, status: SyncStatus) -> None:
        now = self.controller.session.ctx.now()
        if not self.controller.running:
            self.label.setText(self.text_for(status, now))
        self.label.setToolTip(status.server_url)
        self.sync_button.setEnabled(status.connected and not self.controller.running)
        self.conflicts_button.setText(self.tr("%n konflikt(er)", "", status.conflicts))
        self.conflicts_button.setVisible(status.conflicts > 0)
        self.failed_button.setText(self.tr("%n kunde inte synkroniseras", "", status.failed))
        self.failed_button.setVisible(status.failed > 0)

    @Slot()
    def _on_started(self) -> None:
        self.sync_button.setEnabled(False)
        self.label.setText(self.tr("Synkroniserar…"))

    @Slot(int, int, str)
    def _on_progressed(self, done: int, total: int, phase: str) -> None:
        if max(done, total) < LARGE_SYNC:
            return
        if phase == "push" and total:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))
            self.label.setText(self.tr("Skickar {done} av {total}…").format(done=done,
                                                                            total=total))
        else:
            self.progress.setRange(0, 0)  # the server does not say how much is left
            self.label.setText(self.tr("Hämtar… {done} hittills").format(done=done))
        self.progress.show()

    @Slot(object)
    def _on_finished(self, _result: SyncResult | None) -> None:
        self.progress.hide()
        self.progress.setRange(0, 1)
        if self.controller.status is not None:
            self.show_status(self.controller.status)
