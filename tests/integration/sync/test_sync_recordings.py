"""Recordings through the real server: two caseworkers on one case, A records, B sees A's
recording and transcript (not its audio); A's audio goes up only with the setting on, whole,
once, and resumes after a cut."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import httpx
import pytest
from sqlalchemy import delete, func, select

from app import notes, persons, recording, sync, transcripts, visit_view, visits
from app.context import Context
from app.dto import PersonInput
from app.errors import UserError
from app.sync_audio import wav_header
from app.sync_client import ServerUnreachable
from models.audit import OutboxItem
from models.sync import AudioUpload
from server import admin
from server.db import AudioChunk, ServerAuditEvent
from server.settings import sqlite_url
from tests.integration.recording.helpers import record_pcm, tone_pcm
from tests.integration.sync.conftest import Laptop, ServerTransport, transport
from tests.integration.sync.helpers import server_items
from tests.integration.syncserver.helpers import World, make_world
from tests.support.audio import FakeModel

PCM_BLOCKS = 40  # 4 s of audio: 128,000 bytes of PCM
CHUNK = 32 * 1024  # small chunks, so one recording is several


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    """The office of ``conftest.world``, with room for one test recording's audio only."""
    (tmp_path / "server").mkdir()
    w = make_world(sqlite_url(tmp_path / "server"), max_audio_bytes=200_000)
    yield w
    w.close()


@pytest.fixture(autouse=True)
def _small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("app.sync_audio.CHUNK_BYTES", CHUNK)


def _sync(ctx: Context, world: World, tr: httpx.BaseTransport | None = None) -> sync.SyncResult:
    return sync.sync_now(ctx, transport=tr or transport(world))


def _record(ctx: Context, world: World, blocks: int = PCM_BLOCKS) -> tuple[str, str, bytes]:
    """A visit on N-1 with consent, and a recording of it with a live transcript."""
    _sync(ctx, world)  # the office's case N-1 arrives
    guardian = persons.add_person(ctx, world.cases["N-1"],
                                  PersonInput("guardian", "Vårdnadshavare Testsson"))
    visit = visits.create_visit(ctx, world.cases["N-1"], "hembesok", persons=[guardian.id])
    visits.record_consent(ctx, visit.id, informed=["Vårdnadshavare Testsson"],
                          agreed=["Vårdnadshavare Testsson"])
    pcm = tone_pcm(blocks)
    info, _events = record_pcm(ctx, visit.id, pcm, FakeModel())
    assert info.segments > 0
    return visit.id, info.id, pcm


def _server_audio(world: World, recording_id: str) -> tuple[int, bytes]:
    with world.session() as s:
        chunks = list(s.scalars(select(AudioChunk.data).where(
            AudioChunk.recording_id == recording_id).order_by(AudioChunk.idx)))
    return len(chunks), b"".join(chunks)


def _upload_setting(ctx: Context, on: bool) -> None:
    ctx.save_settings(replace(ctx.settings, sync_upload_audio=on))


def test_colleague_sees_the_recording_and_transcript_but_not_the_audio(
        world: World, laptop: Laptop) -> None:
    anna, bo = laptop("anna"), laptop("bo")
    _sync(bo, world)
    visit_id, rec_id, pcm = _record(anna, world)
    said = transcripts.transcript(anna, rec_id)
    assert not anna.settings.sync_upload_audio  # off by default
    _sync(anna, world)
    assert server_items(world, "recording")[rec_id] == 1
    assert world.count("audio_uploads") == 0 and world.count("audio_chunks") == 0

    result = _sync(bo, world)
    assert result.status.held == 0  # the transcript no longer waits for its recording
    [theirs] = recording.for_visit(bo, visit_id)
    mine = recording.for_visit(anna, visit_id)[0]
    assert theirs.remote and not mine.remote
    assert (theirs.id, theirs.state, theirs.duration_s, theirs.segments) == (
        rec_id, "complete", mine.duration_s, mine.segments)
    assert transcripts.transcript(bo, rec_id) == said
    view = visit_view.load_visit(bo, visit_id)
    assert view.latest == theirs and list(view.segments) == said
    with pytest.raises(UserError) as raised:
        recording.read_audio(bo, rec_id)
    assert raised.value.message == recording.AUDIO_ELSEWHERE
    assert recording.awaiting_transcription(bo) == []

    # Anna signs the visit's note: the policy deletes her audio and Bo learns of it.
    note = notes.create_draft(anna, world.cases["N-1"], "Hembesök.", visit_id=visit_id)
    notes.sign(anna, note.id)
    assert recording.for_visit(anna, visit_id)[0].state == "audio-deleted"
    _sync(anna, world)
    _sync(bo, world)
    assert recording.for_visit(bo, visit_id)[0].state == "audio-deleted"
    assert server_items(world, "recording")[rec_id] == 2
    # Bo signing his own note of the visit touches nothing of Anna's recording, and his
    # laptop never sends it.
    own = notes.create_draft(bo, world.cases["N-1"], "Mina iakttagelser.", visit_id=visit_id)
    notes.sign(bo, own.id)
    with bo.uow() as uow:
        assert not uow.session.scalar(select(func.count()).select_from(OutboxItem).where(
            OutboxItem.kind == "recording"))


def test_recordings_made_before_recordings_synced_are_queued_once(
        world: World, laptop: Laptop) -> None:
    anna, bo = laptop("anna"), laptop("bo")
    visit_id, rec_id, _pcm = _record(anna, world)
    with anna.uow(write=True) as uow:  # as a store from before this change holds it
        uow.session.execute(delete(OutboxItem).where(OutboxItem.kind == "recording"))
        uow.commit()
    _sync(anna, world)
    _sync(anna, world)
    with anna.uow() as uow:
        queued = uow.session.scalar(select(func.count()).select_from(OutboxItem).where(
            OutboxItem.kind == "recording", OutboxItem.object_id == rec_id))
    assert queued == 1
    assert server_items(world, "recording")[rec_id] == 1
    _sync(bo, world)
    assert [r.id for r in recording.for_visit(bo, visit_id)] == [rec_id]
    assert transcripts.transcript(bo, rec_id) == transcripts.transcript(anna, rec_id)


class _Counting(ServerTransport):
    """Counts audio requests; cuts the connection once after ``cut_after`` chunks answered
    (the server has stored the chunk, the laptop never hears so)."""

    def __init__(self, world: World, cut_after: int | None = None) -> None:
        super().__init__(world, after=self._after)
        self.cut_after, self.chunks, self.audio_requests = cut_after, 0, 0

    def _after(self, request: httpx.Request, _response: httpx.Response) -> None:
        if "/audio" in request.url.path:
            self.audio_requests += 1
        if "/audio/chunks/" in request.url.path:
            self.chunks += 1
            if self.chunks == self.cut_after:
                raise httpx.ReadError("connection cut after the server stored the chunk")


def test_audio_goes_up_with_the_setting_whole_and_resumes_after_a_cut(
        world: World, laptop: Laptop) -> None:
    anna = laptop("anna")
    _visit_id, rec_id, pcm = _record(anna, world)
    _upload_setting(anna, True)
    wav = wav_header(len(pcm), 16_000, 1, 2) + pcm
    chunks = -(-len(wav) // CHUNK)
    assert chunks == 4
    cut = _Counting(world, cut_after=2)
    with pytest.raises(ServerUnreachable):
        _sync(anna, world, cut)
    assert _server_audio(world, rec_id)[0] == 2
    with anna.uow() as uow:
        assert uow.session.get(AudioUpload, rec_id) is None  # not marked: not confirmed

    resumed = _Counting(world)
    _sync(anna, world, resumed)
    count, stored = _server_audio(world, rec_id)
    assert count == chunks and resumed.chunks == chunks - 2  # only the missing ones
    assert hashlib.sha256(stored).hexdigest() == hashlib.sha256(wav).hexdigest()
    with anna.uow() as uow:
        mark = uow.session.get(AudioUpload, rec_id)
        assert mark is not None and mark.uploaded_at is not None
        assert mark.sha256 == hashlib.sha256(wav).hexdigest()

    again = _Counting(world)
    _sync(anna, world, again)
    assert again.audio_requests == 0  # marked: never sent twice
    with world.session() as s:
        done = s.scalar(select(func.count()).select_from(ServerAuditEvent).where(
            ServerAuditEvent.action == "audio.complete", ServerAuditEvent.object_id == rec_id))
    assert done == 1


def test_audio_too_large_for_the_server_is_refused_once_and_kept(
        world: World, laptop: Laptop) -> None:
    anna = laptop("anna")
    _upload_setting(anna, True)
    _visit_id, rec_id, pcm = _record(anna, world, blocks=70)  # 224,044 bytes > 200,000
    _sync(anna, world)
    assert world.count("audio_uploads") == 0
    with anna.uow() as uow:
        mark = uow.session.get(AudioUpload, rec_id)
        assert mark is not None and mark.refused == "audio_too_large"
        assert mark.uploaded_at is None
    again = _Counting(world)
    _sync(anna, world, again)
    assert again.audio_requests == 0
    assert recording.read_audio(anna, rec_id) == pcm  # nothing lost on the laptop


def test_an_unassigned_caseworkers_audio_is_refused_and_retried_later(
        world: World, laptop: Laptop) -> None:
    anna = laptop("anna")
    _visit_id, rec_id, _pcm = _record(anna, world)
    _sync(anna, world)  # the record goes up; the setting is still off
    world.admin(admin.assign, "N-1", "anna", False)
    _upload_setting(anna, True)
    _sync(anna, world)
    assert world.count("audio_uploads") == 0
    with anna.uow() as uow:
        assert uow.session.get(AudioUpload, rec_id) is None  # may be assigned again
    with world.session() as s:
        refused = s.scalar(select(func.count()).select_from(ServerAuditEvent).where(
            ServerAuditEvent.action == "audio.start", ServerAuditEvent.outcome == "403"))
    assert refused == 1
    world.admin(admin.assign, "N-1", "anna", True)
    _sync(anna, world)
    assert _server_audio(world, rec_id)[0] == 4
