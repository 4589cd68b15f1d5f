"""Frozen values that services return; ORM objects never leave the service layer."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True)
class Actor:
    user_id: str
    username: str
    display_name: str
    role: str

    @property
    def sees_all_cases(self) -> bool:
        # Kept for callers outside app/access.py; who sees what is stated in access.RULES
        # (READ_CASE), and tests/integration/foundation/test_permissions.py holds them equal.
        return self.role in ("supervisor", "admin")


@dataclass(frozen=True)
class UserInfo:
    id: str
    username: str
    display_name: str
    role: str
    active: bool


@dataclass(frozen=True)
class AccountInfo:
    """An account as the admin's list shows it."""

    id: str
    username: str
    display_name: str
    role: str
    active: bool
    locked: bool
    failed_attempts: int
    has_key: bool


@dataclass(frozen=True)
class PersonInput:
    role: str
    name: str
    personnummer: str = ""
    birth_date: date | None = None


@dataclass(frozen=True)
class PersonInfo:
    id: str
    role: str
    name: str
    personnummer: str | None
    birth_date: date | None


@dataclass(frozen=True)
class CaseSummary:
    id: str
    case_number: str
    title: str
    status: str
    created_at: datetime
    note_count: int = 0
    last_event: datetime | None = None


@dataclass(frozen=True)
class Colleague:
    """A user a case can be assigned to (or is): id for the service, name for people."""

    id: str
    username: str
    display_name: str
    role: str


@dataclass(frozen=True)
class CaseDetail:
    id: str
    case_number: str
    title: str
    status: str
    created_at: datetime
    persons: tuple[PersonInfo, ...]
    assigned: tuple[str, ...]  # display names of the assigned caseworkers
    assignees: tuple[Colleague, ...] = ()
    retention_class: str = "standard"
    closed_at: datetime | None = None

    @property
    def is_closed(self) -> bool:
        return self.status == "closed"


@dataclass(frozen=True)
class ParticipantInfo:
    """Someone who took part in a visit: a person of the case (``person_id``), a caseworker
    (``user_id``), or, for visits registered before persons could be chosen, a typed name."""

    name: str
    role: str  # child | guardian | other | caseworker
    person_id: str | None = None
    user_id: str | None = None


@dataclass(frozen=True)
class VisitInfo:
    id: str
    case_id: str
    kind: str
    planned_start: datetime | None
    actual_start: datetime | None
    actual_end: datetime | None
    participants: tuple[str, ...]  # names of the family's participants (not caseworkers)
    with_child: bool
    present: tuple[ParticipantInfo, ...] = ()

    @property
    def person_ids(self) -> tuple[str, ...]:
        return tuple(p.person_id for p in self.present if p.person_id)

    @property
    def caseworker_ids(self) -> tuple[str, ...]:
        return tuple(p.user_id for p in self.present if p.user_id)

    @property
    def when(self) -> datetime | None:
        """When the visit happened (or was planned to)."""
        return self.actual_start or self.planned_start


@dataclass(frozen=True)
class ConsentInfo:
    id: str
    visit_id: str
    informed: tuple[str, ...]
    agreed: tuple[str, ...]
    refused: tuple[str, ...]
    recorded_at: datetime
    recorded_by: str

    @property
    def everyone_agreed(self) -> bool:
        return bool(self.agreed) and not self.refused


@dataclass(frozen=True)
class SpeechOrigin:
    """Machine words of one engine, model and pass that stand in a text."""

    engine: str  # vosk | whisper
    model_id: str
    pass_kind: str  # live | file | accuracy
    words: int


@dataclass(frozen=True)
class SpeechProvenance:
    """Which words of a text came from speech recognition (``spans``: character ranges, in
    order) and from which engine, model and pass; the rest the caseworker typed or changed."""

    origins: tuple[SpeechOrigin, ...]
    machine_words: int
    total_words: int
    spans: tuple[tuple[int, int], ...]

    @property
    def typed_words(self) -> int:
        return self.total_words - self.machine_words


@dataclass(frozen=True)
class RevisionInfo:
    id: str
    seq: int
    kind: str
    hash: str
    parent_hash: str | None
    section: str
    body: str
    child_voice: str
    event_time: datetime
    author: str
    created_at: datetime
    reason: str
    # Set on the current revision of a note made with speech recognition (``app.speech_provenance``).
    speech: SpeechProvenance | None = None


@dataclass(frozen=True)
class NoteInfo:
    id: str
    case_id: str
    visit_id: str | None
    author: str
    created_at: datetime
    event_time: datetime
    state: str
    signed_at: datetime | None
    signed_by: str | None
    current: RevisionInfo
    # Earlier signed/corrected versions, oldest first, shown struck through in the journal.
    superseded: tuple[RevisionInfo, ...] = field(default=())
    draft_count: int = 1
    author_id: str = ""  # who may change the draft (``app.access``: only its author)
    in_conflict: bool = False  # a draft changed on another laptop too (``app.sync_conflicts``)
    by_me: bool = False  # written by the reader, here or on another of their laptops


@dataclass(frozen=True)
class SearchHit:
    note_id: str
    case_id: str
    case_number: str
    case_title: str
    event_time: datetime
    state: str
    snippet: str
    found_in: str = "note"  # note | comment (the family's own words) | corrected (old text)


@dataclass(frozen=True)
class AuditCheck:
    ok: bool
    events: int
    first_broken_seq: int | None = None
    reason: str = ""


@dataclass(frozen=True)
class TranscriptInfo:
    """One transcript of a recording: who made it (engine, model), in which pass, and whether it
    is finished (hashed, queued for sync; nothing is added to it any more)."""

    id: str
    recording_id: str
    engine: str
    model_id: str
    pass_kind: str  # live | file | accuracy
    created_at: datetime
    finished: bool
    segments: int
