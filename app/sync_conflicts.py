"""Sync conflicts: a draft, case, person or visit changed here and on another laptop. Both
versions are kept; this module tells whether a note is in conflict and lists conflicts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.context import Context
from models.journal import JournalNote, NoteRevision
from models.people import Case, Person, User
from models.records import PersonRecord, RevisionRecord, decode
from models.sync import SyncConflict
from models.visits import Visit


@dataclass(frozen=True)
class ConflictInfo:
    """One open conflict: what it is about and both versions as plain text fields."""

    id: str
    kind: str  # revision | case | person | visit
    object_id: str
    case_id: str
    title: str
    mine: dict[str, str]
    theirs: dict[str, str]
    theirs_author: str
    detected_at: datetime


def in_conflict(s: Session, note_id: str) -> bool:
    return s.scalar(select(SyncConflict.id).where(
        SyncConflict.kind == RevisionRecord.KIND, SyncConflict.object_id == note_id,
        SyncConflict.resolved_at.is_(None))) is not None


def conflicted_notes(s: Session, case_id: str) -> frozenset[str]:
    """The notes of ``case_id`` with an open conflict (the journal marks them)."""
    return frozenset(s.scalars(select(SyncConflict.object_id).join(
        JournalNote, JournalNote.id == SyncConflict.object_id).where(
        SyncConflict.kind == RevisionRecord.KIND, SyncConflict.resolved_at.is_(None),
        JournalNote.case_id == case_id)))


def _fields(kind: str, obj: object) -> dict[str, str]:
    names = {"revision": ("section", "body", "child_voice"),
             "case": ("case_number", "title", "status"),
             "person": ("name", "role", "personnummer", "note"),
             "visit": ("kind",)}[kind]
    return {n: "" if getattr(obj, n) is None else str(getattr(obj, n)) for n in names}


def _info(s: Session, row: SyncConflict) -> ConflictInfo | None:
    theirs = decode(row.theirs_payload)
    names = dict(s.execute(select(User.id, User.display_name)).tuples().all())
    if row.kind == RevisionRecord.KIND:
        note = s.get(JournalNote, row.object_id)
        head = s.get(NoteRevision, note.current_revision_id) if note else None
        if note is None or head is None or not isinstance(theirs, RevisionRecord):
            return None
        return ConflictInfo(row.id, row.kind, row.object_id, note.case_id,
                            head.section or "Anteckning", _fields(row.kind, head),
                            _fields(row.kind, theirs), names.get(theirs.author_id, "?"),
                            row.detected_at)
    model: Any = {"case": Case, "person": Person, "visit": Visit}[row.kind]
    mine = s.get(model, row.object_id)
    if mine is None:
        return None
    case_id = mine.id if row.kind == "case" else mine.case_id
    title = theirs.name if isinstance(theirs, PersonRecord) else row.kind
    return ConflictInfo(row.id, row.kind, row.object_id, case_id, title,
                        _fields(row.kind, mine), _fields(row.kind, theirs), "",
                        row.detected_at)


def list_conflicts(ctx: Context) -> list[ConflictInfo]:
    with ctx.uow() as uow:
        rows = uow.session.scalars(select(SyncConflict).where(SyncConflict.resolved_at.is_(None))
                                   .order_by(SyncConflict.detected_at)).all()
        return [i for i in (_info(uow.session, r) for r in rows) if i is not None]
