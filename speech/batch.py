"""File transcription with Vosk: decode audio, split long audio at silences, decode parts in
parallel. ``VoskFileTranscriber`` is Vosk's ``speech.engine.FileTranscriber``."""

from __future__ import annotations

import math
import subprocess
import threading
from collections.abc import Callable
from concurrent.futures import Executor, ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import numpy as np

from speech.errors import AudioFileError, TranscriptionCancelled
from speech.transcript import segment_from_final
from speech.values import VOSK, Final, Segment
from speech.wavio import SAMPLE_RATE, SAMPLE_WIDTH, read_wav

if TYPE_CHECKING:  # speech.engine imports this module (its SpeechModel transcribes files)
    from speech.engine import CancelCheck, Recognizer

BLOCK_BYTES = 4000  # what vosk-transcriber feeds; keeps single-thread output identical
Progress = Callable[[float], None]


class BatchModel(Protocol):
    """What batch decoding needs from a model (``SpeechModel`` or a fake); thread-safe.

    A Vosk-specific ``RecognizerFactory`` that can switch partial results off (they cost
    decoding time and a file transcription never shows them).
    """

    def recognizer(self, sample_rate: int, *, partials: bool = True) -> Recognizer: ...


@dataclass(frozen=True)
class SplitOptions:
    """Chunk lengths in seconds; chunks are long so that accuracy does not suffer.

    ``target_s`` is a ceiling: the audio is cut into a multiple of the thread count of
    chunks no longer than about ``target_s``, so that all threads finish together.
    """

    # Every cut starts a recognizer without the speaker adaptation built up so far, which
    # moves words near the cut; 150 s halves the cuts of 90 s at the same speed (5-minute
    # file, 2 threads: agreement with one stream 0.57 -> 0.85).
    target_s: float = 150.0
    min_s: float = 20.0
    search_s: float = 8.0  # look this far either side of a target cut for a quiet stretch
    quiet_window_s: float = 0.3


def load_pcm(path: str | Path) -> bytes:
    """16 kHz mono int16 samples of an audio file (WAV directly, anything else via ffmpeg)."""
    path = Path(path)
    if not path.is_file():
        raise AudioFileError(f"{path}: no such file")
    if path.suffix.lower() == ".wav":
        try:
            audio = read_wav(path)
        except AudioFileError:
            audio = None  # e.g. float or compressed WAV: let ffmpeg convert it
        if audio is not None and audio.sample_rate == SAMPLE_RATE and audio.channels == 1:
            return audio.pcm
    return _ffmpeg_pcm(path)


def _ffmpeg_pcm(path: Path) -> bytes:
    command = ["ffmpeg", "-nostdin", "-loglevel", "error", "-i", str(path)]
    command += ["-ar", str(SAMPLE_RATE), "-ac", "1", "-f", "s16le", "-"]
    try:
        done = subprocess.run(command, capture_output=True, check=False)
    except FileNotFoundError as exc:
        raise AudioFileError("ffmpeg is not installed") from exc
    if done.returncode != 0:
        raise AudioFileError(f"{path}: {done.stderr.decode(errors='replace').strip()}")
    return done.stdout


def cut_points(pcm: bytes, options: SplitOptions, sample_rate: int = SAMPLE_RATE) -> list[int]:
    """Sample offsets where to split: the quietest stretch near each target chunk end."""
    samples = np.frombuffer(pcm, dtype=np.int16).astype(np.float32)
    hop = sample_rate // 100  # 10 ms energy frames
    frames = len(samples) // hop
    total_s = frames / 100
    if total_s < options.target_s + options.min_s:
        return []
    energy = (samples[: frames * hop].reshape(frames, hop) ** 2).mean(axis=1)
    window = max(1, int(options.quiet_window_s * 100))
    smooth = np.convolve(energy, np.ones(window) / window, mode="same")
    cuts: list[int] = []
    last = 0
    while (frames - last) / 100 >= options.target_s + options.min_s:
        target = last + int(options.target_s * 100)
        low = max(last + int(options.min_s * 100), target - int(options.search_s * 100))
        high = min(frames - int(options.min_s * 100), target + int(options.search_s * 100))
        best = low + int(np.argmin(smooth[low:high])) if high > low else target
        cuts.append(best * hop)
        last = best
    return cuts


class _Decoder:
    """Per-thread recognizers over one shared model, and progress bookkeeping.

    A recognizer's word times keep counting across utterances, so each thread remembers how
    many samples its recognizer has seen and subtracts that from the times it reports.
    """

    def __init__(
        self, model: BatchModel, block_bytes: int, total: int, progress: Progress | None,
        cancel: CancelCheck | None = None,
    ) -> None:
        self._model = model
        self._block_bytes = block_bytes
        self._cancel = cancel
        self._local = threading.local()
        self._lock = threading.Lock()
        self._done = 0
        self._total = max(1, total)
        self._progress = progress

    def decode(self, pcm: bytes, offset_s: float) -> list[Segment]:
        state = self._local
        if not hasattr(state, "recognizer"):
            state.recognizer = self._model.recognizer(SAMPLE_RATE, partials=False)
            state.seen = 0
        finals: list[Final] = []
        for start in range(0, len(pcm), self._block_bytes):
            if self._cancel is not None and self._cancel.is_set():
                raise TranscriptionCancelled()  # other threads see the same flag and stop too
            block = pcm[start : start + self._block_bytes]
            result = state.recognizer.accept(block)
            if isinstance(result, Final):
                finals.append(result)
            self._advance(len(block))
        last = state.recognizer.finish()
        if last is not None:
            finals.append(last)
        base = state.seen / (SAMPLE_RATE * SAMPLE_WIDTH)
        state.seen += len(pcm)
        segments = (segment_from_final(f, offset_s - base) for f in finals)
        return [s for s in segments if s is not None]

    def _advance(self, nbytes: int) -> None:
        if self._progress is None:
            return
        with self._lock:
            before = self._done * 100 // self._total
            self._done += nbytes
            if self._done * 100 // self._total != before:
                self._progress(self._done / self._total)


def transcribe_pcm(
    model: BatchModel,
    pcm: bytes,
    *,
    threads: int = 2,
    block_bytes: int = BLOCK_BYTES,
    split: SplitOptions | None = SplitOptions(),
    progress: Progress | None = None,
    executor: Executor | None = None,
    cancel: CancelCheck | None = None,
) -> list[Segment]:
    """Transcribe 16 kHz mono int16 audio; segments in time order with absolute times.

    ``progress(fraction)`` is called from worker threads, one call at a time, about every
    1 %. With ``split=None`` or one thread the audio is decoded as one stream (with 4000-byte
    blocks that is exactly what vosk-transcriber produces); splitting only pays off in
    parallel. ``executor`` may be injected (tests). ``cancel`` is checked before every block
    (a flag read: no measurable cost); once set, ``TranscriptionCancelled`` is raised.
    """
    bounds = []
    if split is not None and (threads > 1 or executor is not None):
        chunk_options = _balanced(split, len(pcm) / (SAMPLE_RATE * SAMPLE_WIDTH), threads)
        bounds = [0, *(c * SAMPLE_WIDTH for c in cut_points(pcm, chunk_options)), len(pcm)]
    spans = list(zip(bounds, bounds[1:], strict=False)) or [(0, len(pcm))]
    decoder = _Decoder(model, block_bytes, len(pcm), progress, cancel)
    jobs = [(pcm[a:b], a / (SAMPLE_RATE * SAMPLE_WIDTH)) for a, b in spans]
    if executor is not None:
        parts = list(executor.map(lambda job: decoder.decode(*job), jobs))
    elif threads <= 1 or len(jobs) == 1:
        parts = [decoder.decode(*job) for job in jobs]
    else:
        with ThreadPoolExecutor(threads, thread_name_prefix="samskriv-batch") as pool:
            parts = list(pool.map(lambda job: decoder.decode(*job), jobs))
    return [segment for part in parts for segment in part]


def _balanced(options: SplitOptions, total_s: float, threads: int) -> SplitOptions:
    per_round = max(1, threads) * options.target_s
    chunks = max(1, threads) * max(1, math.ceil(total_s / per_round))
    return replace(options, target_s=max(options.min_s, total_s / chunks))


def transcribe_file(
    model: BatchModel,
    path: str | Path,
    *,
    threads: int = 2,
    split: SplitOptions | None = SplitOptions(),
    progress: Progress | None = None,
) -> list[Segment]:
    """``transcribe_pcm`` on a file read with ``load_pcm`` (raises ``AudioFileError``)."""
    pcm = load_pcm(path)
    return transcribe_pcm(model, pcm, threads=threads, split=split, progress=progress)


class VoskFileTranscriber:
    """Vosk's ``FileTranscriber``: ``transcribe_pcm`` with its measured split and threads.

    Safe to share between threads (each call makes its own recognizers).
    """

    engine = VOSK

    def __init__(
        self,
        model: BatchModel,
        *,
        threads: int = 2,
        split: SplitOptions | None = SplitOptions(),
        block_bytes: int = BLOCK_BYTES,
        model_id: str | None = None,
    ) -> None:
        self._model = model
        self._threads, self._split, self._block_bytes = threads, split, block_bytes
        path = getattr(model, "path", None)
        self._model_id = model_id if model_id is not None else (
            path.name if isinstance(path, Path) else "")

    @property
    def model_id(self) -> str:
        return self._model_id

    def transcribe(self, pcm: bytes, progress: Progress, cancel: CancelCheck) -> list[Segment]:
        return transcribe_pcm(self._model, pcm, threads=self._threads, split=self._split,
                              block_bytes=self._block_bytes, progress=progress, cancel=cancel)
