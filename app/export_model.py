"""The journal as it leaves the app: one frozen read model that every export writer uses.

The PDF, DOCX, CSV and JSON writers get exactly these values, so all four formats hold the same
notes, revisions, corrections, signatures, reviews, consents and visits, in the same order.
Loading them (``app.export_load``) is the only part that touches the store.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from app.dto import SpeechProvenance

# What a signature's verification says. Personal signatures (the trust issue) are not in the
# store yet: until a revision carries one, every signature is "not available", never "verified".
SIGNATURE_VERIFIED = "verified"
SIGNATURE_INVALID = "invalid"
SIGNATURE_NOT_AVAILABLE = "not-available"
SIGNATURE_STATES = (SIGNATURE_VERIFIED, SIGNATURE_INVALID, SIGNATURE_NOT_AVAILABLE)

SIGNATURE_LABELS = {
    SIGNATURE_VERIFIED: "Signaturen är kontrollerad och stämmer",
    SIGNATURE_INVALID: "Signaturen stämmer INTE med texten",
    SIGNATURE_NOT_AVAILABLE: "Personlig signatur saknas (inte tillgänglig)",
}


@dataclass(frozen=True)
class PersonView:
    role: str
    name: str
    personnummer: str  # masked ("20150412-****") unless the exporter asked for it in full
    birth_date: date | None


@dataclass(frozen=True)
class SignatureView:
    """Who signed which text, when, and whether a personal signature over it verifies."""

    signed_by: str
    signed_at: datetime
    revision_hash: str
    verification: str = SIGNATURE_NOT_AVAILABLE  # one of SIGNATURE_STATES

    @property
    def verification_label(self) -> str:
        return SIGNATURE_LABELS.get(self.verification, self.verification)


@dataclass(frozen=True)
class RevisionView:
    seq: int
    kind: str  # draft | signed | correction
    section: str
    body: str
    child_voice: str
    event_time: datetime
    author: str
    created_at: datetime
    reason: str  # why a correction was made; empty otherwise
    hash: str
    parent_hash: str | None
    signature: SignatureView | None  # signed and corrected revisions are signed by their author
    # Which of ``body`` came from speech recognition (engine, model, pass); None: typed only.
    speech: SpeechProvenance | None = None


@dataclass(frozen=True)
class CorrectionView:
    """A rättelse: the text before (kept readable, struck through) and who/when/why."""

    seq: int  # the correcting revision
    old_section: str
    old_body: str
    old_child_voice: str
    new_section: str
    new_body: str
    new_child_voice: str
    corrected_by: str
    corrected_at: datetime
    reason: str


@dataclass(frozen=True)
class AnswerView:
    """One answer given for a passage, verbatim; a changed answer is a later one."""

    outcome: str | None  # agrees | disagrees | None (no answer, only words)
    comment: str  # the person's own words (synpunkt), exactly as given
    input_method: str  # typed | dictated
    recorded_at: datetime
    recorded_by: str


@dataclass(frozen=True)
class PassageView:
    index: int
    part: str  # body | child_voice
    text: str
    shown: bool  # False: hidden from this audience, still part of the note
    answers: tuple[AnswerView, ...]

    @property
    def outcome(self) -> AnswerView | None:
        """The latest answer is the outcome."""
        return self.answers[-1] if self.answers else None


@dataclass(frozen=True)
class ReviewView:
    id: str
    revision_seq: int
    started_at: datetime
    started_by: str
    audience: str  # child | guardian | both | named
    variant: str  # adult | child
    present: tuple[tuple[str, str], ...]  # (name, role) of each person present
    passages: tuple[PassageView, ...]
    completed_at: datetime | None

    @property
    def hidden_count(self) -> int:
        return sum(1 for p in self.passages if not p.shown)


@dataclass(frozen=True)
class NoteView:
    id: str
    event_time: datetime
    created_at: datetime
    author: str
    state: str  # draft | signed
    current: RevisionView
    revisions: tuple[RevisionView, ...]  # every revision of the record, oldest first
    corrections: tuple[CorrectionView, ...]
    signature: SignatureView | None  # the first signature (when the note was signed)
    reviews: tuple[ReviewView, ...]
    visit_id: str | None


@dataclass(frozen=True)
class ConsentView:
    informed: tuple[str, ...]
    agreed: tuple[str, ...]
    refused: tuple[str, ...]
    recorded_at: datetime
    recorded_by: str


@dataclass(frozen=True)
class VisitView:
    id: str
    kind: str
    planned_start: datetime | None
    actual_start: datetime | None
    actual_end: datetime | None
    participants: tuple[str, ...]
    with_child: bool
    consents: tuple[ConsentView, ...]  # oldest first; a withdrawal is a later one


@dataclass(frozen=True)
class CaseExport:
    id: str
    case_number: str
    title: str
    status: str
    persons: tuple[PersonView, ...]
    assigned: tuple[str, ...]
    notes: tuple[NoteView, ...]  # event-time order, as the journal
    visits: tuple[VisitView, ...]  # oldest first


@dataclass(frozen=True)
class JournalExport:
    """What one export holds: one case, or every visible case of the unit, for a period."""

    scope: str  # case | unit
    cases: tuple[CaseExport, ...]
    exported_at: datetime
    exported_by: str  # display name (username)
    period_from: date | None
    period_to: date | None
    full_personnummer: bool

    @property
    def note_count(self) -> int:
        return sum(len(c.notes) for c in self.cases)

    @property
    def title(self) -> str:
        if self.scope == "case" and len(self.cases) == 1:
            return f"Journal {self.cases[0].case_number}"
        return "Journaler för enheten"

    @property
    def period_label(self) -> str:
        if self.period_from is None and self.period_to is None:
            return "hela journalen"
        start = self.period_from.isoformat() if self.period_from else "…"
        end = self.period_to.isoformat() if self.period_to else "…"
        return f"{start} – {end}"


def mask_personnummer(value: str | None, *, full: bool) -> str:
    """``YYYYMMDD-NNNN`` as it is when ``full``, else the birth date with the last four hidden."""
    if not value:
        return ""
    if full:
        return value
    return value[:-4] + "****" if len(value) > 4 else "****"
