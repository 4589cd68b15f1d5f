"""A failure while dictating in the kiosk takes the one error route: a bug is logged once and
shown with "Kopiera detaljer" over the kiosk (the calm Swedish line stays in the dictation
area); a known error shows its Swedish text and no dialog."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.errors import AudioError
from tests.support.logfail import expect_error_log
from tests.ui.review.conftest import CaseData, FakeDictation, FakeSpeaker, unlock
from tests.ui.review.helpers import open_dialog, shown_anywhere, start_kiosk
from ui.errors import ErrorMessageDialog
from ui.review.kiosk_window import ReviewKioskWindow
from ui.tasks import TaskManager

SECRET = "internal detail 0xdead"
CALM = "Dikteringen stannade på grund av ett oväntat fel. Skriv gärna orden i stället."


def _error_dialogs() -> list[ErrorMessageDialog]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, ErrorMessageDialog) and w.isVisible()]


def _dictating_kiosk(host: QWidget, data: CaseData, tasks: TaskManager,
                     speaker: FakeSpeaker, dictation: FakeDictation) -> ReviewKioskWindow:
    flow, dialog = open_dialog(host, data.ctx, data.note.id, tasks, speaker, dictation=dictation)
    kiosk = start_kiosk(dialog, flow)
    assert kiosk.page.dictate_button is not None
    kiosk.page.dictate_button.click()
    assert dictation.running
    return kiosk


def test_a_bug_while_dictating_is_logged_once_and_offers_details_over_the_kiosk(
        qtbot: QtBot, host: QWidget, data: CaseData, tasks: TaskManager,
        speaker: FakeSpeaker) -> None:
    dictation = FakeDictation()
    kiosk = _dictating_kiosk(host, data, tasks, speaker, dictation)
    try:
        raise RuntimeError(SECRET)
    except RuntimeError as exc:
        bug = exc
    with expect_error_log("Unexpected error", logger="ui.errors") as logged:
        dictation.dictation_failed.emit(bug)
    assert len(logged) == 1 and SECRET in logged[0].getMessage()  # logged once, with details
    (dialog,) = _error_dialogs()
    assert dialog.copy_button is not None and dialog.copy_button.text() == "Kopiera detaljer"
    assert dialog.parentWidget() is kiosk  # above the kiosk, not a way out of it
    assert kiosk.page.status_label.text() == CALM and SECRET not in CALM
    assert kiosk.page.dictate_button is not None and not kiosk.page.dictate_button.isChecked()
    dialog.close()
    unlock(qtbot, kiosk)
    dictation.deleteLater()


def test_a_known_error_while_dictating_shows_swedish_and_no_dialog(
        qtbot: QtBot, host: QWidget, data: CaseData, tasks: TaskManager,
        speaker: FakeSpeaker, caplog: pytest.LogCaptureFixture) -> None:
    dictation = FakeDictation()
    kiosk = _dictating_kiosk(host, data, tasks, speaker, dictation)
    message = "Ingen mikrofon hittades. Anslut en mikrofon – du kan fortsätta skriva anteckningen för hand."
    with caplog.at_level(logging.ERROR):
        dictation.dictation_failed.emit(AudioError(message, detail=SECRET))
    # The app's message speaks to the caseworker ("skriva anteckningen för hand"); the family
    # is told what they can do (issue 10: the kiosk must not speak to the wrong person).
    assert kiosk.page.status_label.text() == (
        "Mikrofonen fungerar inte just nu. Du kan skriva i rutan i stället, "
        "eller be handläggaren om hjälp.")
    assert not shown_anywhere("för hand", kiosk) and not shown_anywhere(SECRET, kiosk)
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []
    assert _error_dialogs() == []
    unlock(qtbot, kiosk)
    dictation.deleteLater()
