"""Idle lock: after N minutes without input the window shows only a password prompt.

``IdleLock`` is an application-wide event filter: any key, mouse or wheel event restarts its
single-shot timer. When it fires it emits ``locked``; the main window then swaps its content
for ``LockScreenWidget`` and hides every other top-level window (dialogs, kiosk pages) until
``unlocked``. The password is checked with ``app.accounts.verify_password`` on the worker.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import accounts
from ui.errors import FieldErrorLabel, FormErrors
from ui.session import UiSession

_INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin,
})


class IdleLock(QObject):
    """Watches user input on the whole application; emits ``locked`` after the idle time."""

    locked = Signal()
    unlocked = Signal()

    def __init__(self, minutes: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.is_locked = False
        self._inhibited = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer_timeout)
        self.set_timeout_ms(minutes * 60_000)
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)

    def set_timeout_ms(self, ms: int) -> None:
        self._timer.setInterval(max(ms, 1))
        self._restart()

    def set_inhibited(self, inhibited: bool) -> None:
        """Suspend locking (e.g. while a kiosk with its own PIN is shown)."""
        self._inhibited = inhibited
        self._restart()

    def stop(self) -> None:
        """Stop watching; call before the window goes away."""
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def lock_now(self) -> None:
        if not self.is_locked:
            self.is_locked = True
            self._timer.stop()
            self.locked.emit()

    def unlock(self) -> None:
        if self.is_locked:
            self.is_locked = False
            self._restart()
            self.unlocked.emit()

    def _restart(self) -> None:
        if self.is_locked or self._inhibited:
            self._timer.stop()
        else:
            self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() in _INPUT_EVENTS and not self.is_locked and not self._inhibited:
            self._timer.start()
        return False

    @Slot()
    def _on_timer_timeout(self) -> None:
        self.lock_now()


class LockScreenWidget(QWidget):
    """Shown instead of the window content while locked: the user name and a password field."""

    unlock_succeeded = Signal()

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        title = QLabel(self.tr("Samskriv är låst"))
        title.setStyleSheet("font-size: 20pt;")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        who = QLabel(self.tr("Inloggad: {name}. Skriv ditt lösenord för att fortsätta.")
                     .format(name=session.display_name))
        who.setAlignment(Qt.AlignmentFlag.AlignCenter)
        who.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Lösenord"))
        self.password.setMaximumWidth(320)
        self.password.returnPressed.connect(self._on_unlock_clicked)
        self.error = FieldErrorLabel()
        self.error.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.error.setObjectName("lock_error")
        self.unlock_button = QPushButton(self.tr("Lås upp"))
        self.unlock_button.clicked.connect(self._on_unlock_clicked)
        # Texts that wrap take the full width (centred inside it): centred by the layout they
        # would get their one-line hint's height and be cut after the first line.
        for label in (title, who, self.error):
            layout.addWidget(label)
        for field in (self.password, self.unlock_button):
            layout.addWidget(field, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.errors = FormErrors(self, general=self.error, reenable=(self.unlock_button,))

    def reset(self) -> None:
        self.password.clear()
        self.error.clear_message()
        self.password.setFocus()

    def _on_unlock_clicked(self) -> None:
        self.unlock_button.setEnabled(False)
        self.session.tasks.op(accounts.verify_password, self.session.ctx, self.password.text()) \
            .success(self._on_verify_finished).failure(self.errors).owned_by(self).run()
        self.password.clear()

    def _on_verify_finished(self, ok: bool) -> None:
        self.unlock_button.setEnabled(True)
        if ok:
            self.error.clear_message()
            self.unlock_succeeded.emit()
        else:
            self.error.show_message(self.tr("Fel lösenord."))
            self.password.setFocus()
