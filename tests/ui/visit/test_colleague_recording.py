"""A colleague's recording pulled by sync: its transcript is shown read-only, and where the play
button would be a line says the audio is on the colleague's laptop."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from pytestqt.qtbot import QtBot

from app import recording
from app.sync_apply import Applier
from models.base import new_id
from models.records import (
    RecordingRecord,
    TranscriptRecord,
    TranscriptSegment,
    Word,
    encode,
)
from models.sync import SyncAccount
from tests.support.audio import ManualSource
from ui.visit.visit_page import VisitPageWidget

from .conftest import FakePlayer, VisitData

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
COLLEAGUE = "kollega0000000000000000000000001"


def _pull_colleagues_recording(data: VisitData) -> str:
    """Apply a colleague's recording and its transcript as a pull page brings them."""
    rec = RecordingRecord(id=new_id(), visit_id=data.visit.id, recorded_by=COLLEAGUE,
                          started_at=T0, ended_at=T0 + timedelta(seconds=2), duration_s=2.0,
                          sample_rate=16_000, state="complete", finish_reason="stopped",
                          engine="vosk", model_id="sv", audio_policy="delete-on-sign")
    words = (Word(word="kim", start=0.0, end=0.4, conf=0.9),
             Word(word="ritar", start=0.4, end=1.0, conf=0.9))
    transcript = TranscriptRecord(
        id=new_id(), recording_id=rec.id, engine="vosk", model_id="sv", pass_kind="live",
        created_at=T0, segments=(TranscriptSegment(seq=0, start_s=0.0, end_s=1.0,
                                                   text="kim ritar", words=words),))
    account = SyncAccount(local_user_id=data.ctx.actor.user_id, server_user_id="server-me")
    with data.ctx.uow(write=True) as uow:
        applier = Applier(uow.session, account, data.ctx.actor.display_name)
        for record in (transcript, rec):  # the transcript first: it waits for its recording
            payload = encode(record)
            applier.attempt(new_id(), record.KIND, record.id, data.visit.case_id, COLLEAGUE,
                            hashlib.sha256(payload).hexdigest(), payload)
        applier.retry_held()
        uow.commit()
    return rec.id


def test_colleagues_transcript_says_where_the_audio_is(
    qtbot: QtBot, data: VisitData, make_page: Callable[..., VisitPageWidget],
) -> None:
    rec_id = _pull_colleagues_recording(data)
    [info] = recording.for_visit(data.ctx, data.visit.id)
    assert info.remote and info.segments == 1
    page = make_page(ManualSource(), player=FakePlayer())
    qtbot.waitUntil(lambda: page.transcript.recording_id == rec_id, timeout=5_000)
    widget = page.transcript
    assert "kim ritar" in widget.view.toPlainText()
    assert widget.view.isReadOnly()
    assert not widget.play_button.isVisible() and not widget.audio_gone_label.isVisible()
    assert widget.audio_elsewhere_label.isVisible()
    assert widget.audio_elsewhere_label.text() == (
        "Ljudet finns på kollegans dator. Här visas bara utskriften.")
    player = widget.player
    assert isinstance(player, FakePlayer)
    widget.toggle_playback()
    widget.play_word(0)
    assert player.played == []
    # Nor can it be transcribed again here: the button says why instead of failing later.
    assert page.improve.recording_id == rec_id
    assert not page.improve.button.isEnabled()
    assert "inte på den här datorn" in page.improve.button.toolTip()
