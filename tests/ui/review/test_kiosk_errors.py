"""A bug in the kiosk is logged and shown with "Kopiera detaljer", never turned into plain
text; a user error keeps its Swedish text where the person is looking."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app import review
from app.errors import StoreError
from tests.support.logfail import expect_error_log
from tests.ui.review.conftest import CaseData, FakeSpeaker, unlock
from tests.ui.review.helpers import open_dialog, start_kiosk
from ui.errors import ErrorMessageDialog
from ui.review.kiosk_window import ReviewKioskWindow
from ui.tasks import TaskManager

NOTE_WORDS = "jag vill bo kvar"  # what the person typed: never in a log line


@pytest.fixture
def kiosk(host: QWidget, data: CaseData, tasks: TaskManager,
          speaker: FakeSpeaker) -> ReviewKioskWindow:
    flow, dialog = open_dialog(host, data.ctx, data.note.id, tasks, speaker)
    return start_kiosk(dialog, flow)


def _error_dialogs() -> list[ErrorMessageDialog]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, ErrorMessageDialog) and w.isVisible()]


def _close(dialogs: list[ErrorMessageDialog]) -> None:
    for dialog in dialogs:
        dialog.close()


def _broken(*_args: object, **_kwargs: object) -> object:
    raise KeyError("internt fel")


def test_a_bug_saving_an_answer_is_logged_and_offers_copy_details(
        qtbot: QtBot, kiosk: ReviewKioskWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(review, "record_outcome", _broken)
    kiosk.page.own_words_edit.setPlainText(NOTE_WORDS)
    with expect_error_log("Unexpected error", logger="ui.errors") as logged:
        kiosk.page.agree_button.click()
    assert "KeyError: 'internt fel'" in logged[0].getMessage()  # the traceback
    assert NOTE_WORDS not in logged[0].getMessage()
    dialogs = _error_dialogs()
    assert [d.message_label.text() for d in dialogs] == ["Ett oväntat fel inträffade"]
    assert dialogs[0].copy_button is not None
    assert "internt fel" not in kiosk.page.status_label.text()
    _close(dialogs)
    monkeypatch.undo()
    unlock(qtbot, kiosk)


def test_a_user_error_saving_an_answer_stays_on_the_page_in_swedish(
        qtbot: QtBot, kiosk: ReviewKioskWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    def locked(*_args: object, **_kwargs: object) -> object:
        raise StoreError("Datalagret är låst.")

    monkeypatch.setattr(review, "record_outcome", locked)
    kiosk.page.agree_button.click()
    assert kiosk.page.status_label.text() == "Svaret kunde inte sparas: Datalagret är låst."
    assert _error_dialogs() == []
    monkeypatch.undo()
    unlock(qtbot, kiosk)


def test_a_bug_while_unlocking_is_logged_and_the_prompt_can_be_tried_again(
        qtbot: QtBot, kiosk: ReviewKioskWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(review, "verify_unlock", _broken)
    with expect_error_log("Unexpected error", logger="ui.errors"):
        unlock(qtbot, kiosk)
    dialogs = _error_dialogs()
    assert [d.message_label.text() for d in dialogs] == ["Ett oväntat fel inträffade"]
    assert dialogs[0].copy_button is not None
    assert not kiosk.unlocked and kiosk.overlay.unlock_button.isEnabled()
    _close(dialogs)
    monkeypatch.undo()
    unlock(qtbot, kiosk)
    qtbot.waitUntil(lambda: kiosk.unlocked)


def test_a_user_error_while_unlocking_is_said_in_the_prompt(
        qtbot: QtBot, kiosk: ReviewKioskWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    def locked(*_args: object, **_kwargs: object) -> object:
        raise StoreError("Datalagret är låst.")

    monkeypatch.setattr(review, "verify_unlock", locked)
    unlock(qtbot, kiosk)
    assert kiosk.overlay.error_label.text() == "Datalagret är låst."
    assert _error_dialogs() == [] and not kiosk.unlocked
    monkeypatch.undo()
    unlock(qtbot, kiosk)
    qtbot.waitUntil(lambda: kiosk.unlocked)
