"""Read a case's journal from the store into the export read model (``app.export_model``).

A fixed number of queries per case however many notes it holds (a case may have thousands):
notes, revisions, reviews, review entries, visits and consents are each read in one query, the
speech sources in two, and joined here. The caller has checked access; this module only reads.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.cancel import CancelToken
from app.export_model import (
    SIGNATURE_NOT_AVAILABLE,
    AnswerView,
    CaseExport,
    ConsentView,
    CorrectionView,
    NoteView,
    PassageView,
    PersonView,
    ReviewView,
    RevisionView,
    SignatureView,
    VisitView,
    mask_personnummer,
)
from app.review import split_passages
from app.speech_provenance import NoteSpeech, load_sources, provenance
from models.journal import JournalNote, NoteRevision, Review, ReviewEntry
from models.people import Case, CaseAssignment, Person, User
from models.visits import Consent, Visit

# Whether the personal signature over a revision verifies: (session, revision id, author id,
# revision hash) -> one of export_model.SIGNATURE_STATES. The trust issue's signatures plug in
# here; until the store holds them the answer is always "not available".
SignatureVerifier = Callable[[Session, str, str, str], str]


def signature_not_available(session: Session, revision_id: str, author_id: str,
                            revision_hash: str) -> str:
    return SIGNATURE_NOT_AVAILABLE


def period_bounds(start: date | None, end: date | None) -> tuple[datetime | None, datetime | None]:
    """Local-day bounds: from the start of ``start`` to the end of ``end`` (inclusive)."""
    low = datetime.combine(start, time.min).astimezone() if start else None
    high = datetime.combine(end + timedelta(days=1), time.min).astimezone() if end else None
    return low, high


def _within(when: datetime | None, low: datetime | None, high: datetime | None) -> bool:
    if when is None:
        return False
    return (low is None or when >= low) and (high is None or when < high)


_REV_COLS = (NoteRevision.id, NoteRevision.note_id, NoteRevision.seq, NoteRevision.kind,
             NoteRevision.section, NoteRevision.body, NoteRevision.child_voice,
             NoteRevision.event_time, NoteRevision.author_id, NoteRevision.created_at,
             NoteRevision.reason, NoteRevision.hash, NoteRevision.parent_hash)


class CaseLoader:
    """Loads cases one at a time inside the caller's unit of work."""

    def __init__(self, session: Session, *, full_personnummer: bool,
                 period: tuple[datetime | None, datetime | None] = (None, None),
                 verify_signature: SignatureVerifier = signature_not_available,
                 cancel: CancelToken | None = None) -> None:
        self.s = session
        self.full = full_personnummer
        self.low, self.high = period
        self.verify = verify_signature
        self.cancel = cancel or CancelToken()
        self.names: dict[str, str] = dict(
            session.execute(select(User.id, User.display_name)).tuples().all())

    def _name(self, user_id: str | None) -> str:
        return self.names.get(user_id or "", "?")

    def load(self, case_id: str) -> CaseExport:
        s = self.s
        case = s.get(Case, case_id)
        assert case is not None, "the caller checked that the case exists"
        persons = tuple(
            PersonView(p.role, p.name, mask_personnummer(p.personnummer, full=self.full),
                       p.birth_date)
            for p in s.scalars(select(Person).where(Person.case_id == case_id)
                               .order_by(Person.position)))
        assigned = tuple(s.scalars(
            select(User.display_name).join(CaseAssignment, CaseAssignment.user_id == User.id)
            .where(CaseAssignment.case_id == case_id).order_by(User.display_name)))
        self.cancel.check()
        notes = self._notes(case_id)
        self.cancel.check()
        return CaseExport(case.id, case.case_number, case.title, case.status, persons, assigned,
                          notes, self._visits(case_id))

    # -- notes ---------------------------------------------------------------------------------

    def _note_filter(self, case_id: str) -> list[Any]:
        where: list[Any] = [JournalNote.case_id == case_id]
        if self.low is not None:
            where.append(JournalNote.event_time >= self.low)
        if self.high is not None:
            where.append(JournalNote.event_time < self.high)
        return where

    def _notes(self, case_id: str) -> tuple[NoteView, ...]:
        s, where = self.s, self._note_filter(case_id)
        notes = s.execute(
            select(JournalNote.id, JournalNote.event_time, JournalNote.created_at,
                   JournalNote.author_id, JournalNote.state, JournalNote.current_revision_id,
                   JournalNote.visit_id)
            .where(*where).order_by(JournalNote.event_time, JournalNote.created_at)).all()
        revs: dict[str, list[Any]] = defaultdict(list)
        by_id: dict[str, Any] = {}
        for r in s.execute(select(*_REV_COLS)
                           .join(JournalNote, JournalNote.id == NoteRevision.note_id)
                           .where(*where).order_by(NoteRevision.note_id, NoteRevision.seq)):
            revs[r.note_id].append(r)
            by_id[r.id] = r
        reviews = self._reviews(where, by_id)
        speech = load_sources(s, where)
        out = []
        for n in notes:
            shown = [r for r in revs[n.id] if r.kind != "draft" or r.id == n.current_revision_id]
            views = tuple(self._revision(r, speech.get(n.id)) for r in shown)
            current = next(v for r, v in zip(shown, views, strict=True)
                           if r.id == n.current_revision_id)
            signed = next((v.signature for v in views if v.kind == "signed"), None)
            out.append(NoteView(n.id, n.event_time, n.created_at, self._name(n.author_id),
                                n.state, current, views, _corrections(views), signed,
                                tuple(reviews.get(n.id, ())), n.visit_id))
        return tuple(out)

    def _revision(self, r: Any, speech: NoteSpeech | None = None) -> RevisionView:
        signature = None
        if r.kind in ("signed", "correction"):
            signature = SignatureView(self._name(r.author_id), r.created_at, r.hash,
                                      self.verify(self.s, r.id, r.author_id, r.hash))
        return RevisionView(r.seq, r.kind, r.section, r.body, r.child_voice, r.event_time,
                            self._name(r.author_id), r.created_at, r.reason, r.hash,
                            r.parent_hash, signature, provenance(r.body, speech))

    # -- reviews -------------------------------------------------------------------------------

    def _reviews(self, where: list[Any], revisions: dict[str, Any]) -> dict[str, list[ReviewView]]:
        s = self.s
        rows = s.scalars(select(Review).join(JournalNote, JournalNote.id == Review.note_id)
                         .where(*where).order_by(Review.started_at)).all()
        entries: dict[str, list[ReviewEntry]] = defaultdict(list)
        for e in s.scalars(select(ReviewEntry).join(Review, Review.id == ReviewEntry.review_id)
                           .join(JournalNote, JournalNote.id == Review.note_id)
                           .where(*where).order_by(ReviewEntry.review_id, ReviewEntry.seq)):
            entries[e.review_id].append(e)
        out: dict[str, list[ReviewView]] = defaultdict(list)
        for review in rows:
            out[review.note_id].append(self._review(review, revisions[review.revision_id],
                                                    entries[review.id]))
        return out

    def _review(self, review: Review, rev: Any, entries: Iterable[ReviewEntry]) -> ReviewView:
        texts = {p.index: p for p in split_passages(rev.body, rev.child_voice)}
        answers: dict[int, list[AnswerView]] = defaultdict(list)
        completed_at = None
        for e in entries:
            if e.kind == "completed":
                completed_at = completed_at or e.recorded_at
            elif e.passage_index is not None:
                answers[e.passage_index].append(AnswerView(
                    e.outcome, e.comment, e.input_method, e.recorded_at,
                    self._name(e.recorded_by)))
        passages = []
        for p in review.passages:
            passage = texts.get(p["index"])
            passages.append(PassageView(p["index"], p["part"], passage.text if passage else "",
                                        bool(p["shown"]), tuple(answers.get(p["index"], ()))))
        return ReviewView(review.id, rev.seq, review.started_at, self._name(review.started_by),
                          review.audience, review.variant,
                          tuple((p["name"], p.get("role", "other")) for p in review.present),
                          tuple(passages), completed_at)

    # -- visits --------------------------------------------------------------------------------

    def _visits(self, case_id: str) -> tuple[VisitView, ...]:
        s = self.s
        consents: dict[str, list[ConsentView]] = defaultdict(list)
        for c in s.scalars(select(Consent).join(Visit, Visit.id == Consent.visit_id)
                           .where(Visit.case_id == case_id).order_by(Consent.recorded_at)):
            consents[c.visit_id].append(ConsentView(tuple(c.informed), tuple(c.agreed),
                                                    tuple(c.refused), c.recorded_at,
                                                    self._name(c.recorded_by)))
        out = []
        for v in s.scalars(select(Visit).where(Visit.case_id == case_id)
                           .order_by(Visit.created_at)):
            when = v.actual_start or v.planned_start or v.created_at
            if (self.low or self.high) and not _within(when, self.low, self.high):
                continue
            out.append(VisitView(v.id, v.kind, v.planned_start, v.actual_start, v.actual_end,
                                 tuple(p.get("name", "") for p in v.participants), v.with_child,
                                 tuple(consents.get(v.id, ()))))
        return tuple(out)


def _corrections(revisions: tuple[RevisionView, ...]) -> tuple[CorrectionView, ...]:
    """Each correction with the text it replaced (the revision shown before it)."""
    out = []
    for before, rev in zip(revisions, revisions[1:], strict=False):
        if rev.kind == "correction":
            out.append(CorrectionView(rev.seq, before.section, before.body, before.child_voice,
                                      rev.section, rev.body, rev.child_voice, rev.author,
                                      rev.created_at, rev.reason))
    return tuple(out)


def visible_cases(session: Session, case_ids: Iterable[str] | None) -> list[str]:
    """Case ids ordered by case number: the given ones, or every case (None)."""
    stmt = select(Case.id).order_by(Case.case_number)
    if case_ids is not None:
        stmt = stmt.where(Case.id.in_(list(case_ids)))
    return list(session.scalars(stmt))

