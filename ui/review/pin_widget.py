"""Settings: the review PIN that can unlock the review kiosk instead of the password."""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from app import review
from app.context import Context
from ui.errors import FieldErrorLabel, FormErrors
from ui.tasks import TaskManager


class ReviewPinWidget(QGroupBox):
    """Set, change or clear the review PIN (stored as an Argon2id hash in the settings)."""

    pin_changed = Signal(bool)  # True when a PIN is now set

    def __init__(self, ctx: Context, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("PIN-kod för genomgång med familjen"), parent)
        self.ctx, self.tasks = ctx, tasks
        form = QFormLayout(self)
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        form.addRow(self.state_label)
        digits = QRegularExpressionValidator(QRegularExpression(r"\d{0,12}"), self)
        self.pin_edit = QLineEdit()
        self.repeat_edit = QLineEdit()
        for edit, name in ((self.pin_edit, self.tr("Ny PIN-kod")),
                           (self.repeat_edit, self.tr("Upprepa PIN-koden"))):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setValidator(digits)
            edit.setAccessibleName(name)
            form.addRow(name + ":", edit)
        self.error_label = FieldErrorLabel()
        form.addRow(self.error_label)
        row = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Spara PIN-kod"))
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.clear_button = QPushButton(self.tr("Ta bort PIN-kod"))
        self.clear_button.clicked.connect(self._on_clear_button_clicked)
        row.addWidget(self.save_button)
        row.addWidget(self.clear_button)
        row.addStretch(1)
        form.addRow(row)
        self.errors = FormErrors(self, general=self.error_label, reenable=[self.save_button])
        self._show_state(bool(ctx.settings.review_pin_hash))

    def _show_state(self, is_set: bool) -> None:
        self.state_label.setText(
            self.tr("En PIN-kod är satt. Genomgången kan avslutas med PIN-koden eller ditt "
                    "lösenord.") if is_set else
            self.tr("Ingen PIN-kod är satt. Genomgången avslutas med ditt lösenord."))
        self.clear_button.setEnabled(is_set)

    def _on_save_button_clicked(self) -> None:
        pin = self.pin_edit.text()
        if not pin:
            self.error_label.show_message(self.tr("Skriv en PIN-kod med minst fyra siffror."))
            return
        if pin != self.repeat_edit.text():
            self.error_label.show_message(self.tr("PIN-koderna är inte lika."))
            return
        self._store(pin)

    def _on_clear_button_clicked(self) -> None:
        self._store("")

    def _store(self, pin: str) -> None:
        self.error_label.clear_message()
        self.save_button.setEnabled(False)
        (self.tasks.op(review.set_review_pin, self.ctx, pin)
         .success(lambda _none: self._on_pin_stored(bool(pin))).failure(self.errors)
         .owned_by(self).run())

    def _on_pin_stored(self, is_set: bool) -> None:
        self.save_button.setEnabled(True)
        self.pin_edit.clear()
        self.repeat_edit.clear()
        self._show_state(is_set)
        self.pin_changed.emit(is_set)
