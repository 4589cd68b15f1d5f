"""Recording needs consent: none, a refusal or nobody agreeing blocks it with a Swedish message."""

from __future__ import annotations

import pytest

from app import recording, visits
from app.context import Context
from app.errors import AudioError, UserError
from app.transcription import LiveRecording
from speech.errors import NoInputDevice
from tests.integration.recording.conftest import new_visit
from tests.integration.recording.helpers import record_pcm, tone_pcm
from tests.support.audio import ManualSource
from tests.support.store import FixedClock


def _assert_nothing_recorded(ctx: Context, visit_id: str, source: ManualSource) -> None:
    assert recording.for_visit(ctx, visit_id) == []
    assert recording.unfinished(ctx) == []
    assert not ctx.paths.audio.exists() or list(ctx.paths.audio.iterdir()) == []
    with pytest.raises(AssertionError, match="not started"):
        source.push(b"\0\0")  # the source was never started


def test_without_consent_nothing_starts(admin: Context) -> None:
    visit_id = new_visit(admin, consent=False)
    source = ManualSource()
    live = LiveRecording(admin, visit_id, source, lambda event: None)
    with pytest.raises(UserError, match="Samtycke till inspelning saknas"):
        live.start()
    with pytest.raises(UserError, match="Samtycke till inspelning saknas"):
        recording.begin(admin, visit_id)
    _assert_nothing_recorded(admin, visit_id, source)


def test_a_refusal_names_who_refused(admin: Context) -> None:
    visit_id = new_visit(admin, consent=False)
    visits.record_consent(admin, visit_id, informed=["Anna Andersson", "Bo Berg"],
                          agreed=["Anna Andersson"], refused=["Bo Berg"])
    source = ManualSource()
    with pytest.raises(UserError) as raised:
        LiveRecording(admin, visit_id, source, lambda event: None).start()
    assert raised.value.message.startswith("Någon har sagt nej till inspelning: Bo Berg.")
    assert "Anna Andersson" not in raised.value.message
    with pytest.raises(UserError, match="Bo Berg"):
        recording.begin(admin, visit_id)
    _assert_nothing_recorded(admin, visit_id, source)


def test_informed_but_nobody_agreed_blocks(admin: Context) -> None:
    visit_id = new_visit(admin, consent=False)
    visits.record_consent(admin, visit_id, informed=["Anna Andersson"], agreed=[])
    source = ManualSource()
    with pytest.raises(UserError, match="Ingen har samtyckt till inspelning"):
        LiveRecording(admin, visit_id, source, lambda event: None).start()
    _assert_nothing_recorded(admin, visit_id, source)


def test_agreement_starts_and_the_latest_answer_counts(admin: Context, clock: FixedClock) -> None:
    visit_id = new_visit(admin, consent=False)
    visits.record_consent(admin, visit_id, informed=["Anna Andersson"], agreed=[],
                          refused=["Anna Andersson"])
    clock.advance(minutes=2)  # she changed her mind
    visits.record_consent(admin, visit_id, informed=["Anna Andersson"], agreed=["Anna Andersson"])
    info, _ = record_pcm(admin, visit_id, tone_pcm(12))
    assert (info.visit_id, info.state, info.duration_s) == (visit_id, "complete", 1.2)
    assert visits.get_visit(admin, visit_id).actual_start == clock.now

    clock.advance(minutes=2)  # ... and back again: a later refusal blocks the next recording
    visits.record_consent(admin, visit_id, informed=["Anna Andersson"], agreed=[],
                          refused=["Anna Andersson"])
    with pytest.raises(UserError, match="Anna Andersson"):
        recording.begin(admin, visit_id)
    assert [r.id for r in recording.for_visit(admin, visit_id)] == [info.id]


class _NoMicrophone(ManualSource):
    def start(self, callback: object) -> None:
        raise NoInputDevice("no input device (test)")


def test_no_microphone_gives_the_swedish_message(admin: Context, visit_id: str) -> None:
    live = LiveRecording(admin, visit_id, _NoMicrophone(), lambda event: None)
    with pytest.raises(AudioError, match="Ingen mikrofon hittades"):
        live.start()
    assert recording.unfinished(admin) == []  # not left looking like a crash


def test_no_microphone_leaves_no_empty_recording_behind(admin: Context, visit_id: str) -> None:
    live = LiveRecording(admin, visit_id, _NoMicrophone(), lambda event: None)
    with pytest.raises(AudioError):
        live.start()
    assert recording.for_visit(admin, visit_id) == []
    assert recording.awaiting_transcription(admin) == []
