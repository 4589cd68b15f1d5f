"""``speech.files``: several files at once, each one stream; failures, cancel and the pool size."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from speech.engine import CancelCheck, Progress
from speech.errors import AudioFileError, SpeechError, TranscriptionCancelled
from speech.files import (
    MB,
    FileFailed,
    FileOutcome,
    default_jobs,
    physical_memory,
    transcribe_files,
)
from speech.values import Segment, Word

GB = 1024 * MB


class Recording:
    """A ``FileTranscriber`` whose "audio" is its text: one word per call, after ``steps``
    cancel checks; it counts how many calls run at once."""

    engine = "fake"
    model_id = "fake"

    def __init__(self, steps: int = 5, fail_on: bytes = b"") -> None:
        self.steps = steps
        self.fail_on = fail_on
        self.running = 0
        self.most = 0
        self.calls: list[bytes] = []
        self.started = threading.Event()
        self._lock = threading.Lock()

    def transcribe(self, pcm: bytes, progress: Progress, cancel: CancelCheck) -> list[Segment]:
        with self._lock:
            self.calls.append(pcm)
            self.running += 1
            self.most = max(self.most, self.running)
        self.started.set()
        try:
            for step in range(self.steps):
                if cancel.is_set():
                    raise TranscriptionCancelled()
                time.sleep(0.02)
                progress((step + 1) / self.steps)
            if pcm == self.fail_on:
                raise RuntimeError("a bug in the engine")
            word = Word(pcm.decode(), 0.0, 1.0, 1.0)
            return [Segment(0.0, 1.0, word.text, (word,))]
        finally:
            with self._lock:
                self.running -= 1


def _load(path: Path) -> bytes:
    if path.name.startswith("broken"):
        raise AudioFileError(f"{path}: not audio")
    return path.stem.encode()


def _paths(*names: str) -> list[Path]:
    return [Path(f"{name}.wav") for name in names]


def _run(transcriber: Recording, paths: list[Path], jobs: int, **kw: object) -> list[FileOutcome]:
    return list(transcribe_files(transcriber, paths, jobs=jobs, load=_load, **kw))  # type: ignore[arg-type]


def _words(outcome: FileOutcome) -> list[str]:
    return [w.text for s in outcome.segments for w in s.words]


def test_files_run_side_by_side_each_with_its_own_call() -> None:
    fake = Recording()
    outcomes = _run(fake, _paths("a", "b", "c", "d"), jobs=2)
    assert sorted(o.index for o in outcomes) == [0, 1, 2, 3]
    assert {o.path.stem: _words(o) for o in outcomes} == {n: [n] for n in "abcd"}
    assert sorted(fake.calls) == [b"a", b"b", b"c", b"d"]  # one call (one stream) per file
    assert fake.most == 2


def test_one_job_is_one_file_at_a_time() -> None:
    fake = Recording()
    _run(fake, _paths("a", "b", "c"), jobs=1)
    assert fake.most == 1


def test_the_largest_files_start_first(tmp_path: Path) -> None:
    paths = []
    for name, size in (("small", 10), ("large", 1000), ("medium", 100), ("missing", -1)):
        paths.append(tmp_path / f"{name}.wav")
        if size >= 0:
            paths[-1].write_bytes(b"x" * size)
    fake = Recording(steps=1)
    outcomes = _run(fake, paths, jobs=1)
    assert fake.calls == [b"large", b"medium", b"small", b"missing"]
    assert sorted(o.index for o in outcomes) == [0, 1, 2, 3]  # each keeps its place


def test_a_failing_file_does_not_lose_the_others() -> None:
    fake = Recording(fail_on=b"c")
    outcomes = {o.path.stem: o for o in _run(fake, _paths("a", "broken", "c", "d"), jobs=2)}
    assert _words(outcomes["a"]) == ["a"] and _words(outcomes["d"]) == ["d"]
    assert isinstance(outcomes["broken"].error, AudioFileError)
    failed = outcomes["c"].error
    assert isinstance(failed, FileFailed) and not outcomes["c"].ok
    assert failed.message == "oväntat fel (RuntimeError)"  # the kind only, Swedish


def test_even_a_base_exception_in_a_worker_yields_an_outcome() -> None:
    class Exiting(Recording):
        def transcribe(self, pcm: bytes, progress: Progress, cancel: CancelCheck
                       ) -> list[Segment]:
            if pcm == b"b":
                raise SystemExit(3)  # a library calling sys.exit: the batch must not hang
            return super().transcribe(pcm, progress, cancel)

    outcomes = {o.path.stem: o for o in _run(Exiting(), _paths("a", "b", "c"), jobs=2)}
    assert _words(outcomes["a"]) == ["a"] and _words(outcomes["c"]) == ["c"]
    assert outcomes["b"].error is not None
    assert outcomes["b"].error.message == "oväntat fel (SystemExit)"


def test_progress_names_the_file() -> None:
    seen: dict[int, list[float]] = {}
    lock = threading.Lock()

    def progress(index: int, fraction: float) -> None:
        with lock:
            seen.setdefault(index, []).append(fraction)

    _run(Recording(steps=4), _paths("a", "b", "c"), jobs=3, progress=progress)
    assert seen == {i: [0.25, 0.5, 0.75, 1.0] for i in range(3)}


def test_cancel_stops_running_files_and_reads_no_more() -> None:
    fake = Recording(steps=10_000)  # would run for minutes
    cancel = threading.Event()

    def press_cancel() -> None:
        fake.started.wait(5)
        cancel.set()

    threading.Thread(target=press_cancel, daemon=True).start()
    began = time.monotonic()
    outcomes = _run(fake, _paths("a", "b", "c", "d", "e"), jobs=2, cancel=cancel)
    assert time.monotonic() - began < 5
    assert len(outcomes) == 5
    assert all(isinstance(o.error, TranscriptionCancelled) for o in outcomes)
    assert len(fake.calls) <= 2  # the files not begun were never read nor decoded


def test_leaving_the_loop_stops_the_workers() -> None:
    fake = Recording(steps=10_000)  # "b" and "c" would run for minutes
    began = time.monotonic()
    for outcome in transcribe_files(fake, _paths("broken", "b", "c"), jobs=3, load=_load):
        assert outcome.path.stem == "broken"
        break  # the generator is closed here: it stops and joins its workers
    assert time.monotonic() - began < 5
    assert not any(t.name.startswith("samskriv-files") for t in threading.enumerate())
    assert fake.running == 0


def test_an_interrupt_while_waiting_stops_every_worker() -> None:
    import _thread

    fake = Recording(steps=10_000)

    def press_ctrl_c() -> None:
        fake.started.wait(5)
        time.sleep(0.3)  # the consumer is waiting for the first file by now
        _thread.interrupt_main()

    threading.Thread(target=press_ctrl_c, daemon=True).start()
    began = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        _run(fake, _paths("a", "b", "c"), jobs=2)
    assert time.monotonic() - began < 5
    assert not any(t.name.startswith("samskriv-files") for t in threading.enumerate())
    assert fake.running == 0


def test_the_pool_is_one_per_core_within_the_memory_cap() -> None:
    assert default_jobs(1, cores=8, memory=32 * GB) == 1  # one file: one stream, no split
    assert default_jobs(5, cores=2, memory=8 * GB) == 2
    assert default_jobs(20, cores=16, memory=8 * GB) == 8  # 8 GB laptop: half of it, 500 MB each
    assert default_jobs(20, cores=16, memory=2 * GB) == 2
    assert default_jobs(3, cores=4, memory=100 * MB) == 1  # never none
    assert physical_memory() > 0


def test_file_failed_is_a_speech_error() -> None:
    assert isinstance(FileFailed("MemoryError"), SpeechError)
