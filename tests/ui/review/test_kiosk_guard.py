"""The kiosk stays full screen and shows nothing else until the caseworker unlocks it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app import review
from app.review import ReviewSummary
from tests.ui.review.conftest import PASSWORD, CaseData, FakeSpeaker, unlock
from tests.ui.review.helpers import open_dialog, start_kiosk
from ui.review.kiosk_window import ReviewKioskWindow
from ui.tasks import TaskManager

KioskAndResults = tuple[ReviewKioskWindow, list[ReviewSummary]]


@pytest.fixture
def kiosk_and_results(host: QWidget, data: CaseData, tasks: TaskManager, speaker: FakeSpeaker
                      ) -> KioskAndResults:
    completed: list[ReviewSummary] = []
    flow, dialog = open_dialog(host, data.ctx, data.note.id, tasks, speaker,
                               on_completed=completed.append)
    return start_kiosk(dialog, flow), completed


def _still_locked(kiosk: ReviewKioskWindow) -> bool:
    # A minimised window keeps its full-screen flag, so "full screen" alone would not show it.
    return (kiosk.isVisible() and kiosk.isFullScreen() and not kiosk.isMinimized()
            and not kiosk.unlocked)


def test_escape_key_does_nothing(qtbot: QtBot, kiosk_and_results: KioskAndResults) -> None:
    kiosk, completed = kiosk_and_results
    QTest.keyClick(kiosk, Qt.Key.Key_Escape)
    QTest.keyClick(kiosk.page.own_words_edit, Qt.Key.Key_Escape)
    assert _still_locked(kiosk) and not completed


def test_close_and_alt_f4_are_refused(qtbot: QtBot, kiosk_and_results: KioskAndResults) -> None:
    kiosk, completed = kiosk_and_results
    assert kiosk.close() is False
    event = QCloseEvent()  # what the window manager sends for Alt+F4
    QApplication.sendEvent(kiosk, event)
    assert not event.isAccepted()
    QTest.keyClick(kiosk, Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier)
    assert _still_locked(kiosk) and not completed


@pytest.mark.parametrize("leave", ["showNormal", "showMinimized", "hide"])
def test_leaving_full_screen_is_undone(qtbot: QtBot, kiosk_and_results: KioskAndResults,
                                       leave: str) -> None:
    kiosk, _ = kiosk_and_results
    getattr(kiosk, leave)()
    assert not _still_locked(kiosk)  # it did leave full screen: the guard has work to do
    if leave == "hide":
        kiosk.changeEvent(QEvent(QEvent.Type.ActivationChange))
    qtbot.waitUntil(lambda: _still_locked(kiosk))


def test_focus_moving_to_another_window_is_taken_back(qtbot: QtBot,
                                                      kiosk_and_results: KioskAndResults) -> None:
    kiosk, _ = kiosk_and_results
    qtbot.waitUntil(kiosk.isActiveWindow)
    other = QWidget()
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    QApplication.processEvents()  # the activation happens (the guard answers 30 ms later)
    assert not kiosk.isActiveWindow() and other.isActiveWindow()
    QApplication.sendEvent(kiosk, QEvent(QEvent.Type.ActivationChange))
    qtbot.waitUntil(lambda: kiosk.isActiveWindow() and _still_locked(kiosk))


def test_wrong_password_keeps_the_kiosk(qtbot: QtBot, kiosk_and_results: KioskAndResults) -> None:
    kiosk, completed = kiosk_and_results
    kiosk.exit_button.click()
    assert kiosk.overlay.isVisible() and not kiosk.stack.isEnabled()
    unlock(qtbot, kiosk, "fel-lösen")
    assert _still_locked(kiosk) and not completed
    assert kiosk.overlay.error_label.text() == "Fel lösenord eller PIN-kod."
    assert kiosk.overlay.secret_edit.text() == ""  # never left lying in the field
    unlock(qtbot, kiosk, "")
    assert _still_locked(kiosk)
    QTest.keyClick(kiosk, Qt.Key.Key_Escape)  # Esc closes the prompt, not the kiosk
    assert not kiosk.overlay.isVisible() and kiosk.stack.isEnabled() and _still_locked(kiosk)
    unlock(qtbot, kiosk, PASSWORD)
    qtbot.waitUntil(lambda: bool(completed))
    assert not kiosk.isVisible() and completed[0].completed


def test_review_pin_unlocks(qtbot: QtBot, data: CaseData,
                            kiosk_and_results: KioskAndResults) -> None:
    kiosk, completed = kiosk_and_results
    review.set_review_pin(data.ctx, "4711")
    unlock(qtbot, kiosk, "1234")
    assert _still_locked(kiosk)
    unlock(qtbot, kiosk, "4711")
    qtbot.waitUntil(lambda: bool(completed))


def test_exit_saves_typed_words_before_unlocking(qtbot: QtBot, data: CaseData,
                                                 kiosk_and_results: KioskAndResults) -> None:
    kiosk, completed = kiosk_and_results
    kiosk.page.own_words_edit.setPlainText("hann inte trycka")
    unlock(qtbot, kiosk)
    qtbot.waitUntil(lambda: bool(completed))
    first = completed[0].outcomes[0]
    assert (first.outcome, first.comment) == (None, "hann inte trycka")


def test_autosave_of_typed_words(qtbot: QtBot, data: CaseData,
                                 kiosk_and_results: KioskAndResults) -> None:
    kiosk, _ = kiosk_and_results
    QTest.keyClicks(kiosk.page.own_words_edit, "  jag skriver  ")

    def stored() -> str:
        return review.summary(data.ctx, kiosk.session.review_id).outcomes[0].comment

    qtbot.waitUntil(lambda: stored() == "  jag skriver  ", timeout=5000)
