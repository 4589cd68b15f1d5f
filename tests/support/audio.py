"""Test doubles for the speech layer: fixture WAVs, a hand-driven source, a fake recognizer."""

from __future__ import annotations

import threading
from pathlib import Path

from speech.audio import AudioCallback
from speech.batch import VoskFileTranscriber
from speech.engine import CancelCheck, Progress, Recognizer
from speech.values import Final, Partial, Segment, Word

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SHORT_WAV = FIXTURES / "short_sv.wav"  # 4 s of espeak-ng Swedish, 16 kHz mono int16
DIALOG_WAV = FIXTURES / "dialog_sv.wav"  # 17 s: four utterances with pauses


class ManualSource:
    """An ``AudioSource`` the test drives: ``push`` calls the callback like PortAudio would."""

    def __init__(self, sample_rate: int = 16_000, block_frames: int = 1600) -> None:
        self.sample_rate = sample_rate
        self.block_frames = block_frames
        self.device_name: str | None = "manual"
        self._callback: AudioCallback | None = None
        self.stopped = False

    def start(self, callback: AudioCallback) -> None:
        self._callback = callback

    def stop(self) -> None:
        self.stopped = True

    def push(self, pcm: bytes, status: object = None) -> None:
        assert self._callback is not None, "source not started"
        self._callback(memoryview(pcm), len(pcm) // 2, None, status)


def tone_block(index: int, frames: int = 1600) -> bytes:
    """A recognisable block: every sample holds ``index`` (so order and content can be checked)."""
    return int(index).to_bytes(2, "little", signed=True) * frames


class FakeRecognizer:
    """Each block becomes a word ``b<first sample>`` timed by samples fed so far.

    Every ``final_every`` words make a Final; otherwise a Partial with the words so far.
    Times keep counting across finals, like vosk's.
    """

    def __init__(self, sample_rate: int, final_every: int = 3) -> None:
        self.sample_rate = sample_rate
        self.final_every = final_every
        self.samples = 0
        self.pending: list[Word] = []
        self.fed: list[bytes] = []
        self.finishes = 0

    def accept(self, pcm: bytes) -> Partial | Final | None:
        self.fed.append(pcm)
        start = self.samples / self.sample_rate
        self.samples += len(pcm) // 2
        label = int.from_bytes(pcm[:2], "little", signed=True)
        self.pending.append(Word(f"b{label}", start, self.samples / self.sample_rate, 1.0))
        if len(self.pending) >= self.final_every:
            return self._take()
        return Partial(" ".join(w.text for w in self.pending))

    def finish(self) -> Final | None:
        self.finishes += 1
        return self._take() if self.pending else None

    def _take(self) -> Final:
        words, self.pending = tuple(self.pending), []
        return Final(" ".join(w.text for w in words), words)


class FakeModel:
    """A ``RecognizerFactory`` handing out ``FakeRecognizer``s and remembering them; like a
    loaded Vosk model it is also a ``FileTranscriber`` (Vosk's batch decoding over fakes)."""

    engine = "fake"
    model_id = ""

    def __init__(self, final_every: int = 3) -> None:
        self.final_every = final_every
        self.made: list[FakeRecognizer] = []
        self._lock = threading.Lock()

    def recognizer(self, sample_rate: int, *, partials: bool = True) -> Recognizer:
        made = FakeRecognizer(sample_rate, self.final_every)
        with self._lock:
            self.made.append(made)
        return made

    def transcribe(self, pcm: bytes, progress: Progress, cancel: CancelCheck) -> list[Segment]:
        return VoskFileTranscriber(self).transcribe(pcm, progress, cancel)


class MemorySink:
    """An ``AudioSink`` in memory; ``gate`` (if given) holds each write until set."""

    def __init__(self, gate: threading.Event | None = None, fail_after: int | None = None) -> None:
        self.chunks: list[bytes] = []
        self.closed = False
        self.writing = threading.Event()
        self._gate = gate
        self._fail_after = fail_after

    def write(self, pcm: bytes) -> None:
        self.writing.set()
        if self._gate is not None:
            self._gate.wait()
        if self._fail_after is not None and len(self.chunks) >= self._fail_after:
            raise OSError("disk full")
        self.chunks.append(pcm)

    def close(self) -> None:
        self.closed = True
