"""Audio of recordings, sent by the laptop that made them when its user turned the setting on:
``/api/v1/recordings/{id}/audio`` (manifest, chunks, status; see ``models.sync_wire``).

The audio is stored in the database, chunk by chunk (the server keeps no state but the
database, so any server process can take the next chunk). Each chunk is checked against its
SHA-256 and stored once: a chunk sent again is answered as held, so an upload cut off anywhere
resumes without doubling anything. Only the recording's author may send it, and only while the
case is theirs to sync (assigned, or a supervisor's unit). Every request is audited."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from fastapi import FastAPI, Path, Request
from sqlalchemy import delete, select
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from models.base import utcnow
from models.sync_wire import CHUNK_SHA_HEADER, AudioManifest, AudioStatus
from server import audit
from server.db import Assignment, AudioChunk, AudioUpload, Case, StoredRecord
from server.errors import ApiError, forbidden
from server.security import Caller
from server.settings import ServerSettings

if TYPE_CHECKING:
    from server.app import Service

RECORDING_KIND = "recording"
RecordingId = Path(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.:-]+$")


def _not_found(code: str, detail: str) -> ApiError:
    return ApiError(404, code, detail)


def _too_large(detail: str) -> ApiError:
    return ApiError(413, "audio_too_large", detail)


def _recording_case(session: Session, caller: Caller, recording_id: str) -> Case:
    """The case of a recording whose record is stored, if the caller may send its audio."""
    row = session.execute(
        select(StoredRecord.case_id, StoredRecord.author_user_id)
        .where(StoredRecord.kind == RECORDING_KIND, StoredRecord.object_id == recording_id)
        .order_by(StoredRecord.received_seq).limit(1)).first()
    if row is None or row[0] is None:
        raise _not_found("unknown_recording", "Inspelningen finns inte på servern. Dess "
                         "uppgifter skickas först, sedan ljudet.")
    case = session.get(Case, row[0])
    if case is None or case.unit_id != caller.unit_id:
        raise forbidden("other_unit", "Ärendet hör till en annan enhet.")
    if caller.role == "admin":
        raise forbidden("admin_no_content", "En administratör kan inte synkronisera "
                        "ärendeinnehåll.")
    if caller.role == "caseworker":
        assignment = session.get(Assignment, (case.id, caller.user_id))
        if assignment is None or not assignment.active:
            raise forbidden("not_assigned", "Du är inte (längre) tilldelad ärendet.")
    if row[1] != caller.user_id:
        raise forbidden("not_author", "Bara den som spelade in kan skicka inspelningens ljud.")
    return case


def _status(session: Session, upload: AudioUpload) -> AudioStatus:
    received = list(session.scalars(select(AudioChunk.idx).where(
        AudioChunk.recording_id == upload.recording_id).order_by(AudioChunk.idx)))
    return AudioStatus(recording_id=upload.recording_id, size=upload.size, sha256=upload.sha256,
                       chunk_size=upload.chunk_size, received=received,
                       complete=upload.completed_at is not None)


def start(session: Session, caller: Caller, recording_id: str, manifest: AudioManifest,
          settings: ServerSettings, remote: str) -> AudioStatus:
    """Begin an upload, or answer how far the same upload got (idempotent)."""
    case = _recording_case(session, caller, recording_id)
    if manifest.size > settings.max_audio_bytes:
        raise _too_large(f"Ljudet är för stort för servern (högst "
                         f"{settings.max_audio_bytes // (1024 * 1024)} MB).")
    if manifest.chunk_size > settings.max_audio_chunk_bytes:
        raise _too_large("Ljudets delar är för stora för servern.")
    upload = session.get(AudioUpload, recording_id, with_for_update=True)
    same = upload is not None and (upload.size, upload.sha256, upload.chunk_size) == (
        manifest.size, manifest.sha256, manifest.chunk_size)
    if upload is not None and not same:
        if upload.completed_at is not None:
            raise ApiError(409, "audio_exists", "Servern har redan ett annat ljud för "
                           "inspelningen.")
        # An unfinished upload of other bytes (the file was cut after a crash): start over.
        session.execute(delete(AudioChunk).where(AudioChunk.recording_id == recording_id))
        session.delete(upload)
        session.flush()
        upload = None
    if upload is None:
        upload = AudioUpload(recording_id=recording_id, case_id=case.id, unit_id=case.unit_id,
                             uploaded_by=caller.user_id, device_id=caller.device_id,
                             size=manifest.size, sha256=manifest.sha256,
                             chunk_size=manifest.chunk_size, content_type=manifest.content_type)
        session.add(upload)
        session.flush()
    audit.append(session, "audio.start", actor=caller.user_id, token_id=caller.token_id,
                 object_type="recording", object_id=recording_id, remote=remote,
                 details={"bytes": manifest.size, "chunks": manifest.chunks,
                          "resumed": same})
    return _status(session, upload)


def put_chunk(session: Session, caller: Caller, recording_id: str, index: int, data: bytes,
              digest: str, remote: str) -> AudioStatus:
    """Store one chunk once; when the last one arrives, check the whole file's SHA-256."""
    _recording_case(session, caller, recording_id)
    # Locked: the chunks of one recording are taken one at a time, so the request that
    # stores the last one sees all the others and completes the upload.
    upload = session.get(AudioUpload, recording_id, with_for_update=True)
    if upload is None:
        raise _not_found("no_upload", "Ingen uppladdning av ljudet har börjat.")
    chunks = -(-upload.size // upload.chunk_size)
    if not 0 <= index < chunks:
        raise ApiError(422, "bad_chunk", "Ljudets del finns inte i uppladdningen.")
    expected = upload.chunk_size if index < chunks - 1 else upload.size - index * upload.chunk_size
    if len(data) > expected:
        raise _too_large("Ljudets del är större än uppladdningen angav.")
    if len(data) != expected:
        raise ApiError(422, "bad_chunk", "Ljudets del har fel storlek.")
    if hashlib.sha256(data).hexdigest() != digest:
        raise ApiError(422, "hash_mismatch",
                       "Ljudets del stämmer inte med sin kontrollsumma (den kan vara skadad).")
    held = session.get(AudioChunk, (recording_id, index))
    if held is None:
        session.add(AudioChunk(recording_id=recording_id, idx=index, size=len(data),
                               sha256=digest, data=data))
        session.flush()
    elif held.sha256 != digest:
        raise ApiError(409, "chunk_conflict", "Servern har redan en annan version av delen.")
    audit.append(session, "audio.chunk", actor=caller.user_id, token_id=caller.token_id,
                 object_type="recording", object_id=recording_id, remote=remote,
                 details={"index": index, "bytes": len(data), "repeated": held is not None})
    status = _status(session, upload)
    if upload.completed_at is None and len(status.received) == chunks:
        _complete(session, caller, upload, remote)
        status = _status(session, upload)
    return status


def _complete(session: Session, caller: Caller, upload: AudioUpload, remote: str) -> None:
    """Check the whole file; a mismatch keeps nothing (the answer then shows no chunk held
    and not complete, and the laptop starts over on its next sync)."""
    whole = hashlib.sha256()
    for index in range(-(-upload.size // upload.chunk_size)):
        # One chunk at a time: a long recording is never held in memory whole.
        data = session.scalar(select(AudioChunk.data).where(
            AudioChunk.recording_id == upload.recording_id, AudioChunk.idx == index))
        whole.update(data or b"")
    if whole.hexdigest() != upload.sha256:
        # Every chunk matched its own hash but not the whole: the manifest was wrong. Keep
        # nothing, so the laptop starts over.
        session.execute(delete(AudioChunk).where(
            AudioChunk.recording_id == upload.recording_id))
        session.delete(upload)
        session.flush()
        audit.append(session, "audio.mismatch", actor=caller.user_id,
                     token_id=caller.token_id, object_type="recording",
                     object_id=upload.recording_id, outcome="422", remote=remote)
        return
    upload.completed_at = utcnow()
    audit.append(session, "audio.complete", actor=caller.user_id, token_id=caller.token_id,
                 object_type="recording", object_id=upload.recording_id, remote=remote,
                 details={"bytes": upload.size})


def status(session: Session, caller: Caller, recording_id: str, remote: str) -> AudioStatus:
    _recording_case(session, caller, recording_id)
    upload = session.get(AudioUpload, recording_id)
    if upload is None:
        raise _not_found("no_upload", "Ingen uppladdning av ljudet har börjat.")
    audit.append(session, "audio.status", actor=caller.user_id, token_id=caller.token_id,
                 object_type="recording", object_id=recording_id, remote=remote)
    return _status(session, upload)


def add_routes(app: FastAPI, service: Service) -> None:
    """The audio endpoints; each commits before it answers (``Service.run``)."""
    from server.app import ERRORS, _bearer, _read_body, _remote  # server.app imports us

    settings = service.settings

    @app.put("/api/v1/recordings/{recording_id}/audio", response_model=AudioStatus,
             responses={**ERRORS, 404: ERRORS[403]})
    def start_audio(body: AudioManifest, request: Request,
                    recording_id: str = RecordingId) -> AudioStatus:
        return service.run(_bearer(request), _remote(request), "audio.start",
                           lambda session, caller: start(session, caller, recording_id, body,
                                                         settings, _remote(request)))

    @app.get("/api/v1/recordings/{recording_id}/audio", response_model=AudioStatus,
             responses={**ERRORS, 404: ERRORS[403]})
    def audio_status(request: Request, recording_id: str = RecordingId) -> AudioStatus:
        return service.run(_bearer(request), _remote(request), "audio.status",
                           lambda session, caller: status(session, caller, recording_id,
                                                          _remote(request)))

    @app.put("/api/v1/recordings/{recording_id}/audio/chunks/{index}",
             response_model=AudioStatus, responses={**ERRORS, 404: ERRORS[403]},
             openapi_extra={"requestBody": {"required": True, "content": {
                 "application/octet-stream": {"schema": {"type": "string",
                                                         "format": "binary"}}}}})
    async def put_audio_chunk(request: Request, recording_id: str = RecordingId,
                              index: int = Path(ge=0, le=1_000_000)) -> AudioStatus:
        remote, token = _remote(request), _bearer(request)
        digest = request.headers.get(CHUNK_SHA_HEADER, "").strip().lower()
        # The token is checked before the body is read: nothing is read for anonymous callers.
        caller = await run_in_threadpool(service.run, token, remote, "audio.chunk",
                                         lambda _session, caller: caller)
        try:
            if len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest):
                raise ApiError(422, "hash_missing",
                               f"Ljudets del saknar kontrollsumma ({CHUNK_SHA_HEADER}).")
            data = await _read_body(request, settings.max_audio_chunk_bytes)
        except ApiError as exc:
            await run_in_threadpool(service.refusal, "audio.chunk", remote, caller, exc.status)
            raise
        return await run_in_threadpool(
            service.run, token, remote, "audio.chunk",
            lambda session, caller: put_chunk(session, caller, recording_id, index, data,
                                              digest, remote))
