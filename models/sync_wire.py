"""Wire formats of the sync protocol (``/api/v1``), shared by the laptop client and the server.

A pushed item carries a record exactly as the outbox holds it: ``payload`` is
``models.records.encode(record)`` (base64 on the wire, so the hashed bytes travel unchanged) and
``content_hash`` its SHA-256. ``signer_id``/``signature`` are the author's personal Ed25519
signature of those bytes, required for the signed kinds (``SIGNED_KINDS``) and checked by the
server against the keys the author registered with a password login (``DeviceLogin.sign_pub``).
Changing a field here is a new ``WIRE_VERSION`` and a new ``/api/vN``.

Protocol in short:

* ``POST /api/v1/auth/device`` with ``DeviceLogin`` -> ``DeviceToken`` (``Authorization: Bearer``).
* ``POST /api/v1/sync/push`` with ``PushRequest`` -> ``PushResponse``: one ``ItemResult`` per
  item, ``accepted`` (stored now) or ``duplicate`` (already stored: acknowledge it). The server
  has committed before it answers, so an answered item is safe to mark acknowledged.
* A batch with any item the server refuses is refused whole and stores nothing (its
  transaction rolls back; only the server's audit log records the refused request): a 4xx with
  a ``PushRefused`` body listing every refused item (``RefusedItem``: ``code`` for the program,
  ``reason`` in Swedish for the user). Duplicates are not refusals. The status is that of its
  most serious refusal, in the order 403 (not the caller's to send: another unit's case, a case
  no longer assigned, another author's record, an admin's case content), 404 (unknown case),
  409 (clashes with what is stored: same id or immutable record with other content, a forked
  audit chain), 422 (malformed: hash, encoding, format, signature); ``code`` and ``detail`` are
  those of the first refused item with that status. The laptop keeps the refused items in its
  "Kunde inte synkroniseras" list and sends the rest again at once. A request refused as a
  whole (401 token, 403 wrong device, 400/422 body, 413 size) is a plain ``ErrorBody``: nothing
  is stored and the laptop keeps every item queued.
* ``GET /api/v1/sync/pull?cursor=N`` -> ``PullPage``; store ``next_cursor`` with the applied page
  and ask again while ``more``. Entries are records of every case the caller may see, and
  ``assignment`` entries (``AssignmentPayload``) addressed to the caller, so a laptop learns of a
  new case and of an unassignment. After a new assignment a client backfills that case's earlier
  records with ``?case_id=X&cursor=0`` (a case-scoped cursor) up to its global cursor.
* ``POST /api/v1/sync/audit-head`` with ``AuditHead``: the device's acknowledged audit chain head.
* ``GET /api/v1/sync/signers`` -> ``SignerList``: the registered signing keys and display names
  of the people on the cases the caller may see, so a laptop can verify pulled records.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from typing import Annotated, Final, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from models.canonical import canonical_json

WIRE_VERSION: Final = 1

Id = Annotated[str, StringConstraints(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.:-]+$")]
Hex64 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
Kind = Annotated[str, StringConstraints(min_length=1, max_length=32, pattern=r"^[a-z_]+$")]
B64 = Annotated[str, StringConstraints(max_length=8_000_000, pattern=r"^[A-Za-z0-9+/]*={0,2}$")]

# An Ed25519 public key: base64 of its 32 raw bytes.
SignPub = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9+/]{43}=$")]

ItemStatus = Literal["accepted", "duplicate"]
ASSIGNMENT_KIND: Final = "assignment"
# The kinds a laptop signs with its author's personal key (``app.signing``): a pushed item of
# these kinds without a signature is refused.
SIGNED_KINDS: Final = frozenset({"revision", "review", "review_entry", "consent", "audit_event"})


class _Wire(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def b64encode(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def b64decode(text: str) -> bytes:
    """Strict standard base64 (no line breaks); ``ValueError`` on anything else."""
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError) as exc:
        raise ValueError("invalid base64") from exc


class DeviceLogin(_Wire):
    username: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    password: Annotated[str, StringConstraints(min_length=1, max_length=1024)]
    device_id: Id  # the laptop's installation id (``models.audit.Installation``)
    author_id: Id | None = None  # the linked local account's user id (authorship of its records)
    label: Annotated[str, StringConstraints(max_length=100)] = ""
    # The linked local account's signing key now, and its keys before password resets: only
    # a login with the password registers keys (a device token alone never can).
    sign_pub: SignPub | None = None
    old_sign_pubs: list[SignPub] = Field(default_factory=list, max_length=50)
    display_name: Annotated[str, StringConstraints(max_length=200)] = ""
    # This device's audit events up to this seq were written before personal keys (unsigned).
    legacy_audit_seq: int = Field(default=0, ge=0)


class DeviceToken(_Wire):
    wire_version: int = WIRE_VERSION
    token: str
    token_id: str
    user_id: str
    role: str
    unit_id: str
    expires_at: str  # ISO-8601 UTC


class PushItem(_Wire):
    id: Id  # the outbox item id: with ``content_hash`` the idempotency key
    kind: Kind
    object_id: Id
    version: int = Field(ge=1, le=1000)
    content_hash: Hex64
    payload: B64  # base64 of ``encode(record)``
    case_id: Id | None = None  # needed when the record names no case itself (e.g. a transcript)
    signer_id: Id | None = None
    signature: B64 | None = None

    @classmethod
    def of(cls, *, id: str, kind: str, object_id: str, version: int, payload: bytes,
           case_id: str | None = None, signer_id: str | None = None,
           signature: bytes | None = None) -> PushItem:
        """An item from outbox columns (the hash is taken of the very bytes sent)."""
        return cls(id=id, kind=kind, object_id=object_id, version=version,
                   content_hash=hashlib.sha256(payload).hexdigest(), payload=b64encode(payload),
                   case_id=case_id, signer_id=signer_id,
                   signature=None if signature is None else b64encode(signature))


class PushRequest(_Wire):
    wire_version: Literal[1] = WIRE_VERSION
    device_id: Id
    items: list[PushItem]
    # The key the pushing account signs with now: when the server does not know it (a password
    # reset on the laptop since it connected), the push is refused as a whole (409
    # ``key_not_registered``) and the laptop asks its user to connect again.
    sign_pub: SignPub | None = None


class ItemResult(_Wire):
    id: str
    status: ItemStatus


class RefusedItem(_Wire):
    """One item of a refused batch: it stored nothing, and neither did the rest of its batch."""

    id: str
    code: str  # machine-readable, e.g. ``hash_mismatch``, ``unknown_case``, ``not_assigned``
    reason: str  # Swedish, shown to the user in "Kunde inte synkroniseras"


class PushResponse(_Wire):
    wire_version: int = WIRE_VERSION
    results: list[ItemResult]


class PullEntry(_Wire):
    seq: int
    item_id: str
    kind: str
    object_id: str
    version: int
    content_hash: str
    payload: str  # base64 of the record bytes (or of an ``AssignmentPayload``)
    case_id: str | None
    author_user_id: str | None
    device_id: str | None
    signer_id: str | None = None
    signature: str | None = None
    received_at: str


class PullPage(_Wire):
    wire_version: int = WIRE_VERSION
    entries: list[PullEntry]
    next_cursor: int
    more: bool


class AssignmentPayload(_Wire):
    """A case assigned to or taken from a caseworker (kind ``assignment``, ``v`` 1)."""

    record: Literal["assignment"] = ASSIGNMENT_KIND
    v: Literal[1] = 1
    id: str
    case_id: str
    user_id: str
    active: bool
    changed_at: str

    def encode(self) -> bytes:
        return canonical_json(self.model_dump())


class SignerKey(_Wire):
    public_key: str
    registered_at: str


class SignerInfo(_Wire):
    """An author id (a laptop account linked to a server user) and its registered keys."""

    author_id: str
    user_id: str
    display_name: str
    keys: list[SignerKey]


class SignerList(_Wire):
    wire_version: int = WIRE_VERSION
    signers: list[SignerInfo]


class AuditHead(_Wire):
    device_id: Id
    seq: int = Field(ge=0)
    hash: Hex64


class AuditHeadAck(_Wire):
    wire_version: int = WIRE_VERSION
    device_id: str
    seq: int
    hash: str
    acknowledged_at: str


class ErrorBody(_Wire):
    """Every 4xx body: ``detail`` is Swedish for the user, ``code`` for the program."""

    code: str
    detail: str


class PushRefused(ErrorBody):
    """The 4xx body of a push batch refused because of some of its items: all of them listed."""

    refused: list[RefusedItem]


# --- audio of recordings (only with the laptop setting ``sync_upload_audio``) ------------------
# ``PUT /api/v1/recordings/{id}/audio`` with an ``AudioManifest`` starts (or resumes) an upload
# and answers ``AudioStatus``; ``PUT /api/v1/recordings/{id}/audio/chunks/{index}`` carries one
# chunk's raw bytes with its SHA-256 in ``X-Chunk-SHA256``; ``GET /api/v1/recordings/{id}/audio``
# tells which chunks the server holds, so an upload cut off resumes where it stopped. The
# recording's record (kind ``recording``) must be on the server first: it tells its case.
CHUNK_SHA_HEADER: Final = "X-Chunk-SHA256"


class AudioManifest(_Wire):
    """The whole file: a WAV (16-bit PCM) of ``size`` bytes, cut in chunks of ``chunk_size``
    (the last one shorter), ``sha256`` of all of it."""

    size: int = Field(ge=1)
    sha256: Hex64
    chunk_size: int = Field(ge=1)
    content_type: Literal["audio/wav"] = "audio/wav"

    @property
    def chunks(self) -> int:
        return -(-self.size // self.chunk_size)


class AudioStatus(_Wire):
    wire_version: int = WIRE_VERSION
    recording_id: str
    size: int
    sha256: str
    chunk_size: int
    received: list[int]  # indexes of the chunks the server holds
    complete: bool  # every chunk held and the whole file's SHA-256 checked
