"""Recordings in sync: queue once the recordings finished before recordings were synced, and
send a recording's audio to the server when the setting ``sync_upload_audio`` says so.

Audio goes as a WAV (16-bit PCM, decrypted from the laptop's encrypted file) in chunks, each
with its SHA-256; the server says which chunks it holds, so a cut upload resumes where it
stopped and nothing is sent twice. Only once the server has the recording's record (its outbox
item acknowledged) is its audio sent: that record tells the server the recording's case. The
laptop marks the audio sent (``AudioUpload``) in one transaction after the server confirmed
the whole file. No lock is held while the network works."""

from __future__ import annotations

import hashlib
import logging
import struct
from collections.abc import Iterator

from sqlalchemy import or_, select

from app import audit, outbox
from app.audiofile import EncryptedAudioReader
from app.cancel import CancelToken
from app.context import Context
from app.errors import AudioError
from app.recording import audio_path
from app.sync_client import ServerRefused, SyncClient
from models.audit import OutboxItem
from models.records import RecordingRecord
from models.sync import AudioUpload
from models.sync_wire import AudioManifest, AudioStatus
from models.visits import Recording

log = logging.getLogger(__name__)

CHUNK_BYTES = 1024 * 1024  # a second is 32 kB: a chunk is about half a minute of speech
WAV_HEADER_BYTES = 44
FINISHED = ("complete", "recovered", "audio-deleted")
WITH_AUDIO = ("complete", "recovered")
# Refusals that sending again cannot change: the audio is marked and not read again.
FINAL_REFUSALS = (413, 409)


def queue_unsynced_recordings(ctx: Context) -> int:
    """Queue the user's finished recordings that were never queued (made before recordings
    were synced); each once: afterwards its outbox item exists. Returns how many."""
    queued = select(OutboxItem.object_id).where(OutboxItem.kind == RecordingRecord.KIND)
    stmt = select(Recording.id).where(
        Recording.remote.is_(False), Recording.created_by == ctx.actor.user_id,
        Recording.state.in_(FINISHED), Recording.id.not_in(queued))
    with ctx.uow() as uow:
        if not uow.session.scalars(stmt.limit(1)).first():
            return 0  # the usual case: no write transaction for nothing
    with ctx.uow(write=True) as uow:
        s = uow.session
        rows = s.scalars(select(Recording).where(Recording.id.in_(stmt))
                         .order_by(Recording.started_at)).all()
        for rec in rows:
            outbox.enqueue(s, rec.to_record())
        uow.commit()
    return len(rows)


def uploadable(ctx: Context) -> list[str]:
    """The user's recordings whose audio is here, whose record the server has, not yet sent."""
    with ctx.uow() as uow:
        done = select(AudioUpload.recording_id).where(or_(
            AudioUpload.uploaded_at.is_not(None), AudioUpload.refused != ""))
        acked = select(OutboxItem.object_id).where(OutboxItem.kind == RecordingRecord.KIND,
                                                   OutboxItem.acked_at.is_not(None))
        return list(uow.session.scalars(select(Recording.id).where(
            Recording.remote.is_(False), Recording.created_by == ctx.actor.user_id,
            Recording.state.in_(WITH_AUDIO), Recording.id.not_in(done),
            Recording.id.in_(acked)).order_by(Recording.started_at)))


def upload_audio(ctx: Context, client: SyncClient, cancel: CancelToken | None,
                 chunk_bytes: int | None = None) -> int:
    """Send the audio of every uploadable recording (only with the setting on); returns how
    many were completed now. A refusal of one recording does not stop the others."""
    if not ctx.settings.sync_upload_audio:
        return 0
    sent = 0
    for recording_id in uploadable(ctx):
        if cancel and cancel.cancelled:
            break
        sent += _upload_one(ctx, client, recording_id, chunk_bytes or CHUNK_BYTES)
    return sent


class WavFile:
    """A recording's audio as a WAV file, read range by range from the encrypted file."""

    def __init__(self, reader: EncryptedAudioReader) -> None:
        self.reader = reader
        self.size = WAV_HEADER_BYTES + reader.pcm_size
        self.header = wav_header(reader.pcm_size, reader.sample_rate, reader.channels,
                                 reader.sample_width)

    def read(self, start: int, end: int) -> bytes:
        head = self.header[start:end] if start < WAV_HEADER_BYTES else b""
        pcm = self.reader.read_range(max(0, start - WAV_HEADER_BYTES), end - WAV_HEADER_BYTES)
        return head + pcm

    def chunks(self, chunk_bytes: int) -> Iterator[bytes]:
        for start in range(0, self.size, chunk_bytes):
            yield self.read(start, start + chunk_bytes)

    def sha256(self, chunk_bytes: int) -> str:
        digest = hashlib.sha256()
        for data in self.chunks(chunk_bytes):
            digest.update(data)
        return digest.hexdigest()


def wav_header(pcm_size: int, sample_rate: int, channels: int, sample_width: int) -> bytes:
    """The 44-byte header of a plain PCM WAV file."""
    block = channels * sample_width
    return (b"RIFF" + struct.pack("<I", 36 + pcm_size) + b"WAVEfmt "
            + struct.pack("<IHHIIHH", 16, 1, channels, sample_rate, sample_rate * block, block,
                          8 * sample_width)
            + b"data" + struct.pack("<I", pcm_size))


def _upload_one(ctx: Context, client: SyncClient, recording_id: str, chunk_bytes: int) -> int:
    try:
        wav = WavFile(EncryptedAudioReader(audio_path(ctx, recording_id),
                                           ctx.audio_key(recording_id)))
        manifest = AudioManifest(size=wav.size, sha256=wav.sha256(chunk_bytes),
                                 chunk_size=chunk_bytes)
    except (FileNotFoundError, AudioError):
        # Deleted meanwhile by the audio policy, or unreadable: nothing to send.
        log.warning("audio of recording %s cannot be read for upload", recording_id)
        return 0
    try:
        status = client.audio_start(recording_id, manifest)
        status = _send_missing(client, recording_id, wav, manifest, status)
    except ServerRefused as exc:
        if exc.status in FINAL_REFUSALS:
            _mark(ctx, recording_id, manifest, refused=exc.code or str(exc.status))
        elif exc.status >= 500 or exc.status == 401:
            raise
        log.warning("server refused audio of recording %s (%s)", recording_id, exc.code)
        return 0
    if not status.complete:
        log.warning("server did not complete audio of recording %s", recording_id)
        return 0
    _mark(ctx, recording_id, manifest)
    return 1


def _send_missing(client: SyncClient, recording_id: str, wav: WavFile, manifest: AudioManifest,
                  status: AudioStatus) -> AudioStatus:
    held = set(status.received)
    for index in range(manifest.chunks):
        if index in held or status.complete:
            continue
        start = index * manifest.chunk_size
        data = wav.read(start, start + manifest.chunk_size)
        status = client.audio_chunk(recording_id, index, data, hashlib.sha256(data).hexdigest())
    return status


def _mark(ctx: Context, recording_id: str, manifest: AudioManifest, refused: str = "") -> None:
    with ctx.uow(write=True) as uow:
        s = uow.session
        row = s.get(AudioUpload, recording_id)
        if row is None:
            row = AudioUpload(recording_id=recording_id)
            s.add(row)
        row.sha256, row.size, row.refused = manifest.sha256, manifest.size, refused[:64]
        row.uploaded_at = None if refused else ctx.now()
        audit.record(s, ctx.actor, "audio.refused" if refused else "audio.upload",
                     "recording", recording_id, {"bytes": manifest.size}, now=ctx.now())
        uow.commit()
