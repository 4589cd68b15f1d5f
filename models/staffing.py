"""Working time for the direct-contact statistics (contracted hours, absence) and culled cases."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, Float, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, UTCDateTime, new_id, utcnow


class WorkHours(Base):
    """A user's contracted hours per week from ``valid_from`` on (until a later row)."""

    __tablename__ = "work_hours"
    __table_args__ = (UniqueConstraint("user_id", "valid_from"),)

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    valid_from: Mapped[date] = mapped_column(Date)
    weekly_hours: Mapped[float] = mapped_column(Float)
    set_by: Mapped[str] = mapped_column(ForeignKey("users.id"))
    set_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Absence(Base):
    """Hours a caseworker was absent in one ISO week (``week`` is its Monday), as a supervisor
    entered them; a later entry for the same week replaces the hours."""

    __tablename__ = "absences"
    __table_args__ = (UniqueConstraint("user_id", "week"),)

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    week: Mapped[date] = mapped_column(Date)
    hours: Mapped[float] = mapped_column(Float)
    recorded_by: Mapped[str] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class CulledCase(Base):
    """A case whose content an admin culled (gallrat). Its row lets the immutability triggers
    allow the deletion of that case's notes, revisions, reviews and consents, and nothing else;
    the row itself stays as the record that the case existed and was culled."""

    __tablename__ = "culled_cases"

    case_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    case_number: Mapped[str] = mapped_column(String(64))
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    culled_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    culled_by: Mapped[str] = mapped_column(ForeignKey("users.id"))


class NoteWordCount(Base):
    """How many words of a signed note match the machine transcript of its visit, kept so that
    statistics need not compare texts again. ``draft_key`` names the transcripts compared; a
    new transcript (a second pass) changes it and the count is made again."""

    __tablename__ = "note_word_counts"

    note_id: Mapped[str] = mapped_column(ForeignKey("journal_notes.id"), primary_key=True)
    draft_key: Mapped[str] = mapped_column(String(64))
    signed_words: Mapped[int] = mapped_column(Integer)
    kept_words: Mapped[int] = mapped_column(Integer)
