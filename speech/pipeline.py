"""Live transcription: audio source -> queue -> capture thread (sink) -> recognizer thread."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

from speech.audio import AudioSource, Block, BlockQueue, Clock
from speech.engine import Recognizer, RecognizerFactory, release_freed_memory
from speech.transcript import segment_from_final
from speech.values import (
    DropEvent,
    ErrorEvent,
    Event,
    Final,
    LevelEvent,
    Partial,
    PartialEvent,
    PipelineStats,
    Segment,
    SegmentEvent,
    StoppedEvent,
)

# The events it emits are speech.values's, imported from there.
__all__ = ["AudioSink", "LiveTranscriber", "rms_dbfs"]
SILENCE_DBFS = -120.0
_log = logging.getLogger(__name__)


class AudioSink(Protocol):
    """Where recorded audio goes (the app's encrypted file). Called from one thread only.

    The sink decides when to fsync (about once a second); ``close`` makes it durable.
    """

    def write(self, pcm: bytes) -> None: ...

    def close(self) -> None: ...


class _Flush:
    """Marker: the user paused; finish the current utterance."""


_FLUSH = _Flush()


@dataclass
class _Counters:
    blocks: int = 0
    overflows: int = 0
    samples: int = 0
    segments: list[Segment] = field(default_factory=list)


class LiveTranscriber:
    """Records from ``source`` into ``sink`` and, given a model, transcribes as it goes.

    Threading contract:
    - the audio callback (source thread) only copies the block into a bounded queue; a full
      queue drops the block and counts it, it never blocks;
    - the capture thread writes every block to ``sink`` and hands it to the worker;
    - the worker thread decodes (when ``model`` is given), measures levels and is the ONLY
      thread that calls ``on_event``, in order; a slow ``on_event`` delays transcription but
      never the recording. ``on_event`` must not call back into this object's stop();
    - ``start``/``pause``/``resume``/``stop`` are for one controlling thread (the GUI); an
      instance records one session (start once, stop once; stop is idempotent).
    Times in segments are seconds of recorded audio: paused stretches are not recorded, so
    times index straight into the sink's file. After ``recycle_after_s`` of audio the
    recognizer is replaced at the next utterance boundary (bounds memory; None = never).
    """

    def __init__(
        self,
        source: AudioSource,
        sink: AudioSink,
        on_event: Callable[[Event], None],
        model: RecognizerFactory | None = None,
        *,
        queue_blocks: int = 200,
        recycle_after_s: float | None = 300.0,
        clock: Clock = time.monotonic,
    ) -> None:
        self._source = source
        self._sink: AudioSink | None = sink
        self._on_event = on_event
        self._model = model
        self._clock = clock
        self._inbox = BlockQueue(queue_blocks, clock=clock)
        self._work = BlockQueue(None, clock=clock)  # unbounded: capture must never wait
        self._gate = threading.Lock()
        self._paused = False
        self._counters = _Counters()
        self._captured_samples = 0  # written by the capture thread only
        # A vosk recognizer's memory grows with the audio it has decoded (~250 MB in the
        # first 5 minutes); a fresh one at an utterance boundary bounds a 2-hour session.
        self._recycle_after = (
            None if recycle_after_s is None else int(recycle_after_s * source.sample_rate)
        )
        self._recognizer_base = 0  # samples recorded before the current recognizer began
        self._recycled = False  # a recognizer was replaced: give its memory back to the OS
        self._threads: list[threading.Thread] = []

    # -- control (GUI thread) ------------------------------------------------------------

    def start(self) -> None:
        """Start threads, then the source (which may raise ``NoInputDevice``)."""
        self._threads = [
            threading.Thread(target=self._capture_loop, name="samskriv-capture", daemon=False),
            threading.Thread(target=self._worker_loop, name="samskriv-recognizer", daemon=False),
        ]
        for thread in self._threads:
            thread.start()
        try:
            self._source.start(self._on_audio)
        except BaseException:
            self._shutdown()
            raise

    def pause(self) -> None:
        """Stop recording and finish the current utterance; the source keeps running."""
        with self._gate:
            if not self._paused:
                self._paused = True
                self._inbox.put_control(_FLUSH)

    def resume(self) -> None:
        with self._gate:
            self._paused = False

    def stop(self) -> list[Segment]:
        """Stop the source, decode everything still queued, take the final result, join.

        Returns all segments of the session. Events, including ``StoppedEvent``, have all
        been delivered when this returns.
        """
        self._source.stop()
        self._shutdown()
        return list(self._counters.segments)

    @property
    def dropped(self) -> int:
        return self._inbox.dropped

    # -- audio callback (source thread) --------------------------------------------------

    def _on_audio(self, indata: object, frames: int, time_info: object, status: object) -> None:
        if status:
            self._counters.overflows += 1
        with self._gate:
            if not self._paused:
                self._inbox.put_block(indata)

    # -- workers -------------------------------------------------------------------------

    def _shutdown(self) -> None:
        self._inbox.close()
        for thread in self._threads:
            thread.join()
        self._threads = []

    def _capture_loop(self) -> None:
        try:
            while (item := self._inbox.get()) is not None:
                if isinstance(item, Block):
                    # Only this thread writes it; the worker reads it for its progress events.
                    self._captured_samples += len(item.pcm) // 2
                    self._write_to_sink(item.pcm)
                self._work.put_nowait(item)
            self._close_sink()
        finally:
            self._work.close()

    def _write_to_sink(self, pcm: bytes) -> None:
        if self._sink is None:
            return
        try:
            self._sink.write(pcm)
        except Exception as exc:
            # The sink takes no more (a full disk): close it now, so what it holds ends as a
            # whole file even if the app dies before stop. Keep transcribing so the words
            # survive; the app decides what to tell the user and whether to stop.
            sink, self._sink = self._sink, None
            self._work.put_nowait(exc)
            try:
                sink.close()
            except Exception:  # noqa: BLE001 - the write's failure is the one reported
                _log.debug("closing the failed sink failed too", exc_info=True)

    def _close_sink(self) -> None:
        if self._sink is not None:
            try:
                self._sink.close()
            except Exception as exc:
                self._work.put_nowait(exc)

    def _worker_loop(self) -> None:
        recognizer = self._new_recognizer()
        reported_drops = 0
        while (item := self._work.get()) is not None:
            if isinstance(item, Block):
                recognizer = self._on_block(recognizer, item)
            elif isinstance(item, BaseException):
                self._emit(ErrorEvent(item))
            elif (recognizer := self._finish(recognizer)) is not None:  # _FLUSH: a pause
                recognizer = self._maybe_recycle(recognizer)
            if self._recycled:  # only now is the old recognizer unreferenced and freed
                self._recycled = False
                release_freed_memory()
            if self._inbox.dropped != reported_drops:
                reported_drops = self._inbox.dropped
                self._emit(DropEvent(reported_drops))
        self._finish(recognizer)
        self._emit(StoppedEvent(self._stats()))

    def _new_recognizer(self) -> Recognizer | None:
        # Made here, not in start(): creating one takes ~0.1 s, too long for the GUI thread.
        if self._model is None:
            return None
        try:
            return self._model.recognizer(self._source.sample_rate)
        except Exception as exc:
            self._emit(ErrorEvent(exc))
            return None

    def _on_block(self, recognizer: Recognizer | None, block: Block) -> Recognizer | None:
        counters = self._counters
        counters.blocks += 1
        counters.samples += len(block.pcm) // 2
        rate = self._source.sample_rate
        self._emit(LevelEvent(rms_dbfs(block.pcm), counters.samples / rate,
                              self._captured_samples / rate))
        if recognizer is None:
            return None
        try:
            result = recognizer.accept(block.pcm)
        except Exception as exc:
            self._emit(ErrorEvent(exc))
            return None  # capture goes on without transcription
        if isinstance(result, Partial):
            if result.text:
                self._emit(PartialEvent(result.text, block.arrival, self._clock()))
        elif isinstance(result, Final):
            self._add_segment(result)
            return self._maybe_recycle(recognizer)
        return recognizer

    def _maybe_recycle(self, recognizer: Recognizer) -> Recognizer | None:
        fed = self._counters.samples - self._recognizer_base
        if self._recycle_after is None or fed < self._recycle_after:
            return recognizer
        self._recognizer_base = self._counters.samples
        self._recycled = True
        return self._new_recognizer()

    def _finish(self, recognizer: Recognizer | None) -> Recognizer | None:
        if recognizer is None:
            return None
        try:
            final = recognizer.finish()
        except Exception as exc:
            self._emit(ErrorEvent(exc))
            return None
        if final is not None:
            self._add_segment(final)
        return recognizer

    def _add_segment(self, final: Final) -> None:
        offset = self._recognizer_base / self._source.sample_rate
        segment = segment_from_final(final, offset)
        if segment is not None:
            self._counters.segments.append(segment)
            self._emit(SegmentEvent(segment))

    def _emit(self, event: Event) -> None:
        try:
            self._on_event(event)
        except Exception:  # a consumer bug must not kill the recording
            _log.exception("on_event failed for %s", type(event).__name__)

    def _stats(self) -> PipelineStats:
        counters = self._counters
        return PipelineStats(
            blocks=counters.blocks,
            dropped=self._inbox.dropped,
            overflows=counters.overflows,
            audio_seconds=counters.samples / self._source.sample_rate,
            segments=len(counters.segments),
        )


def rms_dbfs(pcm: bytes) -> float:
    """Loudness of an int16 block in dBFS (0 = full scale)."""
    samples = np.frombuffer(pcm, dtype=np.int16).astype(np.float64)
    if samples.size == 0:
        return SILENCE_DBFS
    rms = float(np.sqrt(np.mean(samples * samples)))
    return max(SILENCE_DBFS, 20.0 * float(np.log10(max(rms, 1e-9) / 32768.0)))
