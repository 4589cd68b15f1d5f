"""The real speakers (QtTextToSpeech engines and espeak-ng), where this computer has them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtTextToSpeech import QTextToSpeech
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ui.review.speech import EspeakSpeaker, NoVoiceSpeaker, QtSpeaker, default_speaker

pytestmark = [pytest.mark.tts, pytest.mark.qt_log_ignore("pipewire", "symbols", "speech")]


def test_engine_without_swedish_is_not_chosen(qapp: QApplication) -> None:
    if "mock" not in QTextToSpeech.availableEngines():
        pytest.skip("Qt's mock speech engine is not installed")
    assert QtSpeaker.create(engines=["mock"]) is None


def test_qt_engine_reports_spoken_words(qtbot: QtBot) -> None:
    if "mock" not in QTextToSpeech.availableEngines():
        pytest.skip("Qt's mock speech engine is not installed")
    speaker = QtSpeaker(QTextToSpeech("mock"))
    assert speaker.is_available() and speaker.reports_words()
    words: list[tuple[int, int]] = []
    speaker.word_reached.connect(lambda start, length: words.append((start, length)))
    with qtbot.waitSignal(speaker.speaking_finished, timeout=10_000):
        speaker.say("Kim spelar fotboll")
    assert words[0] == (0, 3) and words[-1] == (11, 7)
    speaker.shutdown()
    speaker.deleteLater()


def test_speech_dispatcher_offers_swedish(qapp: QApplication) -> None:
    if "speechd" not in QTextToSpeech.availableEngines():
        pytest.skip("speech-dispatcher is not available")
    speaker = QtSpeaker.create(engines=["speechd"])
    if speaker is None:
        pytest.skip("speech-dispatcher has no Swedish voice here")
    assert speaker._tts.locale().language() == QLocale.Language.Swedish
    speaker.shutdown()
    speaker.deleteLater()


def test_espeak_reads_swedish(qtbot: QtBot) -> None:
    if not EspeakSpeaker.found():
        pytest.skip("espeak-ng is not installed")
    speaker = EspeakSpeaker()
    assert speaker.is_available()
    with qtbot.waitSignal(speaker.speaking_finished, timeout=15_000):
        speaker.say("Hej Kim, nu läser jag upp texten.")
    speaker.say("En lång text som avbryts. " * 20)
    speaker.stop()
    speaker.shutdown()
    speaker.deleteLater()


def test_default_speaker_finds_a_voice_here(qapp: QApplication) -> None:
    speaker = default_speaker()
    if not EspeakSpeaker.found():
        pytest.skip("no espeak-ng on this computer")
    assert not isinstance(speaker, NoVoiceSpeaker) and speaker.is_available()
    speaker.shutdown()
    speaker.deleteLater()
