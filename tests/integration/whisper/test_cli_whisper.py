"""``samskriv transcribe --engine whisper`` with a real Whisper model, in every output format."""

from __future__ import annotations

import argparse
import shutil
import wave
from pathlib import Path

import pytest

from app import cli_transcribe
from speech.formats import FORMATS
from tests.support.speech_audio import espeak_pcm

pytestmark = pytest.mark.slow


def _parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="samskriv")
    parser.add_argument("--data-dir")
    cli_transcribe.register(parser.add_subparsers(dest="command"))
    return parser.parse_args(list(argv))


def _wav(path: Path, pcm: bytes) -> Path:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(16_000)
        out.writeframes(pcm)
    return path


def test_whisper_transcribes_a_file_in_every_format(
        tmp_path: Path, whisper_tiny_en_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    models = tmp_path / "data" / "models" / "whisper"
    models.mkdir(parents=True)
    shutil.copytree(whisper_tiny_en_dir, models / "tiny-en")  # an installed model, by name
    audio = _wav(tmp_path / "hello.wav", espeak_pcm("This is a short test.", voice="en-us"))
    for fmt in ("srt", "json"):  # txt is the same text; each format is one worker run
        assert fmt in FORMATS
        args = _parse("--data-dir", str(tmp_path / "data"), "transcribe", str(audio),
                      "--engine", "whisper", "--model", "tiny-en", "--format", fmt,
                      "--threads", "2", "--output", str(tmp_path / "out"))
        assert args.func(args) == 0
        text = (tmp_path / "out" / f"hello.{fmt}").read_text(encoding="utf-8")
        assert "short test" in text.lower()
    assert "Läser in modellen" in capsys.readouterr().err


def test_a_broken_whisper_folder_is_a_swedish_message(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "broken"
    folder.mkdir()
    (folder / "config.json").write_text("{}")
    audio = _wav(tmp_path / "a.wav", b"\0" * 32_000)
    args = _parse("--data-dir", str(tmp_path), "transcribe", str(audio), "--engine", "whisper",
                  "--model", str(folder))
    assert args.func(args) == 1
    err = capsys.readouterr().err
    assert "Modellmappen saknas eller är ogiltig" in err and "model.bin" in err
