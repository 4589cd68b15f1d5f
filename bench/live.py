"""Benchmark the live pipeline: replay a conversation in real time with a busy GUI consumer.

Usage: python3 bench/live.py [--minutes N | --long]. Prints JSON on the last line.
"""

from __future__ import annotations

import argparse
import queue
import sys
import threading
import time
from pathlib import Path

import numpy as np
import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._audio import conversation, model_dir, print_result  # noqa: E402
from speech.audio import FileSource  # noqa: E402
from speech.engine import Recognizer, SpeechModel, load_model
from speech.pipeline import LiveTranscriber
from speech.values import Event, Final, Partial, PartialEvent, StoppedEvent


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
        return self._inner.finish()


class TimedModel:
    """Wraps a model so that the time spent decoding is summed (for the RTF)."""

    def __init__(self, model: SpeechModel) -> None:
        self.model = model
        self.busy_s = 0.0

    def recognizer(self, sample_rate: int) -> Recognizer:
        return TimedRecognizer(self.model.recognizer(sample_rate), self)


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


def run(minutes: float, block_frames: int, recycle_after_s: float | None) -> dict[str, object]:
    audio = conversation(minutes)
    model = TimedModel(load_model(model_dir()))
    process = psutil.Process()
    source = FileSource(audio, realtime=True, block_frames=block_frames)
    rss: list[tuple[float, float]] = []
    with BusyGui() as gui:
        transcriber = LiveTranscriber(
            source, NullSink(), gui.on_event, model, recycle_after_s=recycle_after_s
        )
        began = time.monotonic()
        rss.append((0.0, process.memory_info().rss / 2**20))
        transcriber.start()
        while not source.finished.wait(timeout=15):  # sample memory while waiting
            rss.append((time.monotonic() - began, process.memory_info().rss / 2**20))
        stop_began = time.monotonic()
        segments = transcriber.stop()
        stop_ms = (time.monotonic() - stop_began) * 1000
        rss.append((time.monotonic() - began, process.memory_info().rss / 2**20))
    return _summary(minutes, model.busy_s, gui.latencies_ms, stop_ms, transcriber.dropped, rss, segments)


def _summary(minutes, busy_s, latencies, stop_ms, dropped, rss, segments) -> dict[str, object]:  # type: ignore[no-untyped-def]
    # Growth is the slope after the first minute (model pages and arenas warm up first).
    warm = [(t, m) for t, m in rss if t >= min(60.0, rss[-1][0] / 2)] or rss
    slope = np.polyfit([t for t, _ in warm], [m for _, m in warm], 1)[0] if len(warm) > 1 else 0.0
    return {
        "minutes": minutes,
        "segments": len(segments),
        "rtf": round(busy_s / (minutes * 60), 4),
        "partials": len(latencies),
        "partial_latency_p50_ms": round(float(np.percentile(latencies, 50)), 2),
        "partial_latency_p95_ms": round(float(np.percentile(latencies, 95)), 2),
        "stop_to_final_ms": round(stop_ms, 1),
        "dropped_blocks": dropped,
        "rss_start_mb": round(rss[0][1], 1),
        "rss_end_mb": round(rss[-1][1], 1),
        "rss_peak_mb": round(max(m for _, m in rss), 1),
        "rss_growth_mb_per_hour": round(float(slope) * 3600, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--long", action="store_true", help="two hours")
    parser.add_argument("--block-frames", type=int, default=1600)
    parser.add_argument("--recycle-after", type=float, default=300.0, help="seconds; 0 = never")
    args = parser.parse_args()
    recycle = args.recycle_after or None
    print_result(run(120.0 if args.long else args.minutes, args.block_frames, recycle))


if __name__ == "__main__":
    main()
