"""Sync with the office server, in the main window (issue 11, the laptop's side).

``install(window)`` is listed in ``ui.features.FEATURES``. It adds the status and sync button to
the status bar, a "Synk" menu, the Settings → "Server" page, a "Konflikt" button on journal
notes in conflict, and the automatic sync (every few minutes, after signing; stopped while
locked and on close). The widgets call only ``app.sync``, ``app.sync_conflicts``,
``app.sync_resolve`` and ``app.sync_failed`` through ``ui.tasks``.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt

from app.dto import NoteInfo
from app.sync import SyncResult, SyncStatus
from ui.extensions import NoteAction
from ui.session import UiSession
from ui.settings_dialog import register_page
from ui.sync.conflict_view import ConflictDialog
from ui.sync.controller import SyncController, WindowWatch, set_transport_factory
from ui.sync.failed_list import ExportFailedDialog, FailedDialog
from ui.sync.server_page import ConnectDialog, ServerSettingsWidget
from ui.sync.status_widget import SyncStatusWidget

if TYPE_CHECKING:  # ui.main_window imports the features' hosts, not the other way round
    from ui.main_window import MainWindow

__all__ = ["ConflictDialog", "ConnectDialog", "ExportFailedDialog", "FailedDialog",
           "ServerSettingsWidget", "SyncController", "SyncFeature", "SyncStatusWidget",
           "install", "set_transport_factory"]

# The settings page is made from the session alone; it finds its window's sync through this.
_FEATURES: weakref.WeakValueDictionary[int, SyncFeature] = weakref.WeakValueDictionary()


class SyncFeature(QObject):
    """What ``install`` added to one main window (``window.sync``)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.session: UiSession = window.session
        self.controller = SyncController(self.session, self)
        self.status_widget = SyncStatusWidget(self.controller)
        window.statusBar().addPermanentWidget(self.status_widget)
        self.status_widget.conflicts_requested.connect(self.open_conflicts)
        self.status_widget.failed_requested.connect(self.open_failed)
        self.controller.finished.connect(self._on_sync_finished)
        menu = window.add_feature_menu(QCoreApplication.translate("SyncFeature", "S&ynk"))
        self.sync_action = menu.addAction(
            QCoreApplication.translate("SyncFeature", "&Synkronisera nu"))
        self.sync_action.triggered.connect(self.controller.sync_now)
        conflicts = menu.addAction(QCoreApplication.translate("SyncFeature", "&Konflikter…"))
        conflicts.triggered.connect(lambda: self.open_conflicts())
        failed = menu.addAction(
            QCoreApplication.translate("SyncFeature", "Kunde &inte synkroniseras…"))
        failed.triggered.connect(self.open_failed)
        self.watch = WindowWatch(self.controller, window, window.isVisible)
        window.stopping.connect(self.controller.shutdown)
        window.idle_lock.locked.connect(self.controller.stop)
        window.idle_lock.unlocked.connect(self.controller.start)
        window.case_view.note_signed.connect(self._on_note_signed)
        window.note_actions.add(NoteAction("sync-conflict", _label_conflict,
                                           self._run_conflict_action,
                                           lambda note: note.in_conflict))
        self.conflict_dialog: ConflictDialog | None = None
        self.failed_dialog: FailedDialog | None = None
        _FEATURES[id(self.session)] = self

    def _on_note_signed(self, _note: NoteInfo) -> None:
        self.controller.sync_now()

    def _run_conflict_action(self, _session: UiSession, note: NoteInfo) -> None:
        self.open_conflicts(note.id)

    def open_conflicts(self, note_id: str | None = None) -> ConflictDialog:
        dialog = ConflictDialog(self.session, note_id, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.resolved.connect(self._on_resolved)
        dialog.open()
        self.conflict_dialog = dialog
        return dialog

    def open_failed(self) -> FailedDialog:
        dialog = FailedDialog(self.session, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.retried.connect(lambda _n: self.controller.sync_now())
        dialog.open()
        self.failed_dialog = dialog
        return dialog

    def connection_changed(self, status: SyncStatus) -> None:
        self.controller.status = status
        self.controller.status_changed.emit(status)
        if status.connected:
            self.controller.sync_now()

    def _on_resolved(self, _object_id: str) -> None:
        self.controller.refresh_status()
        self._reload_case()

    def _on_sync_finished(self, result: SyncResult | None) -> None:
        if result is not None and (result.pulled or result.conflicts):
            self.window.case_list.refresh()
            self._reload_case()

    def _reload_case(self) -> None:
        """Show what arrived in the open case, unless an editor is open there (its text is the
        user's; the editor reloads nothing under their hands)."""
        view = self.window.case_view
        if view.current_case_id is not None and view.editor is None:
            view.show_case(view.current_case_id)


def _label_conflict() -> str:
    return QCoreApplication.translate("SyncFeature", "Konflikt – visa båda versionerna…")


def _settings_page(session: UiSession) -> ServerSettingsWidget:
    page = ServerSettingsWidget(session)
    feature = _FEATURES.get(id(session))
    if feature is not None:
        page.connection_changed.connect(feature.connection_changed)
    return page


def install(window: MainWindow) -> SyncFeature:
    feature = SyncFeature(window)
    window.sync = feature  # type: ignore[attr-defined]
    register_page(_settings_page)
    feature.controller.start()
    return feature

