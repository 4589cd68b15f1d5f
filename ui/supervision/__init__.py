"""Follow-up (Uppföljning): journal export, statistics, log follow-up and culling.

``install(window)`` is listed in ``ui.features.FEATURES``; the dialogs call only ``app.export``,
``app.stats``, ``app.staffing``, ``app.audit_log`` and ``app.culling``. Everyone gets the
"Uppföljning" menu with the case export and their own statistics; supervisors and admins also
the unit export and the log follow-up, admins culling. The services check every permission
again, in Swedish.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QPushButton, QWidget

from ui.supervision.culling_dialog import CullingDialog
from ui.supervision.export_dialog import ExportDialog
from ui.supervision.log_view import AuditLogDialog
from ui.supervision.stats_view import StatsDialog

if TYPE_CHECKING:  # ui.main_window imports the features' hosts, not the other way round
    from ui.main_window import MainWindow

__all__ = ["AuditLogDialog", "CullingDialog", "ExportDialog", "StatsDialog", "SupervisionMenu",
           "install"]

SUPERVISOR_ROLES = ("supervisor", "admin")


class SupervisionMenu:
    """What ``install`` added to one main window (kept so tests and other features reach it)."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        session = window.session
        self.export_button = QPushButton(
            QCoreApplication.translate("SupervisionMenu", "E&xportera journal…"))
        self.export_button.setToolTip(QCoreApplication.translate(
            "SupervisionMenu", "Spara ärendets journal som PDF/A, Word, CSV eller JSON (Ctrl+E)"))
        self.export_button.clicked.connect(self.open_case_export)
        window.case_view.add_journal_tool(self.export_button)
        self.case_action = QAction(QCoreApplication.translate(
            "SupervisionMenu", "E&xportera ärendets journal…"), window)
        self.case_action.setShortcut(QKeySequence("Ctrl+E"))
        self.case_action.triggered.connect(self.open_case_export)
        window.addAction(self.case_action)
        self.unit_action: QAction | None = None
        self.log_action: QAction | None = None
        self.cull_action: QAction | None = None
        menu = window.add_feature_menu(
            QCoreApplication.translate("SupervisionMenu", "&Uppföljning"))
        menu.addAction(self.case_action)
        self.stats_action = menu.addAction(
            QCoreApplication.translate("SupervisionMenu", "&Statistik…"))
        self.stats_action.triggered.connect(self.open_stats)
        if session.ctx.actor.role in SUPERVISOR_ROLES:
            self.unit_action = menu.addAction(
                QCoreApplication.translate("SupervisionMenu", "Exportera &enhetens journaler…"))
            self.unit_action.triggered.connect(self.open_unit_export)
            self.log_action = menu.addAction(
                QCoreApplication.translate("SupervisionMenu", "&Logguppföljning…"))
            self.log_action.triggered.connect(self.open_log)
        if session.ctx.actor.role == "admin":
            self.cull_action = menu.addAction(
                QCoreApplication.translate("SupervisionMenu", "&Gallring…"))
            self.cull_action.triggered.connect(self.open_culling)

    def _show(self, dialog: QWidget) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    def open_case_export(self) -> ExportDialog | None:
        view = self.window.case_view
        if view.current_case_id is None or view.case is None:
            self.window.statusBar().showMessage(
                QCoreApplication.translate("SupervisionMenu", "Öppna ett ärende först."), 5000)
            return None
        dialog = ExportDialog(self.window.session, view.current_case_id, view.case.case_number,
                              self.window)
        self._show(dialog)
        return dialog

    def open_unit_export(self) -> ExportDialog:
        dialog = ExportDialog(self.window.session, None, "", self.window)
        self._show(dialog)
        return dialog

    def open_stats(self) -> StatsDialog:
        dialog = StatsDialog(self.window.session, self.window)
        self._show(dialog)
        return dialog

    def open_culling(self) -> CullingDialog:
        dialog = CullingDialog(self.window.session, self.window)
        self._show(dialog)
        return dialog

    def open_log(self) -> AuditLogDialog:
        dialog = AuditLogDialog(self.window.session, self.window)
        self._show(dialog)
        dialog.refresh()
        return dialog


def install(window: MainWindow) -> SupervisionMenu:
    menu = SupervisionMenu(window)
    window.supervision = menu  # type: ignore[attr-defined]
    return menu
