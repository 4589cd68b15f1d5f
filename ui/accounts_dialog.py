"""The admin's "Användare" dialog (list, add, deactivate, new password, lift a lockout) and
everyone's "Byt lösenord" dialog. All checks live in ``app.user_admin``/``app.accounts``; the
dialogs only call them on the worker and show what comes back."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import accounts, user_admin, vocabulary
from app.dto import AccountInfo
from ui.errors import FieldErrorLabel, FormErrors
from ui.formatting import translated
from ui.session import UiSession


def _password_edit(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setAccessibleName(name)
    return edit


class UsersDialog(QDialog):
    """Accounts with role and status; the actions apply to the selected row."""

    accounts_changed = Signal()

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.rows: list[AccountInfo] = []
        self.setWindowTitle(self.tr("Användare"))
        self.setMinimumWidth(640)
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Användarnamn"), self.tr("Namn"), self.tr("Roll"), self.tr("Status")])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.table)
        actions = QHBoxLayout()
        self.deactivate_button = QPushButton(self.tr("Stäng av kontot"))
        self.unlock_button = QPushButton(self.tr("Häv spärren"))
        self.deactivate_button.clicked.connect(self._on_deactivate_clicked)
        self.unlock_button.clicked.connect(self._on_unlock_clicked)
        actions.addWidget(self.deactivate_button)
        actions.addWidget(self.unlock_button)
        actions.addStretch(1)
        layout.addLayout(actions)
        reset = QGroupBox(self.tr("Nytt lösenord för valt konto"))
        reset_form = QFormLayout(reset)
        self.reset_password = _password_edit(self.tr("Nytt lösenord"))
        self.reset_button = QPushButton(self.tr("Sätt nytt lösenord"))
        self.reset_button.clicked.connect(self._on_reset_clicked)
        reset_form.addRow(self.tr("Nytt lösenord"), self.reset_password)
        reset_form.addRow("", self.reset_button)
        layout.addWidget(reset)
        add = QGroupBox(self.tr("Lägg till ett konto"))
        form = QFormLayout(add)
        self.new_username, self.new_name = QLineEdit(), QLineEdit()
        self.new_role = QComboBox()
        for key, word in vocabulary.USER_ROLES.items():
            self.new_role.addItem(translated(word), key)
        self.new_password = _password_edit(self.tr("Lösenord"))
        self.new_repeat = _password_edit(self.tr("Upprepa lösenordet"))
        self.add_button = QPushButton(self.tr("Lägg till"))
        self.add_button.clicked.connect(self._on_add_clicked)
        for label, widget in ((self.tr("Användarnamn"), self.new_username),
                              (self.tr("Namn"), self.new_name), (self.tr("Roll"), self.new_role),
                              (self.tr("Lösenord"), self.new_password),
                              (self.tr("Upprepa lösenordet"), self.new_repeat)):
            form.addRow(label, widget)
        form.addRow("", self.add_button)
        layout.addWidget(add)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.error = FieldErrorLabel()
        layout.addWidget(self.message)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._action_buttons = (self.deactivate_button, self.unlock_button, self.reset_button,
                                self.add_button)
        self.errors = FormErrors(self, general=self.error, reenable=self._action_buttons)
        self.refresh()

    def refresh(self) -> None:
        self.session.tasks.op(user_admin.list_accounts, self.session.ctx) \
            .success(self._on_list_loaded).failure(self.errors).owned_by(self).run()

    def status_text(self, account: AccountInfo) -> str:
        if not account.active:
            return self.tr("Avstängt")
        if account.locked:
            return self.tr("Spärrat")
        return self.tr("Aktivt")

    def _on_list_loaded(self, rows: list[AccountInfo]) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for i, a in enumerate(rows):
            cells = (a.username, a.display_name, translated(vocabulary.user_role(a.role)),
                     self.status_text(a))
            for j, text in enumerate(cells):
                self.table.setItem(i, j, QTableWidgetItem(text))
        self._busy(False)

    def selected(self) -> AccountInfo | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def select_username(self, username: str) -> None:
        for i, a in enumerate(self.rows):
            if a.username == username:
                self.table.selectRow(i)

    def _busy(self, busy: bool) -> None:
        for button in self._action_buttons:
            button.setEnabled(not busy)

    def _run(self, fn: Callable[..., object], *args: object, done: str) -> None:
        self.errors.clear()
        self.message.clear()
        self._busy(True)
        self.session.tasks.op(fn, self.session.ctx, *args) \
            .success(lambda _r: self._on_action_done(done)).failure(self.errors) \
            .owned_by(self).run()

    def _on_action_done(self, message: str) -> None:
        self.message.setText(message)
        self.accounts_changed.emit()
        self.refresh()

    def _on_deactivate_clicked(self) -> None:
        account = self.selected()
        if account is None:
            self.error.show_message(self.tr("Välj ett konto i listan."))
            return
        self._run(user_admin.deactivate_user, account.username,
                  done=self.tr("{name} är avstängt.").format(name=account.username))

    def _on_unlock_clicked(self) -> None:
        account = self.selected()
        if account is None:
            self.error.show_message(self.tr("Välj ett konto i listan."))
            return
        self._run(user_admin.unlock_user, account.username,
                  done=self.tr("Spärren för {name} är hävd.").format(name=account.username))

    def _on_reset_clicked(self) -> None:
        account = self.selected()
        if account is None:
            self.error.show_message(self.tr("Välj ett konto i listan."))
            return
        password = self.reset_password.text()
        self.reset_password.clear()
        self._run(user_admin.reset_password, account.username, password,
                  done=self.tr("{name} har fått ett nytt lösenord.").format(
                      name=account.username))

    def _on_add_clicked(self) -> None:
        if self.new_password.text() != self.new_repeat.text():
            self.error.show_message(self.tr("Lösenorden är olika."))
            return
        username = self.new_username.text().strip()
        self._run(accounts.add_user, username, self.new_name.text(),
                  str(self.new_role.currentData()), self.new_password.text(),
                  done=self.tr("{name} har lagts till.").format(name=username))
        for edit in (self.new_username, self.new_name, self.new_password, self.new_repeat):
            edit.clear()


class ChangePasswordDialog(QDialog):
    """The current password, the new one and the new one again."""

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Byt lösenord"))
        self.setMinimumWidth(400)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.old = _password_edit(self.tr("Nuvarande lösenord"))
        self.new = _password_edit(self.tr("Nytt lösenord"))
        self.repeat = _password_edit(self.tr("Upprepa det nya lösenordet"))
        form.addRow(self.tr("&Nuvarande lösenord"), self.old)
        form.addRow(self.tr("N&ytt lösenord"), self.new)
        form.addRow(self.tr("&Upprepa det nya lösenordet"), self.repeat)
        layout.addLayout(form)
        self.error = FieldErrorLabel()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Byt lösenord"))
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.errors = FormErrors(self, general=self.error, reenable=(self.buttons,))
        self.old.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_buttons_accepted(self) -> None:
        self.errors.clear()
        if self.new.text() != self.repeat.text():
            self.error.show_message(self.tr("De nya lösenorden är olika."))
            return
        self.buttons.setEnabled(False)
        self.session.tasks.op(accounts.change_password, self.session.ctx, self.old.text(),
                              self.new.text()) \
            .success(self._on_changed).failure(self.errors).owned_by(self).run()
        self.old.clear()

    def _on_changed(self, _result: None) -> None:
        self.buttons.setEnabled(True)
        self.accept()
