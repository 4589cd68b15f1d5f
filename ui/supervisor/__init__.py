"""Follow-up for supervisors and admins: statistics (everyone sees their own) and culling.

The composition root (``ui.features``) calls ``install(window)`` once per main window; it adds
the menu "Uppföljning" with "Statistik…" and, for an admin, "Gallring…".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction

from ui.supervisor.culling_dialog import CullingDialog
from ui.supervisor.stats_view import StatsDialog

if TYPE_CHECKING:
    from ui.main_window import MainWindow

__all__ = ["CullingDialog", "StatsDialog", "install"]



def install(window: MainWindow) -> None:
    translate = QCoreApplication.translate
    menu = window.add_feature_menu(translate("SupervisorMenu", "&Uppföljning"))
    stats_action = QAction(translate("SupervisorMenu", "&Statistik…"), window)
    stats_action.triggered.connect(lambda: _open(window, StatsDialog(window.session, window)))
    menu.addAction(stats_action)
    if window.session.ctx.actor.role == "admin":
        cull_action = QAction(translate("SupervisorMenu", "&Gallring…"), window)
        cull_action.triggered.connect(
            lambda: _open(window, CullingDialog(window.session, window)))
        menu.addAction(cull_action)


def _open(window: MainWindow, dialog: StatsDialog | CullingDialog) -> None:
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
