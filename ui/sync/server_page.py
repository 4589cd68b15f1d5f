"""Settings → "Server": the office server's address, "Anslut till servern…" (the server account's
username and password, once; the device token is kept encrypted in the store, never in
settings.json), the connected account, "Koppla från", and whether recordings' audio goes to
the server too (off by default: audio stays on the laptop)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import sync
from app.context import Context
from app.settings import Settings
from app.sync import SyncStatus
from ui.errors import FieldErrorLabel, FormErrors
from ui.session import UiSession
from ui.sync.controller import transport_factory


class ConnectDialog(QDialog):
    """Asks for the server account and connects; ``connected(SyncStatus)`` on success."""

    connected = Signal(object)

    def __init__(self, session: UiSession, server_url: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.server_url = session, server_url
        self.setWindowTitle(self.tr("Anslut till servern"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Logga in med ditt konto på servern ({url}). Det behövs bara "
                               "en gång på den här datorn.").format(url=server_url))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.username = QLineEdit(session.ctx.actor.username)
        self.username.setAccessibleName(self.tr("Användarnamn på servern"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Lösenord på servern"))
        self.username_error = FieldErrorLabel()
        form.addRow(self.tr("&Användarnamn:"), self.username)
        form.addRow("", self.username_error)
        form.addRow(self.tr("&Lösenord:"), self.password)
        layout.addLayout(form)
        self.error = FieldErrorLabel()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Anslut"))
        self.buttons.accepted.connect(self._on_accepted)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.errors = FormErrors(self, general=self.error,
                                 fields={"username": self.username_error},
                                 reenable=(self.buttons,))
        self.password.setFocus()

    def _on_accepted(self) -> None:
        self.errors.clear()
        self.buttons.setEnabled(False)
        factory = transport_factory()
        self.session.tasks.op(_connect, self.session.ctx, self.server_url,
                              self.username.text(), self.password.text(), factory) \
            .success(self._on_connected).failure(self.errors).owned_by(self).run()

    def _on_connected(self, status: SyncStatus) -> None:
        self.password.clear()
        self.connected.emit(status)
        self.accept()


def _connect(ctx: Context, url: str, username: str, password: str,
             factory: sync.TransportFactory) -> SyncStatus:
    return sync.connect(ctx, url, username, password, transport=factory())


class ServerSettingsWidget(QWidget):
    """A ``ui.settings_dialog.SettingsPage``. Connecting and disconnecting take effect at once
    (they are not settings); ``connection_changed(SyncStatus)`` tells the window."""

    connection_changed = Signal(object)

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.status: SyncStatus | None = None
        self.connect_dialog: ConnectDialog | None = None
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.address = QLineEdit()
        self.address.setPlaceholderText("https://samskriv.kommun.se")
        self.address.setAccessibleName(self.tr("Serverns adress"))
        self.address_error = FieldErrorLabel()
        form.addRow(self.tr("Serverns &adress:"), self.address)
        form.addRow("", self.address_error)
        layout.addLayout(form)
        self.account = QLabel(self.tr("Inte ansluten."))
        self.account.setWordWrap(True)
        layout.addWidget(self.account)
        row = QHBoxLayout()
        self.connect_button = QPushButton(self.tr("Anslut till servern…"))
        self.connect_button.clicked.connect(self.open_connect_dialog)
        self.disconnect_button = QPushButton(self.tr("Koppla från"))
        self.disconnect_button.clicked.connect(self._on_disconnect_clicked)
        self.disconnect_button.hide()
        row.addWidget(self.connect_button)
        row.addWidget(self.disconnect_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.upload_audio = QCheckBox(self.tr("Skicka även inspelningarnas &ljud till servern"))
        self.upload_audio.setChecked(session.ctx.settings.sync_upload_audio)
        self.upload_audio_hint = QLabel(self.tr(
            "Utskrifterna och uppgifterna om inspelningarna skickas alltid. Ljudet stannar på "
            "datorn om du inte kryssar i rutan. Kryssar du i den skickas ljudet till servern "
            "och sparas i dess databas."))
        self.upload_audio_hint.setWordWrap(True)
        self.upload_audio_hint.setStyleSheet("color: #555;")
        layout.addWidget(self.upload_audio)
        layout.addWidget(self.upload_audio_hint)
        self.error = FieldErrorLabel()
        layout.addWidget(self.error)
        self.errors = FormErrors(self, general=self.error,
                                 reenable=(self.connect_button, self.disconnect_button))
        if session.ctx.actor.role == "admin":  # the service refuses too
            self.account.setText(self.tr("En administratör synkroniserar inget ärendeinnehåll."))
            for w in (self.address, self.connect_button, self.upload_audio):
                w.setEnabled(False)
        session.tasks.op(sync.status, session.ctx).success(self.show_status) \
            .owned_by(self).run()

    def title(self) -> str:
        return self.tr("Server")

    def widget(self) -> QWidget:
        return self

    def apply(self, settings: Settings) -> Settings:
        # The connection is stored in the store by its own buttons; only the audio choice is
        # a setting.
        return replace(settings, sync_upload_audio=self.upload_audio.isChecked())

    def show_status(self, status: SyncStatus) -> None:
        self.status = status
        if status.connected:
            self.address.setText(status.server_url)
            self.account.setText(self.tr("Ansluten som {user} till {url}.").format(
                user=status.server_username, url=status.server_url))
        elif self.session.ctx.actor.role != "admin":
            self.account.setText(self.tr("Inte ansluten."))
        self.disconnect_button.setVisible(status.connected)
        self.connect_button.setText(self.tr("Anslut igen…") if status.connected
                                    else self.tr("Anslut till servern…"))

    def open_connect_dialog(self) -> ConnectDialog | None:
        self.errors.clear()
        self.address_error.show_message("")
        url = self.address.text().strip()
        if not url.startswith(("http://", "https://")):
            self.address_error.show_message(self.tr(
                "Skriv serverns adress, till exempel https://samskriv.kommun.se"))
            self.address.setFocus()
            return None
        dialog = ConnectDialog(self.session, url, self)
        dialog.connected.connect(self._on_connected)
        dialog.open()
        self.connect_dialog = dialog
        return dialog

    def _on_connected(self, status: SyncStatus) -> None:
        self.show_status(status)
        self.connection_changed.emit(status)

    def _on_disconnect_clicked(self) -> None:
        self.disconnect_button.setEnabled(False)
        self.session.tasks.op(_disconnect, self.session.ctx).success(self._on_connected) \
            .failure(self.errors).owned_by(self).run()


def _disconnect(ctx: Context) -> SyncStatus:
    sync.disconnect(ctx)
    return sync.status(ctx)
