"""Recordings of a visit: consent gate, encrypted audio, crash recovery, recordings that wait
for a model, and the audio retention policy (their transcripts: ``app.transcripts``)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app import audit, diskspace, outbox
from app.access import Permission, case_ids_for, require_case, require_recording
from app.audiofile import AudioFileCorrupt, EncryptedAudioReader, EncryptedAudioWriter
from app.context import Context
from app.errors import DiskFull, NotFound, UserError, environment_error
from app.transcripts import finish_open_transcripts, shown_segment_count
from app.visits import latest_consent
from models.journal import JournalNote
from models.visits import Recording, Segment, Transcript, Visit

_log = logging.getLogger(__name__)
SAMPLE_RATE = 16_000
AUDIO_ELSEWHERE = ("Ljudet finns på kollegans dator, där inspelningen gjordes. Här finns bara "
                   "utskriften.")


@dataclass(frozen=True)
class RecordingInfo:
    id: str
    visit_id: str
    case_id: str
    state: str
    started_at: datetime
    duration_s: float
    model_id: str
    segments: int
    remote: bool = False  # a colleague's recording (pulled): its audio is on their laptop


def audio_path(ctx: Context, recording_id: str) -> Path:
    return ctx.paths.audio / f"{recording_id}.sam"


def require_consent(ctx: Context, visit_id: str) -> None:
    consent = latest_consent(ctx, visit_id)
    if consent is None:
        raise UserError("Samtycke till inspelning saknas. Fråga först och registrera svaret.")
    if consent.refused:
        raise UserError(
            "Någon har sagt nej till inspelning: " + ", ".join(consent.refused)
            + ". Skriv anteckningen utan inspelning."
        )
    if not consent.agreed:
        raise UserError("Ingen har samtyckt till inspelning.")


def prepare_to_record(ctx: Context, visit_id: str) -> str:
    """Before "Spela in": consent (``require_consent``) and room on the disk. Returns a
    Swedish warning when the disk has room for less than an hour (with the minutes left),
    "" when all is well; raises ``DiskFull`` when not even a minute fits."""
    require_consent(ctx, visit_id)
    room = diskspace.recording_room(ctx.paths.audio)
    if room.minutes < 1:
        raise DiskFull("Det finns för lite ledigt utrymme på disken för att spela in. Frigör "
                       "utrymme på datorn och försök igen.")
    if room.low:
        return (f"Lite ledigt utrymme på disken: det räcker till ungefär {room.minutes} "
                "minuters inspelning. Inspelningen stoppas (och sparas) om disken blir full.")
    return ""


def begin(ctx: Context, visit_id: str, *, model_id: str = "", engine: str | None = None
          ) -> RecordingInfo:
    """Create the recording row before any audio exists, so a crash leaves a trace.

    ``engine``/``model_id`` name what recognises it live (the first version knew only Vosk,
    so a model id alone means Vosk)."""
    require_consent(ctx, visit_id)
    with ctx.uow(write=True) as uow:
        s = uow.session
        visit = s.get(Visit, visit_id)
        if visit is None:
            raise NotFound("Besöket")
        require_case(s, ctx.actor, visit.case_id, Permission.RECORD)
        rec = Recording(visit_id=visit_id, audio_file="", sample_rate=SAMPLE_RATE,
                        engine=engine if engine is not None else ("vosk" if model_id else ""),
                        model_id=model_id,
                        state="recording", started_at=ctx.now(), created_by=ctx.actor.user_id)
        s.add(rec)
        s.flush()
        rec.audio_file = audio_path(ctx, rec.id).name
        if visit.actual_start is None:
            visit.actual_start = ctx.now()
            outbox.enqueue(s, visit.to_record())  # the visit as it now is
        audit.record(s, ctx.actor, "recording.start", "visit", visit_id,
                     {"recording": rec.id}, now=ctx.now())
        info = recording_info(s, rec)
        uow.commit()
        return info


def open_sink(ctx: Context, recording_id: str) -> EncryptedAudioWriter:
    """The encrypted, crash-safe audio file the capture thread writes to, holding a space
    reserve (``app.diskspace``) so it can end properly on a full disk. Raises ``DiskFull``
    when not even the reserve and the file's header fit."""
    ctx.paths.audio.mkdir(parents=True, exist_ok=True)
    diskspace.remove_stale_reserves(ctx.paths.audio)
    try:
        reserve = diskspace.SpaceReserve(
            ctx.paths.audio / (recording_id + diskspace.RESERVE_SUFFIX))
        return EncryptedAudioWriter(audio_path(ctx, recording_id), ctx.audio_key(recording_id),
                                    SAMPLE_RATE, reserve=reserve)
    except OSError as exc:
        full = environment_error(exc)
        if full is not None:
            raise full from exc
        raise


def finish(ctx: Context, recording_id: str, duration_s: float, *, reason: str = "stopped"
           ) -> RecordingInfo:
    """Mark the recording complete and queue it (then its transcripts) for sync, together."""
    with ctx.uow(write=True) as uow:
        s = uow.session
        rec = require_recording(s, ctx.actor, recording_id, Permission.RECORD)
        rec.state, rec.duration_s = "complete", duration_s
        rec.ended_at, rec.finish_reason = ctx.now(), reason
        rec.audio_policy = ctx.settings.audio_policy
        # Queued before its transcripts, so a colleague's laptop gets the recording first.
        outbox.enqueue(s, rec.to_record())
        finish_open_transcripts(s, rec.id)
        audit.record(s, ctx.actor, "recording.stop", "recording", rec.id,
                     {"seconds": round(duration_s, 1)}, now=ctx.now())
        info = recording_info(s, rec)
        uow.commit()
        return info


def unfinished(ctx: Context) -> list[RecordingInfo]:
    """Recordings of this user that were never stopped (app or laptop died)."""
    with ctx.uow() as uow:
        rows = uow.session.scalars(select(Recording).where(
            Recording.state == "recording", Recording.created_by == ctx.actor.user_id)).all()
        return [recording_info(uow.session, r) for r in rows]


def recover(ctx: Context, recording_id: str) -> RecordingInfo:
    """Keep what reached the disk: every complete ~1 s chunk of audio and every segment."""
    path = audio_path(ctx, recording_id)
    (ctx.paths.audio / (recording_id + diskspace.RESERVE_SUFFIX)).unlink(missing_ok=True)
    duration = 0.0
    try:
        duration = EncryptedAudioReader(path, ctx.audio_key(recording_id)).duration_s
    except (FileNotFoundError, AudioFileCorrupt):
        # The app died before the first second reached the disk: nothing to keep but the
        # segments that were saved, if any.
        _log.warning("recording %s has no readable audio", recording_id)
    with ctx.uow(write=True) as uow:
        s = uow.session
        rec = require_recording(s, ctx.actor, recording_id, Permission.RECORD)
        if rec.state != "recording":
            raise UserError("Inspelningen är redan avslutad.")
        rec.state, rec.duration_s = "recovered", duration
        # When it really ended is unknown (the app died): ``ended_at`` stays empty.
        rec.finish_reason, rec.audio_policy = "recovered", ctx.settings.audio_policy
        outbox.enqueue(s, rec.to_record())
        finish_open_transcripts(s, rec.id)
        signed_note = _signed_note_of_visit(s, rec.visit_id)
        audit.record(s, ctx.actor, "recording.recover", "recording", rec.id,
                     {"seconds": round(duration, 1)}, now=ctx.now())
        info = recording_info(s, rec)
        uow.commit()
    if signed_note is not None:  # the note was signed meanwhile: its policy applies here too
        apply_audio_policy_after_sign(ctx, signed_note)
        with ctx.uow() as uow:  # its state is now "audio-deleted"
            return recording_info(uow.session,
                                  require_recording(uow.session, ctx.actor, recording_id))
    return info


def for_visit(ctx: Context, visit_id: str) -> list[RecordingInfo]:
    with ctx.uow() as uow:
        visit = uow.session.get(Visit, visit_id)
        if visit is None:
            raise NotFound("Besöket")
        require_case(uow.session, ctx.actor, visit.case_id)
        rows = uow.session.scalars(select(Recording).where(Recording.visit_id == visit_id)
                                   .order_by(Recording.started_at)).all()
        return [recording_info(uow.session, r) for r in rows]


def awaiting_transcription(ctx: Context) -> list[RecordingInfo]:
    """Finished recordings with audio but no transcript (recorded while no model existed), of
    the cases where the user may write transcripts (``Permission.RECORD``)."""
    with ctx.uow() as uow:
        has_segments = select(Transcript.recording_id).join(
            Segment, Segment.transcript_id == Transcript.id).distinct()
        stmt = select(Recording).join(Visit, Visit.id == Recording.visit_id).where(
            Recording.state.in_(("complete", "recovered")),
            Recording.id.not_in(has_segments))
        allowed = case_ids_for(ctx.actor, Permission.RECORD)
        if allowed is not None:
            stmt = stmt.where(Visit.case_id.in_(allowed))
        rows = uow.session.scalars(stmt).all()
        return [recording_info(uow.session, r) for r in rows if audio_path(ctx, r.id).exists()]


def read_audio(ctx: Context, recording_id: str, start_s: float = 0.0,
               end_s: float | None = None) -> bytes:
    with ctx.uow() as uow:
        remote = require_recording(uow.session, ctx.actor, recording_id).remote
    path = audio_path(ctx, recording_id)
    if not path.exists():
        if remote:
            raise UserError(AUDIO_ELSEWHERE)
        raise UserError("Ljudet finns inte längre (det raderas när anteckningen signeras).")
    reader = EncryptedAudioReader(path, ctx.audio_key(recording_id))
    return reader.read_pcm(start_s, end_s if end_s is not None else reader.duration_s)


def apply_audio_policy_after_sign(ctx: Context, note_id: str) -> int:
    """Delete the audio of a signed note's visit when the organisation's policy says so.
    Returns the number of audio files deleted."""
    if ctx.settings.audio_policy != "delete-on-sign":
        return 0
    with ctx.uow(write=True) as uow:
        s = uow.session
        note = s.get(JournalNote, note_id)
        if note is None:
            return 0
        require_case(s, ctx.actor, note.case_id)
        if note.visit_id is None or note.state != "signed":
            return 0
        recordings = s.scalars(select(Recording).where(
            Recording.visit_id == note.visit_id, Recording.remote.is_(False),
            Recording.state.in_(("complete", "recovered")))).all()
        if not recordings:
            return 0
        for rec in recordings:
            rec.state, rec.audio_deleted_at = "audio-deleted", ctx.now()
            outbox.enqueue(s, rec.to_record())  # colleagues learn the audio is gone
        doomed = [audio_path(ctx, rec.id) for rec in recordings]
        audit.record(s, ctx.actor, "audio.delete", "visit", note.visit_id,
                     {"recordings": len(recordings), "policy": "delete-on-sign"}, now=ctx.now())
        uow.commit()
    # Rows first, files second: a crash in between leaves orphan ciphertext, never a row
    # that promises audio which is gone.
    deleted = 0
    for path in doomed:
        if path.exists():
            path.unlink()
            deleted += 1
    return deleted


def _signed_note_of_visit(s: Session, visit_id: str) -> str | None:
    return s.scalar(select(JournalNote.id).where(JournalNote.visit_id == visit_id,
                                                 JournalNote.state == "signed").limit(1))


def discard_failed(ctx: Context, recording_id: str) -> None:
    """Remove a recording that never captured anything (e.g. no microphone)."""
    with ctx.uow(write=True) as uow:
        s = uow.session
        rec = require_recording(s, ctx.actor, recording_id, Permission.RECORD)
        owned = select(Transcript.id).where(Transcript.recording_id == rec.id)
        s.execute(delete(Segment).where(Segment.transcript_id.in_(owned)))
        s.execute(delete(Transcript).where(Transcript.recording_id == rec.id))
        s.delete(rec)
        audit.record(s, ctx.actor, "recording.discard", "visit", rec.visit_id,
                     {"recording": recording_id}, now=ctx.now())
        uow.commit()
    audio_path(ctx, recording_id).unlink(missing_ok=True)


def recording_info(s: Session, rec: Recording) -> RecordingInfo:
    visit = s.get(Visit, rec.visit_id)
    return RecordingInfo(rec.id, rec.visit_id, visit.case_id if visit else "", rec.state,
                         rec.started_at, rec.duration_s, rec.model_id,
                         shown_segment_count(s, rec.id), rec.remote)
