"""FileSource replay through the callback path, and device errors without hardware."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from speech.audio import FileSource, SoundDeviceSource, play_span
from speech.errors import AudioFileError, NoInputDevice, NoOutputDevice
from speech.wavio import read_wav, write_wav
from tests.support.audio import SHORT_WAV


def _collect(source: FileSource) -> list[bytes]:
    blocks: list[bytes] = []
    source.start(lambda indata, frames, time, status: blocks.append(bytes(indata)))
    assert source.finished.wait(10)
    source.stop()
    return blocks


def test_fast_replay_delivers_the_whole_file_in_blocks() -> None:
    blocks = _collect(FileSource(SHORT_WAV, realtime=False, block_frames=4000))
    assert all(len(b) == 8000 for b in blocks[:-1])
    assert b"".join(blocks) == read_wav(SHORT_WAV).pcm


def test_realtime_replay_paces_by_the_clock() -> None:
    # A clock that is always an hour ahead: every block is due, none is waited for.
    late = itertools.count(3600.0, 3600.0)
    blocks = _collect(FileSource(SHORT_WAV, block_frames=16000, clock=lambda: next(late)))
    assert b"".join(blocks) == read_wav(SHORT_WAV).pcm


def test_stop_interrupts_a_realtime_wait() -> None:
    source = FileSource(SHORT_WAV, block_frames=64000, clock=lambda: 0.0)  # 4 s until block 1
    blocks: list[bytes] = []
    source.start(lambda indata, frames, time, status: blocks.append(bytes(indata)))
    source.stop()
    assert source.finished.is_set() and blocks == []


def test_file_source_needs_16k_mono(tmp_path: Path) -> None:
    path = tmp_path / "8k.wav"
    write_wav(path, b"\x00\x00" * 800, sample_rate=8000)
    with pytest.raises(AudioFileError):
        FileSource(path)


def test_missing_input_device_raises_no_input_device() -> None:
    with pytest.raises(NoInputDevice, match="No usable input device"):
        SoundDeviceSource(device=9999).start(lambda *args: None)


def test_missing_output_device_raises_no_output_device() -> None:
    with pytest.raises(NoOutputDevice):
        play_span(b"\x00\x00" * 1600, 0.0, 0.05, device=9999)
