"""Encrypted, crash-safe audio files: round trip, torn tails, wrong keys, tampering."""

from __future__ import annotations

import os
import wave
from pathlib import Path

import pytest

from app.audiofile import (
    HEADER_SIZE,
    AudioFileCorrupt,
    AudioKeyMismatch,
    EncryptedAudioReader,
    EncryptedAudioWriter,
)

KEY = bytes(range(32))
RATE = 1000  # small rate: one-second records of 2000 bytes keep byte-by-byte tests quick


def pcm(seconds: float, rate: int = RATE, seed: int = 1) -> bytes:
    frames = int(seconds * rate)
    return bytes((seed * 31 + i * 7) % 256 for i in range(frames * 2))


def record(path: Path, audio: bytes, pieces: int = 7, **options: float) -> None:
    with EncryptedAudioWriter(path, KEY, RATE, **options) as writer:  # type: ignore[arg-type]
        step = max(1, len(audio) // pieces)
        for start in range(0, len(audio), step):
            writer.write(audio[start : start + step])


def record_offsets(path: Path) -> list[int]:
    """Byte offsets where each record starts (a test's view of the layout)."""
    data, offsets, offset = path.read_bytes(), [], HEADER_SIZE
    while offset < len(data):
        offsets.append(offset)
        offset += 4 + 12 + int.from_bytes(data[offset : offset + 4], "big")
    return offsets


def test_round_trip(tmp_path: Path) -> None:
    audio = pcm(3.3)
    record(tmp_path / "a.skaudio", audio)
    reader = EncryptedAudioReader(tmp_path / "a.skaudio", KEY)
    assert reader.complete
    assert reader.duration_s == pytest.approx(3.3)
    assert reader.read_pcm() == audio
    assert (reader.sample_rate, reader.channels, reader.sample_width) == (RATE, 1, 2)


def test_records_are_about_one_second(tmp_path: Path) -> None:
    record(tmp_path / "a.skaudio", pcm(3.3))
    # three full seconds, the 0.3 s tail, the final marker
    assert len(record_offsets(tmp_path / "a.skaudio")) == 5


def test_read_span_across_records(tmp_path: Path) -> None:
    audio = pcm(4)
    record(tmp_path / "a.skaudio", audio)
    reader = EncryptedAudioReader(tmp_path / "a.skaudio", KEY)
    assert reader.read_pcm(0.9, 2.25) == audio[900 * 2 : 2250 * 2]
    assert reader.read_pcm(3.5, 99) == audio[3500 * 2 :]
    assert reader.read_pcm(2, 1) == b""


def test_empty_recording(tmp_path: Path) -> None:
    EncryptedAudioWriter(tmp_path / "a.skaudio", KEY, RATE).close()
    reader = EncryptedAudioReader(tmp_path / "a.skaudio", KEY)
    assert reader.complete and reader.duration_s == 0 and reader.read_pcm() == b""


def test_export_wav(tmp_path: Path) -> None:
    audio = pcm(2.5)
    record(tmp_path / "a.skaudio", audio)
    EncryptedAudioReader(tmp_path / "a.skaudio", KEY).export_wav(tmp_path / "a.wav")
    with wave.open(str(tmp_path / "a.wav"), "rb") as wav:
        assert wav.getframerate() == RATE and wav.getnchannels() == 1
        assert wav.readframes(wav.getnframes()) == audio


def test_truncation_at_every_byte_of_the_last_records_keeps_earlier_ones(tmp_path: Path) -> None:
    audio = pcm(2.1)  # records: 1 s, 1 s, 0.1 s tail, final marker
    record(tmp_path / "a.skaudio", audio)
    data = (tmp_path / "a.skaudio").read_bytes()
    offsets = record_offsets(tmp_path / "a.skaudio")
    kept_before = [0, 2000, 4000, 4200]  # PCM bytes in the records before record i
    cut_file = tmp_path / "cut.skaudio"
    cut_file.write_bytes(data)
    for cut in reversed(range(offsets[1], len(data))):
        os.truncate(cut_file, cut)  # shorten one byte at a time: cheaper than rewriting
        torn = max(i for i, offset in enumerate(offsets) if offset <= cut)
        reader = EncryptedAudioReader(cut_file, KEY)
        assert not reader.complete
        assert reader.read_pcm() == audio[: kept_before[torn]], cut
    assert EncryptedAudioReader(tmp_path / "a.skaudio", KEY).complete


def test_truncated_header_is_corrupt(tmp_path: Path) -> None:
    record(tmp_path / "a.skaudio", pcm(1))
    (tmp_path / "b.skaudio").write_bytes((tmp_path / "a.skaudio").read_bytes()[:20])
    with pytest.raises(AudioFileCorrupt):
        EncryptedAudioReader(tmp_path / "b.skaudio", KEY)


def test_wrong_key_fails_clearly(tmp_path: Path) -> None:
    record(tmp_path / "a.skaudio", pcm(1.5))
    with pytest.raises(AudioKeyMismatch) as caught:
        EncryptedAudioReader(tmp_path / "a.skaudio", bytes(32))
    assert "nyckeln" in caught.value.message


def test_tampered_record_fails(tmp_path: Path) -> None:
    record(tmp_path / "a.skaudio", pcm(3))
    data = bytearray((tmp_path / "a.skaudio").read_bytes())
    data[record_offsets(tmp_path / "a.skaudio")[1] + 40] ^= 1
    (tmp_path / "a.skaudio").write_bytes(bytes(data))
    with pytest.raises(AudioFileCorrupt):
        EncryptedAudioReader(tmp_path / "a.skaudio", KEY)


def test_reordered_records_fail(tmp_path: Path) -> None:
    record(tmp_path / "a.skaudio", pcm(3))
    data = (tmp_path / "a.skaudio").read_bytes()
    first, second, third = record_offsets(tmp_path / "a.skaudio")[:3]
    swapped = data[:first] + data[second:third] + data[first:second] + data[third:]
    (tmp_path / "a.skaudio").write_bytes(swapped)
    with pytest.raises(AudioFileCorrupt):
        EncryptedAudioReader(tmp_path / "a.skaudio", KEY)


def test_record_spliced_from_another_file_fails(tmp_path: Path) -> None:
    record(tmp_path / "a.skaudio", pcm(3, seed=1))
    record(tmp_path / "b.skaudio", pcm(3, seed=2))
    a, b = (tmp_path / "a.skaudio").read_bytes(), (tmp_path / "b.skaudio").read_bytes()
    start, end = record_offsets(tmp_path / "a.skaudio")[1:3]
    (tmp_path / "a.skaudio").write_bytes(a[:start] + b[start:end] + a[end:])
    with pytest.raises(AudioFileCorrupt):
        EncryptedAudioReader(tmp_path / "a.skaudio", KEY)


def test_header_tampering_is_detected(tmp_path: Path) -> None:
    record(tmp_path / "a.skaudio", pcm(1))
    data = bytearray((tmp_path / "a.skaudio").read_bytes())
    data[10:14] = (RATE * 2).to_bytes(4, "big")  # claim another sample rate
    (tmp_path / "a.skaudio").write_bytes(bytes(data))
    with pytest.raises((AudioKeyMismatch, AudioFileCorrupt)):
        EncryptedAudioReader(tmp_path / "a.skaudio", KEY)


def test_writer_never_overwrites_and_rejects_bad_input(tmp_path: Path) -> None:
    record(tmp_path / "a.skaudio", pcm(1))
    with pytest.raises(FileExistsError):
        EncryptedAudioWriter(tmp_path / "a.skaudio", KEY, RATE)
    with pytest.raises(ValueError):
        EncryptedAudioWriter(tmp_path / "b.skaudio", b"short", RATE)
    writer = EncryptedAudioWriter(tmp_path / "c.skaudio", KEY, RATE)
    writer.close()
    writer.close()
    with pytest.raises(ValueError):
        writer.write(b"\0\0")


def test_unclosed_writer_loses_only_the_buffer(tmp_path: Path) -> None:
    with EncryptedAudioWriter(tmp_path / "a.skaudio", KEY, RATE) as writer:
        writer.write(pcm(2.5))
        assert writer.duration_s == pytest.approx(2.5)
        # Read while the writer is still open, as after a crash: two records are on disk.
        reader = EncryptedAudioReader(tmp_path / "a.skaudio", KEY)
        assert not reader.complete and reader.duration_s == pytest.approx(2.0)
    assert EncryptedAudioReader(tmp_path / "a.skaudio", KEY).duration_s == pytest.approx(2.5)
