"""The rules one pushed item is judged by: identity, immutability, its case, the caller's right
to that case, authorship and the device's audit chain."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from models.records import AuditEventRecord, CaseRecord, Record
from models.sync_wire import ItemResult, PushItem, RefusedItem
from server.changes import NewRecord, set_assignment
from server.db import Case, DeviceTokenRow
from server.security import Caller
from server.signers import KeyRing
from server.verify import verify_signature

# Kinds whose rows change on the laptop (queued again on each change); all others are immutable.
MUTABLE_KINDS = frozenset({"case", "person", "visit", "recording"})
AUTHOR_FIELD = {"case": "created_by", "visit": "created_by", "consent": "recorded_by",
                "revision": "author_id", "review": "started_by", "review_entry": "recorded_by",
                "recording": "recorded_by"}
# Mutable kinds whose every version must come from its author (only the laptop that made a
# recording holds its audio and can say what became of it).
AUTHOR_ONLY_KINDS = frozenset({"recording"})
# Where a record names the parent that tells its case.
PARENT = {"consent": ("visit", "visit_id"), "review": ("revision", "revision_id"),
          "review_entry": ("review", "review_id"), "recording": ("visit", "visit_id")}

REASONS = {
    "bad_payload": "Posten kunde inte läsas (felaktig kodning).",
    "bad_record": "Posten har ett okänt eller felaktigt format.",
    "not_canonical": "Postens innehåll är inte i standardform och kan inte kontrolleras.",
    "item_mismatch": "Postens uppgifter stämmer inte med dess innehåll.",
    "id_conflict": "En annan post med samma id finns redan på servern.",
    "immutable_conflict": "En annan version av denna post finns redan; posten kan inte ändras.",
    "case_missing": "Posten saknar uppgift om vilket ärende den hör till.",
    "case_mismatch": "Posten anger ett annat ärende än det den hör till.",
    "unknown_case": "Ärendet finns inte på servern.",
    "admin_no_content": "En administratör kan inte synkronisera ärendeinnehåll.",
    "not_assigned": "Du är inte (längre) tilldelad ärendet.",
    "other_unit": "Ärendet hör till en annan enhet.",
    "foreign_device": "Händelsen kommer från en annan dator än den som skickar den.",
    "audit_fork": "Loggkedjan på servern har redan en annan händelse på samma plats.",
    "not_author": "Posten är skriven av en annan användare och kan bara skickas av den användaren.",
    "unknown_author": "Postens författare är inte kopplad till något konto på servern.",
}


# The HTTP status a refused item gives its batch (see models.sync_wire): 403 what the caller
# may not send, 404 an unknown case, 409 a clash with what is stored. Any other code (a
# malformed, unreadable or unverifiable record, whatever verify.py names it) is 422.
STATUS = {"other_unit": 403, "not_assigned": 403, "admin_no_content": 403, "not_author": 403,
          "unknown_author": 403, "foreign_device": 403, "unknown_case": 404, "id_conflict": 409,
          "immutable_conflict": 409, "audit_fork": 409}


def rejected(item_id: str, code: str, reason: str | None = None) -> RefusedItem:
    return RefusedItem(id=item_id, code=code, reason=reason or REASONS[code])


def status_of(refusal: RefusedItem) -> int:
    return STATUS.get(refusal.code, 422)


@dataclass
class Item:
    wire: PushItem
    payload: bytes
    record: Record
    signature: bytes | None = None


@dataclass
class Known:
    """What the database already holds that the batch's items refer to."""

    by_id: dict[str, str]  # item id -> content hash
    by_object: dict[tuple[str, str], list[tuple[str, str | None]]]  # -> [(hash, case id)]
    cases: dict[str, Case]
    assigned: set[str]
    authors: dict[str, str]  # author id -> user id
    chain: dict[int, str]  # this device's audit chain: seq -> hash


class Judge:
    """Judges the items of one batch in order; what it accepts is remembered so that later
    items of the same batch see it (a new case, a parent record, a repeated item)."""

    def __init__(self, session: Session, caller: Caller, known: Known) -> None:
        self.session, self.caller, self.known = session, caller, known
        self.accepted: list[NewRecord] = []
        self.keys = KeyRing(session)
        self._legacy_seq: int | None = None

    def item(self, it: Item) -> ItemResult | RefusedItem:
        wire, known = it.wire, self.known
        stored_hash = known.by_id.get(wire.id)
        if stored_hash is not None:
            return ItemResult(id=wire.id, status="duplicate") if stored_hash == wire.content_hash \
                else rejected(wire.id, "id_conflict")
        versions = known.by_object.get((wire.kind, wire.object_id), [])
        if any(h == wire.content_hash for h, _c in versions):
            return ItemResult(id=wire.id, status="duplicate")
        if versions and wire.kind not in MUTABLE_KINDS:
            return rejected(wire.id, "immutable_conflict")
        if isinstance(it.record, AuditEventRecord):
            return self._audit_event(it)
        # A later version of a case, person or visit may come from anyone who may edit it;
        # only the first version must come from its creator. Checked before the case, since
        # judging the case may create it (a case made on a laptop).
        author_or_error = self.caller.user_id \
            if versions and wire.kind not in AUTHOR_ONLY_KINDS else self._author(it)
        if isinstance(author_or_error, RefusedItem):
            return author_or_error
        refusal = self._verify(it, author_or_error)
        if refusal is not None:
            return refusal
        case_or_error = self._case(it)
        if isinstance(case_or_error, RefusedItem):
            return case_or_error
        case = case_or_error
        return self._accept(it, NewRecord(
            id=wire.id, kind=wire.kind, object_id=wire.object_id, version=wire.version,
            content_hash=wire.content_hash, payload=it.payload, case_id=case.id,
            unit_id=case.unit_id, author_user_id=author_or_error, device_id=self.caller.device_id,
            signer_id=wire.signer_id, signature=it.signature))

    def _verify(self, it: Item, author_user_id: str) -> RefusedItem | None:
        """The signature check, before anything is made for the item (e.g. its new case): the
        signer is the author the record names, and a key that author registered (under the
        pushing user, ``author_user_id``) verifies the exact bytes."""
        attr = AUTHOR_FIELD.get(it.wire.kind)
        author_id = getattr(it.record, attr) if attr else None
        keys = None
        if it.wire.signer_id is not None:
            owner, registered = self.keys.of(it.wire.signer_id)
            keys = registered if owner == author_user_id else ()
        return self._verdict(it, author_id, keys)

    def _verify_event(self, it: Item) -> RefusedItem | None:
        """An audit event is signed by the laptop account it names, which may be another
        account of the same laptop than the pushing one; one the server knows must verify,
        one it does not (e.g. the laptop's administrator) is kept unchecked. Events from
        before personal keys, as the password login declared them, may be unsigned."""
        record = it.record
        assert isinstance(record, AuditEventRecord)
        keys = None
        if it.wire.signer_id is not None:
            owner, registered = self.keys.of(it.wire.signer_id)
            keys = None if owner is None else registered
        return self._verdict(it, record.user_id, keys,
                             unsigned_ok=record.seq <= self._legacy_audit_seq())

    def _verdict(self, it: Item, author_id: str | None, keys: Any,
                 unsigned_ok: bool = False) -> RefusedItem | None:
        verdict = verify_signature(kind=it.wire.kind, payload=it.payload,
                                   content_hash=it.wire.content_hash, signer_id=it.wire.signer_id,
                                   signature=it.signature, author_id=author_id, keys=keys,
                                   unsigned_ok=unsigned_ok)
        return None if verdict.ok else rejected(it.wire.id, verdict.code, verdict.reason)

    def _legacy_audit_seq(self) -> int:
        if self._legacy_seq is None:
            row = self.session.get(DeviceTokenRow, self.caller.token_id)
            self._legacy_seq = row.legacy_audit_seq if row is not None else 0
        return self._legacy_seq

    def _accept(self, it: Item, rec: NewRecord) -> ItemResult:
        self.accepted.append(rec)
        self.known.by_id[rec.id] = rec.content_hash
        self.known.by_object.setdefault((rec.kind, rec.object_id), []).append(
            (rec.content_hash, rec.case_id))
        return ItemResult(id=rec.id, status="accepted")

    def _audit_event(self, it: Item) -> ItemResult | RefusedItem:
        record, wire = it.record, it.wire
        assert isinstance(record, AuditEventRecord)
        if record.device_id != self.caller.device_id:
            return rejected(wire.id, "foreign_device")
        if record.seq in self.known.chain:  # the same content was found a duplicate above
            return rejected(wire.id, "audit_fork")
        refusal = self._verify_event(it)
        if refusal is not None:
            return refusal
        self.known.chain[record.seq] = wire.content_hash
        return self._accept(it, NewRecord(
            id=wire.id, kind=wire.kind, object_id=wire.object_id, version=wire.version,
            content_hash=wire.content_hash, payload=it.payload, case_id=None, unit_id=None,
            author_user_id=self.caller.user_id, device_id=self.caller.device_id,
            chain_seq=record.seq, signer_id=wire.signer_id, signature=it.signature))

    def _case_id(self, it: Item) -> str | None | RefusedItem:
        wire, record = it.wire, it.record
        derived: str | None = None
        if isinstance(record, CaseRecord):
            derived = record.id
        elif isinstance(getattr(record, "case_id", None), str):
            derived = record.case_id  # type: ignore[attr-defined]
        elif wire.kind in PARENT:
            kind, attr = PARENT[wire.kind]
            versions = self.known.by_object.get((kind, getattr(record, attr)), [])
            derived = next((c for _h, c in versions if c is not None), None)
        if derived is not None and wire.case_id is not None and wire.case_id != derived:
            return rejected(wire.id, "case_mismatch")
        return derived or wire.case_id

    def _case(self, it: Item) -> Case | RefusedItem:
        wire, caller = it.wire, self.caller
        case_id = self._case_id(it)
        if isinstance(case_id, RefusedItem):
            return case_id
        if case_id is None:
            return rejected(wire.id, "case_missing")
        case = self.known.cases.get(case_id)
        if case is None:
            if not isinstance(it.record, CaseRecord) or caller.role == "admin":
                return rejected(wire.id, "unknown_case")
            return self._new_case(it.record)
        if case.unit_id != caller.unit_id:
            return rejected(wire.id, "other_unit")
        if caller.role == "admin":
            return rejected(wire.id, "admin_no_content")
        if caller.role == "caseworker" and case.id not in self.known.assigned:
            return rejected(wire.id, "not_assigned")
        return case

    def _new_case(self, record: CaseRecord) -> Case:
        """A case created on a laptop: it joins the caller's unit, assigned to its creator."""
        case = Case(id=record.id, unit_id=self.caller.unit_id, case_number=record.case_number)
        self.session.add(case)
        self.session.flush()
        self.known.cases[case.id] = case
        if self.caller.role == "caseworker":
            assignment = set_assignment(self.session, case, self.caller.user_id, True)
            if assignment is not None:
                self.accepted.append(assignment)
            self.known.assigned.add(case.id)
        return case

    def _author(self, it: Item) -> str | RefusedItem:
        """The server user who wrote the record: it must be the caller."""
        attr = AUTHOR_FIELD.get(it.wire.kind)
        if attr is None:
            return self.caller.user_id
        author_id = getattr(it.record, attr)
        user_id = author_id if author_id == self.caller.user_id else \
            self.known.authors.get(author_id)
        if user_id is None:
            return rejected(it.wire.id, "unknown_author")
        if user_id != self.caller.user_id:
            return rejected(it.wire.id, "not_author")
        return user_id
