"""Helpers for the recording tests: record PCM through the real use case without a thread."""

from __future__ import annotations

from app.context import Context
from app.recording import RecordingInfo
from app.transcription import LiveRecording
from speech.engine import RecognizerFactory
from speech.values import Event
from tests.support.audio import ManualSource, tone_block

BLOCK_BYTES = 3200  # 100 ms


def tone_pcm(blocks: int) -> bytes:
    """Distinct, recognisable blocks (every sample of block i holds i + 1)."""
    return b"".join(tone_block(i + 1) for i in range(blocks))


def record_pcm(
    ctx: Context, visit_id: str, pcm: bytes, model: RecognizerFactory | None = None
) -> tuple[RecordingInfo, list[Event]]:
    """Record ``pcm`` with ``LiveRecording`` from a hand-driven source, then stop."""
    events: list[Event] = []
    source = ManualSource()
    live = LiveRecording(ctx, visit_id, source, events.append, model)
    live.start()
    for offset in range(0, len(pcm), BLOCK_BYTES):
        source.push(pcm[offset : offset + BLOCK_BYTES])
    return live.stop(), events
