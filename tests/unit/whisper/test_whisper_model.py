"""Validating a CTranslate2 Whisper model folder, without loading it."""

from __future__ import annotations

from pathlib import Path

from speech.modelstore import ModelStore
from speech.values import WHISPER
from speech.whisper_model import physical_cores, validate_whisper_model


def _folder(root: Path, **sizes: int) -> Path:
    root.mkdir()
    files = {"config.json": b"{}", "model.bin": b"\1" * 2_000_000, "tokenizer.json": b"{}",
             "vocabulary.txt": b"a\n"}
    for name, data in files.items():
        size = sizes.get(name.replace(".", "_"), -1)
        if size != 0 or name == "model.bin":
            (root / name).write_bytes(data if size < 0 else data[:size])
    return root


def test_a_whole_folder_passes(tmp_path: Path) -> None:
    assert validate_whisper_model(_folder(tmp_path / "m")) == []


def test_each_problem_is_named(tmp_path: Path) -> None:
    folder = _folder(tmp_path / "m", model_bin=10, vocabulary_txt=0)
    (folder / "config.json").write_text("{not json")
    (folder / "tokenizer.json").unlink()
    assert validate_whisper_model(folder) == [
        "tokenizer.json", "vocabulary.txt (or vocabulary.json)", "model.bin (truncated)",
        "config.json (not JSON)"]
    assert validate_whisper_model(tmp_path / "none") == ["none (folder)"]


def test_the_store_imports_and_validates_whisper_folders(tmp_path: Path) -> None:
    store = ModelStore(tmp_path / "models")
    installed = store.import_path(_folder(tmp_path / "kb-whisper-base"), engine=WHISPER)
    assert (installed.engine, installed.name, installed.valid) == (WHISPER, "kb-whisper-base", True)
    assert installed.path == tmp_path / "models" / WHISPER / "kb-whisper-base"
    assert [m.name for m in store.installed(WHISPER)] == ["kb-whisper-base"]


def test_physical_cores_is_at_least_one() -> None:
    assert physical_cores() >= 1
