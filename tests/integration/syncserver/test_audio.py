"""Recordings on the server: their records judged like the others (case from the visit, author
= who recorded), and their audio uploaded in checked chunks, once, only by their author."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import timedelta
from typing import Any

from sqlalchemy import select

from models.base import new_id
from models.records import RecordingRecord, VisitRecord
from models.sync_wire import CHUNK_SHA_HEADER
from server import admin
from server.db import AudioChunk, ServerAuditEvent, StoredRecord
from tests.integration.syncserver.helpers import T0, Device, World, item, make_world, sha

AUDIO = bytes(range(256)) * 40  # 10,240 bytes: three chunks of 4,096 (the last shorter)
CHUNK = 4096


def _visit_and_recording(world: World, device: Device,
                         case: str = "N-1") -> tuple[VisitRecord, RecordingRecord]:
    visit = VisitRecord(id=new_id(), case_id=world.cases[case], kind="hembesok",
                        planned_start=None, planned_end=None, actual_start=T0, actual_end=None,
                        participants=(), caseworkers=(), with_child=False,
                        created_by=device.user_id, created_at=T0)
    rec = RecordingRecord(id=new_id(), visit_id=visit.id, recorded_by=device.user_id,
                          started_at=T0, ended_at=T0 + timedelta(minutes=3), duration_s=180.0,
                          sample_rate=16000, state="complete", finish_reason="stopped",
                          engine="vosk", model_id="sv-small", audio_policy="delete-on-sign")
    assert device.statuses([item(visit), item(rec)]) == ["accepted", "accepted"]
    return visit, rec


def _manifest(data: bytes = AUDIO, chunk: int = CHUNK) -> dict[str, object]:
    return {"size": len(data), "sha256": sha(data), "chunk_size": chunk}


def _start(device: Device, recording_id: str, manifest: dict[str, object]) -> Any:
    return device.client.put(f"/api/v1/recordings/{recording_id}/audio", json=manifest,
                             headers=device.headers)


def _chunk(device: Device, recording_id: str, index: int, data: bytes,
           digest: str | None = None) -> Any:
    return device.client.put(f"/api/v1/recordings/{recording_id}/audio/chunks/{index}",
                             content=data, headers={**device.headers,
                                                    CHUNK_SHA_HEADER: digest or sha(data)})


def _stored_audio(world: World, recording_id: str) -> bytes:
    with world.session() as s:
        return b"".join(s.scalars(select(AudioChunk.data).where(
            AudioChunk.recording_id == recording_id).order_by(AudioChunk.idx)))


def test_recording_record_takes_its_visits_case_and_only_its_author_changes_it(
        world: World) -> None:
    anna, bo = world.login("anna"), world.login("bo")
    _visit, rec = _visit_and_recording(world, anna)
    with world.session() as s:
        case_id = s.scalar(select(StoredRecord.case_id).where(StoredRecord.object_id == rec.id))
    assert case_id == world.cases["N-1"]
    deleted = replace(rec, state="audio-deleted", audio_deleted_at=T0 + timedelta(hours=1))
    # A colleague on the same case cannot say what became of anna's recording.
    by_bo = item(deleted)
    assert bo.refused([by_bo], 403) == [(by_bo.id, "not_author")]
    assert anna.statuses([item(deleted)]) == ["accepted"]
    assert world.count("records WHERE kind = 'recording'") == 2
    kinds = [e["kind"] for e in bo.pull_all()[0] if e["object_id"] == rec.id]
    assert kinds == ["recording", "recording"]
    orphan = replace(rec, id=new_id(), visit_id=new_id())  # its visit is not on the server
    lost = item(orphan)
    assert anna.refused([lost], 422) == [(lost.id, "case_missing")]


def test_audio_arrives_whole_once_and_resumes(world: World) -> None:
    anna = world.login("anna")
    _visit, rec = _visit_and_recording(world, anna)
    assert world.count("audio_uploads") == 0  # nothing unless the laptop sends it
    start = _start(anna, rec.id, _manifest())
    assert start.status_code == 200, start.text
    assert start.json()["received"] == []
    first = _chunk(anna, rec.id, 0, AUDIO[:CHUNK])
    assert first.json()["received"] == [0]
    # Cut here; the laptop starts again: the same manifest says what the server holds.
    again = _start(anna, rec.id, _manifest())
    assert again.json()["received"] == [0]
    assert _chunk(anna, rec.id, 0, AUDIO[:CHUNK]).status_code == 200
    _chunk(anna, rec.id, 2, AUDIO[2 * CHUNK:])
    done = _chunk(anna, rec.id, 1, AUDIO[CHUNK:2 * CHUNK]).json()
    assert done["complete"] and done["received"] == [0, 1, 2]
    assert world.count("audio_chunks") == 3
    assert hashlib.sha256(_stored_audio(world, rec.id)).hexdigest() == sha(AUDIO)
    status = anna.client.get(f"/api/v1/recordings/{rec.id}/audio", headers=anna.headers)
    assert status.json()["complete"]
    # Another file for a finished upload is refused; the stored audio stays.
    other = _start(anna, rec.id, _manifest(AUDIO[::-1]))
    assert other.status_code == 409
    assert _stored_audio(world, rec.id) == AUDIO
    with world.session() as s:
        actions = list(s.scalars(select(ServerAuditEvent.action).where(
            ServerAuditEvent.object_id == rec.id)))
    assert actions.count("audio.chunk") == 4 and actions.count("audio.complete") == 1


def test_who_may_send_audio(world: World) -> None:
    anna, bo, sara, it = (world.login(u) for u in ("anna", "bo", "sara", "it"))
    _visit, rec = _visit_and_recording(world, anna)
    assert _start(anna, new_id(), _manifest()).status_code == 404
    codes = {}
    for name, device in (("bo", bo), ("sara", sara), ("it", it)):
        resp = _start(device, rec.id, _manifest())
        codes[name] = (resp.status_code, resp.json()["code"])
    assert codes == {"bo": (403, "not_author"), "sara": (403, "other_unit"),
                     "it": (403, "admin_no_content")}
    anon = anna.client.put(f"/api/v1/recordings/{rec.id}/audio", json=_manifest())
    assert anon.status_code == 401
    world.admin(admin.assign, "N-1", "anna", False)
    unassigned = _start(anna, rec.id, _manifest())
    assert (unassigned.status_code, unassigned.json()["code"]) == (
        403, "not_assigned")
    assert world.count("audio_uploads") == 0
    with world.session() as s:
        refused = list(s.scalars(select(ServerAuditEvent.outcome).where(
            ServerAuditEvent.action == "audio.start")))
    assert refused.count("403") == 4 and "404" in refused


def test_bad_and_oversized_audio_store_nothing(db_url: str) -> None:
    world = make_world(db_url, max_audio_bytes=len(AUDIO), max_audio_chunk_bytes=CHUNK)
    try:
        anna = world.login("anna")
        _visit, rec = _visit_and_recording(world, anna)
        too_big = _start(anna, rec.id, _manifest(AUDIO + b"x"))
        assert (too_big.status_code, too_big.json()["code"]) == (
            413, "audio_too_large")
        assert _start(anna, rec.id, _manifest(chunk=CHUNK * 2)).status_code == 413
        assert world.count("audio_uploads") == 0
        assert _start(anna, rec.id, _manifest()).status_code == 200
        body = _chunk(anna, rec.id, 0, AUDIO[:CHUNK] + b"x")
        assert body.status_code == 413
        wrong = _chunk(anna, rec.id, 0, AUDIO[:CHUNK], digest="0" * 64)
        assert (wrong.status_code, wrong.json()["code"]) == (422, "hash_mismatch")
        short = _chunk(anna, rec.id, 0, AUDIO[:100])
        assert short.status_code == 422
        outside = _chunk(anna, rec.id, 3, AUDIO[:100])
        assert outside.status_code == 422
        assert world.count("audio_chunks") == 0
    finally:
        world.close()
