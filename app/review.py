"""Review with the family (genomgång): choose audience and passages, record each passage's
outcome and the person's own words (synpunkt), verbatim and append-only.

A review never changes the note: it refers to one revision by id and hash. Hidden passages
never leave this module for the review screen: ``ReviewSession.passages`` holds shown ones only.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import audit, outbox, review_unlock, visits
from app.access import require_case
from app.context import Context
from app.dto import ConsentInfo, NoteInfo, PersonInfo
from app.errors import NotFound, PermissionDenied, ValidationError
from app.limits import SYNPUNKT
from app.notes import get_note
from app.persons import current_persons, person_info
from models.base import new_id
from models.canonical import content_hash
from models.journal import AUDIENCES, OUTCOMES, JournalNote, NoteRevision, Review, ReviewEntry
from models.people import User
from models.records import record_hash

MAX_COMMENT = SYNPUNKT.chars  # app.limits declares every text's limit
VARIANTS = ("adult", "child")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


@dataclass(frozen=True)
class Passage:
    index: int
    part: str  # "body" or "child_voice"
    text: str


@dataclass(frozen=True)
class PresentPerson:
    name: str
    role: str = "other"
    person_id: str | None = None


@dataclass(frozen=True)
class ReviewPlan:
    note: NoteInfo
    passages: tuple[Passage, ...]
    persons: tuple[PersonInfo, ...]
    consent: ConsentInfo | None


@dataclass(frozen=True)
class ReviewSession:
    review_id: str
    note_id: str
    revision_hash: str
    audience: str
    variant: str
    passages: tuple[Passage, ...]  # only the passages shown to this audience
    # Who may give an answer of their own: the child and the guardians present when they review
    # together ("both"); empty otherwise (one voice answers).
    respondents: tuple[PresentPerson, ...] = ()


@dataclass(frozen=True)
class PassageOutcome:
    index: int
    text: str
    outcome: str | None
    comment: str
    input_method: str
    recorded_at: datetime | None
    respondent: PresentPerson | None = None  # who gave it, in a review with child and guardian
    # 0-based among the shown passages: the number the family saw ("Stycke 2 av 3"); None when
    # not known, and then the note's own numbering is used.
    position: int | None = None


@dataclass(frozen=True)
class ReviewSummary:
    review_id: str
    note_id: str
    revision_id: str
    revision_hash: str
    started_at: datetime
    started_by: str
    audience: str
    variant: str
    present: tuple[str, ...]
    hidden_count: int
    completed: bool
    outcomes: tuple[PassageOutcome, ...]

    @property
    def disagreements(self) -> int:
        return sum(1 for o in self.outcomes if o.outcome == "disagrees")


def split_passages(body: str, child_voice: str = "") -> list[Passage]:
    """Paragraphs of the body, then paragraphs of the child's own views (Barnets röst)."""
    out: list[Passage] = []
    for part, text in (("body", body), ("child_voice", child_voice)):
        for para in _PARAGRAPH_BREAK.split(text):
            if para.strip():
                out.append(Passage(len(out), part, para.strip()))
    return out


def prepare(ctx: Context, note_id: str) -> ReviewPlan:
    note = get_note(ctx, note_id)
    with ctx.uow() as uow:
        people = tuple(person_info(p) for p in current_persons(uow.session, note.case_id))
    consent = visits.latest_consent(ctx, note.visit_id) if note.visit_id else None
    return ReviewPlan(note, tuple(split_passages(note.current.body, note.current.child_voice)),
                      people, consent)


def start(
    ctx: Context, note_id: str, *, audience: str, present: list[PresentPerson],
    shown: set[int] | None = None, variant: str = "adult",
) -> ReviewSession:
    """Start a review of the note's current revision. ``shown`` = passage indexes to show
    (default: all). The choice is stored on the review."""
    if audience not in AUDIENCES:
        raise ValidationError("Välj vem genomgången gäller.", field="audience")
    if variant not in VARIANTS:
        raise ValidationError("Okänd variant.", field="variant")
    if not [p for p in present if p.name.strip()]:
        raise ValidationError("Ange vem som är med vid genomgången.", field="present")
    with ctx.uow(write=True) as uow:
        s = uow.session
        note = _note(s, ctx, note_id)
        rev = s.get(NoteRevision, note.current_revision_id)
        assert rev is not None
        passages = split_passages(rev.body, rev.child_voice)
        chosen = set(range(len(passages))) if shown is None else set(shown)
        if not chosen & {p.index for p in passages}:
            raise ValidationError("Välj minst ett stycke att visa.", field="passages")
        review = Review(
            id=new_id(), note_id=note.id, revision_id=rev.id, revision_hash=rev.hash, audience=audience,
            present=[{"name": p.name.strip(), "role": p.role, "person_id": p.person_id}
                     for p in present if p.name.strip()],
            passages=[{"index": p.index, "part": p.part, "shown": p.index in chosen,
                       "hash": content_hash(p.text)} for p in passages],
            variant=variant, started_at=ctx.now(), started_by=ctx.actor.user_id,
        )
        record = review.to_record()
        review.hash = record_hash(record)
        s.add(review)
        s.flush()
        outbox.enqueue(s, record)
        audit.record(s, ctx.actor, "review.start", "note", note.id,
                     {"review": review.id, "audience": audience,
                      "hidden": len(passages) - len(chosen)}, now=ctx.now())
        session = ReviewSession(review.id, note.id, rev.hash, audience, variant,
                                tuple(p for p in passages if p.index in chosen),
                                respondents(audience, review.present))
        uow.commit()
        return session


def respondents(audience: str, present: Sequence[dict[str, Any]]) -> tuple[PresentPerson, ...]:
    """Who answers for themselves: with audience "both", the child and guardians present (or
    everyone present when none of them has that role); nobody to choose among otherwise."""
    if audience != "both":
        return ()
    people = [PresentPerson(p["name"], p.get("role", "other"), p.get("person_id"))
              for p in present]
    family = [p for p in people if p.role in ("child", "guardian")]
    chosen = family or people
    return tuple(chosen) if len(chosen) > 1 else ()


def record_outcome(
    ctx: Context, review_id: str, passage_index: int, outcome: str | None, comment: str = "",
    *, input_method: str = "typed", respondent: PresentPerson | None = None,
) -> None:
    """Store the person's answer and own words for one passage, exactly as given, and who
    gave it when child and guardian answer each for themselves. Only in a review the user
    started (the one their kiosk shows); any other attempt is refused and audited."""
    if outcome is not None and outcome not in OUTCOMES:
        raise ValidationError("Okänt svar.", field="outcome")
    if len(comment) > MAX_COMMENT:
        raise ValidationError("Synpunkten är för lång (högst 100 000 tecken).", field="comment")
    if input_method not in ("typed", "dictated"):
        raise ValidationError("Okänt inmatningssätt.", field="input_method")
    _require_starter(ctx, review_id, "review.outcome")
    with ctx.uow(write=True) as uow:
        s = uow.session
        review = _review(s, ctx, review_id)
        shown = {p["index"] for p in review.passages if p["shown"]}
        if passage_index not in shown:
            raise ValidationError("Stycket ingår inte i genomgången.", field="passage")
        if _completed(s, review.id):
            raise ValidationError("Genomgången är redan avslutad.")
        who = _respondent(review, respondent)
        _entry(s, ctx, review, "outcome", passage_index=passage_index, outcome=outcome,
               comment=comment, input_method=input_method, respondent=who)
        details: dict[str, Any] = {"passage": passage_index, "outcome": outcome,
                                   "has_comment": bool(comment)}
        if who is not None:
            details["respondent_role"] = who["role"]
        audit.record(s, ctx.actor, "review.outcome", "review", review.id, details,
                     now=ctx.now())
        uow.commit()


def complete(ctx: Context, review_id: str) -> ReviewSummary:
    _require_starter(ctx, review_id, "review.complete")
    with ctx.uow(write=True) as uow:
        s = uow.session
        review = _review(s, ctx, review_id)
        if not _completed(s, review.id):
            _entry(s, ctx, review, "completed")
            audit.record(s, ctx.actor, "review.complete", "review", review.id, now=ctx.now())
        (summary,) = _summaries(s, [review])
        uow.commit()
        return summary


def summary(ctx: Context, review_id: str) -> ReviewSummary:
    with ctx.uow() as uow:
        (out,) = _summaries(uow.session, [_review(uow.session, ctx, review_id)])
        return out


def for_note(ctx: Context, note_id: str) -> list[ReviewSummary]:
    """Every review of the note, oldest first (shown next to the note and when signing)."""
    with ctx.uow() as uow:
        s = uow.session
        _note(s, ctx, note_id)
        rows = s.scalars(select(Review).where(Review.note_id == note_id)
                         .order_by(Review.started_at)).all()
        return _summaries(s, rows)


def for_case(ctx: Context, case_id: str) -> dict[str, list[ReviewSummary]]:
    """Reviews of every note in a case by note id (the journal shows them beside the notes),
    in a fixed number of queries however many reviews the case has."""
    with ctx.uow() as uow:
        return reviews_in_case(uow.session, ctx, case_id)


def reviews_in_case(s: Session, ctx: Context, case_id: str) -> dict[str, list[ReviewSummary]]:
    """``for_case`` inside the caller's unit of work (the case view reads all in one)."""
    require_case(s, ctx.actor, case_id)
    rows = s.scalars(select(Review).join(JournalNote, JournalNote.id == Review.note_id)
                     .where(JournalNote.case_id == case_id)
                     .order_by(Review.started_at)).all()
    out: dict[str, list[ReviewSummary]] = {}
    for summary in _summaries(s, rows):
        out.setdefault(summary.note_id, []).append(summary)
    return out


def verify_unlock(ctx: Context, secret: str,
                  review_id: str | None = None) -> review_unlock.UnlockAttempt:
    """Leaving the kiosk of ``review_id``: the user's own review PIN or their password, with
    the wait after wrong guesses (see ``app.review_unlock``). True when it opens."""
    return review_unlock.attempt(ctx, review_id, secret)


def set_review_pin(ctx: Context, pin: str) -> None:
    """Set or remove the logged-in user's own review PIN."""
    review_unlock.set_pin(ctx, pin)


def _note(s: Session, ctx: Context, note_id: str) -> JournalNote:
    note = s.get(JournalNote, note_id)
    if note is None:
        raise NotFound("Anteckningen")
    require_case(s, ctx.actor, note.case_id)
    return note


def _review(s: Session, ctx: Context, review_id: str) -> Review:
    review = s.get(Review, review_id)
    if review is None:
        raise NotFound("Genomgången")
    _note(s, ctx, review.note_id)
    return review


def _require_starter(ctx: Context, review_id: str, action: str) -> None:
    """Answers go only into a review the user started (the one their kiosk shows). A refusal
    is audited in a unit of its own, before the caller's write (which never begins)."""
    with ctx.uow() as uow:
        started_by = _review(uow.session, ctx, review_id).started_by
    if started_by == ctx.actor.user_id:
        return
    with ctx.uow(write=True) as denial:
        audit.record(denial.session, ctx.actor, "access.denied", "review", review_id,
                     {"action": action, "reason": "not_started_by_user"}, now=ctx.now())
        denial.commit()
    raise PermissionDenied("Bara den som startade genomgången kan spara svar i den.")


def _respondent(review: Review, respondent: PresentPerson | None) -> dict[str, Any] | None:
    if respondent is None:
        return None
    who = {"name": respondent.name, "role": respondent.role,
           "person_id": respondent.person_id}
    if review.audience != "both" or who not in review.present:
        raise ValidationError("Den som svarar är inte med vid genomgången.",
                              field="respondent")
    return who


def _completed(s: Session, review_id: str) -> bool:
    stmt = select(ReviewEntry.id).where(ReviewEntry.review_id == review_id,
                                        ReviewEntry.kind == "completed")
    return s.scalar(stmt) is not None


def _entry(s: Session, ctx: Context, review: Review, kind: str, *,
           passage_index: int | None = None, outcome: str | None = None, comment: str = "",
           input_method: str = "typed", respondent: dict[str, Any] | None = None
           ) -> ReviewEntry:
    """Append an entry, hashed as its record (bound to the review's hash), and queue it."""
    seq = (s.scalar(select(func.max(ReviewEntry.seq))
                    .where(ReviewEntry.review_id == review.id)) or 0) + 1
    entry = ReviewEntry(id=new_id(), review_id=review.id, seq=seq, kind=kind,
                        passage_index=passage_index, outcome=outcome, comment=comment,
                        input_method=input_method, recorded_at=ctx.now(),
                        recorded_by=ctx.actor.user_id, respondent=respondent)
    record = entry.to_record(review)
    entry.hash = record_hash(record)
    s.add(entry)
    s.flush()
    outbox.enqueue(s, record)
    return entry


def _summaries(s: Session, reviews: Sequence[Review]) -> list[ReviewSummary]:
    """Summaries of many reviews in three queries: revisions, entries and starters at once."""
    if not reviews:
        return []
    revs = {r.id: r for r in s.scalars(
        select(NoteRevision).where(NoteRevision.id.in_({r.revision_id for r in reviews})))}
    entries: dict[str, list[ReviewEntry]] = defaultdict(list)
    for e in s.scalars(select(ReviewEntry)
                       .where(ReviewEntry.review_id.in_([r.id for r in reviews]))
                       .order_by(ReviewEntry.review_id, ReviewEntry.seq)):
        entries[e.review_id].append(e)
    names = {uid: name for uid, name in s.execute(
        select(User.id, User.display_name).where(User.id.in_({r.started_by for r in reviews})))}
    return [_summary(r, revs[r.revision_id], entries[r.id], names.get(r.started_by, "?"))
            for r in reviews]


def _summary(review: Review, rev: NoteRevision, entries: list[ReviewEntry],
             started_by: str) -> ReviewSummary:
    texts = {p.index: p.text for p in split_passages(rev.body, rev.child_voice)}
    # The latest entry per passage and respondent (None: one voice, or nobody chosen yet).
    latest: dict[int | None, dict[tuple[Any, ...] | None, ReviewEntry]] = defaultdict(dict)
    for e in entries:
        if e.kind == "outcome":
            key = None if e.respondent is None else tuple(sorted(e.respondent.items()))
            latest[e.passage_index][key] = e
    outcomes: list[PassageOutcome] = []
    shown = [p for p in review.passages if p["shown"]]
    for position, p in enumerate(shown):
        text = texts.get(p["index"], "")
        answers = [e for e in latest.get(p["index"], {}).values()
                   if e.outcome is not None or e.comment]
        if not answers:  # no answer: the last (empty) entry, or none at all
            empty = latest.get(p["index"], {}).get(None)
            answers = [empty] if empty is not None else []
            if not answers:
                outcomes.append(PassageOutcome(p["index"], text, None, "", "", None,
                                               position=position))
                continue
        for e in answers:
            who = e.respondent
            outcomes.append(PassageOutcome(
                p["index"], text, e.outcome, e.comment, e.input_method, e.recorded_at,
                PresentPerson(who["name"], who.get("role", "other"), who.get("person_id"))
                if who else None, position))
    return ReviewSummary(
        review.id, review.note_id, review.revision_id, review.revision_hash, review.started_at,
        started_by, review.audience, review.variant,
        tuple(p["name"] for p in review.present),
        sum(1 for p in review.passages if not p["shown"]),
        any(e.kind == "completed" for e in entries), tuple(outcomes))
