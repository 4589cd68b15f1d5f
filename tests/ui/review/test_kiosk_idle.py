"""A kiosk left untouched locks the app to its password prompt: the note is not on any
screen, what was typed is saved, and the caseworker's password brings the kiosk back."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import shiboken6
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app import cases, notes, review
from app.dto import PersonInput
from tests.ui.conftest import PASSWORD as LOGIN_PASSWORD
from tests.ui.review.conftest import FakeSpeaker
from tests.ui.review.helpers import widget_texts
from ui.main_window import MainWindow
from ui.review.flow import ReviewFlow
from ui.review.kiosk_window import ReviewKioskWindow

SECRET = "Pappans nya sambo får inte nämnas"


@pytest.fixture
def shell_speaker(monkeypatch: pytest.MonkeyPatch, window: MainWindow) -> Iterator[FakeSpeaker]:
    fake = FakeSpeaker()
    monkeypatch.setattr("ui.review.flow.default_speaker", lambda: fake)
    yield fake
    if shiboken6.isValid(fake):
        fake.deleteLater()


def _kiosk_from_the_journal(qtbot: QtBot, window: MainWindow) -> ReviewKioskWindow:
    ctx = window.session.ctx
    case = cases.create_case(ctx, "2026-0042", "Kim Testsson", [
        PersonInput("child", "Kim Testsson"), PersonInput("guardian", "Maria Testsson")])
    with qtbot.waitSignal(window.case_view.case_loaded, timeout=5_000):
        window.case_list.refresh(select_id=case.id)
    note = notes.create_draft(ctx, case.id, f"Kim visade sitt rum.\n\n{SECRET}.")
    with qtbot.waitSignal(window.case_view.case_loaded, timeout=5_000):
        window.case_view.reload()
    from ui.review import flow as flow_module

    before = set(flow_module._active)
    window.case_view.journal.cards[note.id].buttons["review"].click()
    (flow,) = flow_module._active - before
    assert isinstance(flow, ReviewFlow)
    qtbot.waitUntil(lambda: flow.dialog is not None, timeout=5_000)
    assert flow.dialog is not None
    flow.dialog.set_audience("child")
    flow.dialog.set_shown({0})
    flow.dialog.start_button.click()
    qtbot.waitUntil(lambda: flow.kiosk is not None, timeout=5_000)
    assert flow.kiosk is not None
    return flow.kiosk


def _visible_texts() -> list[str]:
    """Every text of every widget on screen now (hidden pages of a window not counted)."""
    out: list[str] = []
    for top in QApplication.topLevelWidgets():
        if top.isVisible():
            for w in [top, *top.findChildren(QWidget)]:
                if w.isVisible():
                    out += [t for t in widget_texts(w) if t]
    return out


def test_idle_in_the_kiosk_locks_the_app_without_showing_the_note(
        qtbot: QtBot, window: MainWindow, shell_speaker: FakeSpeaker) -> None:
    kiosk = _kiosk_from_the_journal(qtbot, window)
    assert window.idle_lock._inhibited  # the shell's own timer sleeps while the kiosk is up
    QTest.keyClicks(kiosk.page.own_words_edit, "Jag gick hem")
    with qtbot.waitSignal(window.idle_lock.locked, timeout=5_000):
        kiosk.set_idle_ms(50)
    assert window.is_locked and window.stack.currentWidget() is window.lock_screen
    assert kiosk.suspended and not kiosk.isVisible()
    assert not [c for c in kiosk.covers.covers if c.isVisible()]
    texts = _visible_texts()
    assert not any("Kim visade sitt rum" in t or SECRET in t for t in texts)

    def saved() -> str:
        return review.summary(window.session.ctx, kiosk.session.review_id).outcomes[0].comment

    qtbot.waitUntil(lambda: saved() == "Jag gick hem", timeout=5_000)  # nothing typed is lost

    kiosk._reassert.start()  # the kiosk's own guard must not bring it back over the lock
    qtbot.wait(100)
    assert not kiosk.isVisible()

    kiosk.set_idle_ms(60_000)
    window.lock_screen.password.setText(LOGIN_PASSWORD)
    with qtbot.waitSignal(window.idle_lock.unlocked, timeout=5_000):
        window.lock_screen.unlock_button.click()
    qtbot.waitUntil(lambda: kiosk.isVisible() and kiosk.isFullScreen(), timeout=5_000)
    assert not kiosk.suspended and kiosk.page.own_words() == "Jag gick hem"
    assert kiosk.page.text_view.toPlainText() == "Kim visade sitt rum."
    kiosk.exit_button.click()
    kiosk.overlay.secret_edit.setText(LOGIN_PASSWORD)
    kiosk.overlay.unlock_button.click()
    qtbot.waitUntil(lambda: kiosk.unlocked, timeout=5_000)
    assert not window.idle_lock._inhibited


def test_input_in_the_kiosk_keeps_it_awake(qtbot: QtBot, window: MainWindow,
                                           shell_speaker: FakeSpeaker) -> None:
    kiosk = _kiosk_from_the_journal(qtbot, window)
    kiosk.set_idle_ms(400)
    for _ in range(4):
        qtbot.wait(150)
        QTest.keyClicks(kiosk.page.own_words_edit, "a")
    assert not window.is_locked and kiosk.isVisible()
    assert kiosk._idle.interval() == 400
    kiosk.set_idle_ms(60_000)
    kiosk.exit_button.click()
    kiosk.overlay.secret_edit.setText(LOGIN_PASSWORD)
    kiosk.overlay.unlock_button.click()
    qtbot.waitUntil(lambda: kiosk.unlocked, timeout=5_000)


def test_the_idle_time_is_a_setting(window: MainWindow) -> None:
    settings = window.session.ctx.settings
    assert settings.review_idle_lock_minutes == 10
