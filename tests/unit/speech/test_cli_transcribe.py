"""``samskriv transcribe`` argument handling and error messages (no real model needed)."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from app import cli_transcribe
from tests.support.audio import SHORT_WAV


def _parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="samskriv")
    parser.add_argument("--data-dir")
    cli_transcribe.register(parser.add_subparsers(dest="command"))
    return parser.parse_args(list(argv))


def test_arguments_are_parsed() -> None:
    args = _parse("transcribe", "a.wav", "b.mp3", "--format", "srt", "--threads", "3", "--output", "out")
    assert args.func is cli_transcribe.run
    assert (args.files, args.format, args.threads, args.output) == (
        [Path("a.wav"), Path("b.mp3")], "srt", 3, Path("out"),
    )


def test_invalid_model_folder_gives_swedish_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = _parse("--data-dir", str(tmp_path), "transcribe", str(SHORT_WAV), "--model", str(tmp_path))
    assert args.func(args) == 1
    assert "Modellmappen saknas eller är ogiltig" in capsys.readouterr().err


def test_model_name_is_looked_up_in_the_data_dir(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = _parse("--data-dir", str(tmp_path), "transcribe", str(SHORT_WAV), "--model", "sv-small")
    assert args.func(args) == 1
    assert str(tmp_path / "models" / "vosk" / "sv-small") in capsys.readouterr().err


def test_without_model_and_none_installed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = _parse("--data-dir", str(tmp_path), "transcribe", str(SHORT_WAV))
    assert args.func(args) == 2
    assert "Ange en modell med --model" in capsys.readouterr().err


def test_missing_input_file_fails_before_loading_a_model(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = _parse("transcribe", str(tmp_path / "nope.wav"), "--model", str(tmp_path))
    assert args.func(args) == 1
    assert "Filen kunde inte läsas" in capsys.readouterr().err
