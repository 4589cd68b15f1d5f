"""Live recording on the real ko model: autosaved segments, encrypted audio, waiting for a model."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from app import recording, transcription, transcripts
from app.context import Context
from app.live import RecordingSession
from app.recording import RecordingInfo
from app.speech_models import LoadedModel
from speech.audio import FileSource
from speech.batch import load_pcm
from speech.engine import SpeechModel
from speech.values import ErrorEvent, Event, Segment, SegmentEvent, StoppedEvent
from tests.integration.recording.conftest import new_visit
from tests.integration.recording.helpers import record_pcm, tone_pcm

pytestmark = pytest.mark.vosk


def _record_file(
    ctx: Context, visit_id: str, wav: Path, model: SpeechModel | None
) -> tuple[RecordingInfo, list[Event]]:
    """Record ``wav`` as the GUI records a visit (a session with the loaded model, if any)."""
    events: list[Event] = []
    source = FileSource(wav, realtime=False)
    loaded = LoadedModel(model.model_id, model) if model is not None else None
    session = RecordingSession(ctx, visit_id, loaded, events.append, lambda: source)
    session.start()
    assert source.finished.wait(30), "the file source never finished"
    return session.stop(), events


def _distinctive_slice(pcm: bytes, size: int = 4096) -> bytes:
    """The loudest 4 KB of the audio (speech, never silence that could occur anywhere)."""
    samples = np.frombuffer(pcm, dtype=np.int16).astype(np.float64)
    step = size // 2
    energies = [float(np.mean(samples[i : i + step] ** 2))
                for i in range(0, len(samples) - step, step)]
    start = int(np.argmax(energies)) * size
    return pcm[start : start + size]


def test_live_segments_are_saved_as_delivered_and_audio_is_encrypted(
    admin: Context, visit_id: str, ko_model: SpeechModel, two_utterances_wav: Path
) -> None:
    info, events = _record_file(admin, visit_id, two_utterances_wav, ko_model)
    pcm = load_pcm(two_utterances_wav)

    delivered = [e.segment for e in events if isinstance(e, SegmentEvent)]
    assert len(delivered) == 2  # both utterances, the second one only at stop (the tail)
    assert transcripts.transcript(admin, info.id) == delivered
    assert not [e for e in events if isinstance(e, ErrorEvent)]
    assert isinstance(events[-1], StoppedEvent) and events[-1].stats.dropped == 0

    assert (info.state, info.segments, info.model_id) == ("complete", 2, "ko")
    assert info.duration_s == len(pcm) / 32_000
    assert recording.for_visit(admin, visit_id) == [info]
    assert recording.read_audio(admin, info.id) == pcm
    assert recording.read_audio(admin, info.id, 1.0, 1.5) == pcm[32_000:48_000]

    on_disk = recording.audio_path(admin, info.id).read_bytes()
    secret = _distinctive_slice(pcm)
    assert len(set(secret)) > 200 and secret in pcm  # the probe is real speech
    assert secret not in on_disk and secret[:1024] not in on_disk
    assert recording.unfinished(admin) == []
    assert recording.awaiting_transcription(admin) == []


def test_without_a_model_audio_waits_and_is_transcribed_later(
    admin: Context, visit_id: str, ko_model: SpeechModel, two_utterances_wav: Path,
    two_utterances_reference: list[Segment],
) -> None:
    info, events = _record_file(admin, visit_id, two_utterances_wav, None)
    pcm = load_pcm(two_utterances_wav)
    assert not [e for e in events if isinstance(e, SegmentEvent | ErrorEvent)]
    assert transcripts.transcript(admin, info.id) == []
    assert recording.read_audio(admin, info.id) == pcm
    assert [r.id for r in recording.awaiting_transcription(admin)] == [info.id]

    done = transcription.transcribe_waiting(admin, ko_model)

    assert [r.id for r in done] == [info.id]
    assert transcripts.transcript(admin, info.id) == two_utterances_reference
    assert recording.awaiting_transcription(admin) == []
    assert transcription.transcribe_waiting(admin, ko_model) == []  # nothing done twice
    assert recording.for_visit(admin, visit_id)[0].segments == 2


def test_transcribe_waiting_only_touches_recordings_the_user_may_see(
    admin: Context, caseworker: Context, ko_model: SpeechModel
) -> None:
    others = new_visit(admin, "2026-0001")  # the caseworker is not assigned to this case
    record_pcm(admin, others, tone_pcm(10))
    own = new_visit(caseworker, "2026-0002")
    mine, _ = record_pcm(caseworker, own, tone_pcm(10))
    assert [r.id for r in recording.awaiting_transcription(caseworker)] == [mine.id]
    assert [r.id for r in transcription.transcribe_waiting(caseworker, ko_model)] == [mine.id]
