"""Leaving the kiosk in the UI: the starter's own PIN, a visible countdown after wrong
guesses, the PIN blocked after too many, and a damaged PIN that never locks anyone out."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app import accounts, review_unlock
from app.keys import FAST_TEST_KDF
from app.review import ReviewSummary
from tests.support.store import FixedClock
from tests.ui.review.conftest import PASSWORD, CaseData, FakeSpeaker, unlock
from tests.ui.review.helpers import open_dialog, start_kiosk
from ui.review.kiosk_window import ReviewKioskWindow
from ui.tasks import TaskManager

Kiosk = tuple[ReviewKioskWindow, list[ReviewSummary]]


@pytest.fixture
def kiosk(host: QWidget, data: CaseData, tasks: TaskManager, speaker: FakeSpeaker) -> Kiosk:
    review_unlock.set_pin(data.ctx, "4711")
    completed: list[ReviewSummary] = []
    flow, dialog = open_dialog(host, data.ctx, data.note.id, tasks, speaker,
                               on_completed=completed.append)
    return start_kiosk(dialog, flow), completed


def test_wrong_guesses_show_a_countdown_and_take_no_try_meanwhile(
        qtbot: QtBot, kiosk: Kiosk) -> None:
    window, completed = kiosk
    overlay = window.overlay
    unlock(qtbot, window, "0000")
    unlock(qtbot, window, "0001")
    assert overlay.error_label.text() == "Fel lösenord eller PIN-kod."
    assert overlay.unlock_button.isEnabled()
    unlock(qtbot, window, "0002")  # the third wrong guess: a wait begins
    assert overlay.waiting and not overlay.unlock_button.isEnabled()
    assert not overlay.secret_edit.isEnabled()
    assert "Vänta 2 sekunder" in overlay.error_label.text()
    overlay.secret_edit.setText("4711")
    overlay._on_unlock_button_clicked()  # Enter during the wait does nothing
    assert not completed and not window.unlocked
    qtbot.waitUntil(lambda: not overlay.waiting, timeout=5000)
    assert overlay.unlock_button.isEnabled() and "Vänta" not in overlay.error_label.text()
    unlock(qtbot, window, "4711")
    qtbot.waitUntil(lambda: bool(completed))


def test_after_too_many_guesses_only_the_password_opens(
        qtbot: QtBot, data: CaseData, kiosk: Kiosk) -> None:
    window, completed = kiosk
    clock = FixedClock(datetime.now(UTC))
    data.ctx.clock = clock
    for _ in range(review_unlock.PIN_TRIES):
        clock.advance(seconds=review_unlock.MAX_WAIT_S)
        review_unlock.attempt(data.ctx, window.session.review_id, "0000")
    clock.advance(seconds=review_unlock.MAX_WAIT_S)  # no wait left, but the PIN stays blocked
    window.exit_button.click()
    assert window.overlay.hint_label.text() == (
        "Handläggaren skriver sitt lösenord för att avsluta genomgången.")
    unlock(qtbot, window, "4711")
    assert not window.unlocked
    assert "bara att avsluta med lösenordet" in window.overlay.error_label.text()
    clock.advance(seconds=review_unlock.MAX_WAIT_S)
    window.overlay.start_wait(0, "")  # the countdown on the screen is over too
    unlock(qtbot, window, PASSWORD)
    qtbot.waitUntil(lambda: bool(completed))


def test_a_colleagues_pin_and_password_do_not_open(qtbot: QtBot, data: CaseData,
                                                   kiosk: Kiosk) -> None:
    window, completed = kiosk
    accounts.add_user(data.ctx, "bo", "Bo Kollega", "caseworker", "kollegans-lösen-9")
    colleague = accounts.login(data.ctx.paths, "bo", "kollegans-lösen-9", kdf=FAST_TEST_KDF)
    try:
        review_unlock.set_pin(colleague, "1234")
    finally:
        colleague.close()
    unlock(qtbot, window, "1234")
    unlock(qtbot, window, "kollegans-lösen-9")
    assert not window.unlocked and not completed
    assert window.overlay.error_label.text() == "Fel lösenord eller PIN-kod."
    unlock(qtbot, window, "4711")
    qtbot.waitUntil(lambda: bool(completed))
