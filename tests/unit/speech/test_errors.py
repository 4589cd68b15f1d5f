"""One module of speech errors: every type, its Swedish message and its app error kind."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from app.errors import AudioError, ModelError, to_user_error
from speech import errors
from speech.errors import (
    AudioFileError,
    NoInputDevice,
    NoOutputDevice,
    SpeechError,
    TranscriptionCancelled,
    UnsupportedLanguage,
    user_message,
)


def _all_error_types() -> list[type[SpeechError]]:
    found = [obj for obj in vars(errors).values()
             if isinstance(obj, type) and issubclass(obj, SpeechError)]
    return sorted(found, key=lambda cls: cls.__name__)


@pytest.mark.parametrize(
    ("error", "swedish"),
    [
        (NoInputDevice("portaudio: no device"), "Ingen mikrofon hittades."),
        (NoOutputDevice("x"), "Ingen högtalare hittades"),
        (AudioFileError("a.mp3: bad header"), "Ljudfilen kunde inte läsas."),
    ],
)
def test_audio_errors_become_audio_errors_in_swedish(error: SpeechError, swedish: str) -> None:
    user_error = to_user_error(error)
    assert isinstance(user_error, AudioError)
    assert swedish in user_error.message
    assert user_error.detail == str(error)


def test_cancelled_transcription_and_unknown_problems_are_model_errors() -> None:
    assert "Utskriften avbröts" in to_user_error(TranscriptionCancelled()).message
    generic = to_user_error(UnsupportedLanguage("xx"))
    assert isinstance(generic, ModelError)
    assert generic.message == "Något gick fel med talmodellen."


def test_every_speech_error_lives_in_one_module_with_a_swedish_message() -> None:
    types = _all_error_types()
    assert len(types) >= 14
    for cls in types:
        assert cls.__module__ == "speech.errors"
        assert "message" in dir(cls)
    assert user_message(NoInputDevice("x")) == NoInputDevice("x").message


@pytest.mark.parametrize(("package", "module"), [("speech", "exceptions"), ("app", "speech_errors")])
def test_the_old_error_modules_are_gone(package: str, module: str) -> None:
    folder = Path(importlib.import_module(package).__file__ or "").parent
    assert not (folder / f"{module}.py").exists()
