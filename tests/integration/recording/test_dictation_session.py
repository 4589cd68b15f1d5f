"""The review kiosk's dictation session (app.dictation) through the real pipeline callback path
with a hand-driven source and the fake recognizer: text out, nothing stored, Swedish errors."""

from __future__ import annotations

import logging

import pytest

from app.context import Context
from app.dictation import UNEXPECTED, DictationSession, dictated_text, problem_message
from app.errors import AudioError, UserError
from app.speech_models import LoadedModel
from speech.errors import NoInputDevice
from tests.support.audio import FakeModel, ManualSource, tone_block
from tests.support.logfail import expect_error_log


class _Heard:
    def __init__(self) -> None:
        self.partials: list[str] = []
        self.texts: list[str] = []
        self.problems: list[str] = []

    def session(self, model: LoadedModel | None, source: ManualSource) -> DictationSession:
        return DictationSession(model, on_partial=self.partials.append, on_text=self.texts.append,
                                on_problem=self.problems.append, source_factory=lambda: source)


def test_phrases_and_partials_come_out_and_stop_decodes_the_tail(admin: Context) -> None:
    heard, source = _Heard(), ManualSource()
    session = heard.session(LoadedModel("fake", FakeModel(final_every=3)), source)
    session.start()
    assert session.listening
    for i in range(1, 5):
        source.push(tone_block(i))
    session.stop()
    assert heard.texts == ["b1 b2 b3", "b4"]  # the tail is reported before stop returns
    assert heard.partials[:2] == ["b1", "b1 b2"]
    assert heard.problems == [] and source.stopped and not session.listening
    assert not admin.paths.audio.exists() or list(admin.paths.audio.iterdir()) == []


def test_without_a_model_it_says_so_in_swedish() -> None:
    session = _Heard().session(None, ManualSource())
    with pytest.raises(UserError, match="Diktering fungerar inte än"):
        session.start()


class _NoMicrophone(ManualSource):
    def start(self, callback: object) -> None:
        raise NoInputDevice("no default input device")


def test_no_microphone_is_a_swedish_audio_error() -> None:
    session = _Heard().session(LoadedModel("fake", FakeModel()), _NoMicrophone())
    with pytest.raises(AudioError, match="Ingen mikrofon hittades") as raised:
        session.start()
    assert "no default input device" not in raised.value.message
    assert not session.listening


def test_a_problem_while_listening_is_swedish_and_a_bug_is_logged() -> None:
    assert problem_message(NoInputDevice("gone")).startswith("Ingen mikrofon hittades")
    with expect_error_log("", logger="app.dictation") as logged:
        message = problem_message(RuntimeError("secret internals"))
    assert message == UNEXPECTED and "secret" not in message
    (record,) = logged
    assert record.levelno == logging.ERROR and "RuntimeError: secret internals" in record.message


def test_post_processor_applies_swedish_commands() -> None:
    text = dictated_text("sv")
    text.feed("hej kim punkt")
    assert text.text == "Hej kim."
    assert text.preview("nu går").tentative.strip() == "Nu går"
    assert dictated_text("sv", commands=False).feed("hej punkt") == "Hej punkt"
