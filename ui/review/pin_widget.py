"""Settings: the user's own review PIN, which can end their review kiosk instead of their
password (each caseworker has their own; nobody sets another's)."""

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

from app import review, review_unlock
from app.context import Context
from app.review_unlock import PinState
from ui.errors import FieldErrorLabel, FormErrors
from ui.tasks import TaskManager


class ReviewPinWidget(QGroupBox):
    """Set, change or clear the logged-in user's review PIN (an Argon2id hash in the store)."""

    pin_changed = Signal(bool)  # True when a PIN is now set

    def __init__(self, ctx: Context, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Din PIN-kod för genomgång med familjen"), parent)
        self.ctx, self.tasks = ctx, tasks
        form = QFormLayout(self)
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        form.addRow(self.state_label)
        digits = QRegularExpressionValidator(QRegularExpression(r"[0-9]{0,12}"), self)
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
        self.clear_button.setEnabled(False)
        self._load_state()

    def _load_state(self) -> None:
        (self.tasks.op(review_unlock.pin_state, self.ctx).success(self._show_state)
         .failure(self.errors).owned_by(self).run())

    def _show_state(self, state: PinState) -> None:
        if not state.has_pin:
            text = self.tr("Ingen PIN-kod är satt för dig. Genomgången avslutas med ditt "
                           "lösenord.")
        elif state.pin_usable:
            text = self.tr("En PIN-kod är satt för dig. Genomgången kan avslutas med "
                           "PIN-koden eller ditt lösenord.")
        else:
            text = self.tr("Din PIN-kod fungerar inte just nu (för många fel försök, eller "
                           "den kan inte läsas). Avsluta genomgången med ditt lösenord, eller "
                           "spara en ny PIN-kod.")
        self.state_label.setText(text)
        self.clear_button.setEnabled(state.has_pin)

    def _on_save_button_clicked(self) -> None:
        pin = self.pin_edit.text()
        if len(pin) < review_unlock.MIN_PIN:
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
        self._load_state()
        self.pin_changed.emit(is_set)
