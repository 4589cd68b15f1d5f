"""Speech provenance of a note: the machine words it holds, per recording they came from."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, UTCDateTime, new_id, utcnow


class NoteSpeechSource(Base):
    """The machine words of one recording as they stand in a note (each word a dict with
    ``word``, ``start``, ``end``, ``conf`` and ``pass``: "live", "file" or "accuracy").

    Kept beside the note, not in its revisions: it says where text came from; the revisions
    stay what the caseworker wrote. The audio policy deletes the recording's audio, not this
    row nor the transcripts: the words (and their times, which point at nothing once the
    audio is gone) keep telling which text was machine-made."""

    __tablename__ = "note_speech_sources"
    __table_args__ = (UniqueConstraint("note_id", "recording_id"),)

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    note_id: Mapped[str] = mapped_column(ForeignKey("journal_notes.id"), index=True)
    recording_id: Mapped[str] = mapped_column(ForeignKey("recordings.id"))
    transcript_id: Mapped[str | None] = mapped_column(String(32), nullable=True)
    engine: Mapped[str] = mapped_column(String(64), default="")
    model_id: Mapped[str] = mapped_column(String(200), default="")
    pass_kind: Mapped[str] = mapped_column(String(16))
    words: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
