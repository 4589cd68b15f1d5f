"""Several files at once with the real Vosk engine: each file gets exactly the words (and
times) of one stream decoded alone, a broken file loses none of the others, cancel stops all.

Three kinds of audio made with espeak-ng: a fast voice with short pauses, a slow female voice
with long silences, English over loud room noise.
"""

from __future__ import annotations

import argparse
import threading
import time
from pathlib import Path

import numpy as np
import pytest

from app import cli_transcribe
from speech.batch import VoskFileTranscriber, load_pcm, transcribe_pcm
from speech.engine import SpeechModel
from speech.errors import TranscriptionCancelled
from speech.files import transcribe_files
from speech.formats import render
from speech.wavio import write_wav
from tests.support.speech_audio import espeak_pcm

pytestmark = [pytest.mark.vosk, pytest.mark.tts, pytest.mark.slow]

RATE = 16_000
KINDS = {  # name: (voice, speed, pause between sentences in s, noise level)
    "snabb": ("sv", 200, 0.15, 30.0),
    "tystnader": ("sv+f3", 130, 3.0, 0.0),
    "brus": ("en-us", 170, 0.8, 1500.0),
}
SENTENCES = (
    "Vi träffades hemma hos familjen och pratade om skolan.",
    "Barnen berättade om fotbollsträningen på torsdagar.",
    "Nästa möte blir om två veckor på tisdag förmiddag.",
)


def _audio(folder: Path, name: str) -> Path:
    voice, speed, pause, noise = KINDS[name]
    parts: list[np.ndarray] = []
    for text in SENTENCES:
        clip = np.frombuffer(espeak_pcm(text, voice=voice, speed=speed), dtype=np.int16)
        parts += [clip.astype(np.float64), np.zeros(int(pause * RATE))]
    pcm = np.concatenate(parts)
    pcm += np.random.default_rng(5).normal(0, noise, len(pcm)) if noise else 0.0
    path = folder / f"{name}.wav"
    write_wav(path, np.clip(pcm, -32768, 32767).astype(np.int16).tobytes())
    return path


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("audio")
    return [_audio(folder, name) for name in KINDS]


@pytest.fixture(scope="module")
def alone(ko_model: SpeechModel, files: list[Path]) -> list[str]:
    """Each file decoded alone as one stream, as JSON (words, times and confidences)."""
    return [render(transcribe_pcm(ko_model, load_pcm(path), threads=1), "json")
            for path in files]


@pytest.mark.timeout(900)
def test_files_at_once_give_each_file_the_words_of_one_stream(
        ko_model: SpeechModel, files: list[Path], alone: list[str]) -> None:
    assert all(text.count('"word"') >= 5 for text in alone)  # real speech was recognised
    outcomes = list(transcribe_files(VoskFileTranscriber(ko_model), files, jobs=3))
    assert all(o.ok for o in outcomes)
    together = {o.index: render(o.segments, "json") for o in outcomes}
    assert [together[i] for i in range(len(files))] == alone


@pytest.mark.timeout(900)
def test_cli_default_batch_equals_one_stream_and_survives_a_broken_file(
        ko_model_dir: Path, files: list[Path], alone: list[str], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "trasig.wav"
    broken.write_bytes(b"RIFF" + bytes(range(256)) * 4)
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir")
    cli_transcribe.register(parser.add_subparsers())
    out = tmp_path / "out"
    args = parser.parse_args(["transcribe", str(files[0]), str(broken), *map(str, files[1:]),
                              "--model", str(ko_model_dir), "--format", "json",
                              "--output", str(out)])
    assert args.func(args) == 1  # one file failed; the others are all there
    for path, text in zip(files, alone, strict=True):
        assert (out / f"{path.stem}.json").read_text(encoding="utf-8") == text
    err = capsys.readouterr().err
    assert f"Filen kunde inte läsas: {broken}" in err
    assert "1 av 4 filer kunde inte transkriberas." in err


@pytest.mark.timeout(300)
def test_cancel_stops_every_file(ko_model: SpeechModel, files: list[Path]) -> None:
    cancel = threading.Event()
    began: list[float] = []

    def progress(_index: int, _fraction: float) -> None:
        if not cancel.is_set():
            began.append(time.monotonic())
            cancel.set()

    outcomes = list(transcribe_files(VoskFileTranscriber(ko_model), files * 2, jobs=2,
                                     progress=progress, cancel=cancel))
    assert began and time.monotonic() - began[0] < 5
    assert len(outcomes) == 6
    assert all(isinstance(o.error, TranscriptionCancelled) for o in outcomes)
