"""The visit page's one query: the visit, its latest consent, its recordings and the latest
recording's transcript, read in one unit of work and returned as a frozen read model."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from app.access import require_case
from app.context import Context
from app.dto import ConsentInfo, VisitInfo
from app.errors import NotFound
from app.recording import RecordingInfo, recording_info
from app.transcripts import shown_segments
from app.visits import consent_of, visit_info
from models.visits import Recording, Visit
from speech.values import Segment


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
        segments = tuple(shown_segments(s, rows[-1].id)) if rows else ()
        return VisitView(visit_info(visit), consent_of(s, visit_id), recordings, segments)
