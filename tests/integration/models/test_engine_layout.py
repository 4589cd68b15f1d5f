"""The engine is a dimension of the model store: ``<models>/<engine>/<name>``, looked up by
(engine, name); models the first version installed in ``<models>/<name>`` still count (Vosk)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

import pytest

from app import cli_models, cli_transcribe
from speech.catalog import ModelCatalog
from speech.errors import ModelInvalid, ModelNotFound
from speech.modelstore import ModelStore
from speech.values import ENGINES, VOSK

NAME = "vosk-model-small-sv-test-0.1"
OLD = "vosk-model-small-en-us-0.15"


def test_new_models_go_into_their_engine_folder(
    tmp_path: Path, models_dir: Path, make_model: Callable[[Path], Path]
) -> None:
    store = ModelStore(models_dir)
    installed = store.import_path(make_model(tmp_path / NAME))
    assert (installed.engine, installed.path) == (VOSK, models_dir / VOSK / NAME)
    assert store.get(VOSK, NAME).path == models_dir / VOSK / NAME
    assert store.path_of(VOSK, NAME) == models_dir / VOSK / NAME
    assert [(m.engine, m.name) for m in store.installed(VOSK)] == [(VOSK, NAME)]


def test_a_model_installed_by_the_first_version_is_found_in_place(
    tmp_path: Path, models_dir: Path, make_model: Callable[[Path], Path]
) -> None:
    legacy = make_model(models_dir / OLD)  # the landed version's layout: <models>/<name>
    store = ModelStore(models_dir)
    [model] = store.installed()
    assert (model.engine, model.name, model.path, model.valid) == (VOSK, OLD, legacy, True)
    assert model.lang_text == "US English"  # still matched with its catalog entry
    assert store.get(VOSK, OLD).path == legacy
    assert legacy.is_dir()  # read in place, not moved


def test_reinstalling_a_first_version_model_replaces_it_and_removing_finds_it(
    tmp_path: Path, models_dir: Path, make_model: Callable[[Path], Path]
) -> None:
    make_model(models_dir / OLD)
    make_model(models_dir / NAME)
    store = ModelStore(models_dir)
    store.import_path(make_model(tmp_path / "src" / OLD))
    assert not (models_dir / OLD).exists()
    assert [(m.name, m.path) for m in store.installed() if m.name == OLD] == [
        (OLD, models_dir / VOSK / OLD)]
    store.remove(VOSK, NAME)  # still in the old place
    assert not (models_dir / NAME).exists()
    assert [m.name for m in store.installed()] == [OLD]


def test_lookups_take_the_engine(
    tmp_path: Path, models_dir: Path, make_model: Callable[[Path], Path]
) -> None:
    store = ModelStore(models_dir)
    store.import_path(make_model(tmp_path / NAME))
    with pytest.raises(ModelNotFound):
        store.get("whisper", NAME)
    with pytest.raises(ModelInvalid, match="not a valid Whisper model"):
        store.import_path(tmp_path / NAME, engine="whisper")  # a Vosk folder is no Whisper model
    with pytest.raises(ModelNotFound):
        store.import_path(tmp_path / NAME, engine="kaldi")  # an engine this build does not know
    assert ENGINES == (VOSK, "whisper")
    catalog = ModelCatalog()
    entry = catalog.get(VOSK, OLD)
    assert entry.engine == VOSK
    assert catalog.find("whisper", OLD) is None
    assert all(e.engine == VOSK for e in catalog.entries())


def test_the_clis_find_first_version_models(
    tmp_path: Path, make_model: Callable[[Path], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    make_model(tmp_path / "models" / "egen-modell")
    parser = argparse.ArgumentParser(prog="samskriv")
    parser.add_argument("--data-dir")
    commands = parser.add_subparsers(dest="command")
    cli_models.register(commands)
    cli_transcribe.register(commands)

    args = parser.parse_args(["--data-dir", str(tmp_path), "models", "list"])
    assert args.func(args) == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if "egen-modell" in x)
    assert line.split()[:2] == ["*", "egen-modell"]

    args = parser.parse_args(["--data-dir", str(tmp_path), "transcribe", "a.wav"])
    assert cli_transcribe._model_dir(args) == tmp_path / "models" / "egen-modell"
    args = parser.parse_args(["--data-dir", str(tmp_path), "transcribe", "a.wav",
                              "--model", "egen-modell"])
    assert cli_transcribe._model_dir(args) == tmp_path / "models" / "egen-modell"

    args = parser.parse_args(["--data-dir", str(tmp_path), "models", "remove", "egen-modell"])
    assert args.func(args) == 0
    assert not (tmp_path / "models" / "egen-modell").exists()
