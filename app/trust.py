"""``samskriv audit verify``: every chain link, every content hash, every signature.

The check trusts nothing in the store by itself. Its anchor is the first admin's signing key,
pinned in ``keys.json`` and in that admin's signed ``pin`` event. From it: a user row (role,
active, key) is trusted if an admin with a trusted row signed it; a record (revision, review,
review entry, consent, audit event) is genuine if it is signed by the user it names, with a key
their trusted row holds. Rows written before personal keys (migration 0006) are accepted only
if they are on the pinned legacy list with the same hash, and are reported as such.

A finding names the record kind, its id and what failed, never any content. Signatures are
checked in a small thread pool (Ed25519 verification releases the GIL).
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import select, text
from sqlalchemy.orm import InstrumentedAttribute, Session

from app import audit, identities, signing
from app.dto import AuditCheck
from app.keys import Root
from app.trust_remote import RemoteKeys
from app.trust_users import TrustedUsers
from models.audit import GENESIS_HASH, AuditEvent, Installation
from models.canonical import content_hash
from models.journal import JournalNote, NoteRevision, Review, ReviewEntry
from models.records import Record, RevisionRecord, encode
from models.visits import Consent

# The guards the migrations create; a missing one means someone lifted it.
TRIGGERS = tuple(f"{t}_no_{op}" for t in ("audit_events", "consents", "note_revisions",
                                           "review_entries", "reviews")
                 for op in ("update", "delete")) + (
    "signed_note_no_delete", "signed_note_no_update", "signed_note_only_corrections")
_BATCH = 4000


@dataclass(frozen=True)
class Finding:
    # user | remote_signer | revision | review | review_entry | consent | audit_event | note |
    # store
    kind: str
    id: str
    problem: str


@dataclass(frozen=True)
class TrustReport:
    chain: AuditCheck
    findings: tuple[Finding, ...]
    legacy: int  # rows signed before personal keys, accepted after their hash check
    signed: int  # signatures verified
    notices: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.chain.ok and not self.findings


_Job = tuple[str, str, tuple[Ed25519PublicKey, ...], str, bytes]


@dataclass
class _Checker:
    session: Session
    users: TrustedUsers
    legacy_rows: dict[str, dict[str, str]]
    trusted: dict[str, set[str]]  # per table, rows a signed checkpoint vouches for
    remote: RemoteKeys = field(default_factory=RemoteKeys)  # colleagues' keys (pulled records)
    findings: list[Finding] = field(default_factory=list)
    damaged: dict[str, set[str]] = field(default_factory=dict)  # per table, unreadable rows
    culled: dict[str, set[str]] = field(default_factory=dict)  # per table, rows culling removed
    missing_refs: list[tuple[int, str, str, str]] = field(default_factory=list)
    legacy: int = 0
    signed: int = 0
    _jobs: list[_Job] = field(default_factory=list)
    _workers: int = field(default_factory=lambda: min(4, os.cpu_count() or 1))
    _pool: ThreadPoolExecutor = field(init=False)

    def __post_init__(self) -> None:
        self._pool = ThreadPoolExecutor(max_workers=self._workers)

    def known(self, table: str, row_id: str, signature: str | None) -> bool:
        """Whether the row was verified before and is unchanged since (``app.trust_cache``)."""
        if row_id not in self.trusted.get(table, ()):
            return False
        if signature is None:
            self.legacy += 1
        return True

    def fail(self, kind: str, row_id: str, problem: str) -> None:
        self.findings.append(Finding(kind, row_id, problem))

    def signature(self, kind: str, table: str, row_id: str, row_hash: str, signature: str | None,
                  signer_id: str | None, claimed: str | None, data: bytes) -> None:
        """Check one row's signature (queued), or that an unsigned row is a pinned legacy one."""
        if signature is None:
            if self.legacy_rows.get(table, {}).get(row_id) == row_hash:
                self.legacy += 1
            else:
                self.fail(kind, row_id, "not signed (and not a record from before personal keys)")
            return
        if claimed is not None and signer_id != claimed:
            self.fail(kind, row_id, "signed by someone other than the user it names")
            return
        # A colleague's pulled record is verified by the keys a trusted user here received for
        # them; ``RemoteKeys`` never holds keys for this laptop's own accounts.
        keys = self.users.keys_of(signer_id) or self.remote.of(signer_id)
        if not keys:
            self.fail(kind, row_id, "signed with a key that no admin has confirmed")
            return
        self._jobs.append((kind, row_id, keys, signature, data))
        if len(self._jobs) >= _BATCH:
            self.flush()

    def flush(self) -> None:
        jobs, self._jobs = self._jobs, []
        # One task per worker, not per signature: a future costs more than a verification.
        step = -(-len(jobs) // self._workers) if jobs else 1
        slices = [jobs[i:i + step] for i in range(0, len(jobs), step)]
        for part, oks in zip(slices, self._pool.map(_verify_all, slices), strict=True):
            for (kind, row_id, *_), ok in zip(part, oks, strict=True):
                self.signed += 1
                if not ok:
                    self.fail(kind, row_id, "signature does not verify (altered or forged)")

    def close(self) -> None:
        self.flush()
        self._pool.shutdown()


_DAMAGE = (KeyError, TypeError, ValueError, AttributeError)


def _readable(c: _Checker, kind: str, row_id: str, build: Callable[[], Record]
              ) -> tuple[Record, bytes] | None:
    """A row's record and its bytes, or a finding if the row no longer makes a record."""
    try:
        record = build()
        return record, encode(record)
    except _DAMAGE:
        c.fail(kind, row_id, "cannot be read as a record (damaged)")
        return None


def _verify_all(jobs: list[_Job]) -> list[bool]:
    return [any(signing.valid(k, sig, data) for k in keys) for _k, _i, keys, sig, data in jobs]


def verify_store(session: Session, root: Root | None, published: dict[str, str],
                 trusted: dict[str, set[str]] | None = None) -> TrustReport:
    """Check the whole store. ``root`` and ``published`` come from ``keys.json``: the pinned
    first admin and each user's signing public key. Rows in ``trusted`` (from the checking
    user's own checkpoint) have their links followed but their hashes and signatures not
    recomputed."""
    legacy: dict[str, Any] = session.scalar(select(Installation.legacy)) or {}
    users = TrustedUsers.load(session, root, published, legacy.get("rows", {}).get("users", {}))
    remote = RemoteKeys.load(session, users)
    checker = _Checker(session, users, legacy.get("rows", {}), trusted or {}, remote)
    checker.findings.extend(Finding("user", uid, problem) for uid, problem in users.problems)
    checker.findings.extend(Finding("remote_signer", rid, problem)
                            for rid, problem in remote.problems)
    notices = list(users.notices)
    _check_triggers(checker)
    _check_json(checker)
    revision_hashes = _check_revisions(checker)
    review_ids = _check_reviews(checker, revision_hashes)
    _check_consents(checker)
    chain = _check_events(checker, legacy, root, revision_hashes, review_ids, notices)
    _check_culled_references(checker)
    _check_legacy_present(checker)
    checker.close()
    return TrustReport(chain, tuple(checker.findings), checker.legacy, checker.signed,
                       tuple(notices))


# The signed tables' JSON columns, with the kind a damaged row is reported as.
_JSON_COLUMNS = {"reviews": ("review", ("present", "passages")),
                 "review_entries": ("review_entry", ("respondent",)),
                 "consents": ("consent", ("informed", "agreed", "refused")),
                 "audit_events": ("audit_event", ("details",))}


def _check_json(c: _Checker) -> None:
    """A JSON column edited into something that is not JSON cannot even be loaded: report its
    row as damaged, and leave it out of the checks that load rows (``c.damaged``)."""
    for table, (kind, columns) in _JSON_COLUMNS.items():
        present = {r[1] for r in c.session.execute(text(f"PRAGMA table_info({table})"))}
        wanted = [col for col in columns if col in present]
        if not wanted:
            continue
        key = "seq" if table == "audit_events" else "id"
        bad = " OR ".join(f"({col} IS NOT NULL AND NOT json_valid({col}))" for col in wanted)
        for (row_id,) in c.session.execute(text(f"SELECT {key} FROM {table} WHERE {bad}")):
            c.damaged.setdefault(table, set()).add(str(row_id))
            c.fail(kind, str(row_id), "cannot be read as a record (damaged)")


def _check_triggers(c: _Checker) -> None:
    present = set(c.session.scalars(text("SELECT name FROM sqlite_master WHERE type='trigger'")))
    for name in TRIGGERS:
        if name not in present:
            c.fail("store", name, "a protective trigger has been removed")


def _batches(session: Session, stmt: Any, key: Any) -> Iterator[Any]:
    after = ""
    while True:
        rows = session.execute(stmt.where(key > after).order_by(key).limit(20_000)).all()
        if not rows:
            return
        yield from rows
        after = getattr(rows[-1], key.key)


def _check_revisions(c: _Checker) -> dict[str, str]:
    """Hash, chain and signature of every revision; returns id -> hash."""
    notes = {n.id: n for n in c.session.execute(select(
        JournalNote.id, JournalNote.case_id, JournalNote.visit_id,
        JournalNote.current_revision_id))}
    hashes: dict[str, str] = {}
    cols = [getattr(NoteRevision, k) for k in (
        "id", "note_id", "seq", "kind", "parent_hash", "hash", "section", "body", "child_voice",
        "event_time", "author_id", "created_at", "reason", "signature", "signer_id")]
    chains: dict[str, list[tuple[int, str, str | None, str]]] = defaultdict(list)
    for r in _batches(c.session, select(*cols), NoteRevision.id):
        note = notes.get(r.note_id)
        if note is None:
            c.fail("revision", r.id, "its note is missing")
            continue
        hashes[r.id] = r.hash
        chains[r.note_id].append((r.seq, r.hash, r.parent_hash, r.id))
        if c.known("note_revisions", r.id, r.signature):
            continue
        read = _readable(c, "revision", r.id, partial(_revision_record, r, note))
        if read is None:
            continue
        data = read[1]
        if signing.sha256_hex(data) != r.hash:
            c.fail("revision", r.id, "content does not match its hash (altered)")
        c.signature("revision", "note_revisions", r.id, r.hash, r.signature, r.signer_id,
                    r.author_id, data)
    for note_id, chain in chains.items():
        chain.sort()
        for i, (seq, _h, parent, rid) in enumerate(chain):
            expected_parent = chain[i - 1][1] if i else None
            if seq != i + 1 or parent != expected_parent:
                c.fail("revision", rid, "does not follow the note's previous revision "
                       "(a revision was removed or changed)")
        current = notes[note_id].current_revision_id
        if current is not None and current not in hashes:
            c.fail("note", note_id, "its current revision is missing")
    for note_id, note in notes.items():
        if note.current_revision_id is not None and note_id not in chains:
            c.fail("note", note_id, "its revisions are missing")
    return hashes


def _revision_record(r: Any, note: Any) -> RevisionRecord:
    """A revision's record from its column row and its note's (case, visit)."""
    return RevisionRecord(
        id=r.id, note_id=r.note_id, case_id=note.case_id, visit_id=note.visit_id,
        seq=r.seq, kind=r.kind, parent_hash=r.parent_hash, section=r.section, body=r.body,
        child_voice=r.child_voice, event_time=r.event_time, author_id=r.author_id,
        created_at=r.created_at, reason=r.reason)


def _check_reviews(c: _Checker, revision_hashes: dict[str, str]) -> set[str]:
    reviews = {r.id: r for r in c.session.scalars(
        select(Review).where(Review.id.not_in(c.damaged.get("reviews", set()))))}
    for rv in reviews.values():
        if revision_hashes.get(rv.revision_id) != rv.revision_hash:
            c.fail("review", rv.id, "refers to a revision that is missing or changed")
        if c.known("reviews", rv.id, rv.signature):
            continue
        read = _readable(c, "review", rv.id, rv.to_record)
        if read is None:
            continue
        if signing.sha256_hex(read[1]) != rv.hash:
            c.fail("review", rv.id, "content does not match its hash (altered)")
        c.signature("review", "reviews", rv.id, rv.hash, rv.signature, rv.signer_id,
                    rv.started_by, read[1])
    seqs: dict[str, list[int]] = defaultdict(list)
    for e in c.session.scalars(select(ReviewEntry).where(
            ReviewEntry.id.not_in(c.damaged.get("review_entries", set())))):
        review = reviews.get(e.review_id)
        if review is None:
            c.fail("review_entry", e.id, "its review is missing")
            continue
        seqs[e.review_id].append(e.seq)
        if c.known("review_entries", e.id, e.signature):
            continue
        read = _readable(c, "review_entry", e.id, partial(e.to_record, review))
        if read is None:
            continue
        if signing.sha256_hex(read[1]) != e.hash:
            c.fail("review_entry", e.id, "content does not match its hash (altered)")
        c.signature("review_entry", "review_entries", e.id, e.hash, e.signature, e.signer_id,
                    e.recorded_by, read[1])
    for review_id, found in seqs.items():
        if sorted(found) != list(range(1, len(found) + 1)):
            c.fail("review", review_id, "an entry of this review was removed")
    c.session.expunge_all()
    return set(reviews)


def _check_consents(c: _Checker) -> None:
    for consent in c.session.scalars(
            select(Consent).where(Consent.id.not_in(c.damaged.get("consents", set())))):
        if c.known("consents", consent.id, consent.signature):
            continue
        read = _readable(c, "consent", consent.id, consent.to_record)
        if read is not None:
            c.signature("consent", "consents", consent.id, signing.sha256_hex(read[1]),
                        consent.signature, consent.signer_id, consent.recorded_by, read[1])
    c.session.expunge_all()


CULL_ACTION = "culling.cull"  # its signed event lists the rows culling removed


def _check_culled_references(c: _Checker) -> None:
    """An event naming a revision or review that is gone is a finding, unless a culling event
    of the (intact, signed) chain removed it."""
    for seq, table, ref, what in c.missing_refs:
        if ref not in c.culled.get(table, set()):
            c.fail("audit_event", str(seq), f"names a {what} that is missing")


def _check_legacy_present(c: _Checker) -> None:
    """Rows pinned as written before personal keys must all still be there."""
    tables: dict[str, tuple[InstrumentedAttribute[str], str]] = {
        "note_revisions": (NoteRevision.id, "revision"), "reviews": (Review.id, "review"),
        "review_entries": (ReviewEntry.id, "review_entry"), "consents": (Consent.id, "consent")}
    for table, (column, kind) in tables.items():
        pinned = c.legacy_rows.get(table, {})
        if not pinned:
            continue
        present = set(c.session.scalars(select(column).where(column.in_(list(pinned)))))
        for row_id in sorted(set(pinned) - present - c.culled.get(table, set())):
            c.fail(kind, row_id, "a record from before personal keys has been removed")


def _check_events(c: _Checker, legacy: dict[str, Any], root: Root | None,
                  revision_hashes: dict[str, str], review_ids: set[str],
                  notices: list[str]) -> AuditCheck:
    """Every link, keyed hash and signature of the chain, and the pin of the first admin."""
    legacy_seq = int(legacy.get("audit_seq", 0))
    chain_key = signing.chain_key_of(c.session)
    known_hashes = set(revision_hashes.values())
    known_events = {int(seq) for seq in c.trusted.get("audit_events", ())}
    prev, expected, count = GENESIS_HASH, 1, 0
    first: AuditCheck | None = None
    migrated: AuditCheck | None = None
    pinned = False
    for e in audit.events(c.session, skip={int(seq) for seq in c.damaged.get("audit_events", ())}):
        count += 1
        legacy_event = e.seq <= legacy_seq
        known = e.seq in known_events
        read = None if known else _readable(c, "audit_event", str(e.seq), e.to_record)
        data = read[1] if read is not None else b""
        computed = e.hash if known else (
            signing.sha256_hex(data) if legacy_event else signing.hmac_hex(chain_key, data))
        problem = ""
        if e.seq != expected:
            problem = f"event {expected} is missing"
        elif e.prev_hash != prev:
            problem = "does not follow the previous event (removed or moved)"
        elif computed != e.hash:
            problem = "content was altered"
        elif e.seq == legacy_seq and e.hash != legacy.get("audit_hash"):
            problem = "the events before personal keys were changed"
        if problem:
            c.fail("audit_event", str(e.seq), problem)
            first = first or AuditCheck(False, 0, e.seq if e.seq == expected else expected,
                                        problem)
        if migrated is None and e.action == audit.MIGRATE_ACTION:
            migrated = audit.legacy_failure(e)
        if not legacy_event and not known:
            if e.signature is None:
                c.fail("audit_event", str(e.seq), "not signed")
            else:
                c.signature("audit_event", "", str(e.seq), e.hash, e.signature, e.signer_id,
                            e.user_id, data)
        details = e.details if isinstance(e.details, dict) else {}
        pin = details.get(identities.PIN)
        if pin is not None and not pinned:
            pinned = True
            _check_pin(c, e, pin, root, legacy)
        # Only an admin culls: a culling event counts when an admin whose row holds wrote it
        # and signed it themself (its signature is checked with the others).
        if (e.action == CULL_ACTION and not problem and c.users.is_admin(e.user_id)
                and e.signer_id == e.user_id):
            for table, ids in (details.get("removed") or {}).items():
                c.culled.setdefault(table, set()).update(str(i) for i in ids)
        ref = details.get("hash") if e.action in ("note.sign", "note.correct") else None
        if not legacy_event and ref is not None and ref not in known_hashes:
            c.missing_refs.append((e.seq, "revision_hashes", ref, "revision"))
        review_ref = details.get("review") if e.action == "review.start" else None
        if not legacy_event and review_ref is not None and review_ref not in review_ids:
            c.missing_refs.append((e.seq, "reviews", review_ref, "review"))
        prev, expected = e.hash, max(expected, e.seq) + 1
    if not pinned:
        if root is not None:
            c.fail("store", "pin", "the first admin's signed pin is missing from the log")
        else:
            notices.append("no admin has logged in since personal keys came: the records "
                           "from before are not yet pinned")
    if first is not None:
        return AuditCheck(False, count, first.first_broken_seq, first.reason)
    if migrated is not None:
        return AuditCheck(False, count, migrated.first_broken_seq, migrated.reason)
    return AuditCheck(True, count)


def _check_pin(c: _Checker, event: AuditEvent, pin: Any, root: Root | None,
               legacy: dict[str, Any]) -> None:
    if root is None:
        c.fail("store", "pin", "keys.json has lost the pinned first admin")
        return
    if not isinstance(pin, dict) or (pin.get("user_id"), pin.get("sign_pub")) != (
            root.user_id, root.sign_pub) or event.user_id != root.user_id:
        c.fail("audit_event", str(event.seq), "the pin does not name the pinned first admin")
        return
    if event.signature is None or not signing.valid(
            signing.public_key(root.sign_pub), event.signature, encode(event.to_record())):
        c.fail("audit_event", str(event.seq), "the pin is not signed by the first admin")
    if pin.get("legacy_digest") != content_hash(legacy):
        c.fail("store", "legacy", "the list of records from before personal keys was changed")
