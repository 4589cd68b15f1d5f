"""The caseworker's password prompt, drawn inside the kiosk window (a separate window would be
a way out of the kiosk for the family)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


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
        panel.setMaximumWidth(620)
        box = QVBoxLayout(panel)
        box.setContentsMargins(36, 30, 36, 30)
        box.setSpacing(14)
        self.title_label = QLabel()
        self.title_label.setWordWrap(True)
        self.hint_label = QLabel(self.tr("Handläggaren skriver sitt lösenord eller sin PIN-kod "
                                         "för att avsluta genomgången."))
        self.hint_label.setWordWrap(True)
        self.secret_edit = QLineEdit()
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret_edit.setAccessibleName(self.tr("Lösenord eller PIN-kod"))
        self.secret_edit.returnPressed.connect(self._on_unlock_button_clicked)
        self.error_label = QLabel()
        self.error_label.setObjectName("unlockError")
        self.error_label.setWordWrap(True)
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
        outer.addWidget(panel, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)
        self.hide()

    def open_prompt(self, title: str) -> None:
        self.title_label.setText(title)
        self.error_label.clear()
        self.secret_edit.clear()
        self.set_busy(False)
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

    def _on_unlock_button_clicked(self) -> None:
        secret = self.secret_edit.text()
        self.secret_edit.clear()
        if not secret:
            self.show_error(self.tr("Skriv lösenordet eller PIN-koden."))
            return
        self.error_label.clear()
        self.set_busy(True)
        self.secret_submitted.emit(secret)

    def _on_cancel_button_clicked(self) -> None:
        self.hide()
        self.cancelled.emit()
