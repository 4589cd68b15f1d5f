"""Revisions proven by their unit of work's audit event, and the record bytes verify recomputes.

Saving, signing, correcting or merging a note writes one revision and one audit event in the
same unit of work, both signed by the author; the event's signed details name the revision's
content hash and its signature (``notes.covers``). So once the event's own signature verifies,
a revision whose recomputed hash is the one the event names, of the note the event is about,
written and signed by the event's signer, and holding the very signature the event names, is
proven as strongly as by checking its own signature: changing any of its columns changes its
hash or its signature, which the event's author would have had to sign anew. ``audit verify``
then checks one signature per unit of work instead of two. Anything that does not fit (an event
from before this, from another user, naming another note or another signature, or whose own
signature fails) leaves the revision to its own signature, as before.

The byte builders give exactly ``records.encode`` of the row's record (a test holds them to
it), without building the record first: verify encodes every row of the store.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from json.encoder import encode_basestring
from typing import Any

from models.canonical import canonical_json
from models.records import AuditEventRecord, RevisionRecord, iso_utc

# The actions whose event is written with a revision, by its author, in one unit of work.
COVERING = frozenset({"note.create", "note.edit", "note.sign", "note.correct", "note.merge"})


@dataclass(frozen=True)
class Claim:
    """What one audit event says of a revision."""

    seq: int
    note_id: str
    user_id: str
    signature: str


class Covers:
    """The claims of the chain's covering events, by the revision hash they name."""

    def __init__(self) -> None:
        self._by_hash: dict[str, Claim | None] = {}

    def add(self, seq: int, action: str, object_id: str, user_id: str | None,
            details: Mapping[str, Any]) -> None:
        """Note an event's claim; called only for events whose own signature is checked (or
        that the verifier's signed checkpoint vouches for)."""
        if action not in COVERING or user_id is None:
            return
        rev_hash, signature = details.get("hash"), details.get("sig")
        if not isinstance(rev_hash, str) or not isinstance(signature, str):
            return  # an event from before events named the revision's signature
        # Two events naming one hash cannot both be the revision's own: trust neither.
        self._by_hash[rev_hash] = None if rev_hash in self._by_hash else Claim(
            seq, object_id, user_id, signature)

    def proves(self, rev_hash: str, note_id: str, author_id: str, signer_id: str | None,
               signature: str | None, bad_events: set[int]) -> bool:
        """Whether a revision with this *recomputed* hash is proven by an intact event."""
        claim = self._by_hash.get(rev_hash)
        return (claim is not None and claim.seq not in bad_events
                and claim.note_id == note_id and claim.user_id == author_id
                and signer_id == author_id and signature == claim.signature)


_STAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z")


def stamp(value: Any) -> str:
    """A record's text of a stored time: stored text already in the one form ``iso_utc``
    writes is taken as it is (parsing and re-formatting it gives it back unchanged); other
    text, or a datetime, is converted, and a value that is no time raises."""
    if type(value) is str:
        if _STAMP.fullmatch(value):
            return value
        value = datetime.fromisoformat(value)
    return iso_utc(value)


def _value(x: Any) -> str:
    """``canonical_json`` of one value, as text: the common kinds directly (the same functions
    ``json.dumps`` uses for them), anything else through it."""
    kind = type(x)
    if kind is str:
        return _string(x)
    if x is None:
        return "null"
    if kind is bool:
        return "true" if x else "false"
    if kind is int:
        return int.__repr__(x)
    return canonical_json(x).decode()


_string: Callable[[str], str] = encode_basestring  # json's own string encoder (the C one where it exists)
_EVENT_HEAD = f'"record":{_value(AuditEventRecord.KIND)},'
_EVENT_V = f',"v":{_value(AuditEventRecord.VERSION)}}}'
_REVISION_RECORD = f',"record":{_value(RevisionRecord.KIND)},'
_REVISION_V = f',"v":{_value(RevisionRecord.VERSION)},'


def event_bytes(r: Any) -> bytes:
    """``encode(AuditEventRecord)`` of an ``audit_events`` row (details as loaded JSON, times
    as datetimes or as stored text). Built field by field in the canonical (sorted) key order:
    verify encodes every row of the store, and a test holds this to ``records.encode``."""
    # An ORM event's ``details`` leave out the session link that its record holds.
    details = r.stored_details if hasattr(r, "stored_details") else r.details
    if not isinstance(details, dict):
        raise TypeError("details are not an object")
    v = _value
    return "".join((
        '{"action":', v(r.action), ',"details":', canonical_json(details).decode(),
        ',"device_id":', v(r.device_id), ',"id":', v(r.id), ',"object_id":', v(r.object_id),
        ',"object_type":', v(r.object_type), ',"prev_hash":', v(r.prev_hash), ",",
        _EVENT_HEAD, '"seq":', v(r.seq), ',"ts":', v(stamp(r.ts)), ',"user_id":', v(r.user_id),
        ',"username":', v(r.username), _EVENT_V)).encode()


def revision_bytes(r: Any, case_id: str, visit_id: str | None) -> bytes:
    """``encode(RevisionRecord)`` of a ``note_revisions`` row and its note's case and visit."""
    v = _value
    return "".join((
        '{"author_id":', v(r.author_id), ',"body":', v(r.body), ',"case_id":', v(case_id),
        ',"child_voice":', v(r.child_voice), ',"created_at":', v(stamp(r.created_at)),
        ',"event_time":', v(stamp(r.event_time)), ',"id":', v(r.id), ',"kind":', v(r.kind),
        ',"note_id":', v(r.note_id), ',"parent_hash":', v(r.parent_hash), ',"reason":',
        v(r.reason), _REVISION_RECORD, '"section":', v(r.section), ',"seq":', v(r.seq),
        _REVISION_V, '"visit_id":', v(visit_id), "}")).encode()
