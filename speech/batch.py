"""File transcription with Vosk: decode audio as one stream (by default: the words of
vosk-transcriber), or on request split it at pauses and decode the parts in parallel.
``VoskFileTranscriber`` is Vosk's ``speech.engine.FileTranscriber``."""

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
from speech.values import VOSK, Final, Segment, Word
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
    """Where and how long audio is cut for parallel decoding (lengths in seconds). Opt-in:
    a cut changes words (below), so the default decodes one stream.

    ``target_s`` is a ceiling: the audio is cut into a multiple of the thread count of
    chunks no longer than about ``target_s``, so that all threads finish together.

    Why cuts are hard: a vosk stream carries its speaker adaptation (the online i-vector,
    estimated from all audio since the stream began; vosk only restarts it after ~10 minutes)
    from one utterance to the next, and a fresh recognizer starts without it. On mismatched
    audio the words then differ for minutes after a cut (5-minute file, 2 threads: agreement
    with one stream 0.57 with 90 s chunks). So a part after the first starts decoding
    ``preroll_s`` *before* its cut and keeps only its words after the cut, and a cut is
    made only in a pause (the smoothed level within ``pause_db`` of the file's quiet floor;
    where there is none near a target, the neighbouring chunks stay one). That repairs the
    words at the cut, but not the drift after it: streams with different histories do not
    converge (5-minute file, cut at 150 s: the 150 s after it agree 0.69 with one stream
    without pre-roll and 0.34 with a 20 s pre-roll; the engine's own noise floor, the same
    stream in 8000-byte blocks, is 0.88). Only vosk's own restarts are safe cuts, and where
    they fall depends on the decoding before them.
    """

    target_s: float = 150.0
    min_s: float = 20.0
    search_s: float = 8.0  # look this far either side of a target cut for a quiet stretch
    quiet_window_s: float = 0.3
    preroll_s: float = 30.0
    pause_db: float = 10.0


@dataclass(frozen=True)
class Part:
    """One chunk to decode: samples ``[decode_from, end)``, words kept from ``keep_from``."""

    decode_from: int
    keep_from: int
    end: int


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


def _energy(pcm: bytes, options: SplitOptions, sample_rate: int) -> tuple[np.ndarray, float]:
    """Mean square level of 10 ms frames smoothed over ``quiet_window_s``, and the quiet
    floor: the level of the quietest raw frames (room noise; even fluent speech has a few
    such frames between words, but a 0.3 s stretch comes down to it only in a pause)."""
    samples = np.frombuffer(pcm, dtype=np.int16).astype(np.float32)
    hop = sample_rate // 100
    frames = len(samples) // hop
    energy = (samples[: frames * hop].reshape(frames, hop) ** 2).mean(axis=1)
    window = max(1, int(options.quiet_window_s * 100))
    smoothed: np.ndarray = np.convolve(energy, np.ones(window) / window, mode="same")
    floor = float(np.percentile(energy, 2)) if frames else 0.0
    return smoothed, floor + 1.0


def cut_points(pcm: bytes, options: SplitOptions, sample_rate: int = SAMPLE_RATE) -> list[int]:
    """Sample offsets where to split: the quietest stretch near each target chunk end, if it
    is a pause; a target with no pause nearby is skipped (its chunks stay one)."""
    hop = sample_rate // 100  # 10 ms energy frames
    frames = len(pcm) // SAMPLE_WIDTH // hop
    if frames / 100 < options.target_s + options.min_s:
        return []
    smooth, floor = _energy(pcm, options, sample_rate)
    pause_level = floor * 10 ** (options.pause_db / 10)
    cuts: list[int] = []
    last = 0
    target = int(options.target_s * 100)
    while frames - target >= int(options.min_s * 100):
        low = max(last + int(options.min_s * 100), target - int(options.search_s * 100))
        high = min(frames - int(options.min_s * 100), target + int(options.search_s * 100))
        if high > low:
            best = low + int(np.argmin(smooth[low:high]))
            if smooth[best] <= pause_level:
                cuts.append(best * hop)
                last = best
        target += int(options.target_s * 100)
    return cuts


def plan_parts(pcm: bytes, options: SplitOptions, sample_rate: int = SAMPLE_RATE) -> list[Part]:
    """The chunks to decode, in samples: cut at pauses, each part after the first with a
    pre-roll that starts at the quietest point near ``preroll_s`` before its cut."""
    total = len(pcm) // SAMPLE_WIDTH
    cuts = cut_points(pcm, options, sample_rate)
    if not cuts:
        return [Part(0, 0, total)]
    smooth, _ = _energy(pcm, options, sample_rate)
    hop = sample_rate // 100
    parts: list[Part] = []
    bounds = [0, *cuts, total]
    for start, end in zip(bounds, bounds[1:], strict=False):
        begin = start
        if start > 0 and options.preroll_s > 0:
            target = start // hop - int(options.preroll_s * 100)
            low = max(0, target - int(options.search_s * 100))
            high = max(low + 1, min(start // hop, target + int(options.search_s * 100)))
            begin = 0 if target <= 0 else (low + int(np.argmin(smooth[low:high]))) * hop
        parts.append(Part(begin, start, end))
    return parts


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

    def decode(self, pcm: bytes, part: Part) -> list[Segment]:
        """Decode ``part`` of ``pcm``; segments in absolute times, pre-roll words dropped."""
        state = self._local
        if not hasattr(state, "recognizer"):
            state.recognizer = self._model.recognizer(SAMPLE_RATE, partials=False)
            state.seen = 0
        chunk = memoryview(pcm)[part.decode_from * SAMPLE_WIDTH : part.end * SAMPLE_WIDTH]
        finals: list[Final] = []
        for start in range(0, len(chunk), self._block_bytes):
            if self._cancel is not None and self._cancel.is_set():
                raise TranscriptionCancelled()  # other threads see the same flag and stop too
            block = bytes(chunk[start : start + self._block_bytes])
            result = state.recognizer.accept(block)
            if isinstance(result, Final):
                finals.append(result)
            self._advance(len(block))
        last = state.recognizer.finish()
        if last is not None:
            finals.append(last)
        base = state.seen / (SAMPLE_RATE * SAMPLE_WIDTH)
        state.seen += len(chunk)
        offset_s = part.decode_from / SAMPLE_RATE - base
        keep_from = part.keep_from / SAMPLE_RATE
        segments = (_kept(f, offset_s, keep_from) for f in finals)
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
    split: SplitOptions | None = None,
    progress: Progress | None = None,
    executor: Executor | None = None,
    cancel: CancelCheck | None = None,
) -> list[Segment]:
    """Transcribe 16 kHz mono int16 audio; segments in time order with absolute times.

    ``progress(fraction)`` is called from worker threads, one call at a time, about every
    1 %. With ``split=None`` (the default) or one thread the audio is decoded as one stream
    (with 4000-byte blocks that is exactly what vosk-transcriber produces); a ``split``
    decodes parts on ``threads`` threads, faster but with other words after each cut.
    ``executor`` may be injected (tests). ``cancel`` is checked before every block (a flag
    read: no measurable cost); once set, ``TranscriptionCancelled`` is raised.
    """
    parts = [Part(0, 0, len(pcm) // SAMPLE_WIDTH)]
    if split is not None and (threads > 1 or executor is not None):
        total_s = len(pcm) / (SAMPLE_RATE * SAMPLE_WIDTH)
        parts = [_aligned(p, block_bytes // SAMPLE_WIDTH)
                 for p in plan_parts(pcm, _balanced(split, total_s, threads))]
    work = sum(p.end - p.decode_from for p in parts) * SAMPLE_WIDTH
    decoder = _Decoder(model, block_bytes, work, progress, cancel)
    if executor is not None:
        done = list(executor.map(lambda part: decoder.decode(pcm, part), parts))
    elif threads <= 1 or len(parts) == 1:
        done = [decoder.decode(pcm, part) for part in parts]
    else:
        with ThreadPoolExecutor(threads, thread_name_prefix="samskriv-batch") as pool:
            done = list(pool.map(lambda part: decoder.decode(pcm, part), parts))
    return [segment for part in done for segment in part]


def _kept(final: Final, offset_s: float, keep_from: float) -> Segment | None:
    """The segment of ``final`` moved by ``offset_s``, without words of the pre-roll (those
    centred before ``keep_from``: the previous part decodes them)."""
    segment = segment_from_final(final, offset_s)
    if segment is None or _centre(segment.words[0]) >= keep_from:
        return segment
    words = tuple(w for w in segment.words if _centre(w) >= keep_from)
    if not words:
        return None
    return Segment(words[0].start, words[-1].end, " ".join(w.text for w in words), words)


def _aligned(part: Part, block: int) -> Part:
    """Start the pre-roll a whole number of blocks before the cut, so that the part's blocks
    meet the cut exactly as the previous part's last block does."""
    blocks = (part.keep_from - part.decode_from) // max(1, block)
    return replace(part, decode_from=part.keep_from - blocks * block)


def _centre(word: Word) -> float:
    return (word.start + word.end) / 2


def _balanced(options: SplitOptions, total_s: float, threads: int) -> SplitOptions:
    per_round = max(1, threads) * options.target_s
    chunks = max(1, threads) * max(1, math.ceil(total_s / per_round))
    return replace(options, target_s=max(options.min_s, total_s / chunks))


def transcribe_file(
    model: BatchModel,
    path: str | Path,
    *,
    threads: int = 2,
    split: SplitOptions | None = None,
    progress: Progress | None = None,
) -> list[Segment]:
    """``transcribe_pcm`` on a file read with ``load_pcm`` (raises ``AudioFileError``)."""
    pcm = load_pcm(path)
    return transcribe_pcm(model, pcm, threads=threads, split=split, progress=progress)


class VoskFileTranscriber:
    """Vosk's ``FileTranscriber``: ``transcribe_pcm``, by default one stream per file (the
    words of vosk-transcriber); ``threads`` only matter with a ``split``.

    Safe to share between threads (each call makes its own recognizers): to use several
    cores on several files, transcribe them concurrently (``speech.files``).
    """

    engine = VOSK

    def __init__(
        self,
        model: BatchModel,
        *,
        threads: int = 2,
        split: SplitOptions | None = None,
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
