"""Read-aloud always shows what happens: no voice, a voice that never starts, or a reader
that exits at once (no sound device) each give a visible sign on the button and the page."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tests.ui.review.conftest import CaseData, FakeSpeaker, unlock
from tests.ui.review.helpers import open_dialog, start_kiosk
from ui.review import kiosk_media
from ui.review.speech import EspeakSpeaker
from ui.tasks import TaskManager

MISSING = "🔇  Ingen uppläsning"
FAILED = "Uppläsningen fungerade inte. Läs texten tillsammans i stället."


class SilentSpeaker(FakeSpeaker):
    """Says it can speak, but nothing ever starts (an engine with no sound output)."""

    def say(self, text: str) -> None:
        self.said.append(text)


def test_no_voice_is_shown_on_the_button_before_anyone_presses_it(
        qtbot: QtBot, host: QWidget, data: CaseData, tasks: TaskManager) -> None:
    mute = FakeSpeaker(available=False)
    flow, dialog = open_dialog(host, data.ctx, data.note.id, tasks, mute)
    kiosk = start_kiosk(dialog, flow)
    assert kiosk.page.read_button.text() == MISSING
    kiosk.page.read_button.click()
    assert kiosk.page.read_button.text() == MISSING
    assert kiosk.page.status_label.text() == "Ingen röst för uppläsning finns på den här datorn."
    unlock(qtbot, kiosk)
    mute.deleteLater()


def test_a_voice_that_never_starts_is_reported(qtbot: QtBot, host: QWidget, data: CaseData,
                                               tasks: TaskManager,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kiosk_media, "START_TIMEOUT_MS", 50)
    silent = SilentSpeaker()
    flow, dialog = open_dialog(host, data.ctx, data.note.id, tasks, silent)
    kiosk = start_kiosk(dialog, flow)
    assert kiosk.page.read_button.text() == "🔊  Läs upp"
    kiosk.page.read_button.click()
    assert kiosk.page.read_button.text() == "■  Sluta läsa"
    qtbot.waitUntil(lambda: kiosk.page.status_label.text() == FAILED, timeout=2000)
    assert kiosk.page.read_button.text() == MISSING and silent.stopped >= 1
    assert not kiosk.media.speaking
    unlock(qtbot, kiosk)
    silent.deleteLater()


@pytest.mark.skipif(shutil.which("false") is None, reason="needs the `false` program")
def test_a_reader_that_exits_with_an_error_reports_failure(qtbot: QtBot) -> None:
    speaker = EspeakSpeaker(program="false")  # exits 1 at once, as espeak-ng without sound
    with qtbot.waitSignal(speaker.speaking_failed, timeout=5000):
        speaker.say("Hej")
    speaker.shutdown()
    speaker.deleteLater()
