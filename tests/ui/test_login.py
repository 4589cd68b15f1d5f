"""First run creates the admin and logs in; a wrong password shows a message and writes nothing."""

from __future__ import annotations

import hashlib
from pathlib import Path

from pytestqt.qtbot import QtBot

from app import accounts
from app.paths import DataPaths
from ui.app import AppController
from ui.login import FirstRunDialog, LoginDialog

from .conftest import PASSWORD


def _snapshot(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_first_run_creates_admin_and_logs_in(qtbot: QtBot, controller: AppController,
                                             data_paths: DataPaths) -> None:
    dialog = controller.start()
    assert isinstance(dialog, FirstRunDialog)
    dialog.username.setText("kim")
    dialog.display_name.setText("Kim Testsson")
    dialog.password.setText("kort")
    dialog.repeat.setText("kort")
    dialog.buttons.accepted.emit()
    assert dialog.field_errors["password"].text() == "Lösenordet måste ha minst 8 tecken."
    assert not accounts.is_initialised(data_paths)

    dialog.password.setText(PASSWORD)
    dialog.repeat.setText(PASSWORD + "x")
    dialog.buttons.accepted.emit()
    assert dialog.field_errors["repeat"].text() == "Lösenorden är olika."
    assert dialog.username.text() == "kim"  # nothing typed is lost

    dialog.repeat.setText(PASSWORD)
    with qtbot.waitSignal(controller.window_shown, timeout=10_000):
        dialog.buttons.accepted.emit()
    assert accounts.is_initialised(data_paths)
    assert controller.session is not None
    assert controller.session.ctx.actor.role == "admin"
    assert controller.window is not None
    assert controller.window.windowTitle() == "Samskriv"
    assert "Kim Testsson" in controller.window.statusBar().currentMessage()


def test_wrong_password_shows_message_and_writes_nothing(
    qtbot: QtBot, controller: AppController, initialised: DataPaths
) -> None:
    before = _snapshot(initialised.root)
    dialog = controller.start()
    assert isinstance(dialog, LoginDialog)
    assert dialog.username.text() == "kim"  # the only account is pre-filled
    dialog.password.setText("fel-lösenord")
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10_000)
    assert dialog.error.text() == "Fel användarnamn eller lösenord."
    assert controller.window is None
    assert dialog.isVisible()
    # Issue 9: the failure is counted, in the login guard's file and nowhere else.
    after = _snapshot(initialised.root)
    guard = initialised.login_guard.name
    assert {k: v for k, v in after.items() if k != guard} == {
        k: v for k, v in before.items() if k != guard}
    assert after[guard] != before[guard]

    dialog.password.setText(PASSWORD)
    with qtbot.waitSignal(controller.window_shown, timeout=10_000):
        dialog.buttons.accepted.emit()
