"""One error route in the visit package: a bug is logged with its traceback and offers
"Kopiera detaljer"; a known speech error keeps its Swedish text and never shows ``str(exc)``."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app import recording, speech_models, transcription
from app.context import Context
from app.errors import AudioError
from app.speech_models import EngineModel
from speech.engine import Recognizer
from speech.errors import ModelInvalid
from speech.values import VOSK, Segment, Word
from tests.integration.models.fakeserver import build_model as make_model_dir
from tests.support.audio import FakeModel, ManualSource, tone_block
from tests.support.logfail import expect_error_log
from ui.errors import ErrorMessageDialog
from ui.visit.review_dictation import VoskDictationProvider
from ui.visit.transcript_widget import TranscriptWidget
from ui.visit.visit_page import VisitPageWidget

from .conftest import FakePlayer, VisitData, give_consent

SECRET = "internal detail 0xdead"
SEGMENTS = [Segment(0.0, 0.5, "kim", (Word("kim", 0.0, 0.5, 0.9),))]


@pytest.fixture
def dialogs(qapp: QApplication) -> Iterator[Callable[[], list[ErrorMessageDialog]]]:
    def open_dialogs() -> list[ErrorMessageDialog]:
        return [w for w in QApplication.topLevelWidgets()
                if isinstance(w, ErrorMessageDialog) and w.isVisible()]

    yield open_dialogs
    for dialog in open_dialogs():
        dialog.close()


def _raising(exc: BaseException) -> Callable[[Context], None]:
    def load(_ctx: Context) -> None:
        raise exc

    return load


def _raising_engine(exc: BaseException) -> Callable[[str, Path], EngineModel]:
    def load(_engine: str, _folder: Path) -> EngineModel:
        raise exc

    return load


def install_fake_model(ctx: Context) -> None:
    """A structurally valid Vosk model folder, so there is an active model to load."""
    make_model_dir(transcription.model_store(ctx).engine_dir(VOSK) / "vosk-model-small-sv-x")


def _bug_logged(records: list[logging.LogRecord]) -> str:
    assert len(records) == 1, "the bug is logged once"
    return records[0].getMessage()


def test_a_bug_loading_the_model_is_logged_and_offers_details(
        data: VisitData, monkeypatch: pytest.MonkeyPatch,
        dialogs: Callable[[], list[ErrorMessageDialog]]) -> None:
    monkeypatch.setattr(speech_models, "load_active", _raising(RuntimeError(SECRET)))
    failed: list[str] = []
    data.models.model_load_failed.connect(failed.append)
    with expect_error_log("Unexpected error", logger="ui.errors") as logged:
        data.models.reload()
    assert data.models.state == "failed"
    assert failed == ["Ett oväntat fel inträffade"] and SECRET not in data.models.message
    assert "Traceback" in _bug_logged(logged) and SECRET in _bug_logged(logged)
    (dialog,) = dialogs()
    assert dialog.copy_button is not None and dialog.copy_button.text() == "Kopiera detaljer"


def test_a_known_model_error_keeps_its_swedish_text(
        data: VisitData, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture,
        dialogs: Callable[[], list[ErrorMessageDialog]]) -> None:
    invalid = ModelInvalid(["am/final.mdl"], f"/models/{SECRET}")
    # raised where the app loads it (the engine dispatcher), so the app converts it
    install_fake_model(data.ctx)
    monkeypatch.setattr(speech_models, "load_engine_model", _raising_engine(invalid))
    with caplog.at_level(logging.ERROR):
        data.models.reload()
    assert data.models.state == "failed"
    assert data.models.message == "Modellen är ogiltig – följande saknas: am/final.mdl"
    assert SECRET not in data.models.message and str(invalid) != data.models.message
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []
    assert dialogs() == []


def _stored_recording(data: VisitData) -> str:
    give_consent(data)
    info = recording.begin(data.ctx, data.visit.id, model_id="fake")
    with recording.open_sink(data.ctx, info.id) as sink:
        sink.write(b"\x01\x00" * 16_000)
    recording.finish(data.ctx, info.id, 1.0)
    return info.id


def test_a_playback_bug_is_logged_and_offers_details(
        qtbot: QtBot, data: VisitData,
        dialogs: Callable[[], list[ErrorMessageDialog]]) -> None:
    widget = TranscriptWidget(data.session, player=FakePlayer(RuntimeError(SECRET)))
    qtbot.addWidget(widget)
    widget.set_transcript(_stored_recording(data), SEGMENTS)
    with (expect_error_log("Unexpected error", logger="ui.errors") as logged,
          qtbot.waitSignal(widget.playback_failed) as failed):
        widget.play_word(0)
    assert failed.args == ["Ljudet kunde inte spelas upp."]
    assert SECRET in _bug_logged(logged) and "Traceback" in _bug_logged(logged)
    (dialog,) = dialogs()
    assert dialog.copy_button is not None and SECRET not in dialog.message_label.text()


def test_a_known_playback_error_shows_swedish_and_no_dialog(
        qtbot: QtBot, data: VisitData, caplog: pytest.LogCaptureFixture,
        dialogs: Callable[[], list[ErrorMessageDialog]]) -> None:
    error = AudioError("Ingen högtalare hittades, så ljudet kan inte spelas upp.", detail=SECRET)
    widget = TranscriptWidget(data.session, player=FakePlayer(error))
    qtbot.addWidget(widget)
    widget.set_transcript(_stored_recording(data), SEGMENTS)
    with caplog.at_level(logging.ERROR), qtbot.waitSignal(widget.playback_failed) as failed:
        widget.play_word(0)
    assert failed.args == ["Ingen högtalare hittades, så ljudet kan inte spelas upp."]
    assert widget.message.text() == failed.args[0]
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == [] and dialogs() == []


def test_a_bug_while_recording_is_logged_not_shown_as_text(
        data: VisitData, make_page: Callable[..., VisitPageWidget],
        dialogs: Callable[[], list[ErrorMessageDialog]]) -> None:
    page = make_page(ManualSource())
    with expect_error_log("Unexpected error", logger="ui.errors") as logged:
        page.recorder.problem_reported.emit(OSError(SECRET))
    assert page.message.text() == "Ett problem uppstod under inspelningen – ljudet sparas ändå."
    assert SECRET in _bug_logged(logged)
    (dialog,) = dialogs()
    assert dialog.copy_button is not None


class _BrokenModel(FakeModel):
    def recognizer(self, sample_rate: int, *, partials: bool = True) -> Recognizer:
        raise RuntimeError(SECRET)


def test_a_dictation_bug_reaches_the_kiosk_as_the_exception_unlogged(
        qtbot: QtBot, data: VisitData) -> None:
    # The provider hands the bug on; the kiosk's route logs it once (test_kiosk_dictation.py).
    data.models.set_model(_BrokenModel(), "broken")
    source = ManualSource()
    provider = VoskDictationProvider(data.models, lambda: source)
    failures: list[BaseException] = []
    provider.dictation_failed.connect(failures.append)
    with qtbot.waitSignal(provider.dictation_started, timeout=5_000):
        provider.start()
    source.push(tone_block(1))
    qtbot.waitUntil(lambda: bool(failures), timeout=5_000)
    (bug,) = failures  # the recognizer could not be made: reported once, the exception itself
    assert isinstance(bug, RuntimeError) and SECRET in str(bug)
    with qtbot.waitSignal(provider.dictation_stopped, timeout=5_000):
        provider.stop()
    provider.deleteLater()
