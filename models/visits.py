"""Visits (besök/samtal), consent to record, recordings, their transcripts and segments."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, UTCDateTime, new_id, utcnow
from models.records import (
    ConsentRecord,
    Participant,
    RecordingRecord,
    TranscriptRecord,
    TranscriptSegment,
    VisitRecord,
    Word,
)
from models.signed import Signed

VISIT_KINDS = ("hembesok", "skola", "kontor", "telefon", "annat")
RECORDING_STATES = ("recording", "complete", "recovered", "audio-deleted")
# Best last: the accuracy pass (a slow second engine over the file) beats a file transcription,
# which beats what was recognised live.
TRANSCRIPT_PASSES = ("live", "file", "accuracy")


class Visit(Base):
    __tablename__ = "visits"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    planned_start: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    planned_end: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    actual_start: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    actual_end: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # Who was there: [{"person_id": str, "name": str, "role": str}, ...] for persons of the case
    # (name and role as they were then) and {"user_id": str, "name": str, "role": "caseworker"}
    # for caseworkers. Visits made before persons could be chosen hold {"name": str} only: free
    # text, kept readable as it was typed.
    participants: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    with_child: Mapped[bool] = mapped_column(default=False)
    created_by: Mapped[str] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    def to_record(self) -> VisitRecord:
        return VisitRecord(
            id=self.id, case_id=self.case_id, kind=self.kind, planned_start=self.planned_start,
            planned_end=self.planned_end, actual_start=self.actual_start,
            actual_end=self.actual_end,
            participants=tuple(Participant(name=p["name"], role=p.get("role", "other"),
                                           person_id=p.get("person_id"))
                               for p in self.participants if not p.get("user_id")),
            caseworkers=tuple(p["user_id"] for p in self.participants if p.get("user_id")),
            with_child=self.with_child, created_by=self.created_by, created_at=self.created_at,
        )


class Consent(Signed, Base):
    """Consent to record a visit; append-only (a withdrawal is a new row)."""

    __tablename__ = "consents"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    visit_id: Mapped[str] = mapped_column(ForeignKey("visits.id"), index=True)
    informed: Mapped[list[str]] = mapped_column(JSON, default=list)
    agreed: Mapped[list[str]] = mapped_column(JSON, default=list)
    refused: Mapped[list[str]] = mapped_column(JSON, default=list)
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    recorded_by: Mapped[str] = mapped_column(ForeignKey("users.id"))

    def to_record(self) -> ConsentRecord:
        return ConsentRecord(
            id=self.id, visit_id=self.visit_id, informed=tuple(self.informed),
            agreed=tuple(self.agreed), refused=tuple(self.refused),
            recorded_at=self.recorded_at, recorded_by=self.recorded_by,
        )


class Recording(Base):
    __tablename__ = "recordings"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    visit_id: Mapped[str] = mapped_column(ForeignKey("visits.id"), index=True)
    audio_file: Mapped[str] = mapped_column(String(200))  # relative to the audio folder
    sample_rate: Mapped[int] = mapped_column(Integer, default=16000)
    duration_s: Mapped[float] = mapped_column(Float, default=0.0)
    engine: Mapped[str] = mapped_column(String(64), default="")
    model_id: Mapped[str] = mapped_column(String(200), default="")
    state: Mapped[str] = mapped_column(String(16), default="recording")
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(ForeignKey("users.id"))
    # Kept for sync (``RecordingRecord``); empty/None on recordings finished before 0016.
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    finish_reason: Mapped[str] = mapped_column(String(16), default="")
    audio_policy: Mapped[str] = mapped_column(String(16), default="")
    audio_deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # A colleague's recording pulled from the server: its audio is on the laptop it was made
    # on, never here, and this laptop never queues it.
    remote: Mapped[bool] = mapped_column(default=False)

    def to_record(self) -> RecordingRecord:
        return RecordingRecord(
            id=self.id, visit_id=self.visit_id, recorded_by=self.created_by,
            started_at=self.started_at, ended_at=self.ended_at, duration_s=self.duration_s,
            sample_rate=self.sample_rate, state=self.state, finish_reason=self.finish_reason,
            engine=self.engine, model_id=self.model_id, audio_policy=self.audio_policy,
            audio_deleted_at=self.audio_deleted_at)


class Transcript(Base):
    """What one engine and model made of one recording in one pass.

    ``hash`` stays empty while segments are still being added (a live recording) and is set
    once, when the transcript is finished; a finished transcript is not changed again.
    """

    __tablename__ = "transcripts"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    recording_id: Mapped[str] = mapped_column(ForeignKey("recordings.id"), index=True)
    engine: Mapped[str] = mapped_column(String(64), default="")
    model_id: Mapped[str] = mapped_column(String(200), default="")
    pass_kind: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    hash: Mapped[str | None] = mapped_column(String(64), nullable=True)

    def to_record(self, segments: Sequence[Segment]) -> TranscriptRecord:
        """The wire record of this transcript with its ``segments`` (in ``seq`` order)."""
        return TranscriptRecord(
            id=self.id, recording_id=self.recording_id, engine=self.engine,
            model_id=self.model_id, pass_kind=self.pass_kind, created_at=self.created_at,
            segments=tuple(segment.to_record() for segment in segments),
        )


class Segment(Base):
    __tablename__ = "segments"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    transcript_id: Mapped[str] = mapped_column(ForeignKey("transcripts.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    start_s: Mapped[float] = mapped_column(Float)
    end_s: Mapped[float] = mapped_column(Float)
    text: Mapped[str] = mapped_column(Text)
    # [{"word": str, "start": float, "end": float, "conf": float}, ...]
    words: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    speaker: Mapped[str | None] = mapped_column(String(64), nullable=True)

    def to_record(self) -> TranscriptSegment:
        return TranscriptSegment(
            seq=self.seq, start_s=self.start_s, end_s=self.end_s, text=self.text,
            words=tuple(Word(word=w["word"], start=w["start"], end=w["end"], conf=w["conf"])
                        for w in self.words),
            speaker=self.speaker,
        )
