"""How notes are made, per caseworker: signed on site, time to sign, reviews, words kept."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from app.stats_calc import Span, kept_words, median, percentile, words
from app.transcripts import shown_transcripts, texts_of
from models.journal import JournalNote, NoteRevision, Review, ReviewEntry
from models.staffing import NoteWordCount
from models.visits import Recording


@dataclass(frozen=True)
class NoteFigures:
    signed: int = 0
    signed_on_site: int = 0
    with_visit_end: int = 0  # signed notes whose visit has an end, the base of the next two
    hours_to_sign: tuple[float, ...] = ()  # per note with a visit end: hours from it to signing
    reviewed: int = 0
    passages_answered: int = 0
    passages_agreed: int = 0
    signed_words_from_transcripts: int = 0  # words of signed notes on recorded visits
    kept_words: int = 0  # of those, words that match the machine transcript in order

    @property
    def hours_to_sign_median(self) -> float | None:
        return median(self.hours_to_sign)

    @property
    def hours_to_sign_p90(self) -> float | None:
        return percentile(self.hours_to_sign, 0.9)

    @property
    def on_site_share(self) -> float | None:
        return self.signed_on_site / self.with_visit_end if self.with_visit_end else None

    @property
    def agreed_share(self) -> float | None:
        return self.passages_agreed / self.passages_answered if self.passages_answered else None

    @property
    def kept_share(self) -> float | None:
        words_ = self.signed_words_from_transcripts
        return self.kept_words / words_ if words_ else None



@dataclass
class _Tally:
    signed: int = 0
    on_site: int = 0
    with_end: int = 0
    hours: tuple[float, ...] = ()
    reviewed: int = 0
    answered: int = 0
    agreed: int = 0
    signed_words: int = 0
    kept: int = 0

    def figures(self) -> NoteFigures:
        return NoteFigures(self.signed, self.on_site, self.with_end, self.hours, self.reviewed, self.answered, self.agreed,
                           self.signed_words, self.kept)


def note_figures(s: Session, users: dict[str, str], start: datetime, end: datetime,
                 spans: dict[str, Span], margin: timedelta) -> dict[str, NoteFigures]:
    """Figures of the notes signed in ``start``..``end`` by each of ``users``, in a fixed number
    of queries whatever the number of notes; ``spans`` are the visits' times by visit id."""
    notes = s.execute(select(JournalNote.id, JournalNote.visit_id, JournalNote.signed_by,
                             JournalNote.signed_at).where(
        JournalNote.state == "signed", JournalNote.signed_at >= start,
        JournalNote.signed_at < end, JournalNote.signed_by.in_(list(users)))).all()
    note_ids = [n.id for n in notes]
    tallies: dict[str, _Tally] = defaultdict(_Tally)
    outcomes = _outcomes(s, note_ids)
    counts = word_counts(s, [(n.id, n.visit_id) for n in notes if n.visit_id])
    for note in notes:
        tally = tallies[note.signed_by]
        tally.signed += 1
        span = spans.get(note.visit_id or "")
        if span is not None:
            tally.with_end += 1
            waited = note.signed_at - span.end
            tally.hours += (max(waited.total_seconds(), 0.0) / 3600,)
            tally.on_site += waited <= margin
        answered = outcomes.get(note.id)
        if answered is not None:
            tally.reviewed += 1
            tally.answered += len(answered)
            tally.agreed += sum(1 for o in answered if o == "agrees")
        if note.id in counts:
            signed, kept = counts[note.id]
            tally.signed_words += signed
            tally.kept += kept
    return {uid: t.figures() for uid, t in tallies.items()}


def _outcomes(s: Session, note_ids: list[str]) -> dict[str, list[str]]:
    """Per note with a completed review: the final outcome of each answered passage."""
    entries: dict[str, list[tuple[str, int | None, str | None]]] = defaultdict(list)
    note_of: dict[str, str] = {}
    for review_id, note_id, kind, index, outcome in s.execute(
            select(ReviewEntry.review_id, Review.note_id, ReviewEntry.kind,
                   ReviewEntry.passage_index, ReviewEntry.outcome)
            .join(Review, Review.id == ReviewEntry.review_id)
            .where(Review.note_id.in_(note_ids))
            .order_by(ReviewEntry.review_id, ReviewEntry.seq)):
        entries[review_id].append((kind, index, outcome))
        note_of[review_id] = note_id
    out: dict[str, list[str]] = {}
    for review_id, rows in entries.items():
        if not any(kind == "completed" for kind, _, _ in rows):
            continue
        latest = {index: outcome for kind, index, outcome in rows
                  if kind == "outcome" and outcome}
        out.setdefault(note_of[review_id], []).extend(o for o in latest.values() if o)
    return out


def word_counts(s: Session, notes: list[tuple[str, str]]) -> dict[str, tuple[int, int]]:
    """(signed words, words kept from the machine transcript) per (note id, visit id) whose
    visit has a transcript. Counts are kept in ``note_word_counts`` and made again only when
    the visit's transcripts changed (the caller commits)."""
    visit_ids = {visit_id for _, visit_id in notes}
    recordings = s.execute(select(Recording.visit_id, Recording.id)
                           .where(Recording.visit_id.in_(visit_ids))
                           .order_by(Recording.started_at, Recording.id)).all()
    shown = shown_transcripts(s, [rid for _, rid in recordings])
    # visit id -> (id, hash) of its transcripts, in recording order
    drafts: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for visit_id, recording_id in recordings:
        if recording_id in shown:
            drafts[visit_id].append(shown[recording_id])
    keys = {visit_id: _draft_key(transcripts) for visit_id, transcripts in drafts.items()}
    cached = {row.note_id: (row.draft_key, row.signed_words, row.kept_words)
              for row in s.execute(select(NoteWordCount.note_id, NoteWordCount.draft_key,
                                          NoteWordCount.signed_words, NoteWordCount.kept_words)
                                   .where(NoteWordCount.note_id.in_([n for n, _ in notes])))}
    stale = [(note_id, visit_id) for note_id, visit_id in notes if visit_id in keys and (
        note_id not in cached or cached[note_id][0] != keys[visit_id])]
    if stale:
        texts = texts_of(s, {tid for _, v in stale for tid, _ in drafts[v]})
        signed_texts = _signed_texts(s, [note_id for note_id, _ in stale])
        new: list[dict[str, object]] = []
        changed: list[dict[str, object]] = []
        for note_id, visit_id in stale:
            machine = words(" ".join(texts.get(tid, "") for tid, _ in drafts[visit_id]))
            signed = words(signed_texts.get(note_id, ""))
            row = {"note_id": note_id, "draft_key": keys[visit_id], "signed_words": len(signed),
                   "kept_words": kept_words(machine, signed)}
            (changed if note_id in cached else new).append(row)
            cached[note_id] = (row["draft_key"], row["signed_words"], row["kept_words"])
        if new:
            s.execute(insert(NoteWordCount), new)
        if changed:
            s.execute(update(NoteWordCount), changed)  # bulk, by primary key
    return {note_id: cached[note_id][1:] for note_id, visit_id in notes if visit_id in keys}


def _draft_key(transcripts: list[tuple[str, str]]) -> str:
    """Names the transcripts compared (an unfinished live transcript has no hash yet: its
    count is remade until it is finished)."""
    text = "|".join(f"{tid}:{h}" for tid, h in transcripts)
    return hashlib.sha256(text.encode()).hexdigest()


def _signed_texts(s: Session, note_ids: list[str]) -> dict[str, str]:
    """Each note's text as it was signed (the signing revision, not later corrections)."""
    return {row.note_id: f"{row.body}\n{row.child_voice}" for row in s.execute(
        select(NoteRevision.note_id, NoteRevision.body, NoteRevision.child_voice).where(
            NoteRevision.note_id.in_(note_ids), NoteRevision.kind == "signed"))}


def merge(all_figures: Sequence[NoteFigures]) -> NoteFigures:
    """The unit's figures from its caseworkers' figures."""
    return NoteFigures(
        sum(f.signed for f in all_figures), sum(f.signed_on_site for f in all_figures),
        sum(f.with_visit_end for f in all_figures),
        tuple(h for f in all_figures for h in f.hours_to_sign),
        sum(f.reviewed for f in all_figures), sum(f.passages_answered for f in all_figures),
        sum(f.passages_agreed for f in all_figures),
        sum(f.signed_words_from_transcripts for f in all_figures),
        sum(f.kept_words for f in all_figures))
