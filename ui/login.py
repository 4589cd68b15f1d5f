"""First-run dialog (creates the first admin account) and the login dialog.

Both run the Argon2id work on the task manager's worker thread and emit ``logged_in(Context)``
on success. A failed login writes nothing; the message appears inline and the typed user name
stays.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app import accounts
from app.context import Context
from app.errors import AuthenticationError, ValidationError
from app.keys import KdfParams
from app.paths import DataPaths
from ui.errors import FieldErrorLabel, FormErrors
from ui.tasks import TaskManager


def _field(form: QFormLayout, label: str, edit: QLineEdit, error: FieldErrorLabel) -> None:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(edit)
    layout.addWidget(error)
    edit.setAccessibleName(label.replace("&", ""))
    form.addRow(label, box)
    caption = form.labelForField(box)
    if isinstance(caption, QLabel):
        caption.setBuddy(edit)


class _CredentialsDialog(QDialog):
    logged_in = Signal(object)  # app.context.Context

    def __init__(self, paths: DataPaths, tasks: TaskManager, kdf: KdfParams | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths, self.tasks, self.kdf = paths, tasks, kdf
        self.context: Context | None = None
        self.setWindowTitle("Samskriv")
        self.setMinimumWidth(420)
        self.layout_ = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.layout_.addWidget(self.intro)
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)
        self.form_error = FieldErrorLabel()
        self.layout_.addWidget(self.form_error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        self.errors = FormErrors(self, general=self.form_error)
        self.wait_left = 0
        self.wait_label = QLabel()
        self.wait_label.setAccessibleName(self.tr("Väntetid"))
        self.wait_timer = QTimer(self)
        self.wait_timer.setInterval(1000)
        self.wait_timer.timeout.connect(self._on_wait_timer_timeout)

    def _finish_layout(self) -> None:
        self.layout_.addWidget(self.wait_label)
        self.layout_.addWidget(self.buttons)

    def _set_busy(self, busy: bool) -> None:
        self.buttons.setEnabled(not busy)
        if not busy and self.wait_timer.isActive():
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.setCursor(Qt.CursorShape.WaitCursor if busy else Qt.CursorShape.ArrowCursor)

    def _on_buttons_accepted(self) -> None:
        raise NotImplementedError

    def _on_task_succeeded(self, ctx: Context) -> None:
        self._set_busy(False)
        self.context = ctx
        self.logged_in.emit(ctx)
        self.accept()

    def _on_task_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.errors(exc)
        wait = exc.retry_after_s if isinstance(exc, AuthenticationError) else 0
        if wait > 0:
            self._start_wait(wait)

    def _start_wait(self, seconds: int) -> None:
        """The service refuses tries until then; the button says so and counts down."""
        self.wait_left = seconds
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self._show_wait()
        self.wait_timer.start()

    def _show_wait(self) -> None:
        self.wait_label.setText(self.tr("Vänta {n} s innan du försöker igen.")
                                .format(n=self.wait_left))

    @Slot()
    def _on_wait_timer_timeout(self) -> None:
        self.wait_left -= 1
        if self.wait_left > 0:
            self._show_wait()
            return
        self.wait_timer.stop()
        self.wait_label.clear()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)


class LoginDialog(_CredentialsDialog):
    """Username + password; emits ``logged_in(Context)``."""

    def __init__(self, paths: DataPaths, tasks: TaskManager, kdf: KdfParams | None = None,
                 parent: QWidget | None = None, username: str = "",
                 clock: Callable[[], datetime] | None = None) -> None:
        super().__init__(paths, tasks, kdf, parent)
        self.clock = clock  # the login guard's time; tests move it instead of waiting
        self.setWindowTitle(self.tr("Logga in – Samskriv"))
        self.intro.setText(self.tr("Logga in med ditt användarnamn och lösenord."))
        self.username = QLineEdit(username)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = FieldErrorLabel()
        _field(self.form, self.tr("&Användarnamn"), self.username, FieldErrorLabel())
        _field(self.form, self.tr("&Lösenord"), self.password, self.error)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Logga in"))
        self._finish_layout()
        (self.password if username else self.username).setFocus()
        self.errors = FormErrors(self, general=self.error)  # every refusal under the password

    def _on_buttons_accepted(self) -> None:
        self.errors.clear()
        self._set_busy(True)
        self.tasks.op(accounts.login, self.paths, self.username.text(), self.password.text(),
                      kdf=self.kdf, clock=self.clock) \
            .success(self._on_task_succeeded).failure(self._on_task_failed).owned_by(self).run()
        self.password.clear()


class FirstRunDialog(_CredentialsDialog):
    """Creates the store and the first account (an administrator)."""

    def __init__(self, paths: DataPaths, tasks: TaskManager, kdf: KdfParams | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(paths, tasks, kdf, parent)
        self.setWindowTitle(self.tr("Välkommen till Samskriv"))
        self.intro.setText(self.tr(
            "Det finns inget konto på den här datorn ännu. Skapa det första kontot. "
            "Det blir administratör och kan sedan lägga till kollegor."))
        self.username = QLineEdit()
        self.display_name = QLineEdit()
        self.password = QLineEdit()
        self.repeat = QLineEdit()
        for edit in (self.password, self.repeat):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.field_errors = {name: FieldErrorLabel() for name in
                             ("username", "display_name", "password", "repeat")}
        _field(self.form, self.tr("&Användarnamn"), self.username, self.field_errors["username"])
        _field(self.form, self.tr("&Namn"), self.display_name, self.field_errors["display_name"])
        _field(self.form, self.tr("&Lösenord"), self.password, self.field_errors["password"])
        _field(self.form, self.tr("&Upprepa lösenordet"), self.repeat, self.field_errors["repeat"])
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Skapa konto"))
        self._finish_layout()
        self.username.setFocus()
        self.errors = FormErrors(self, general=self.form_error, fields=self.field_errors)

    def _on_buttons_accepted(self) -> None:
        self.errors.clear()
        if self.password.text() != self.repeat.text():
            self.field_errors["repeat"].show_message(self.tr("Lösenorden är olika."))
            return
        username, name = self.username.text().strip(), self.display_name.text()
        try:
            accounts.check_new_credentials(username, name, self.password.text())
        except ValidationError as exc:
            self._on_task_failed(exc)
            return
        self._set_busy(True)
        self.tasks.op(accounts.initialise, self.paths, username, name, self.password.text(),
                      kdf=self.kdf) \
            .success(self._on_task_succeeded).failure(self._on_task_failed).owned_by(self).run()
