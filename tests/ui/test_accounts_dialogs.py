"""The admin's Användare dialog, everyone's Byt lösenord dialog, and the throttled login."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from app import accounts, user_admin
from app.errors import AuthenticationError
from app.keys import FAST_TEST_KDF
from app.paths import DataPaths
from tests.support.store import FixedClock
from tests.ui.conftest import PASSWORD
from ui.accounts_dialog import ChangePasswordDialog, UsersDialog
from ui.app import AppController
from ui.login import LoginDialog
from ui.main_window import MainWindow
from ui.tasks import TaskManager


def _cell(dialog: UsersDialog, row: int, column: int) -> str:
    item = dialog.table.item(row, column)
    return item.text() if item is not None else ""


def _idle(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.session.tasks.busy)


def test_the_admin_adds_resets_and_deactivates_in_the_users_dialog(
    qtbot: QtBot, window: MainWindow
) -> None:
    assert [a.text() for a in window.menuBar().actions()][-1] == "&Konto"
    dialog = window.open_users_dialog()
    _idle(qtbot, window)
    assert [_cell(dialog, 0, c) for c in range(4)] == [
        "kim", "Kim Testsson", "Administratör", "Aktivt"]
    dialog.new_username.setText("bo")
    dialog.new_name.setText("Bo Handläggare")
    dialog.new_password.setText("bos-lösenord-1")
    dialog.new_repeat.setText("bos-lösenord-2")
    dialog.add_button.click()
    assert dialog.error.text() == "Lösenorden är olika."
    dialog.new_repeat.setText("bos-lösenord-1")
    dialog.add_button.click()
    _idle(qtbot, window)
    assert "bo har lagts till." in dialog.message.text()
    assert [r.username for r in dialog.rows] == ["bo", "kim"]
    dialog.select_username("bo")
    dialog.reset_password.setText("kort")
    dialog.reset_button.click()
    _idle(qtbot, window)
    assert "minst 8 tecken" in dialog.error.text()
    dialog.select_username("bo")
    dialog.deactivate_button.click()
    _idle(qtbot, window)
    assert _cell(dialog, 0, 3) == "Avstängt"
    with pytest.raises(AuthenticationError):
        accounts.login(window.session.ctx.paths, "bo", "bos-lösenord-1", kdf=FAST_TEST_KDF)
    dialog.select_username("kim")
    dialog.deactivate_button.click()
    _idle(qtbot, window)
    assert "ditt eget konto" in dialog.error.text()
    dialog.close()


def test_a_caseworker_has_no_users_menu_and_changes_their_password(
    qtbot: QtBot, controller: AppController, initialised: DataPaths
) -> None:
    admin = accounts.login(initialised, "kim", PASSWORD, kdf=FAST_TEST_KDF)
    accounts.add_user(admin, "cilla", "Cilla", "caseworker", "cillas-lösen-1")
    admin.close()
    dialog = controller.start()
    assert isinstance(dialog, LoginDialog)
    dialog.username.setText("cilla")
    dialog.password.setText("cillas-lösen-1")
    with qtbot.waitSignal(controller.window_shown, timeout=10_000):
        dialog.buttons.accepted.emit()
    window = controller.window
    assert window is not None
    _idle(qtbot, window)
    konto = [a for a in window.menuBar().actions() if a.text() == "&Konto"][0].menu()
    assert isinstance(konto, QMenu)
    assert [a.text() for a in konto.actions()] == ["&Byt lösenord…"]
    change = window.open_change_password_dialog()
    assert isinstance(change, ChangePasswordDialog)
    change.old.setText("fel-lösenord")
    change.new.setText("cillas-nya-1")
    change.repeat.setText("cillas-nya-1")
    change.buttons.accepted.emit()
    _idle(qtbot, window)
    assert "nuvarande lösenordet är fel" in change.error.text()
    change.old.setText("cillas-lösen-1")
    change.repeat.setText("något-annat-1")
    change.buttons.accepted.emit()
    assert change.error.text() == "De nya lösenorden är olika."
    change.repeat.setText("cillas-nya-1")
    with qtbot.waitSignal(change.accepted, timeout=10_000):
        change.buttons.accepted.emit()
    assert accounts.verify_password(window.session.ctx, "cillas-nya-1")
    with pytest.raises(Exception, match="Bara en administratör"):
        user_admin.list_accounts(window.session.ctx)


def test_the_login_dialog_shows_the_wait_in_swedish_without_sleeping(
    qtbot: QtBot, initialised: DataPaths, tasks: TaskManager, tmp_path: Path
) -> None:
    clock = FixedClock()
    dialog = LoginDialog(initialised, tasks, FAST_TEST_KDF, username="kim", clock=clock)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    for _ in range(3):
        dialog.password.setText("fel")
        dialog.buttons.accepted.emit()
        qtbot.waitUntil(lambda: not tasks.busy)
    assert "Vänta 1 sekund innan du försöker igen" in dialog.error.text()
    assert dialog.wait_label.text() == "Vänta 1 s innan du försöker igen."
    assert not ok.isEnabled()
    dialog.wait_timer.timeout.emit()  # the countdown's tick, not a real second
    assert ok.isEnabled() and dialog.wait_label.text() == ""
    dialog.password.setText(PASSWORD)  # the clock has not moved: the service still refuses
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: not tasks.busy)
    assert "För många felaktiga försök" in dialog.error.text()
    clock.advance(seconds=1)
    dialog.password.setText(PASSWORD)
    with qtbot.waitSignal(dialog.logged_in, timeout=10_000) as logged:
        dialog.buttons.accepted.emit()
    ctx = logged.args[0]
    try:
        assert ctx.login_notices == ("3 misslyckade inloggningsförsök sedan sist.",)
    finally:
        ctx.close()
    dialog.wait_timer.stop()
