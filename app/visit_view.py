"""The visit page's one query: the visit, its latest consent, its recordings and the latest
recording's transcript, read in one unit of work and returned as a frozen read model."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import literal_column, select
from sqlalchemy.orm import Session

from app.access import require_case
from app.context import Context
from app.dto import ConsentInfo, VisitInfo
from app.errors import NotFound
from app.recording import RecordingInfo
from app.recording import _info as recording_info
from app.visits import _info as visit_info
from models.people import User
from models.visits import Consent, Recording, Visit
from models.visits import Segment as SegmentRow
from speech.values import Segment, Word


@dataclass(frozen=True)
class VisitView:
    """Everything the visit page shows; ``segments`` are the latest recording's."""

    visit: VisitInfo
    consent: ConsentInfo | None
    recordings: tuple[RecordingInfo, ...]
    segments: tuple[Segment, ...]

    @property
    def latest(self) -> RecordingInfo | None:
        return self.recordings[-1] if self.recordings else None

    @property
    def unfinished(self) -> tuple[RecordingInfo, ...]:
        """Recordings that were cut off (the app or the laptop died) and not yet recovered."""
        return tuple(r for r in self.recordings if r.state == "recording")


def load_visit(ctx: Context, visit_id: str) -> VisitView:
    """Raises ``NotFound`` for an unknown visit and ``AccessDenied`` for another's case."""
    with ctx.uow() as uow:
        s = uow.session
        visit = s.get(Visit, visit_id)
        if visit is None:
            raise NotFound("Besöket")
        require_case(s, ctx.actor, visit.case_id)
        rows = s.scalars(select(Recording).where(Recording.visit_id == visit_id)
                         .order_by(Recording.started_at)).all()
        recordings = tuple(recording_info(s, r) for r in rows)
        segments = _segments(s, rows[-1].id) if rows else ()
        return VisitView(visit_info(visit), _latest_consent(s, visit_id), recordings, segments)


def _latest_consent(s: Session, visit_id: str) -> ConsentInfo | None:
    row = s.scalars(select(Consent).where(Consent.visit_id == visit_id)
                    .order_by(Consent.recorded_at.desc(),
                              literal_column("consents.rowid").desc()).limit(1)).first()
    if row is None:
        return None
    by = s.get(User, row.recorded_by)
    return ConsentInfo(row.id, row.visit_id, tuple(row.informed), tuple(row.agreed),
                       tuple(row.refused), row.recorded_at, by.display_name if by else "?")


def _segments(s: Session, recording_id: str) -> tuple[Segment, ...]:
    rows = s.scalars(select(SegmentRow).where(SegmentRow.recording_id == recording_id)
                     .order_by(SegmentRow.seq)).all()
    return tuple(Segment(r.start_s, r.end_s, r.text,
                         tuple(Word(w["word"], w["start"], w["end"], w["conf"]) for w in r.words))
                 for r in rows)
