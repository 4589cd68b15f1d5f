"""LiveTranscriber with a hand-driven source and a fake recognizer (real threads, no sleeps)."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from speech.engine import Recognizer
from speech.pipeline import LiveTranscriber, rms_dbfs
from speech.values import (
    DropEvent,
    ErrorEvent,
    Event,
    LevelEvent,
    PartialEvent,
    SegmentEvent,
    StoppedEvent,
)
from tests.support.audio import FakeModel, ManualSource, MemorySink, tone_block
from tests.support.logfail import expect_error_log


def _pipeline(model: FakeModel | None = None, sink: MemorySink | None = None, **kw: Any
              ) -> tuple[LiveTranscriber, ManualSource, MemorySink, list[Event]]:
    source, sink, events = ManualSource(), sink or MemorySink(), list[Event]()
    transcriber = LiveTranscriber(source, sink, events.append, model, **kw)
    return transcriber, source, sink, events


def _kinds(events: list[Event]) -> list[str]:
    return [type(e).__name__ for e in events if not isinstance(e, LevelEvent)]


def test_without_model_it_only_records() -> None:
    transcriber, source, sink, events = _pipeline()
    transcriber.start()
    for i in range(5):
        source.push(tone_block(i))
    assert transcriber.stop() == []
    assert sink.chunks == [tone_block(i) for i in range(5)] and sink.closed
    assert [type(e) for e in events] == [LevelEvent] * 5 + [StoppedEvent]
    stats = events[-1].stats  # type: ignore[union-attr]
    assert (stats.blocks, stats.dropped, stats.audio_seconds) == (5, 0, 0.5)


def test_stop_decodes_the_tail_and_events_come_in_order() -> None:
    model = FakeModel(final_every=3)
    transcriber, source, sink, events = _pipeline(model)
    transcriber.start()
    for i in range(1, 8):
        source.push(tone_block(i))
    segments = transcriber.stop()  # straight after the last push: nothing may be lost
    assert [s.text for s in segments] == ["b1 b2 b3", "b4 b5 b6", "b7"]
    assert (segments[-1].start, segments[-1].end) == (0.6, 0.7)
    assert _kinds(events) == ["PartialEvent", "PartialEvent", "SegmentEvent"] * 2 + [
        "PartialEvent",
        "SegmentEvent",
        "StoppedEvent",
    ]
    assert len(sink.chunks) == 7 and source.stopped


def test_partial_event_carries_block_arrival() -> None:
    ticks = iter(range(100))
    transcriber, source, _, events = _pipeline(FakeModel(), clock=lambda: float(next(ticks)))
    transcriber.start()
    source.push(tone_block(1))
    transcriber.stop()
    partial = next(e for e in events if isinstance(e, PartialEvent))
    assert partial.text == "b1" and partial.block_arrival < partial.emitted_at


def test_pause_finishes_the_utterance_and_skips_audio_until_resume() -> None:
    model = FakeModel(final_every=10)
    transcriber, source, sink, events = _pipeline(model)
    transcriber.start()
    source.push(tone_block(1))
    source.push(tone_block(2))
    transcriber.pause()
    source.push(tone_block(98))  # not recorded: the family asked for a private moment
    transcriber.resume()
    source.push(tone_block(3))
    segments = transcriber.stop()
    assert [s.text for s in segments] == ["b1 b2", "b3"]
    assert (segments[1].start, segments[1].end) == (0.2, 0.3)  # times of recorded audio
    assert sink.chunks == [tone_block(1), tone_block(2), tone_block(3)]
    assert model.made[0].finishes == 2


def test_full_queue_drops_blocks_and_reports_them() -> None:
    gate = threading.Event()
    sink = MemorySink(gate=gate)
    transcriber, source, _, events = _pipeline(sink=sink, queue_blocks=2)
    transcriber.start()
    source.push(tone_block(0))
    assert sink.writing.wait(5)  # capture thread now holds block 0 inside the sink
    for i in range(1, 6):
        source.push(tone_block(i))  # two fit, three are dropped; the callback never blocks
    gate.set()
    transcriber.stop()
    assert transcriber.dropped == 3
    assert [e.total for e in events if isinstance(e, DropEvent)] == [3]
    assert sink.chunks == [tone_block(i) for i in range(3)]
    assert events[-1].stats.dropped == 3  # type: ignore[union-attr]


def test_sink_failure_is_reported_and_transcription_goes_on() -> None:
    transcriber, source, _, events = _pipeline(FakeModel(final_every=2), MemorySink(fail_after=1))
    transcriber.start()
    for i in range(4):
        source.push(tone_block(i))
    segments = transcriber.stop()
    errors = [e.exc for e in events if isinstance(e, ErrorEvent)]
    assert len(errors) == 1 and isinstance(errors[0], OSError)
    assert [s.text for s in segments] == ["b0 b1", "b2 b3"]


def test_a_failed_sink_is_closed_at_once_and_gets_nothing_more() -> None:
    sink = MemorySink(fail_after=1)
    transcriber, source, _, events = _pipeline(sink=sink)
    transcriber.start()
    source.push(tone_block(0))
    source.push(tone_block(1))  # fails: the sink is closed now, not at stop
    source.push(tone_block(2))
    transcriber.stop()
    assert sink.closed and sink.chunks == [tone_block(0)]
    assert len([e for e in events if isinstance(e, ErrorEvent)]) == 1


def test_status_flags_count_as_overflows() -> None:
    transcriber, source, _, events = _pipeline()
    transcriber.start()
    source.push(tone_block(1), status="input overflow")
    transcriber.stop()
    assert events[-1].stats.overflows == 1  # type: ignore[union-attr]


def test_a_failing_consumer_does_not_stop_the_pipeline(caplog: pytest.LogCaptureFixture) -> None:
    seen: list[Event] = []

    def consumer(event: Event) -> None:
        seen.append(event)
        if isinstance(event, LevelEvent):
            raise RuntimeError("bug in the GUI")

    transcriber = LiveTranscriber(ManualSource(), MemorySink(), consumer, FakeModel(final_every=1))
    with expect_error_log("on_event failed", logger="speech.pipeline"):
        transcriber.start()
        transcriber._source.push(tone_block(1))  # type: ignore[attr-defined]
        assert [s.text for s in transcriber.stop()] == ["b1"]
    assert isinstance(seen[-1], StoppedEvent) and "on_event failed" in caplog.text


def test_source_failure_on_start_leaves_no_threads() -> None:
    class Broken(ManualSource):
        def start(self, callback: object) -> None:
            raise RuntimeError("no device")

    before = threading.active_count()
    transcriber = LiveTranscriber(Broken(), MemorySink(), lambda e: None, FakeModel())
    with pytest.raises(RuntimeError):
        transcriber.start()
    assert threading.active_count() == before


def test_rms_dbfs() -> None:
    assert rms_dbfs(b"") == -120.0
    assert rms_dbfs(b"\x00\x00" * 10) == -120.0
    assert rms_dbfs((32767).to_bytes(2, "little", signed=True) * 10) == pytest.approx(0, abs=0.01)


def test_segment_event_wraps_segment() -> None:
    transcriber, source, _, events = _pipeline(FakeModel(final_every=1))
    transcriber.start()
    source.push(tone_block(5))
    transcriber.stop()
    assert [e.segment.text for e in events if isinstance(e, SegmentEvent)] == ["b5"]


def test_recognizer_that_cannot_be_made_leaves_recording_running() -> None:
    class Broken(FakeModel):
        def recognizer(self, sample_rate: int, *, partials: bool = True) -> Recognizer:
            raise RuntimeError("model gone")

    transcriber, source, sink, events = _pipeline(Broken())
    transcriber.start()
    source.push(tone_block(1))
    assert transcriber.stop() == []
    assert isinstance(events[0], ErrorEvent) and sink.chunks == [tone_block(1)]


def test_recognizer_is_recycled_at_an_utterance_boundary_and_times_continue() -> None:
    model = FakeModel(final_every=2)
    transcriber, source, _, _ = _pipeline(model, recycle_after_s=0.3)
    transcriber.start()
    for i in range(8):
        source.push(tone_block(i))
    segments = transcriber.stop()
    assert len(model.made) == 3  # recycled after 0.4 s and 0.8 s of audio (at finals)
    assert [(s.start, s.end) for s in segments] == [(0.0, 0.2), (0.2, 0.4), (0.4, 0.6), (0.6, 0.8)]


def test_each_recycled_recognizer_is_followed_by_a_memory_release(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import speech.pipeline as pipeline_module

    releases: list[int] = []
    model = FakeModel(final_every=2)
    monkeypatch.setattr(pipeline_module, "release_freed_memory",
                        lambda: releases.append(len(model.made)))
    transcriber, source, _, _ = _pipeline(model, recycle_after_s=0.3)
    transcriber.start()
    for i in range(8):
        source.push(tone_block(i))
    transcriber.stop()
    assert releases == [2, 3]  # right after the 2nd and the 3rd recognizer replaced the old
