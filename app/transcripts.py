"""Transcripts of a recording (live, file, accuracy pass): storing, finishing and reading them."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from app import outbox
from app.access import Permission, denied, require_recording
from app.context import Context
from app.dto import TranscriptInfo
from app.errors import NotFound
from models.records import record_hash
from models.visits import TRANSCRIPT_PASSES, Segment, Transcript
from speech.values import Segment as SpeechSegment
from speech.values import Word


def save_segment(ctx: Context, recording_id: str, segment: SpeechSegment) -> None:
    """Autosave one final segment as it arrives (called for every finished phrase)."""
    save_segments(ctx, recording_id, [segment])


def save_segments(ctx: Context, recording_id: str, segments: Iterable[SpeechSegment]) -> None:
    """Append to the recording's live transcript, made on the first segment (engine and model
    of the recording); it is finished when the recording stops or is recovered."""
    with ctx.uow(write=True) as uow:
        s = uow.session
        transcript = s.scalar(select(Transcript).where(
            Transcript.recording_id == recording_id, Transcript.pass_kind == "live",
            Transcript.hash.is_(None)).order_by(text("transcripts.rowid DESC")).limit(1))
        rec = require_recording(s, ctx.actor, recording_id, Permission.RECORD)
        if rec.created_by != ctx.actor.user_id:  # a live transcript is its recorder's alone
            raise denied(ctx.actor, Permission.RECORD, "recording", rec.id)
        if transcript is None:
            transcript = Transcript(recording_id=rec.id, engine=rec.engine, model_id=rec.model_id,
                                    pass_kind="live", created_at=ctx.now())
            s.add(transcript)
            s.flush()
        _add_segments(s, transcript.id, segments)
        uow.commit()


def add_transcript(
    ctx: Context, recording_id: str, segments: Iterable[SpeechSegment], *, engine: str,
    model_id: str, pass_kind: str,
) -> TranscriptInfo | None:
    """Store a whole transcript (a file or accuracy pass) and finish it, in one unit of work.

    Nothing is stored for no segments: the recording keeps waiting for a transcript."""
    if pass_kind not in TRANSCRIPT_PASSES:
        raise ValueError(f"unknown transcript pass {pass_kind!r}")
    chosen = list(segments)
    if not chosen:
        return None
    with ctx.uow(write=True) as uow:
        s = uow.session
        rec = require_recording(s, ctx.actor, recording_id, Permission.RECORD)
        transcript = Transcript(recording_id=rec.id, engine=engine, model_id=model_id,
                                pass_kind=pass_kind, created_at=ctx.now())
        s.add(transcript)
        s.flush()
        _add_segments(s, transcript.id, chosen)
        s.flush()
        _finish_transcript(s, transcript)
        info = _transcript_info(s, transcript)
        uow.commit()
        return info


def _add_segments(s: Session, transcript_id: str, segments: Iterable[SpeechSegment]) -> None:
    seq = s.scalar(select(func.max(Segment.seq)).where(Segment.transcript_id == transcript_id))
    next_seq = (seq or 0) + 1
    for i, seg in enumerate(segments):
        s.add(Segment(transcript_id=transcript_id, seq=next_seq + i, start_s=seg.start,
                      end_s=seg.end, text=seg.text,
                      words=[{"word": w.text, "start": w.start, "end": w.end,
                              "conf": w.conf} for w in seg.words]))


def finish_open_transcripts(s: Session, recording_id: str) -> None:
    """Inside the caller's unit of work: finish what a stopped or recovered recording left
    open (nothing is added to it any more)."""
    s.flush()
    for transcript in s.scalars(select(Transcript).where(
            Transcript.recording_id == recording_id, Transcript.hash.is_(None))):
        _finish_transcript(s, transcript)


def _finish_transcript(s: Session, transcript: Transcript) -> None:
    """Hash the finished transcript (its wire record) and queue it for sync."""
    rows = s.scalars(select(Segment).where(Segment.transcript_id == transcript.id)
                     .order_by(Segment.seq)).all()
    record = transcript.to_record(rows)
    transcript.hash = record_hash(record)
    outbox.enqueue(s, record)


def transcript(ctx: Context, recording_id: str, transcript_id: str | None = None
               ) -> list[SpeechSegment]:
    """The segments of one transcript: the one asked for, else the one to show (see
    ``_shown_transcript``); empty when the recording has none."""
    with ctx.uow() as uow:
        s = uow.session
        require_recording(s, ctx.actor, recording_id)
        if transcript_id is None:
            shown = _shown_transcript(s, recording_id)
            transcript_id = shown.id if shown else None
        elif s.scalar(select(Transcript.id).where(Transcript.id == transcript_id,
                                                  Transcript.recording_id == recording_id)) is None:
            raise NotFound("Utskriften")
        return segments_of(s, transcript_id) if transcript_id is not None else []


def shown_segments(s: Session, recording_id: str) -> list[SpeechSegment]:
    """Inside a caller's unit of work: the segments of the transcript to show."""
    shown = _shown_transcript(s, recording_id)
    return segments_of(s, shown.id) if shown is not None else []


def shown_transcript(s: Session, recording_id: str) -> Transcript | None:
    """Inside a caller's unit of work: the transcript to show (and to make a note from)."""
    return _shown_transcript(s, recording_id)


def shown_segment_count(s: Session, recording_id: str) -> int:
    """Inside a caller's unit of work: how many segments the transcript to show has."""
    shown = _shown_transcript(s, recording_id)
    return 0 if shown is None else _segment_count(s, shown.id)


def segments_of(s: Session, transcript_id: str) -> list[SpeechSegment]:
    rows = s.scalars(select(Segment).where(Segment.transcript_id == transcript_id)
                     .order_by(Segment.seq)).all()
    return [SpeechSegment(r.start_s, r.end_s, r.text,
                          tuple(Word(w["word"], w["start"], w["end"], w["conf"])
                                for w in r.words)) for r in rows]


def transcripts(ctx: Context, recording_id: str) -> list[TranscriptInfo]:
    """Every transcript of a recording, oldest first."""
    with ctx.uow() as uow:
        s = uow.session
        require_recording(s, ctx.actor, recording_id)
        rows = s.scalars(select(Transcript).where(Transcript.recording_id == recording_id)
                         .order_by(Transcript.created_at, text("transcripts.rowid"))).all()
        return [_transcript_info(s, t) for t in rows]


def _shown_transcript(s: Session, recording_id: str) -> Transcript | None:
    """The newest finished transcript of the best pass (accuracy > file > live); while none
    is finished (a recording in progress, or crashed), the newest unfinished one."""
    rows = s.scalars(select(Transcript).where(Transcript.recording_id == recording_id)
                     .order_by(text("transcripts.rowid DESC"))).all()
    # max keeps the first of equal keys: with rows newest first, the newest wins a tie.
    return max(rows, default=None, key=_show_rank)


def _show_rank(t: Transcript) -> tuple[bool, int, datetime]:
    return t.hash is not None, TRANSCRIPT_PASSES.index(t.pass_kind), t.created_at


def shown_transcripts(s: Session, recording_ids: Iterable[str]) -> dict[str, tuple[str, str]]:
    """Inside a caller's unit of work: (id, hash or "") of each recording's transcript to show
    (the same choice as ``shown_segments``), in one query for any number of recordings."""
    best: dict[str, tuple[tuple[bool, int, datetime], str, str]] = {}
    for tid, rid, hash_, pass_kind, created_at in s.execute(
            select(Transcript.id, Transcript.recording_id, Transcript.hash,
                   Transcript.pass_kind, Transcript.created_at)
            .where(Transcript.recording_id.in_(list(recording_ids)))
            .order_by(text("transcripts.rowid DESC"))):
        rank = (hash_ is not None, TRANSCRIPT_PASSES.index(pass_kind), created_at)
        if rid not in best or rank > best[rid][0]:  # rows newest first: the newest wins a tie
            best[rid] = (rank, tid, hash_ or "")
    return {rid: (tid, hash_) for rid, (_, tid, hash_) in best.items()}


def texts_of(s: Session, transcript_ids: Iterable[str]) -> dict[str, str]:
    """Inside a caller's unit of work: the whole text of each transcript, in one query."""
    parts: dict[str, list[str]] = {}
    for transcript_id, segment_text in s.execute(
            select(Segment.transcript_id, Segment.text)
            .where(Segment.transcript_id.in_(list(transcript_ids)))
            .order_by(Segment.transcript_id, Segment.seq)):
        parts.setdefault(transcript_id, []).append(segment_text)
    return {tid: " ".join(texts) for tid, texts in parts.items()}


def _segment_count(s: Session, transcript_id: str) -> int:
    return s.scalar(select(func.count()).select_from(Segment)
                    .where(Segment.transcript_id == transcript_id)) or 0


def _transcript_info(s: Session, t: Transcript) -> TranscriptInfo:
    return TranscriptInfo(t.id, t.recording_id, t.engine, t.model_id, t.pass_kind,
                          t.created_at, t.hash is not None, _segment_count(s, t.id))
