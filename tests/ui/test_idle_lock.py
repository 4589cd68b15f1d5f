"""Idle lock: after the idle time nothing of the case is visible until the password is given."""

from __future__ import annotations

from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from app import cases
from app.dto import PersonInput
from ui.main_window import MainWindow

from .conftest import PASSWORD


def test_idle_lock_hides_content_and_unlocks_with_password(qtbot: QtBot,
                                                           window: MainWindow) -> None:
    case = cases.create_case(window.session.ctx, "2026-0009", "Kim Testsson", [PersonInput("child", "Kim Testsson")])
    with qtbot.waitSignal(window.case_view.case_loaded, timeout=5_000):
        window.case_list.refresh(select_id=case.id)
    dialog = window.open_new_case_dialog()
    dialog.title.setText("Påbörjat")
    assert dialog.isVisible()

    with qtbot.waitSignal(window.idle_lock.locked, timeout=5_000):
        window.idle_lock.set_timeout_ms(50)
    assert window.is_locked
    assert window.stack.currentWidget() is window.lock_screen
    assert not window.case_view.isVisible() and not window.case_list.isVisible()
    assert not dialog.isVisible()  # open dialogs are hidden too
    assert not window.menuBar().isEnabled()

    window.lock_screen.password.setText("fel-lösenord")
    window.lock_screen.unlock_button.click()
    qtbot.waitUntil(lambda: window.lock_screen.error.isVisible(), timeout=5_000)
    assert window.lock_screen.error.text() == "Fel lösenord."
    assert window.is_locked

    window.idle_lock.set_timeout_ms(60_000)
    window.lock_screen.password.setText(PASSWORD)
    with qtbot.waitSignal(window.idle_lock.unlocked, timeout=5_000):
        window.lock_screen.unlock_button.click()
    assert window.case_view.isVisible()
    assert dialog.isVisible() and dialog.title.text() == "Påbörjat"
    assert window.menuBar().isEnabled()


def test_input_resets_the_idle_timer(qtbot: QtBot, window: MainWindow) -> None:
    lock = window.idle_lock
    lock.set_timeout_ms(60_000)
    lock._timer.setInterval(60_000)
    remaining_before = lock._timer.remainingTime()
    QTest.mouseMove(window.case_list.filter)
    QTest.keyClicks(window.case_list.filter, "2026")
    assert lock._timer.isActive()
    assert lock._timer.remainingTime() >= remaining_before - 50
    assert not lock.is_locked
