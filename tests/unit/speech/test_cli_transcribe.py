"""``samskriv transcribe`` argument handling and error messages (no real model needed)."""

from __future__ import annotations

import _thread
import argparse
import threading
import time
from pathlib import Path

import pytest

from app import cli_transcribe
from speech.engine import CancelCheck, Progress
from speech.errors import TranscriptionCancelled
from speech.files import default_jobs
from speech.values import Segment, Word
from speech.wavio import write_wav
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


# --- several files at once (a fake engine: the words are the file's first sample) ---------


class _Tones:
    """A ``FileTranscriber``: a file of samples ``v`` becomes the word ``w<v>``, after
    ``v`` × 10 ms (so a later file can finish first); ``v`` = 99 never ends by itself."""

    engine = "vosk"
    model_id = "fake"

    def __init__(self) -> None:
        self.started = threading.Event()
        self.cancelled: list[int] = []
        self.running = 0
        self._lock = threading.Lock()

    def transcribe(self, pcm: bytes, progress: Progress, cancel: CancelCheck) -> list[Segment]:
        value = int.from_bytes(pcm[:2], "little", signed=True)
        self.started.set()
        with self._lock:
            self.running += 1
        try:
            for step in range(10 if value != 99 else 100_000):
                if cancel.is_set():
                    self.cancelled.append(value)
                    raise TranscriptionCancelled()
                time.sleep(value / 1000)
                progress((step + 1) / 10)
        finally:
            with self._lock:
                self.running -= 1
        word = Word(f"w{value}", 0.0, 0.5, 1.0)
        return [Segment(0.0, 0.5, word.text, (word,))]


def _tone(path: Path, value: int) -> Path:
    write_wav(path, int(value).to_bytes(2, "little", signed=True) * 1600)
    return path


@pytest.fixture
def tones(monkeypatch: pytest.MonkeyPatch) -> _Tones:
    fake = _Tones()
    monkeypatch.setattr(cli_transcribe, "_load", lambda *_a: fake)
    return fake


def test_several_files_are_saved_each_with_its_own_words(
        tmp_path: Path, tones: _Tones, capsys: pytest.CaptureFixture[str]) -> None:
    files = [_tone(tmp_path / f"f{v}.wav", v) for v in (5, 1, 3)]
    args = _parse("transcribe", *map(str, files), "--model", str(tmp_path), "--jobs", "3",
                  "--output", str(tmp_path / "out"))
    assert args.func(args) == 0
    assert [(tmp_path / "out" / f"f{v}.txt").read_text(encoding="utf-8").split()
            for v in (5, 1, 3)] == [["w5"], ["w1"], ["w3"]]
    err = capsys.readouterr().err
    assert "Transkriberar 3 filer, 3 åt gången" in err and "f5.wav: 100 %" in err


def test_stdout_keeps_the_order_the_files_were_given_in(
        tmp_path: Path, tones: _Tones, capsys: pytest.CaptureFixture[str]) -> None:
    files = [_tone(tmp_path / f"f{v}.wav", v) for v in (20, 1, 5)]  # the first ends last
    args = _parse("transcribe", *map(str, files), "--model", str(tmp_path))
    assert args.func(args) == 0
    assert capsys.readouterr().out.split() == ["w20", "w1", "w5"]


def test_a_broken_file_loses_nothing_of_the_others(
        tmp_path: Path, tones: _Tones, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "trasig.wav"
    broken.write_bytes(b"RIFF, but not audio at all")
    files = [_tone(tmp_path / "a.wav", 2), broken, tmp_path / "saknas.wav",
             _tone(tmp_path / "b.wav", 3)]
    args = _parse("transcribe", *map(str, files), "--model", str(tmp_path),
                  "--output", str(tmp_path / "out"))
    assert args.func(args) == 1
    assert (tmp_path / "out" / "a.txt").read_text(encoding="utf-8").split() == ["w2"]
    assert (tmp_path / "out" / "b.txt").read_text(encoding="utf-8").split() == ["w3"]
    assert not (tmp_path / "out" / "trasig.txt").exists()
    err = capsys.readouterr().err
    assert f"Filen kunde inte läsas: {broken}" in err
    assert "saknas.wav (filen finns inte)" in err
    assert "2 av 4 filer kunde inte transkriberas." in err


def test_ctrl_c_stops_every_file_and_keeps_what_was_saved(
        tmp_path: Path, tones: _Tones, capsys: pytest.CaptureFixture[str]) -> None:
    done = _tone(tmp_path / "klar.wav", 1)
    endless = [_tone(tmp_path / f"lång{n}.wav", 99) for n in range(3)]
    args = _parse("transcribe", str(done), *map(str, endless), "--model", str(tmp_path),
                  "--jobs", "2", "--output", str(tmp_path / "out"))

    def press_ctrl_c() -> None:
        while not (tmp_path / "out" / "klar.txt").exists():
            time.sleep(0.01)
        time.sleep(0.2)
        _thread.interrupt_main()

    threading.Thread(target=press_ctrl_c, daemon=True).start()
    began = time.monotonic()
    assert args.func(args) == cli_transcribe.CANCELLED
    assert time.monotonic() - began < 10
    assert tones.running == 0 and tones.cancelled  # the running files were stopped
    assert (tmp_path / "out" / "klar.txt").read_text(encoding="utf-8").split() == ["w1"]
    assert "Avbrutet: 1 av 4 filer blev klara." in capsys.readouterr().err


def test_one_file_is_one_stream_and_several_use_the_cores(tmp_path: Path) -> None:
    one = _parse("transcribe", "a.wav")
    assert cli_transcribe._jobs(one, 1) == 1
    many = _parse("transcribe", "a.wav", "b.wav", "c.wav")
    assert cli_transcribe._jobs(many, 3) == default_jobs(3)
    assert cli_transcribe._jobs(_parse("transcribe", "a", "b", "--threads", "1"), 2) == 1
    assert cli_transcribe._jobs(_parse("transcribe", "a", "b", "--jobs", "5"), 2) == 2
    whisper = _parse("transcribe", "a", "b", "--engine", "whisper", "--threads", "4")
    assert (cli_transcribe._jobs(whisper, 2), cli_transcribe._threads(whisper)) == (1, 4)
    assert cli_transcribe._threads(many) == 1  # a Vosk file is never split


def test_same_result_name_twice_is_refused_before_loading(
        tmp_path: Path, tones: _Tones, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    files = [_tone(tmp_path / "a" / "samtal.wav", 1), _tone(tmp_path / "b" / "samtal.wav", 2)]
    args = _parse("transcribe", *map(str, files), "--model", str(tmp_path),
                  "--output", str(tmp_path / "out"))
    assert args.func(args) == 2
    assert "skulle båda sparas som samtal.txt" in capsys.readouterr().err
    assert not tones.started.is_set()


def test_help_is_swedish(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        _parse("transcribe", "--help")
    out = capsys.readouterr().out
    for text in ("antal filer som transkriberas samtidigt", "--jobs", "--threads",
                 "mapp för resultaten", "varje fil som en enda ström"):
        assert text in " ".join(out.split()), text
