"""Audio in and out: the source protocol, microphone and file sources, a drop-counting queue."""

from __future__ import annotations

import collections
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from speech.errors import AudioFileError, NoInputDevice, NoOutputDevice
from speech.wavio import SAMPLE_RATE, SAMPLE_WIDTH, read_wav

# The sounddevice RawInputStream callback signature: (indata, frames, time, status).
AudioCallback = Callable[[Any, int, Any, Any], None]
Clock = Callable[[], float]

DEFAULT_BLOCK_FRAMES = 1600  # 100 ms at 16 kHz: short enough for snappy partials


class AudioSource(Protocol):
    """Something that calls ``callback`` with int16 mono blocks until stopped.

    Threading: ``callback`` is called from the source's own thread (PortAudio's or a replay
    thread) and must not block. ``stop()`` returns only after the last callback has returned.
    """

    sample_rate: int
    block_frames: int
    device_name: str | None

    def start(self, callback: AudioCallback) -> None: ...

    def stop(self) -> None: ...


@dataclass(frozen=True)
class Block:
    """One block of int16 mono audio and when it arrived (``time.monotonic()`` seconds)."""

    pcm: bytes
    arrival: float


class BlockQueue:
    """A bounded FIFO filled from an audio callback, drained by a blocking consumer.

    ``put_nowait`` copies the data, never blocks and counts a drop when full; ``get`` blocks
    until an item is there or the queue is closed and empty (then it returns None). Any number
    of producers and consumers; ``maxsize=None`` means unbounded (for worker-to-worker hops).
    """

    def __init__(self, maxsize: int | None = 200, clock: Clock = time.monotonic) -> None:
        self._items: collections.deque[object] = collections.deque()
        self._ready = threading.Condition(threading.Lock())
        self._maxsize = maxsize
        self._clock = clock
        self._closed = False
        self.dropped = 0

    def put_block(self, indata: Any) -> bool:
        """Copy ``indata`` (bytes-like) into a ``Block`` stamped now; False if dropped."""
        return self.put_nowait(Block(bytes(indata), self._clock()))

    def put_nowait(self, item: object) -> bool:
        with self._ready:
            if self._closed:
                return False
            if self._maxsize is not None and len(self._items) >= self._maxsize:
                self.dropped += 1
                return False
            self._items.append(item)
            self._ready.notify()
            return True

    def put_control(self, item: object) -> None:
        """Enqueue a marker even when full: markers are rare and must not be lost."""
        with self._ready:
            if not self._closed:
                self._items.append(item)
                self._ready.notify()

    def get(self, timeout: float | None = None) -> object | None:
        """The next item; None once closed and drained (or on timeout)."""
        with self._ready:
            if not self._ready.wait_for(lambda: self._items or self._closed, timeout):
                return None
            return self._items.popleft() if self._items else None

    def close(self) -> None:
        """No more puts; consumers drain what is left, then get None."""
        with self._ready:
            self._closed = True
            self._ready.notify_all()

    def __len__(self) -> int:
        with self._ready:
            return len(self._items)


class SoundDeviceSource:
    """The microphone through a sounddevice ``RawInputStream`` (16 kHz mono int16)."""

    def __init__(
        self,
        device: int | str | None = None,
        sample_rate: int = SAMPLE_RATE,
        block_frames: int = DEFAULT_BLOCK_FRAMES,
    ) -> None:
        self.sample_rate = sample_rate
        self.block_frames = block_frames
        self.device_name: str | None = None
        self._device = device
        self._stream: Any = None

    def start(self, callback: AudioCallback) -> None:
        """Open and start the stream; raises ``NoInputDevice`` when that is impossible."""
        sounddevice = _import_sounddevice(NoInputDevice)
        try:
            info = sounddevice.query_devices(self._device, kind="input")
            self.device_name = str(info["name"])
            self._stream = sounddevice.RawInputStream(
                samplerate=self.sample_rate,
                blocksize=self.block_frames,
                device=self._device,
                channels=1,
                dtype="int16",
                callback=callback,
            )
            self._stream.start()
        except (sounddevice.PortAudioError, ValueError) as exc:
            self._stream = None
            raise NoInputDevice(f"No usable input device ({self._device!r}): {exc}") from exc

    def stop(self) -> None:
        if self._stream is not None:
            self._stream.stop()  # returns after the last callback has finished
            self._stream.close()
            self._stream = None


class FileSource:
    """Replays a 16 kHz mono WAV through the same callback path as the microphone.

    ``realtime=True`` paces blocks by a monotonic clock (waiting on an Event, so ``stop`` is
    immediate); otherwise blocks go as fast as the callback returns. ``finished`` is set when
    the file has been played out or the source stopped.
    """

    def __init__(
        self,
        path: str | Path,
        *,
        realtime: bool = True,
        block_frames: int = DEFAULT_BLOCK_FRAMES,
        clock: Clock = time.monotonic,
    ) -> None:
        audio = read_wav(path)
        if audio.sample_rate != SAMPLE_RATE or audio.channels != 1:
            raise AudioFileError(f"{path}: FileSource needs 16 kHz mono, got {audio}")
        self._pcm = audio.pcm
        self.sample_rate = SAMPLE_RATE
        self.block_frames = block_frames
        self.device_name: str | None = f"file:{Path(path).name}"
        self._realtime = realtime
        self._clock = clock
        self._stopping = threading.Event()
        self.finished = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self, callback: AudioCallback) -> None:
        self._stopping.clear()
        self.finished.clear()
        self._thread = threading.Thread(
            target=self._run, args=(callback,), name="samskriv-file-source", daemon=False
        )
        self._thread.start()

    def stop(self) -> None:
        self._stopping.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None

    def _run(self, callback: AudioCallback) -> None:
        step = self.block_frames * SAMPLE_WIDTH
        block_s = self.block_frames / self.sample_rate
        began = self._clock()
        try:
            for index, offset in enumerate(range(0, len(self._pcm), step)):
                if self._realtime:
                    # Like a sound card, a block is delivered once it has been "recorded".
                    delay = began + (index + 1) * block_s - self._clock()
                    if delay > 0 and self._stopping.wait(delay):
                        return
                if self._stopping.is_set():
                    return
                chunk = self._pcm[offset : offset + step]
                callback(memoryview(chunk), len(chunk) // SAMPLE_WIDTH, None, None)
        finally:
            self.finished.set()


def play(pcm: bytes, sample_rate: int = SAMPLE_RATE, *, device: int | str | None = None) -> None:
    """Start playing mono int16 ``pcm`` (non-blocking); ``NoOutputDevice`` if impossible."""
    import numpy as np

    sounddevice = _import_sounddevice(NoOutputDevice)
    samples = np.frombuffer(pcm, dtype=np.int16)
    try:
        sounddevice.play(samples, samplerate=sample_rate, device=device)
    except (sounddevice.PortAudioError, ValueError) as exc:
        raise NoOutputDevice(f"No usable output device ({device!r}): {exc}") from exc


def play_span(
    pcm: bytes, start_s: float, end_s: float, sample_rate: int = SAMPLE_RATE, **kwargs: Any
) -> None:
    """Play the part of ``pcm`` between two times in seconds (click a word to hear it)."""
    first = max(0, int(start_s * sample_rate)) * SAMPLE_WIDTH
    last = max(first, int(end_s * sample_rate)) * SAMPLE_WIDTH
    play(pcm[first:last], sample_rate, **kwargs)


def stop_playback() -> None:
    _import_sounddevice(NoOutputDevice).stop()


def _import_sounddevice(error: type[Exception]) -> Any:
    # Imported late: the import itself fails (OSError) when libportaudio is missing.
    try:
        import sounddevice
    except OSError as exc:
        raise error(f"PortAudio is not available: {exc}") from exc
    return sounddevice
