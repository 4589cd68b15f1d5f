"""The main window: case list on the left, the open case on the right, idle lock over both.

Extension points for other packages (see ``ui.extensions`` for the full contract):

* ``note_actions`` / ``visit_actions``: registries of buttons on note cards and visits,
* ``visit_open_requested(visit_id)``: a visit was double-clicked,
* ``case_view``: ``open_page``, ``close_page``, ``open_note_editor``, ``current_case_id``,
* ``idle_lock``: ``set_inhibited`` while a kiosk with its own PIN is up,
* ``settings_changed(old, new)``: emitted after the settings dialog saved,
* ``stopping``: the window's timers must stop (log out, app exit, language change).

Closing the window with an editor that holds unsaved text asks first (save, discard, cancel).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from app import trust_report, vocabulary
from app.dto import CaseDetail
from app.settings import Settings
from app.trust import TrustReport
from ui.accounts_dialog import ChangePasswordDialog, UsersDialog
from ui.case_list import CaseListWidget
from ui.case_view import CaseViewWidget
from ui.extensions import ActionRegistry, NoteAction, VisitAction
from ui.fit import WindowPlace
from ui.idle_lock import IdleLock, LockScreenWidget
from ui.new_case import NewCaseDialog
from ui.session import UiSession
from ui.settings_dialog import SettingsDialog


class MainWindow(QMainWindow):
    visit_open_requested = Signal(str)
    settings_changed = Signal(object, object)  # old Settings, new Settings
    stopping = Signal()  # the window's timers stop for good (log out, language change)

    def __init__(self, session: UiSession, settings: Settings,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.settings = settings
        self.note_actions: ActionRegistry[NoteAction] = ActionRegistry()
        self.visit_actions: ActionRegistry[VisitAction] = ActionRegistry()
        self.setWindowTitle("Samskriv")
        self.place = WindowPlace(session.ctx.paths.root / "window.ini")
        groups = vocabulary.load_sections(session.ctx.paths.root / "sections.json")
        self.idle_lock = IdleLock(settings.idle_lock_minutes, self)
        self.case_list = CaseListWidget(session)
        self.case_view = CaseViewWidget(session, self.note_actions, self.visit_actions, groups,
                                        suspend_idle_lock=self.idle_lock.set_inhibited)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.case_list)
        self.splitter.addWidget(self.case_view)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([330, 870])
        self.lock_screen = LockScreenWidget(session)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.splitter)
        self.stack.addWidget(self.lock_screen)
        self.setCentralWidget(self.stack)
        self.case_list.case_selected.connect(self._on_case_list_case_selected)
        self.case_list.hit_activated.connect(self._on_case_list_hit_activated)
        self.case_list.new_case_requested.connect(self.open_new_case_dialog)
        self.case_view.visit_open_requested.connect(self.visit_open_requested)
        self.case_view.case_switch_cancelled.connect(self._on_case_view_case_switch_cancelled)
        self.case_view.case_changed.connect(self._on_case_view_case_changed)
        self.idle_lock.locked.connect(self._on_idle_lock_locked)
        self.lock_screen.unlock_succeeded.connect(self.idle_lock.unlock)
        self.idle_lock.unlocked.connect(self._on_idle_lock_unlocked)
        self._hidden_windows: list[QWidget] = []
        self._build_menu()
        self.busy_label = QLabel()
        self.statusBar().addPermanentWidget(self.busy_label)
        self.statusBar().showMessage(self.tr("Inloggad som {name}").format(
            name=session.display_name))
        session.tasks.busy_changed.connect(self._on_tasks_busy_changed)
        self.trust_warning = QLabel()
        self.trust_warning.setWordWrap(True)
        self.trust_warning.setStyleSheet("color: #8a1c1c; font-weight: bold; padding: 4px;")
        self.trust_bar = QToolBar()
        self.trust_bar.setMovable(False)
        self.trust_bar.addWidget(self.trust_warning)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.trust_bar)
        self.trust_bar.hide()
        self.case_list.refresh()
        self.check_trust()

    def check_trust(self) -> None:
        """Verify the store's signatures and audit chain in the background (it reads every
        record, so on the long-task worker); show a warning if anything does not hold."""
        self.session.background.op(trust_report.check, self.session.ctx).success(
            self._on_trust_checked).owned_by(self).run()

    def _on_trust_checked(self, report: TrustReport) -> None:
        if report.ok:
            self.trust_bar.hide()
            return
        self.trust_warning.setText(self.tr(
            "Varning: {count} poster i databasen stämmer inte med sina signaturer eller med "
            "granskningsloggen. De kan ha ändrats utanför Samskriv. Kontakta en administratör."
        ).format(count=max(len(report.findings), 1)))
        self.trust_bar.show()

    def _build_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Arkiv"))
        self._action(menu, self.tr("&Nytt ärende…"), "Ctrl+Shift+N", self.open_new_case_dialog)
        self._action(menu, self.tr("&Sök i anteckningar"), "Ctrl+F", self._on_search_action)
        menu.addSeparator()
        self._action(menu, self.tr("&Inställningar…"), "Ctrl+,", self.open_settings_dialog)
        self._action(menu, self.tr("&Lås nu"), "Ctrl+L", self.idle_lock.lock_now)
        menu.addSeparator()
        self._action(menu, self.tr("A&vsluta"), QKeySequence.StandardKey.Quit, self.close)
        account = self.menuBar().addMenu(self.tr("&Konto"))
        self._account_menu = account
        self._action(account, self.tr("&Byt lösenord…"), "", self.open_change_password_dialog)
        if self.session.ctx.actor.role == "admin":  # the service refuses others anyway
            self._action(account, self.tr("&Användare…"), "", self.open_users_dialog)

    def add_feature_menu(self, title: str) -> QMenu:
        """A menu of a feature package, placed before "Konto" (the account menu stays last)."""
        menu = QMenu(title, self)
        self.menuBar().insertMenu(self._account_menu.menuAction(), menu)
        return menu

    def _action(self, menu: QMenu, text: str, key: str | QKeySequence.StandardKey,
                slot: object) -> QAction:
        action = QAction(text, self)
        if key:
            action.setShortcut(QKeySequence(key))
        action.triggered.connect(slot)
        menu.addAction(action)
        self.addAction(action)
        return action

    # -- dialogs -----------------------------------------------------------------------------

    def open_new_case_dialog(self) -> NewCaseDialog:
        dialog = NewCaseDialog(self.session, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.case_created.connect(self._on_new_case_created)
        dialog.open()
        self.new_case_dialog = dialog
        return dialog

    def open_settings_dialog(self) -> SettingsDialog:
        dialog = SettingsDialog(self.session, self.settings, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.settings_saved.connect(self._on_settings_saved)
        dialog.open()
        self.settings_dialog = dialog
        return dialog

    def open_users_dialog(self) -> UsersDialog:
        dialog = UsersDialog(self.session, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.users_dialog = dialog
        return dialog

    def open_change_password_dialog(self) -> ChangePasswordDialog:
        dialog = ChangePasswordDialog(self.session, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.change_password_dialog = dialog
        return dialog

    def show_login_notices(self) -> QMessageBox | None:
        """Failed attempts since the last login, and a guard file that went missing."""
        notices = self.session.ctx.login_notices
        if not notices:
            return None
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Inloggningar sedan sist"),
                          "\n\n".join(notices), QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.login_notice_box = box
        return box

    @Slot(object, object)
    def _on_settings_saved(self, old: Settings, new: Settings) -> None:
        self.settings = new
        self.idle_lock.set_timeout_ms(new.idle_lock_minutes * 60_000)
        self.settings_changed.emit(old, new)

    @Slot(object)
    def _on_new_case_created(self, case: CaseDetail) -> None:
        self.case_list.filter.clear()
        self.case_list.refresh(select_id=case.id)

    def _on_case_view_case_changed(self, _case_id: str) -> None:
        self.case_list.refresh()  # the number, title or status shown in the list

    def _on_search_action(self) -> None:
        self.case_list.setCurrentIndex(1)
        self.case_list.search_field.setFocus()

    # -- navigation --------------------------------------------------------------------------

    def _on_case_list_case_selected(self, case_id: str) -> None:
        self.case_view.show_case(case_id)

    def _on_case_list_hit_activated(self, case_id: str, note_id: str) -> None:
        self.case_view.show_case(case_id, focus_note_id=note_id)

    @Slot(str)
    def _on_case_view_case_switch_cancelled(self, case_id: str) -> None:
        """The user kept the open editor: mark its case in the list again, quietly."""
        cases = self.case_list.list
        for row in range(cases.count()):
            item = cases.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == case_id:
                cases.blockSignals(True)
                cases.setCurrentItem(item)
                cases.blockSignals(False)
                return

    # -- idle lock ---------------------------------------------------------------------------

    @property
    def is_locked(self) -> bool:
        return self.idle_lock.is_locked

    @Slot()
    def _on_idle_lock_locked(self) -> None:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        kinds = (Qt.WindowType.Window, Qt.WindowType.Dialog)
        self._hidden_windows = [w for w in app.topLevelWidgets()
                                if w is not self and w.isVisible() and w.windowType() in kinds]
        for window in self._hidden_windows:
            window.hide()
        self.splitter.hide()
        self.menuBar().setEnabled(False)
        self.stack.setCurrentWidget(self.lock_screen)
        self.lock_screen.reset()

    @Slot()
    def _on_idle_lock_unlocked(self) -> None:
        self.stack.setCurrentWidget(self.splitter)
        self.splitter.show()
        self.menuBar().setEnabled(True)
        for window in self._hidden_windows:
            window.show()
        self._hidden_windows = []

    @Slot(bool)
    def _on_tasks_busy_changed(self, busy: bool) -> None:
        self.busy_label.setText(self.tr("Arbetar…") if busy else "")

    def stop_background(self) -> None:
        """Stop the idle lock and tell the features to stop their timers (``stopping``): the
        app is shutting down or replacing this window, whether or not it was closed."""
        self.idle_lock.stop()
        self.stopping.emit()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        editor = self.case_view.editor
        if editor is not None and editor.is_dirty:
            event.ignore()
            if not self.is_locked:  # nothing is decided behind the lock screen
                editor.request_close(self.close)
            return
        self.idle_lock.stop()
        self.place.save(self)
        super().closeEvent(event)
