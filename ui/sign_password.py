"""The password asked for at "Signera" (setting ``confirm_password_on_sign``): a signature is
the signer's, so someone at an unlocked laptop cannot sign in another's name."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ui.errors import FieldErrorLabel


class SignPasswordDialog(QDialog):
    """Emits ``accepted`` with the password in ``password``; stays open on a wrong one (the
    editor shows the service's message in ``error``)."""

    def __init__(self, display_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Signera med ditt lösenord"))
        intro = QLabel(self.tr("Skriv ditt lösenord, {name}, för att signera anteckningen.")
                       .format(name=display_name))
        intro.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Lösenord"))
        self.error = FieldErrorLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Signera"))
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.password)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def set_busy(self, busy: bool) -> None:
        self.buttons.setEnabled(not busy)
        self.password.setEnabled(not busy)
