"""The KB-Whisper engine with real Whisper models from PyPI, through its worker process."""

from __future__ import annotations

import os
import shutil
import signal
import threading
from pathlib import Path

import psutil
import pytest

from speech.engine import FileTranscriber, load_engine_model, load_file_transcriber
from speech.errors import ModelInvalid, NotLiveEngine, TranscriptionCancelled, WorkerFailed
from speech.values import WHISPER
from speech.whisper import WhisperFileTranscriber, WhisperOptions
from speech.whisper_model import WhisperModelInvalid
from tests.support.speech_audio import espeak_pcm

SWEDISH = "Hej, jag heter Anna. Vi pratade om skolan och om hur det går hemma."

pytestmark = pytest.mark.slow


def test_base_transcribes_swedish_with_word_times_and_punctuation(whisper_base_dir: Path) -> None:
    pcm = espeak_pcm(SWEDISH)
    transcriber = load_file_transcriber(WHISPER, whisper_base_dir, threads=2)
    assert isinstance(transcriber, FileTranscriber)
    assert (transcriber.engine, transcriber.model_id) == (WHISPER, "whisper-base")
    seen: list[float] = []
    segments = transcriber.transcribe(pcm, seen.append, threading.Event())
    duration = len(pcm) / 32_000
    words = [w for s in segments for w in s.words]
    assert words and seen and seen[-1] == 1.0 and seen == sorted(seen)
    assert all(0.0 <= w.start <= w.end <= duration + 0.5 for w in words)
    assert [w.start for w in words] == sorted(w.start for w in words)
    assert all(0.0 <= w.conf <= 1.0 for w in words) and all(0 <= s.no_speech <= 1 for s in segments)
    text = " ".join(s.text for s in segments)
    assert text[0].isupper() and any(mark in text for mark in ".,?!")  # Whisper punctuates
    assert "hej" in text.lower()  # the Swedish path: language="sv"


def test_tiny_en_hears_english(whisper_tiny_en_dir: Path) -> None:
    pcm = espeak_pcm("Hello world. This is a short test.", voice="en-us")
    transcriber = WhisperFileTranscriber(whisper_tiny_en_dir, WhisperOptions(language="en"))
    segments = transcriber.transcribe(pcm, lambda _f: None, threading.Event())
    assert "this is a short test" in " ".join(s.text for s in segments).lower()


def test_cancel_stops_the_worker(whisper_tiny_en_dir: Path) -> None:
    pcm = espeak_pcm("Hello world. " * 30, voice="en-us")
    transcriber = WhisperFileTranscriber(whisper_tiny_en_dir, WhisperOptions(language="en"))
    cancel = threading.Event()
    pids: list[int] = []

    def on_progress(_fraction: float) -> None:
        assert transcriber.worker_pid is not None
        pids.append(transcriber.worker_pid)
        cancel.set()

    with pytest.raises(TranscriptionCancelled) as raised:
        transcriber.transcribe(pcm, on_progress, cancel)
    assert raised.value.message.startswith("Utskriften avbröts")
    assert pids and not psutil.pid_exists(pids[0]) or psutil.Process(pids[0]).status() == "zombie"
    assert transcriber.worker_pid is None


def test_a_killed_worker_is_a_clear_swedish_error(whisper_tiny_en_dir: Path) -> None:
    pcm = espeak_pcm("Hello world. " * 30, voice="en-us")
    transcriber = WhisperFileTranscriber(whisper_tiny_en_dir, WhisperOptions(language="en"))

    def kill_worker(_fraction: float) -> None:
        assert transcriber.worker_pid is not None
        os.kill(transcriber.worker_pid, signal.SIGKILL)

    with pytest.raises(WorkerFailed) as raised:
        transcriber.transcribe(pcm, kill_worker, threading.Event())
    assert "Inget har ändrats" in raised.value.message


def test_a_broken_model_folder_is_refused_before_and_inside_the_worker(
        whisper_tiny_en_dir: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken"
    shutil.copytree(whisper_tiny_en_dir, broken, ignore=shutil.ignore_patterns("model.bin"))
    with pytest.raises(WhisperModelInvalid) as raised:
        WhisperFileTranscriber(broken)
    assert raised.value.missing == ["model.bin"]
    assert raised.value.message == "Modellen är ogiltig – följande saknas: model.bin"
    (broken / "model.bin").write_bytes(os.urandom(2_000_000))  # looks whole, is garbage
    transcriber = WhisperFileTranscriber(broken, WhisperOptions(language="en"))
    with pytest.raises(ModelInvalid) as loaded:
        transcriber.transcribe(b"\0" * 32_000, lambda _f: None, threading.Event())
    assert "loadable model files" in str(loaded.value)


def test_no_model_and_not_for_live_use(tmp_path: Path, whisper_tiny_en_dir: Path) -> None:
    with pytest.raises(ModelInvalid) as raised:
        load_file_transcriber(WHISPER, tmp_path / "not-installed")
    assert "saknas" in raised.value.message
    with pytest.raises(NotLiveEngine) as live:
        load_engine_model(WHISPER, whisper_tiny_en_dir)
    assert "förbättra utskriften" in live.value.message


def test_long_audio_is_decoded_in_pieces_with_times_from_the_start(
        whisper_tiny_en_dir: Path) -> None:
    pcm = espeak_pcm(" ".join(["Hello world. This is a short test."] * 6), voice="en-us")
    duration = len(pcm) / 32_000
    transcriber = WhisperFileTranscriber(whisper_tiny_en_dir,
                                         WhisperOptions(language="en", piece_s=6.0))
    segments = transcriber.transcribe(pcm, lambda _f: None, threading.Event())
    starts = [w.start for s in segments for w in s.words]
    assert starts == sorted(starts)
    assert max(w.end for s in segments for w in s.words) > 0.75 * duration  # offsets applied
    assert " ".join(s.text for s in segments).lower().count("short test") >= 4
