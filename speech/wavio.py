"""Read and write 16-bit PCM WAV files, and a plain WAV ``AudioSink`` for tests and tools."""

from __future__ import annotations

import os
import time
import wave
from dataclasses import dataclass
from pathlib import Path

from speech.errors import AudioFileError

SAMPLE_RATE = 16_000
SAMPLE_WIDTH = 2  # int16


@dataclass(frozen=True)
class PcmAudio:
    """Interleaved little-endian int16 samples with their format."""

    pcm: bytes
    sample_rate: int
    channels: int

    @property
    def seconds(self) -> float:
        return len(self.pcm) / (SAMPLE_WIDTH * self.channels * self.sample_rate)


def read_wav(path: str | Path) -> PcmAudio:
    """Read a 16-bit PCM WAV; anything else raises ``AudioFileError``."""
    try:
        with wave.open(str(path), "rb") as wav:
            if wav.getsampwidth() != SAMPLE_WIDTH or wav.getcomptype() != "NONE":
                raise AudioFileError(f"{path}: not 16-bit PCM")
            return PcmAudio(wav.readframes(wav.getnframes()), wav.getframerate(), wav.getnchannels())
    except (OSError, EOFError, wave.Error) as exc:
        raise AudioFileError(f"{path}: {exc}") from exc


def write_wav(path: str | Path, pcm: bytes, sample_rate: int = SAMPLE_RATE) -> None:
    """Write mono int16 ``pcm`` as a WAV file."""
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(SAMPLE_WIDTH)
        wav.setframerate(sample_rate)
        wav.writeframes(pcm)


class WavFileSink:
    """An unencrypted ``AudioSink`` writing a mono WAV, fsynced about once a second.

    Used by tools, benchmarks and tests; the app injects its encrypted sink instead.
    Not thread-safe: the pipeline calls it from its capture thread only.
    """

    def __init__(
        self, path: str | Path, sample_rate: int = SAMPLE_RATE, sync_every_s: float = 1.0
    ) -> None:
        self._file = open(path, "wb")  # noqa: SIM115
        self._wav = wave.open(self._file, "wb")  # noqa: SIM115 - closed in close()
        self._wav.setnchannels(1)
        self._wav.setsampwidth(SAMPLE_WIDTH)
        self._wav.setframerate(sample_rate)
        self._sync_every_s = sync_every_s
        self._last_sync = time.monotonic()

    def write(self, pcm: bytes) -> None:
        # writeframes patches the header sizes after each write, so a crash leaves a valid file.
        self._wav.writeframes(pcm)
        now = time.monotonic()
        if now - self._last_sync >= self._sync_every_s:
            self._file.flush()
            os.fsync(self._file.fileno())
            self._last_sync = now

    def close(self) -> None:
        self._wav.close()
        self._file.flush()
        os.fsync(self._file.fileno())
        self._file.close()
