"""A disk that fills mid-record: the torn record is cut off, the reserve given back, the final
marker written, and the user told in Swedish how much audio was kept."""

from __future__ import annotations

import errno
from pathlib import Path
from typing import Any

import pytest

from app import audiofile
from app.audiofile import (
    AudioWriteFailed,
    EncryptedAudioReader,
    EncryptedAudioWriter,
    RecordingDiskFull,
)
from app.diskspace import SpaceReserve

KEY = bytes(range(32))
RATE = 1000  # one-second records of 2000 bytes


class _FillingFile:
    """The writer's file, on a disk with ``room`` bytes left: a write takes what fits (a torn
    record, as a real full disk does) and the next one fails with ENOSPC; freeing space
    (truncate) or the reserve's release gives room back."""

    def __init__(self, real: Any, room: int, error: int = errno.ENOSPC) -> None:
        self._real, self.room, self._error = real, room, error

    def write(self, data: memoryview) -> int:
        if self.room <= 0:
            raise OSError(self._error, "No space left on device")
        taken = min(len(data), self.room)
        self.room -= taken
        return int(self._real.write(data[:taken]))

    def truncate(self, size: int) -> int:
        self.room += self._real.seek(0, 2) - size
        return int(self._real.truncate(size))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)


def _writer(tmp_path: Path, room: int, reserve: SpaceReserve | None = None,
            error: int = errno.ENOSPC) -> EncryptedAudioWriter:
    writer = EncryptedAudioWriter(tmp_path / "a.sam", KEY, RATE, reserve=reserve)
    writer._file = _FillingFile(writer._file, room, error)  # type: ignore[assignment]
    return writer


def test_a_torn_record_is_cut_off_and_the_file_ends_whole(tmp_path: Path) -> None:
    reserve = SpaceReserve(tmp_path / "a.reserve", size=4096)
    writer = _writer(tmp_path, room=2 * 2100 + 1000, reserve=reserve)  # 2 records and a half
    audio = bytes(range(256)) * 40  # 10 240 bytes: 5 s at 1000 Hz
    with pytest.raises(RecordingDiskFull) as full:
        writer.write(audio)
    assert "Disken blev full" in full.value.message and "(0:02)" in full.value.message
    assert writer.closed and not reserve.path.exists()
    reader = EncryptedAudioReader(tmp_path / "a.sam", KEY)
    assert reader.complete and reader.duration_s == 2.0
    assert reader.read_pcm() == audio[:4000]
    writer.close()  # idempotent after the failure


def test_without_room_for_the_final_marker_the_file_is_still_readable(tmp_path: Path) -> None:
    writer = _writer(tmp_path, room=2 * 2045)  # two records, then too little for the marker
    with pytest.raises(RecordingDiskFull):
        writer.write(bytes(6000))
    reader = EncryptedAudioReader(tmp_path / "a.sam", KEY)
    assert not reader.complete and reader.duration_s == 2.0  # shaped like a crash: kept


def test_another_write_error_stops_with_its_own_message(tmp_path: Path) -> None:
    writer = _writer(tmp_path, room=2100, error=errno.EIO)
    with pytest.raises(AudioWriteFailed) as failed:
        writer.write(bytes(6000))
    assert "kunde inte skrivas" in failed.value.message
    assert EncryptedAudioReader(tmp_path / "a.sam", KEY).duration_s == 1.0


def test_the_tail_at_close_can_meet_a_full_disk_too(tmp_path: Path) -> None:
    writer = _writer(tmp_path, room=2045 + 500)
    writer.write(bytes(2000 + 1500))  # one record written, 1500 bytes buffered for close
    with pytest.raises(RecordingDiskFull):
        writer.close()
    reader = EncryptedAudioReader(tmp_path / "a.sam", KEY)
    assert reader.duration_s == 1.0


def test_no_room_for_the_header_leaves_no_file(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    def full(self: EncryptedAudioWriter, data: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(audiofile.EncryptedAudioWriter, "_durable_write", full)
    reserve = SpaceReserve(tmp_path / "a.reserve", size=10)
    with pytest.raises(OSError):
        EncryptedAudioWriter(tmp_path / "a.sam", KEY, RATE, reserve=reserve)
    assert not (tmp_path / "a.sam").exists() and not reserve.path.exists()
