"""Culling (gallring): which closed cases are past their retention age, and the admin action
that removes their content, audited, with a list of what was culled.

Nothing is culled by itself. A case of retention class "keep" (placement, paternity, adoption)
is listed as an exception and never culled. The case's number and closing date stay in
``culled_cases``, so that the journal can still answer that the case existed and was culled.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app import access, audit
from app.access import Permission
from app.context import Context
from app.errors import ValidationError
from app.recording import audio_path
from app.stats_calc import LOCAL_TZ
from models.audit import OutboxItem
from models.journal import JournalNote, NoteRevision, Review, ReviewEntry
from models.people import Case, CaseAssignment, Person, User
from models.staffing import CulledCase, NoteWordCount
from models.sync import AudioUpload
from models.visits import Consent, Recording, Segment, Transcript, Visit

STATES = ("due", "keep", "later")


@dataclass(frozen=True)
class CullingRow:
    case_id: str
    case_number: str
    closed_at: datetime
    due: date  # the first day the case may be culled
    retention_class: str
    notes: int
    state: str  # due | keep (an exception, never culled) | later (not yet due)


@dataclass(frozen=True)
class CulledRow:
    case_number: str
    closed_at: datetime | None
    notes: int
    recordings: int
    culled_at: datetime
    culled_by: str


def _due(closed_at: datetime, years: int) -> date:
    closed = closed_at.astimezone(LOCAL_TZ).date()
    try:
        return closed.replace(year=closed.year + years)
    except ValueError:  # 29 February in a year that has none
        return closed.replace(year=closed.year + years, day=28)


def report(ctx: Context, today: date) -> list[CullingRow]:
    """Every closed case with the day it may be culled, oldest first."""
    years = ctx.settings.retention_years
    with ctx.uow(write=True) as uow:
        s = uow.session
        access.require_role(ctx.actor, Permission.CULL)
        rows = _rows(s, years, today)
        audit.record(s, ctx.actor, "culling.report", details={"cases": len(rows)},
                     now=ctx.now())
        uow.commit()
    return rows


def _rows(s: Session, years: int, today: date) -> list[CullingRow]:
    notes = dict(s.execute(select(JournalNote.case_id, func.count())
                           .group_by(JournalNote.case_id)).tuples().all())
    out = []
    for case in s.scalars(select(Case).where(Case.status == "closed",
                                             Case.closed_at.is_not(None))):
        assert case.closed_at is not None
        due = _due(case.closed_at, years)
        state = "keep" if case.retention_class == "keep" else ("due" if due <= today
                                                                else "later")
        out.append(CullingRow(case.id, case.case_number, case.closed_at, due,
                              case.retention_class, notes.get(case.id, 0), state))
    return sorted(out, key=lambda r: (r.due, r.case_number))


def cull(ctx: Context, case_ids: Sequence[str], today: date, *, confirmed: bool
         ) -> list[CulledRow]:
    """Remove the content of the given cases, which must all be due; one unit of work."""
    if not confirmed:
        raise ValidationError("Gallringen måste bekräftas.", field="confirmed")
    if not case_ids:
        raise ValidationError("Välj minst ett ärende att gallra.", field="cases")
    years = ctx.settings.retention_years
    doomed_audio: list[Path] = []
    with ctx.uow(write=True) as uow:
        s = uow.session
        access.require_role(ctx.actor, Permission.CULL)
        due = {r.case_id: r for r in _rows(s, years, today) if r.state == "due"}
        refused = [cid for cid in case_ids if cid not in due]
        if refused:
            raise ValidationError(
                f"{len(refused)} av de valda ärendena får inte gallras (inte stängda, inte "
                "gamla nog eller undantagna från gallring).", field="cases")
        me = s.get(User, ctx.actor.user_id)
        culled = []
        removed: dict[str, list[str]] = {}
        for cid in dict.fromkeys(case_ids):
            row = due[cid]
            recordings = _cull_case(s, ctx, row, removed)
            doomed_audio += [audio_path(ctx, rid) for rid in recordings]
            culled.append(CulledRow(row.case_number, row.closed_at, row.notes,
                                    len(recordings), ctx.now(),
                                    me.username if me else ctx.actor.username))
        audit.record(s, ctx.actor, "culling.cull", details={
            "cases": [r.case_number for r in culled],
            "notes": sum(r.notes for r in culled),
            "recordings": sum(r.recordings for r in culled), "removed": removed},
            now=ctx.now())
        uow.commit()
    for path in doomed_audio:  # rows first, files second (as audio deletion on signing)
        path.unlink(missing_ok=True)
    return culled


def _removed_rows(s: Session, notes: Any, reviews: Any, visits: Any) -> dict[str, list[str]]:
    """The signed rows culling removes, by table (revisions by content hash): the culling
    event lists them, so that verify knows these records were culled, not deleted behind the
    journal's back (``app.trust``)."""
    return {
        "note_revisions": list(s.scalars(select(NoteRevision.id)
                                         .where(NoteRevision.note_id.in_(notes)))),
        "revision_hashes": list(s.scalars(select(NoteRevision.hash)
                                          .where(NoteRevision.note_id.in_(notes)))),
        "reviews": list(s.scalars(reviews)),
        "review_entries": list(s.scalars(select(ReviewEntry.id)
                                         .where(ReviewEntry.review_id.in_(reviews)))),
        "consents": list(s.scalars(select(Consent.id).where(Consent.visit_id.in_(visits)))),
    }


def _cull_case(s: Session, ctx: Context, row: CullingRow,
               removed: dict[str, list[str]]) -> list[str]:
    """Delete one case's content, adding the signed rows it removes to ``removed``; returns
    its recordings' ids (their audio goes after)."""
    s.add(CulledCase(case_id=row.case_id, case_number=row.case_number, closed_at=row.closed_at,
                     culled_at=ctx.now(), culled_by=ctx.actor.user_id))
    s.flush()  # the triggers allow the deletions below only once this row exists
    notes = select(JournalNote.id).where(JournalNote.case_id == row.case_id)
    reviews = select(Review.id).where(Review.note_id.in_(notes))
    visits = select(Visit.id).where(Visit.case_id == row.case_id)
    recordings = list(s.scalars(select(Recording.id).where(Recording.visit_id.in_(visits))))
    transcripts = select(Transcript.id).where(Transcript.recording_id.in_(recordings))
    removed_here = _removed_rows(s, notes, reviews, visits)
    for table, row_ids in removed_here.items():
        removed.setdefault(table, []).extend(row_ids)
    object_ids: set[str] = {row.case_id, *recordings}
    for table in ("note_revisions", "reviews", "review_entries", "consents"):
        object_ids.update(removed_here[table])
    for ids in (notes, visits, transcripts, select(Person.id).where(Person.case_id == row.case_id)):
        object_ids.update(s.scalars(ids))
    # Queued, unsynced copies hold the content too.
    s.execute(delete(OutboxItem).where(OutboxItem.object_id.in_(object_ids)))
    s.execute(delete(ReviewEntry).where(ReviewEntry.review_id.in_(reviews)))
    s.execute(delete(Review).where(Review.note_id.in_(notes)))
    s.execute(delete(Segment).where(Segment.transcript_id.in_(transcripts)))
    s.execute(delete(Transcript).where(Transcript.recording_id.in_(recordings)))
    s.execute(delete(AudioUpload).where(AudioUpload.recording_id.in_(recordings)))
    s.execute(delete(Recording).where(Recording.id.in_(recordings)))
    s.execute(delete(NoteWordCount).where(NoteWordCount.note_id.in_(notes)))
    s.execute(delete(NoteRevision).where(NoteRevision.note_id.in_(notes)))
    s.execute(delete(JournalNote).where(JournalNote.case_id == row.case_id))
    s.execute(delete(Consent).where(Consent.visit_id.in_(visits)))
    s.execute(delete(Visit).where(Visit.case_id == row.case_id))
    s.execute(delete(Person).where(Person.case_id == row.case_id))
    s.execute(delete(CaseAssignment).where(CaseAssignment.case_id == row.case_id))
    s.execute(delete(Case).where(Case.id == row.case_id))
    return recordings


CULLED_COLUMNS = ("arendenummer", "stangt", "anteckningar", "inspelningar", "gallrat",
                  "gallrat_av")


def culled_csv(rows: Sequence[CulledRow]) -> bytes:
    """The list of what was culled, for the archive: UTF-8 with BOM (Excel), semicolons."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(CULLED_COLUMNS)
    for r in rows:
        writer.writerow([r.case_number, r.closed_at.date().isoformat() if r.closed_at else "",
                         r.notes, r.recordings, r.culled_at.isoformat(timespec="seconds"),
                         r.culled_by])
    return out.getvalue().encode("utf-8-sig")
