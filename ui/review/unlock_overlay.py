"""The caseworker's password prompt, drawn inside the kiosk window (a separate window would be
a way out of the kiosk for the family). After wrong guesses it counts down the wait the store
asks for (``app.review_unlock``) and takes no try before it is over."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ui.review.guarded_edits import NoPasteLineEdit


class _WrappingLabel(QLabel):
    """A word-wrapped label whose height follows its width inside a box layout (a plain
    wrapped QLabel under an alignment is given its one-line height and cuts the text)."""

    def __init__(self, text: str = "") -> None:
        super().__init__(text)
        self.setWordWrap(True)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        hint = super().minimumSizeHint()
        return QSize(hint.width(), self.heightForWidth(max(self.width(), hint.width())))


class UnlockOverlayWidget(QWidget):
    """Covers its parent; emits the typed secret and clears the field at once."""

    secret_submitted = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._host = parent
        self.setObjectName("unlockOverlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        panel = QFrame()
        panel.setObjectName("unlockPanel")
        panel.setMinimumWidth(560)
        panel.setMaximumWidth(760)
        box = QVBoxLayout(panel)
        box.setContentsMargins(36, 30, 36, 30)
        box.setSpacing(14)
        self.title_label = _WrappingLabel()
        self.hint_label = _WrappingLabel()
        self.secret_edit: QLineEdit = NoPasteLineEdit()
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret_edit.setAccessibleName(self.tr("Lösenord eller PIN-kod"))
        self.secret_edit.returnPressed.connect(self._on_unlock_button_clicked)
        self.error_label = _WrappingLabel()
        self.error_label.setObjectName("unlockError")
        self._wait_s = 0
        self._wait_message = ""
        self._wait_timer = QTimer(self)
        self._wait_timer.setInterval(1000)
        self._wait_timer.setTimerType(Qt.TimerType.PreciseTimer)  # never ends before the store
        self._wait_timer.timeout.connect(self._on_wait_timer_timeout)
        self.set_pin_usable(True)
        row = QHBoxLayout()
        self.cancel_button = QPushButton(self.tr("Fortsätt genomgången"))
        self.cancel_button.clicked.connect(self._on_cancel_button_clicked)
        self.unlock_button = QPushButton(self.tr("Avsluta genomgången"))
        self.unlock_button.clicked.connect(self._on_unlock_button_clicked)
        row.addWidget(self.cancel_button)
        row.addStretch(1)
        row.addWidget(self.unlock_button)
        for widget in (self.title_label, self.hint_label, self.secret_edit, self.error_label):
            box.addWidget(widget)
        box.addLayout(row)
        # Centred by stretches, not by an alignment: a widget placed with an alignment gets
        # its size hint, not the height its wrapped text needs, and cuts the text off.
        middle = QHBoxLayout()
        middle.addStretch(1)
        middle.addWidget(panel, 3)
        middle.addStretch(1)
        outer.addLayout(middle)
        outer.addStretch(2)
        self.hide()

    def set_pin_usable(self, usable: bool) -> None:
        """Say whether the PIN opens now (set, readable, not blocked) or only the password."""
        self.hint_label.setText(
            self.tr("Handläggaren skriver sitt lösenord eller sin PIN-kod för att avsluta "
                    "genomgången.") if usable else
            self.tr("Handläggaren skriver sitt lösenord för att avsluta genomgången."))

    def open_prompt(self, title: str) -> None:
        self.title_label.setText(title)
        self.error_label.clear()
        self.secret_edit.clear()
        self.set_busy(False)
        if self._wait_s:
            self._show_wait()
        self.setGeometry(self._host.rect())
        self.show()
        self.raise_()
        self.secret_edit.setFocus()

    def show_error(self, message: str) -> None:
        self.set_busy(False)
        self.error_label.setText(message)
        self.secret_edit.setFocus()

    def set_busy(self, busy: bool) -> None:
        for widget in (self.secret_edit, self.unlock_button, self.cancel_button):
            widget.setEnabled(not busy)
        if not busy and self._wait_s:
            self.secret_edit.setEnabled(False)
            self.unlock_button.setEnabled(False)

    def start_wait(self, seconds: int, message: str) -> None:
        """No try for ``seconds``: the field and the button wait, the seconds count down."""
        self._wait_s = seconds
        self._wait_message = message
        self.set_busy(False)
        if seconds:
            self._wait_timer.start()
            self._show_wait()
        else:
            self._wait_timer.stop()
            self.error_label.setText(message)

    @property
    def waiting(self) -> bool:
        return self._wait_s > 0

    def stop(self) -> None:
        self._wait_timer.stop()

    def _show_wait(self) -> None:
        wait = self.tr("Vänta {n} sekunder och försök sedan igen.").format(n=self._wait_s)
        self.error_label.setText(f"{self._wait_message}\n{wait}" if self._wait_message else wait)

    def _on_wait_timer_timeout(self) -> None:
        self._wait_s = max(0, self._wait_s - 1)
        if self._wait_s:
            self._show_wait()
            return
        self._wait_timer.stop()
        self.error_label.setText(self._wait_message)
        self.set_busy(False)
        if self.isVisible():
            self.secret_edit.setFocus()

    def _on_unlock_button_clicked(self) -> None:
        secret = self.secret_edit.text()
        self.secret_edit.clear()
        if self._wait_s:
            return
        if not secret:
            self.show_error(self.tr("Skriv lösenordet eller PIN-koden."))
            return
        self.error_label.clear()
        self.set_busy(True)
        self.secret_submitted.emit(secret)

    def _on_cancel_button_clicked(self) -> None:
        self.hide()
        self.cancelled.emit()
