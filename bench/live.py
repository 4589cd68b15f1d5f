"""Benchmark the live pipeline: replay a conversation with a busy GUI consumer.

Usage: python3 bench/live.py [--minutes N | --long] [--realtime | --fast] [--tracemalloc].
Prints JSON on the last line.

``--long`` is two hours of audio. By default it is an accelerated replay: blocks go into the
real pipeline (queues, threads, recycling, busy GUI) as fast as the recognizer takes them,
never dropped, and memory is sampled by *audio* time, so the curve is the one a two-hour
recording at real-time pace draws (recycling is by audio time too) in a fraction of the wall
time. ``--realtime`` paces blocks like a sound card (the default for short runs: latency
figures only mean something then). ``rss_growth_mb_per_hour`` is the slope of RSS over audio
time after the first 10 minutes (model pages and caches warm up first); shorter runs use their
second half.
"""

from __future__ import annotations

import argparse
import functools
import queue
import sys
import threading
import time
import tracemalloc
from pathlib import Path

import numpy as np
import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._audio import conversation, model_dir, print_result  # noqa: E402
from speech.audio import FileSource  # noqa: E402
from speech.engine import Recognizer, SpeechModel, load_model  # noqa: E402
from speech.pipeline import LiveTranscriber  # noqa: E402
from speech.values import (  # noqa: E402
    Event,
    Final,
    LevelEvent,
    Partial,
    PartialEvent,
    StoppedEvent,
)
from speech.wavio import SAMPLE_RATE, SAMPLE_WIDTH, read_wav  # noqa: E402

WARMUP_S = 600.0  # the slope is taken after this much audio
SAMPLE_EVERY_S = 15.0  # audio seconds between memory samples
IN_FLIGHT = 20  # accelerated replay: blocks handed over but not yet decoded


class TimedRecognizer:
    """Sums the time spent inside ``accept``. A plain top-level class on purpose: a class made
    per call would sit in a reference cycle and keep recycled vosk recognizers alive."""

    def __init__(self, inner: Recognizer, owner: TimedModel) -> None:
        self._inner = inner
        self._owner = owner

    def accept(self, pcm: bytes) -> Partial | Final | None:
        began = time.perf_counter()
        try:
            return self._inner.accept(pcm)
        finally:
            self._owner.busy_s += time.perf_counter() - began

    def finish(self) -> Final | None:
        self._owner.finishes += 1
        return self._inner.finish()


class TimedModel:
    """Wraps a model so that the time spent decoding is summed (for the RTF)."""

    def __init__(self, model: SpeechModel) -> None:
        self.model = model
        self.busy_s = 0.0
        self.made = 0
        self.finishes = 0

    def recognizer(self, sample_rate: int) -> Recognizer:
        self.made += 1
        return TimedRecognizer(self.model.recognizer(sample_rate), self)


class ReplaySource:
    """Feeds a WAV through the microphone callback path as fast as the pipeline decodes it.

    Back-pressure instead of a clock: at most ``IN_FLIGHT`` blocks are handed over and not
    yet seen by the worker (``consumed``), so the bounded inbox never overflows and no block
    is dropped, and the busy GUI's queue stays short.
    """

    def __init__(self, path: Path, block_frames: int, gui: BusyGui) -> None:
        self._pcm = read_wav(path).pcm
        self.sample_rate = SAMPLE_RATE
        self.block_frames = block_frames
        self.device_name: str | None = f"replay:{path.name}"
        self.finished = threading.Event()
        self._gui = gui
        self._consumed = 0
        self._progress = threading.Condition()
        self._stopping = False
        self._thread: threading.Thread | None = None

    def consumed(self) -> None:
        """The worker took one more block (called from the worker thread)."""
        with self._progress:
            self._consumed += 1
            self._progress.notify_all()

    def start(self, callback) -> None:  # type: ignore[no-untyped-def]
        self._thread = threading.Thread(target=self._run, args=(callback,), name="replay")
        self._thread.start()

    def stop(self) -> None:
        with self._progress:
            self._stopping = True
            self._progress.notify_all()
        if self._thread is not None:
            self._thread.join()

    def _may_send(self, index: int) -> bool:
        if self._stopping:
            return True
        return index - self._consumed < IN_FLIGHT and self._gui.events.qsize() < 200

    def _run(self, callback) -> None:  # type: ignore[no-untyped-def]
        step = self.block_frames * SAMPLE_WIDTH
        try:
            for index, offset in enumerate(range(0, len(self._pcm), step)):
                with self._progress:
                    self._progress.wait_for(functools.partial(self._may_send, index))
                    if self._stopping:
                        return
                chunk = self._pcm[offset : offset + step]
                callback(memoryview(chunk), len(chunk) // SAMPLE_WIDTH, None, None)
        finally:
            self.finished.set()


class NullSink:
    def write(self, pcm: bytes) -> None:
        self.bytes = getattr(self, "bytes", 0) + len(pcm)

    def close(self) -> None:
        pass


class BusyGui:
    """Stands in for the GUI thread: takes every event and burns CPU (holding the GIL)."""

    def __init__(self, work_ms: float = 3.0) -> None:
        self.events: queue.Queue[Event | None] = queue.Queue()
        self.latencies_ms: list[float] = []
        self._work_s = work_ms / 1000
        self._thread = threading.Thread(target=self._run, name="busy-gui")

    def on_event(self, event: Event) -> None:
        if isinstance(event, PartialEvent):
            self.latencies_ms.append((event.emitted_at - event.block_arrival) * 1000)
        self.events.put(event)

    def _run(self) -> None:
        while (event := self.events.get()) is not None:
            deadline = time.perf_counter() + self._work_s
            total = 0
            while time.perf_counter() < deadline:  # pure Python work: re-layout, repaint…
                total += sum(range(200))
            if isinstance(event, StoppedEvent):
                return

    def __enter__(self) -> BusyGui:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.events.put(None)
        self._thread.join()


class MemoryProbe:
    """Samples RSS (native + Python) and, optionally, Python's traced heap by audio time.

    Called from the pipeline's worker thread for every block (a ``LevelEvent``)."""

    def __init__(self, block_s: float, traced: bool) -> None:
        self._process = psutil.Process()
        self._block_s = block_s
        self._traced = traced
        self.blocks = 0
        self.rss: list[tuple[float, float]] = [(0.0, self._rss())]
        self.python: list[tuple[float, float]] = []

    def _rss(self) -> float:
        return float(self._process.memory_info().rss) / 2**20

    def block(self) -> None:
        self.blocks += 1
        audio_s = self.blocks * self._block_s
        if audio_s - self.rss[-1][0] >= SAMPLE_EVERY_S:
            self.rss.append((audio_s, self._rss()))
            if self._traced:
                self.python.append((audio_s, tracemalloc.get_traced_memory()[0] / 2**20))


def run(minutes: float, block_frames: int, *, realtime: bool, traced: bool,
        **pipeline: float | None) -> dict[str, object]:
    """One replay; ``pipeline`` overrides LiveTranscriber options (``recycle_after_s``,
    ``reset_after_s``)."""
    audio = conversation(minutes)
    model = TimedModel(load_model(model_dir()))
    probe = MemoryProbe(block_frames / SAMPLE_RATE, traced)
    if traced:
        tracemalloc.start()
    with BusyGui() as gui:
        source: FileSource | ReplaySource
        if realtime:
            source = FileSource(audio, realtime=True, block_frames=block_frames)
        else:
            source = ReplaySource(audio, block_frames, gui)

        def on_event(event: Event) -> None:
            if isinstance(event, LevelEvent):
                probe.block()
                if isinstance(source, ReplaySource):
                    source.consumed()
            gui.on_event(event)

        transcriber = LiveTranscriber(
            source, NullSink(), on_event, model, **pipeline  # type: ignore[arg-type]
        )
        began = time.monotonic()
        transcriber.start()
        source.finished.wait()
        stop_began = time.monotonic()
        segments = transcriber.stop()
        stop_ms = (time.monotonic() - stop_began) * 1000
        wall_s = time.monotonic() - began
        probe.rss.append((probe.blocks * block_frames / SAMPLE_RATE, probe._rss()))
    result: dict[str, object] = {
        "minutes": minutes,
        "replay": "realtime" if realtime else "accelerated",
        "wall_s": round(wall_s, 1),
        "segments": len(segments),
        "recognizers": model.made,
        "stream_finishes": model.finishes,
        "pipeline": dict(pipeline),
        "rtf": round(model.busy_s / (minutes * 60), 4),
        "partials": len(gui.latencies_ms),
        "stop_to_final_ms": round(stop_ms, 1),
        "dropped_blocks": transcriber.dropped,
    }
    if realtime:  # latencies of an accelerated replay measure the back-pressure, not the app
        result["partial_latency_p50_ms"] = round(float(np.percentile(gui.latencies_ms, 50)), 2)
        result["partial_latency_p95_ms"] = round(float(np.percentile(gui.latencies_ms, 95)), 2)
    result.update(_memory(probe.rss))
    if traced:
        result["python_heap_growth_mb_per_hour"] = round(_slope(probe.python) * 3600, 2)
        result["python_heap_end_mb"] = round(probe.python[-1][1], 2) if probe.python else 0.0
    return result


def _slope(samples: list[tuple[float, float]]) -> float:
    """MB per audio second over the samples after the warm-up."""
    if len(samples) < 2:
        return 0.0
    warm = [(t, m) for t, m in samples if t >= min(WARMUP_S, samples[-1][0] / 2)] or samples
    if len(warm) < 2:
        return 0.0
    return float(np.polyfit([t for t, _ in warm], [m for _, m in warm], 1)[0])


def _memory(rss: list[tuple[float, float]]) -> dict[str, object]:
    warm = [m for t, m in rss if t >= min(WARMUP_S, rss[-1][0] / 2)] or [rss[-1][1]]
    curve = [(round(t / 60, 1), round(m)) for t, m in rss[:: max(1, len(rss) // 24)]]
    return {
        "rss_start_mb": round(rss[0][1], 1),
        "rss_end_mb": round(rss[-1][1], 1),
        "rss_peak_mb": round(max(m for _, m in rss), 1),
        "rss_after_warmup_min_mb": round(min(warm), 1),
        "rss_after_warmup_max_mb": round(max(warm), 1),
        "rss_growth_mb_per_hour": round(_slope(rss) * 3600, 2),
        "rss_curve_min_mb": curve,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--long", action="store_true", help="two hours of audio, accelerated")
    pace = parser.add_mutually_exclusive_group()
    pace.add_argument("--realtime", action="store_true", help="pace like a sound card")
    pace.add_argument("--fast", action="store_true", help="accelerated replay")
    parser.add_argument("--block-frames", type=int, default=1600)
    parser.add_argument("--recycle-after", type=float, default=None,
                        help="seconds of audio; 0 = never; default: the pipeline's own")
    parser.add_argument("--reset-after", type=float, default=None,
                        help="seconds of audio; 0 = never; default: the pipeline's own")
    parser.add_argument("--tracemalloc", action="store_true", help="also trace Python's heap")
    args = parser.parse_args()
    minutes = 120.0 if args.long else args.minutes
    realtime = args.realtime or not (args.long or args.fast)
    pipeline = {
        f"{name}_s": value or None
        for name, value in (("recycle_after", args.recycle_after), ("reset_after", args.reset_after))
        if value is not None
    }
    print_result(run(minutes, args.block_frames, realtime=realtime, traced=args.tracemalloc,
                     **pipeline))


if __name__ == "__main__":
    main()
