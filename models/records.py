"""Wire formats: one versioned, frozen record type per synced kind, and one canonical codec.

A record is what a row *means*, independent of how the ORM stores it. The same bytes serve two
purposes and so must never drift apart:

* the content hash stored with the row (``record_hash``), which cannot change once a record has
  been synced, and
* the sync payload a laptop pushes to the office server (``encode`` / ``decode``).

Encoding is canonical JSON (``models.canonical``) of ``{"record": KIND, "v": VERSION, <fields>}``:
datetimes as UTC ISO-8601 with microseconds and a ``Z``, dates as ``YYYY-MM-DD``, tuples as
lists, nested values as objects without ``record``/``v``. Adding, removing or renaming a field is
a new ``VERSION`` of that kind (and a decoder for the old one), never an edit of an existing one.
An older version stays a class of its own (``PersonRecordV1``, ``VisitRecordV1``): bytes queued or
hashed under it decode to it and encode back to the very same bytes.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any, ClassVar, TypeVar, Union, get_args, get_origin

from models.canonical import canonical_json, content_hash

R = TypeVar("R", bound="Record")


class RecordError(ValueError):
    """Bytes or a dict that are not a valid record (unknown kind, version or field)."""


@dataclass(frozen=True, kw_only=True)
class Record:
    """Base of every top-level synced record. ``KIND`` and ``VERSION`` are part of the bytes."""

    KIND: ClassVar[str] = ""
    VERSION: ClassVar[int] = 1

    id: str


# --- nested values ---------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class Participant:
    """Someone present at a visit or a review (a person of the case, or a name only)."""

    name: str
    role: str = "other"
    person_id: str | None = None


@dataclass(frozen=True, kw_only=True)
class ReviewPassage:
    """One passage of the reviewed revision: whether it was shown and the hash of its text."""

    index: int
    part: str  # "body" | "child_voice"
    shown: bool
    text_hash: str


@dataclass(frozen=True, kw_only=True)
class Word:
    word: str
    start: float
    end: float
    conf: float


@dataclass(frozen=True, kw_only=True)
class TranscriptSegment:
    seq: int
    start_s: float
    end_s: float
    text: str
    words: tuple[Word, ...] = ()
    speaker: str | None = None


# --- top-level records -----------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class UserRecord(Record):
    """A user as an admin signed it: name, role, whether active, and their signing keys."""

    KIND: ClassVar[str] = "user"

    username: str
    display_name: str
    role: str
    active: bool
    created_at: datetime
    sign_pub: str | None
    old_sign_pubs: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class CaseRecord(Record):
    KIND: ClassVar[str] = "case"

    case_number: str
    title: str
    status: str
    retention_class: str
    created_at: datetime
    created_by: str
    closed_at: datetime | None = None


@dataclass(frozen=True, kw_only=True)
class PersonRecordV1(Record):
    """A person before version 2: persons could not be removed from a case."""

    KIND: ClassVar[str] = "person"

    case_id: str
    position: int
    role: str
    name: str
    personnummer: str | None
    birth_date: date | None
    note: str = ""


@dataclass(frozen=True, kw_only=True)
class PersonRecord(Record):
    """A person in a case; ``removed_at`` is set when the person was taken off the case (the
    row stays, so the visits and reviews that name them stay readable)."""

    KIND: ClassVar[str] = "person"
    VERSION: ClassVar[int] = 2

    case_id: str
    position: int
    role: str
    name: str
    personnummer: str | None
    birth_date: date | None
    note: str = ""
    removed_at: datetime | None = None


@dataclass(frozen=True, kw_only=True)
class CaseAssignmentRecord(Record):
    """A caseworker put on (``assigned``) or taken off a case; one record per change."""

    KIND: ClassVar[str] = "case_assignment"

    case_id: str
    user_id: str
    assigned: bool
    changed_at: datetime
    changed_by: str


@dataclass(frozen=True, kw_only=True)
class VisitRecordV1(Record):
    """A visit before version 2: participants were names typed as free text."""

    KIND: ClassVar[str] = "visit"

    case_id: str
    kind: str
    planned_start: datetime | None
    planned_end: datetime | None
    actual_start: datetime | None
    actual_end: datetime | None
    participants: tuple[Participant, ...]
    with_child: bool
    created_by: str
    created_at: datetime


@dataclass(frozen=True, kw_only=True)
class VisitRecord(Record):
    """A visit. ``participants`` are persons of the case (``person_id`` set; a name without one
    is a free-text participant kept from before version 2); ``caseworkers`` are the user ids of
    the caseworkers who took part."""

    KIND: ClassVar[str] = "visit"
    VERSION: ClassVar[int] = 2

    case_id: str
    kind: str
    planned_start: datetime | None
    planned_end: datetime | None
    actual_start: datetime | None
    actual_end: datetime | None
    participants: tuple[Participant, ...]
    caseworkers: tuple[str, ...]
    with_child: bool
    created_by: str
    created_at: datetime


@dataclass(frozen=True, kw_only=True)
class ConsentRecord(Record):
    KIND: ClassVar[str] = "consent"

    visit_id: str
    informed: tuple[str, ...]
    agreed: tuple[str, ...]
    refused: tuple[str, ...]
    recorded_at: datetime
    recorded_by: str


@dataclass(frozen=True, kw_only=True)
class RevisionRecord(Record):
    """One immutable version of a journal note, with the note's own identity (case, visit) so
    that a revision alone tells a server everything it means. ``parent_hash`` chains drafts."""

    KIND: ClassVar[str] = "revision"

    note_id: str
    case_id: str
    visit_id: str | None
    seq: int
    kind: str  # draft | signed | correction
    parent_hash: str | None
    section: str
    body: str
    child_voice: str
    event_time: datetime
    author_id: str
    created_at: datetime
    reason: str = ""


@dataclass(frozen=True, kw_only=True)
class ReviewRecord(Record):
    KIND: ClassVar[str] = "review"

    note_id: str
    revision_id: str
    revision_hash: str
    audience: str
    variant: str
    present: tuple[Participant, ...]
    passages: tuple[ReviewPassage, ...]
    started_at: datetime
    started_by: str


@dataclass(frozen=True, kw_only=True)
class ReviewEntryRecord(Record):
    """An outcome and the person's own words for one passage, or the end of a review."""

    KIND: ClassVar[str] = "review_entry"

    review_id: str
    review_hash: str
    seq: int
    kind: str  # outcome | completed
    passage_index: int | None
    outcome: str | None
    comment: str
    input_method: str
    recorded_at: datetime
    recorded_by: str


@dataclass(frozen=True, kw_only=True)
class AttributedReviewEntryRecord(ReviewEntryRecord):
    """Version 2 of a review entry: the answer names who gave it (a review with the child and
    a guardian together). An entry without a respondent stays version 1, so the hash of every
    entry made before stays what it was."""

    VERSION: ClassVar[int] = 2

    respondent: Participant


@dataclass(frozen=True, kw_only=True)
class TranscriptRecord(Record):
    """What a speech engine produced for one recording in one pass (live, file, accuracy)."""

    KIND: ClassVar[str] = "transcript"

    recording_id: str
    engine: str
    model_id: str
    pass_kind: str  # live | file | accuracy
    created_at: datetime
    segments: tuple[TranscriptSegment, ...]


@dataclass(frozen=True, kw_only=True)
class RecordingRecord(Record):
    """What is known about one recording of a visit, never its audio: who recorded it, when,
    how it ended and what the audio policy did with it. A new version of the same id is
    queued when its state changes (e.g. ``audio-deleted`` after signing)."""

    KIND: ClassVar[str] = "recording"

    visit_id: str
    recorded_by: str
    started_at: datetime
    ended_at: datetime | None
    duration_s: float
    sample_rate: int
    state: str  # complete | recovered | audio-deleted
    finish_reason: str  # stopped | imported | recovered | "" (finished before this was kept)
    engine: str
    model_id: str
    audio_policy: str  # the laptop's policy when it finished: delete-on-sign | keep | ""
    audio_deleted_at: datetime | None = None


@dataclass(frozen=True, kw_only=True)
class AuditEventRecord(Record):
    """One link of a laptop's audit chain; ``device_id`` + ``seq`` identify it across laptops."""

    KIND: ClassVar[str] = "audit_event"

    device_id: str
    seq: int
    ts: datetime
    user_id: str | None
    username: str
    action: str
    object_type: str
    object_id: str
    details: Mapping[str, Any] = field(default_factory=dict)
    prev_hash: str


RECORD_TYPES: dict[str, type[Record]] = {
    cls.KIND: cls
    for cls in (UserRecord, CaseRecord, PersonRecord, CaseAssignmentRecord, VisitRecord,
                ConsentRecord, RevisionRecord, ReviewRecord, ReviewEntryRecord,
                TranscriptRecord, RecordingRecord, AuditEventRecord)
}
# Earlier versions, still decoded by (kind, version): their bytes are in outboxes and hashes.
OLDER_RECORD_TYPES: dict[tuple[str, int], type[Record]] = {
    (cls.KIND, cls.VERSION): cls for cls in (PersonRecordV1, VisitRecordV1)
}
# Later versions a kind may be written in beside its current one: a review entry is written as
# version 2 only when it names who answered, so older entries keep their bytes and hashes.
ALTERNATIVE_RECORD_TYPES: dict[tuple[str, int], type[Record]] = {
    (cls.KIND, cls.VERSION): cls for cls in (AttributedReviewEntryRecord,)
}


def as_current(record: Record) -> Record:
    """What a record of an earlier version means in today's version of its kind (a person
    never removed, a visit with no caseworkers named); a current record is returned as is.
    Its hash is not the stored one: stored bytes are checked as they were written."""
    if isinstance(record, PersonRecordV1):
        return PersonRecord(**_fields(record))
    if isinstance(record, VisitRecordV1):
        return VisitRecord(**_fields(record), caseworkers=())
    return record


def _fields(record: Record) -> dict[str, Any]:
    return {f.name: getattr(record, f.name) for f in dataclasses.fields(record)}


# --- codec -----------------------------------------------------------------------------------


def iso_utc(value: datetime) -> str:
    """The one text form of a point in time inside records (and in ``UTCDateTime`` columns)."""
    if value.tzinfo is None:
        raise RecordError("naive datetimes have no place in a record")
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def to_wire(record: Record) -> dict[str, Any]:
    """The JSON object of a record: ``record`` (its kind), ``v`` and every field."""
    out: dict[str, Any] = {"record": record.KIND, "v": record.VERSION}
    out.update(_plain(record))
    return out


def encode(record: Record) -> bytes:
    """Canonical bytes of a record: the input of its hash and the body of its sync payload."""
    return canonical_json(to_wire(record))


def record_hash(record: Record) -> str:
    """SHA-256 (hex) of ``encode(record)``; what the ORM stores and the server checks."""
    return content_hash(to_wire(record))


def decode(data: bytes | str) -> Record:
    try:
        obj = json.loads(data)
    except ValueError as exc:
        raise RecordError("not JSON") from exc
    return from_wire(obj)


def from_wire(obj: object, expected: type[R] | None = None) -> Record:
    """Rebuild a record from its JSON object, checking kind, version, fields and types."""
    if not isinstance(obj, dict):
        raise RecordError("a record is a JSON object")
    kind, version = obj.get("record"), obj.get("v")
    current = RECORD_TYPES.get(kind) if isinstance(kind, str) else None
    if current is None:
        raise RecordError("unknown record kind")
    if expected is not None and expected.KIND != current.KIND:
        raise RecordError(f"expected a {expected.KIND} record")
    if type(version) is not int:
        raise RecordError(f"unsupported {current.KIND} record version")
    cls = current if version == current.VERSION else (
        OLDER_RECORD_TYPES.get((current.KIND, version))
        or ALTERNATIVE_RECORD_TYPES.get((current.KIND, version)))
    if cls is None:
        raise RecordError(f"unsupported {current.KIND} record version")
    body = {k: v for k, v in obj.items() if k not in ("record", "v")}
    record: Record = _build(cls, body)
    return record


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out = {}
        for name, is_float in _fields_of(type(value)):
            v = getattr(value, name)
            # 1 and 1.0 are one value to Python but two byte forms in JSON: a float field is
            # always written as a float so that decode -> encode gives the same bytes.
            if is_float and isinstance(v, int) and not isinstance(v, bool):
                v = float(v)
            out[name] = _scalar(v)
        return out
    if isinstance(value, datetime):
        return iso_utc(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if value is None or isinstance(value, bool | int | float | str):
        return value
    raise RecordError(f"a {type(value).__name__} cannot be part of a record")


def _scalar(value: Any) -> Any:
    """``_plain`` with the common exact types first: verifying a store encodes every record,
    and this path makes that several times faster (same bytes; ``_plain`` does the rest)."""
    t = type(value)
    if t is str or t is int or t is bool or value is None:
        return value
    if t is datetime:
        return iso_utc(value)
    return _plain(value)


_FIELDS: dict[type, tuple[tuple[str, bool], ...]] = {}


def _fields_of(cls: type) -> tuple[tuple[str, bool], ...]:
    """(name, is a float field) of each field of a record or nested value class."""
    found = _FIELDS.get(cls)
    if found is None:
        hints = _hints(cls)
        found = _FIELDS[cls] = tuple((f.name, hints[f.name] is float)
                                     for f in dataclasses.fields(cls))
    return found


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    hints = _HINTS.get(cls)
    if hints is None:
        hints = _HINTS[cls] = typing.get_type_hints(cls)
    return hints


def _build(cls: type[Any], body: dict[str, Any]) -> Any:
    fields = {f.name: f for f in dataclasses.fields(cls)}
    unknown = set(body) - set(fields)
    if unknown:
        raise RecordError(f"unknown fields in a {cls.__name__}: {sorted(unknown)}")
    hints = _hints(cls)
    kwargs: dict[str, Any] = {}
    for name, f in fields.items():
        if name not in body:
            has_default = (f.default is not dataclasses.MISSING
                           or f.default_factory is not dataclasses.MISSING)
            if has_default:
                continue
            raise RecordError(f"missing field {name} in a {cls.__name__}")
        kwargs[name] = _value(hints[name], body[name], name)
    return cls(**kwargs)


def _value(tp: Any, raw: Any, name: str) -> Any:
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        args = get_args(tp)
        if raw is None and type(None) in args:
            return None
        (inner,) = [a for a in args if a is not type(None)]
        return _value(inner, raw, name)
    if origin is tuple:
        if not isinstance(raw, list):
            raise RecordError(f"field {name} must be a list")
        (inner, _ellipsis) = get_args(tp)
        return tuple(_value(inner, v, name) for v in raw)
    if origin is Mapping or tp is Mapping:
        if not isinstance(raw, dict):
            raise RecordError(f"field {name} must be an object")
        return dict(raw)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        if not isinstance(raw, dict):
            raise RecordError(f"field {name} must be an object")
        return _build(tp, raw)
    if tp is datetime:
        if not isinstance(raw, str) or not raw.endswith("Z"):
            raise RecordError(f"field {name} must be a UTC time")
        try:
            return datetime.fromisoformat(raw)
        except ValueError as exc:
            raise RecordError(f"field {name} must be a UTC time") from exc
    if tp is date:
        try:
            return date.fromisoformat(raw)
        except (TypeError, ValueError) as exc:
            raise RecordError(f"field {name} must be a date") from exc
    if tp is float:
        if isinstance(raw, bool) or not isinstance(raw, int | float):
            raise RecordError(f"field {name} must be a number")
        return float(raw)
    if tp in (str, int, bool):
        if type(raw) is not tp:
            raise RecordError(f"field {name} must be a {tp.__name__}")
        return raw
    raise RecordError(f"field {name} has an unsupported type")
