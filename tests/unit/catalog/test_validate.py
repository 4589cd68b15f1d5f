"""Structural validation of Vosk model folders and locating the model inside an import."""

from __future__ import annotations

from pathlib import Path

import pytest

from speech.archive import find_model_root
from speech.errors import ModelInvalid
from speech.modelstore import ensure_valid, guess_language, safe_name, validate_model

LOOKAHEAD = ["am/final.mdl", "conf/mfcc.conf", "conf/model.conf", "graph/HCLr.fst", "graph/Gr.fst"]


def make(folder: Path, files: list[str]) -> Path:
    for relative in files:
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"data")
    return folder


def test_lookahead_model_without_ivector_is_valid(tmp_path: Path) -> None:
    assert validate_model(make(tmp_path / "m", LOOKAHEAD)) == []


def test_static_graph_needs_words(tmp_path: Path) -> None:
    files = ["am/final.mdl", "conf/mfcc.conf", "conf/model.conf", "graph/HCLG.fst"]
    assert validate_model(make(tmp_path / "m", files)) == ["graph/words.txt"]
    make(tmp_path / "m", ["graph/words.txt"])
    assert validate_model(tmp_path / "m") == []


def test_missing_graph_and_half_lookahead(tmp_path: Path) -> None:
    model = make(tmp_path / "m", LOOKAHEAD[:3])
    assert validate_model(model) == ["graph/HCLG.fst (eller graph/HCLr.fst + graph/Gr.fst)"]
    make(model, ["graph/Gr.fst"])
    assert validate_model(model) == ["graph/HCLr.fst"]


def test_incomplete_ivector_folder_and_empty_files(tmp_path: Path) -> None:
    model = make(tmp_path / "m", [*LOOKAHEAD, "ivector/final.ie"])
    (model / "am" / "final.mdl").write_bytes(b"")
    missing = validate_model(model)
    assert "am/final.mdl (empty)" in missing
    assert "ivector/final.mat" in missing and "ivector/splice.conf" in missing
    assert "ivector/final.ie" not in missing


def test_not_a_folder(tmp_path: Path) -> None:
    assert validate_model(tmp_path / "nothing") == ["nothing (folder)"]
    with pytest.raises(ModelInvalid) as caught:
        ensure_valid(tmp_path / "nothing")
    assert "nothing (folder)" in str(caught.value)


def test_find_model_root_through_wrappers(tmp_path: Path) -> None:
    make(tmp_path / "usb" / "export" / "model", LOOKAHEAD)
    (tmp_path / "usb" / "__MACOSX").mkdir()
    (tmp_path / "usb" / "README.txt").write_text("hej")
    assert find_model_root(tmp_path / "usb") == tmp_path / "usb" / "export" / "model"


def test_find_model_root_gives_up_on_ambiguous_folders(tmp_path: Path) -> None:
    make(tmp_path / "two" / "a", LOOKAHEAD)
    make(tmp_path / "two" / "b", LOOKAHEAD)
    assert find_model_root(tmp_path / "two") == tmp_path / "two"


@pytest.mark.parametrize(
    ("name", "lang"),
    [
        ("vosk-model-small-sv-rhasspy-0.15", "sv"),
        ("vosk-model-en-us-0.22", "en-us"),
        ("vosk-model-small-en-in-0.4", "en-in"),
        ("vosk-model-ru-0.42", "ru"),
        ("my-model", None),
    ],
)
def test_guess_language(name: str, lang: str | None) -> None:
    assert guess_language(name) == lang


def test_safe_name() -> None:
    assert safe_name("Svensk modell (IT) v2") == "Svensk-modell-IT-v2"
    assert safe_name("..") == "imported-model"
    assert safe_name("åäö") == "imported-model"
