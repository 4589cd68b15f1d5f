"""Journal notes, their immutable revisions, and reviews with the family (genomgång).

Immutability is enforced by triggers in the database (see the initial migration), not only here.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, UTCDateTime, new_id, utcnow
from models.records import (
    AttributedReviewEntryRecord,
    Participant,
    ReviewEntryRecord,
    ReviewPassage,
    ReviewRecord,
    RevisionRecord,
    record_hash,
)
from models.signed import Signed

NOTE_STATES = ("draft", "signed")
REVISION_KINDS = ("draft", "signed", "correction")
AUDIENCES = ("child", "guardian", "both", "named")
OUTCOMES = ("agrees", "disagrees")


class JournalNote(Base):
    __tablename__ = "journal_notes"
    __table_args__ = (Index("ix_journal_notes_case_timeline", "case_id", "event_time", "created_at"),)

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    visit_id: Mapped[str | None] = mapped_column(ForeignKey("visits.id"), nullable=True)
    author_id: Mapped[str] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    event_time: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    state: Mapped[str] = mapped_column(String(16), default="draft")
    current_revision_id: Mapped[str | None] = mapped_column(String(32), nullable=True)
    signed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    signed_by: Mapped[str | None] = mapped_column(ForeignKey("users.id"), nullable=True)


class NoteRevision(Signed, Base):
    """One immutable version of a note. ``hash`` covers every field and the parent hash."""

    __tablename__ = "note_revisions"
    __table_args__ = (UniqueConstraint("note_id", "seq"),)

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    note_id: Mapped[str] = mapped_column(ForeignKey("journal_notes.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    parent_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)
    hash: Mapped[str] = mapped_column(String(64))
    section: Mapped[str] = mapped_column(String(200), default="")
    body: Mapped[str] = mapped_column(Text)
    child_voice: Mapped[str] = mapped_column(Text, default="")
    event_time: Mapped[datetime] = mapped_column(UTCDateTime)
    author_id: Mapped[str] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    reason: Mapped[str] = mapped_column(Text, default="")  # why a correction was made

    def to_record(self, note: JournalNote) -> RevisionRecord:
        """The revision as a record; the note gives the case and visit it belongs to."""
        if note.id != self.note_id:
            raise ValueError("a revision's record needs its own note")
        return RevisionRecord(
            id=self.id, note_id=self.note_id, case_id=note.case_id, visit_id=note.visit_id,
            seq=self.seq, kind=self.kind, parent_hash=self.parent_hash, section=self.section,
            body=self.body, child_voice=self.child_voice, event_time=self.event_time,
            author_id=self.author_id, created_at=self.created_at, reason=self.reason,
        )

    def compute_hash(self, note: JournalNote) -> str:
        return record_hash(self.to_record(note))


class Review(Signed, Base):
    """A review (genomgång) of one revision with the child and/or guardian. Append-only."""

    __tablename__ = "reviews"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    note_id: Mapped[str] = mapped_column(ForeignKey("journal_notes.id"), index=True)
    revision_id: Mapped[str] = mapped_column(ForeignKey("note_revisions.id"))
    revision_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))  # record_hash(self.to_record())
    audience: Mapped[str] = mapped_column(String(16))
    # [{"person_id": str | None, "name": str, "role": str}, ...]
    present: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    # [{"index": int, "part": str, "shown": bool, "hash": str}, ...]: what was chosen for this
    # audience; "hash" is the content hash of the passage's text
    passages: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    variant: Mapped[str] = mapped_column(String(16), default="adult")  # adult | child
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    started_by: Mapped[str] = mapped_column(ForeignKey("users.id"))

    def to_record(self) -> ReviewRecord:
        return ReviewRecord(
            id=self.id, note_id=self.note_id, revision_id=self.revision_id,
            revision_hash=self.revision_hash, audience=self.audience, variant=self.variant,
            present=tuple(Participant(name=p["name"], role=p.get("role", "other"),
                                      person_id=p.get("person_id")) for p in self.present),
            passages=tuple(ReviewPassage(index=p["index"], part=p["part"], shown=p["shown"],
                                         text_hash=p["hash"]) for p in self.passages),
            started_at=self.started_at, started_by=self.started_by,
        )

    def compute_hash(self) -> str:
        return record_hash(self.to_record())


class ReviewEntry(Signed, Base):
    """An outcome or synpunkt for one passage, or the end of the review. Append-only:
    a changed answer is a newer entry; the latest entry per passage is the outcome."""

    __tablename__ = "review_entries"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    review_id: Mapped[str] = mapped_column(ForeignKey("reviews.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))  # outcome | completed
    passage_index: Mapped[int | None] = mapped_column(Integer, nullable=True)
    outcome: Mapped[str | None] = mapped_column(String(16), nullable=True)
    comment: Mapped[str] = mapped_column(Text, default="")  # the person's own words, verbatim
    input_method: Mapped[str] = mapped_column(String(16), default="typed")
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Nullable in the schema only because SQLite cannot add a NOT NULL reference to an existing
    # table; every row has one (migration 0004 gave older entries the review's starter).
    recorded_by: Mapped[str] = mapped_column(ForeignKey("users.id"), nullable=True)
    hash: Mapped[str] = mapped_column(String(64))  # record_hash(self.to_record(review))
    # Who gave this answer when the child and a guardian review together:
    # {"name": str, "role": str, "person_id": str | None}, one of the review's ``present``.
    respondent: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)

    def to_record(self, review: Review) -> ReviewEntryRecord:
        """The entry as a record, bound to its review by the review's hash (version 2, with
        the respondent, only when the entry names one)."""
        if review.id != self.review_id:
            raise ValueError("an entry's record needs its own review")
        fields: dict[str, Any] = dict(
            id=self.id, review_id=self.review_id, review_hash=review.hash, seq=self.seq,
            kind=self.kind, passage_index=self.passage_index, outcome=self.outcome,
            comment=self.comment, input_method=self.input_method,
            recorded_at=self.recorded_at, recorded_by=self.recorded_by,
        )
        if self.respondent is None:
            return ReviewEntryRecord(**fields)
        who = self.respondent
        return AttributedReviewEntryRecord(**fields, respondent=Participant(
            name=who["name"], role=who.get("role", "other"), person_id=who.get("person_id")))

    def compute_hash(self, review: Review) -> str:
        return record_hash(self.to_record(review))
