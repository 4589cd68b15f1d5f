"""``samskriv audit verify``: every chain link, every content hash, every signature.

The check trusts nothing in the store by itself. Its anchor is the first admin's signing key,
pinned in ``keys.json`` and in that admin's signed ``pin`` event. From it: a user row (role,
active, key) is trusted if an admin with a trusted row signed it; a record (revision, review,
review entry, consent, audit event) is genuine if it is signed by the user it names, with a key
their trusted row holds. Rows written before personal keys (migration 0006) are accepted only
if they are on the pinned legacy list with the same hash, and are reported as such.

A revision whose unit of work's audit event names its hash and signature is proven by that
event's signature (``app.trust_cover``); other revisions by their own. A finding names the
record kind, its id and what failed, never any content. In a large store signatures are
checked in worker processes while the next rows are read (``app.trust_workers``).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import InstrumentedAttribute, Session

from app import audit, identities, signing
from app.dto import AuditCheck
from app.keys import Root
from app.trust_cache import Prefix
from app.trust_cover import Covers, event_bytes, revision_bytes, stamp
from app.trust_encode import EventBytes, encode_events, encode_revisions, encoded
from app.trust_remote import RemoteKeys
from app.trust_rows import Packed, TableReader, events_by_seq
from app.trust_runs import Runs
from app.trust_users import TrustedUsers
from app.trust_workers import POOL_AFTER, Job, Verifier, verify_all
from models.audit import GENESIS_HASH, Installation
from models.canonical import content_hash
from models.journal import JournalNote, NoteRevision, Review, ReviewEntry
from models.records import AuditEventRecord, Record, encode
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
    covered: int = 0  # revisions proven by their unit of work's signed audit event
    chained: int = 0  # events proven by the next event of their session (``app.trust_runs``)
    # Checkpoint entries of the tables digested while they were read (``app.trust_rows``).
    measured: dict[str, Prefix] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.chain.ok and not self.findings


_Job = tuple[str, str, Job]  # kind, row id, what to verify


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
    refs: list[tuple[int, str, str, str]] = field(default_factory=list)  # events' references
    covers: Covers = field(default_factory=Covers)
    bad_events: set[int] = field(default_factory=set)  # events whose signature failed
    runs: Runs | None = None  # events a later event of their session vouches for
    legacy: int = 0
    signed: int = 0
    covered: int = 0  # revisions proven by their unit of work's event
    chained: int = 0  # events proven by the next event of their session
    measured: dict[str, Prefix] = field(default_factory=dict)
    verifier: Verifier = field(default_factory=Verifier)
    _jobs: list[_Job] = field(default_factory=list)
    _running: list[tuple[list[_Job], list[Future[list[bool]]]]] = field(default_factory=list)
    _raw_keys: dict[str, tuple[bytes, ...]] = field(default_factory=dict)

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
                  signer_id: str | None, claimed: str | None, data: bytes) -> bool:
        """Check one row's signature (queued; False if it cannot even be queued), or that an
        unsigned row is a pinned legacy one."""
        job = self.job(kind, table, row_id, row_hash, signature, signer_id, claimed, data)
        if job is not None:
            self.queue(kind, row_id, job)
        return job is not None

    def job(self, kind: str, table: str, row_id: str, row_hash: str, signature: str | None,
            signer_id: str | None, claimed: str | None, data: bytes) -> Job | None:
        """The check of one row's signature, or None (and the finding) if it has none to check
        (an unsigned row is fine if it is a pinned legacy one)."""
        if signature is None:
            if self.legacy_rows.get(table, {}).get(row_id) == row_hash:
                self.legacy += 1
            else:
                self.fail(kind, row_id, "not signed (and not a record from before personal keys)")
            return None
        if claimed is not None and signer_id != claimed:
            self.fail(kind, row_id, "signed by someone other than the user it names")
            return None
        keys = self._keys(signer_id)
        if not keys:
            self.fail(kind, row_id, "signed with a key that no admin has confirmed")
            return None
        return keys, signature, data

    def queue(self, kind: str, row_id: str, job: Job) -> None:
        self._jobs.append((kind, row_id, job))
        if len(self._jobs) >= _BATCH:
            self.submit()

    def queue_event(self, seq: int, job: Job, row: Any = None) -> None:
        """Queue an event's own check; a job made without its bytes (``app.trust_encode``
        left them out, expecting the next event to vouch) gets them from ``row`` here."""
        if not job[2]:
            data = _bytes(self, "audit_event", str(seq), partial(event_bytes, _loaded(row)))
            if data is None:
                return
            job = (job[0], job[1], data)
        self.queue("audit_event", str(seq), job)

    def _keys(self, user_id: str | None) -> tuple[bytes, ...]:
        """A user's trusted keys, raw. A colleague's pulled record is verified by the keys a
        trusted user here received for them; ``RemoteKeys`` never holds keys for this
        laptop's own accounts."""
        raw = self._raw_keys.get(user_id or "")
        if raw is None:
            raw = self._raw_keys[user_id or ""] = tuple(
                k.public_bytes_raw()
                for k in self.users.keys_of(user_id) or self.remote.of(user_id))
        return raw

    def submit(self) -> None:
        """Hand the queued signatures to the verifier and go on reading rows meanwhile."""
        jobs, self._jobs = self._jobs, []
        if jobs:
            self._running.append((jobs, self.verifier.run([job for _k, _i, job in jobs])))
        # Keep the backlog (and the bytes it holds) bounded.
        while len(self._running) > 4:
            self._collect(*self._running.pop(0))

    def flush(self) -> None:
        """Wait for every queued signature and record the failures."""
        self.submit()
        running, self._running = self._running, []
        for jobs, futures in running:
            self._collect(jobs, futures)

    def _collect(self, jobs: list[_Job], futures: list[Future[list[bool]]]) -> None:
        try:
            oks = [ok for future in futures for ok in future.result()]
        except BrokenProcessPool:  # a worker died: check this batch here instead
            oks = verify_all([job for _k, _i, job in jobs])
        for (kind, row_id, _job), ok in zip(jobs, oks, strict=True):
            self.signed += 1
            if not ok:
                self.fail(kind, row_id, "signature does not verify (altered or forged)")
                if kind == "audit_event":
                    self.bad_events.add(int(row_id))

    def close(self) -> None:
        try:
            self.flush()
        finally:
            self.verifier.close()


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


def verify_store(session: Session, root: Root | None, published: dict[str, str],
                 trusted: dict[str, set[str]] | None = None) -> TrustReport:
    """Check the whole store. ``root`` and ``published`` come from ``keys.json``: the pinned
    first admin and each user's signing public key. Rows in ``trusted`` (from the checking
    user's own checkpoint) have their links followed but their hashes and signatures not
    recomputed."""
    legacy: dict[str, Any] = session.scalar(select(Installation.legacy)) or {}
    users = TrustedUsers.load(session, root, published, legacy.get("rows", {}).get("users", {}))
    remote = RemoteKeys.load(session, users)
    checker = _Checker(session, users, legacy.get("rows", {}), trusted or {}, remote,
                       verifier=Verifier(pool_after=_pool_after(session, trusted or {})))
    checker.findings.extend(Finding("user", uid, problem) for uid, problem in users.problems)
    checker.findings.extend(Finding("remote_signer", rid, problem)
                            for rid, problem in remote.problems)
    notices = list(users.notices)
    _check_triggers(checker)
    _check_json(checker)
    try:
        # Events first: which revisions their (checked) signatures prove decides which
        # revisions need their own signature checked.
        chain = _check_events(checker, legacy, root, notices)
        checker.flush()
        _check_unvouched(checker)
        revision_hashes = _check_revisions(checker)
        review_ids = _check_reviews(checker, revision_hashes)
        _check_consents(checker)
        _check_culled_references(checker, set(revision_hashes.values()), review_ids)
        _check_legacy_present(checker)
    finally:
        checker.close()
    return TrustReport(chain, tuple(checker.findings), checker.legacy, checker.signed,
                       tuple(notices), checker.covered, checker.chained, checker.measured)


def _check_unvouched(c: _Checker) -> None:
    """Once the first round of checks is done: an event whose vouching successor turned out
    not proven gets its own signature checked after all (``app.trust_runs``)."""
    if c.runs is None:
        return
    need = c.runs.unproven(c.bad_events)
    c.chained = len(c.runs.vouched) - len(need)
    for e in events_by_seq(c.session, need):
        data = _bytes(c, "audit_event", str(e.seq), partial(event_bytes, e))
        job = None if data is None else c.job("audit_event", "", str(e.seq), e.hash,
                                               e.signature, e.signer_id, e.user_id, data)
        if job is not None:
            c.queue_event(e.seq, job)
    c.flush()


def _pool_after(session: Session, trusted: dict[str, set[str]]) -> int:
    """Start the worker pool at once when the store holds many rows left to check (the
    rowids are an upper bound, read without a scan); else only if many turn up."""
    rows = sum(session.scalar(text(f"SELECT coalesce(max(rowid), 0) FROM {table}")) or 0
               for table in ("note_revisions", "audit_events", "reviews", "review_entries",
                             "consents"))
    rows -= sum(len(trusted.get(t, ())) for t in ("note_revisions", "audit_events"))
    return 0 if rows // 2 >= POOL_AFTER else POOL_AFTER


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


def _check_revisions(c: _Checker) -> dict[str, str]:
    """Hash, chain and signature of every revision; returns id -> hash."""
    notes = {n.id: n for n in c.session.execute(select(
        JournalNote.id, JournalNote.case_id, JournalNote.visit_id,
        JournalNote.current_revision_id))}
    hashes: dict[str, str] = {}
    chains: dict[str, list[tuple[int, str, str | None, str]]] = defaultdict(list)
    reader = TableReader(c.session, "note_revisions", "rowid")
    known = c.trusted.get("note_revisions", set())

    def task(packed: Packed, picks: list[int], rows: list[Any]) -> Callable[[], list[Any]]:
        return partial(encode_revisions, reader.names, packed, picks, [
            (notes[r.note_id].case_id, notes[r.note_id].visit_id) for r in rows])

    # Each revision's hash is recomputed in the worker processes (``app.trust_encode``).
    for r, computed in encoded(reader.batches(), lambda r: r.note_id in notes and r.id not in
                               known, task, c.verifier.submit):
        note = notes.get(r.note_id)
        if note is None:
            c.fail("revision", r.id, "its note is missing")
            continue
        hashes[r.id] = r.hash
        chains[r.note_id].append((r.seq, r.hash, r.parent_hash, r.id))
        if c.known("note_revisions", r.id, r.signature):
            continue
        if computed is None:
            c.fail("revision", r.id, "cannot be read as a record (damaged)")
            continue
        if computed != r.hash:
            c.fail("revision", r.id, "content does not match its hash (altered)")
        elif c.covers.proves(computed, r.note_id, r.author_id, r.signer_id, r.signature,
                             c.bad_events):
            c.covered += 1
            continue
        # Its own signature is needed after all: its bytes again, here.
        data = _bytes(c, "revision", r.id, partial(revision_bytes, r, note.case_id,
                                                    note.visit_id))
        if data is not None:
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
    if reader.prefix is not None:
        c.measured["note_revisions"] = reader.prefix
    return hashes


def _bytes(c: _Checker, kind: str, row_id: str, build: Callable[[], bytes]) -> bytes | None:
    """A row's record bytes, or a finding if the row no longer makes a record."""
    try:
        return build()
    except _DAMAGE:
        c.fail(kind, row_id, "cannot be read as a record (damaged)")
        return None


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


def _check_culled_references(c: _Checker, revision_hashes: set[str], review_ids: set[str]
                             ) -> None:
    """An event naming a revision or review that is gone is a finding, unless a culling event
    of the (intact, signed) chain removed it."""
    present = {"revision_hashes": revision_hashes, "reviews": review_ids}
    for seq, table, ref, what in c.refs:
        if ref not in present[table] and ref not in c.culled.get(table, set()):
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


def _events(c: _Checker, known: set[int], legacy_seq: int
            ) -> Iterator[tuple[Any, EventBytes | None]]:
    """Every readable event in order, as plain column rows (no ORM objects: there are many;
    ``details`` as stored text), each with its record bytes and the details the checks read,
    built in the worker processes (None for events a checkpoint vouches for)."""
    reader = TableReader(c.session, "audit_events", "seq", c.damaged.get("audit_events", ()),
                         parse_json=False)

    chain_key = signing.chain_key_of(c.session)

    def task(packed: Packed, picks: list[int], _rows: list[Any]) -> Callable[[], list[Any]]:
        return partial(encode_events, reader.names, packed, picks, chain_key, legacy_seq)

    yield from encoded(reader.batches(), lambda e: e.seq not in known, task, c.verifier.submit)
    if reader.prefix is not None:
        c.measured["audit_events"] = reader.prefix


def _loaded(e: Any) -> Any:
    """The event row with its details loaded (for the few checks that read all of them)."""
    return e._replace(details=json.loads(e.details)) if isinstance(e.details, str) else e


def _event_record(e: Any) -> AuditEventRecord:
    return AuditEventRecord(
        id=e.id, device_id=e.device_id, seq=e.seq, ts=datetime.fromisoformat(stamp(e.ts)),
        user_id=e.user_id,
        username=e.username, action=e.action, object_type=e.object_type,
        object_id=e.object_id, details=e.details, prev_hash=e.prev_hash)


def _check_events(c: _Checker, legacy: dict[str, Any], root: Root | None,
                  notices: list[str]) -> AuditCheck:
    """Every link, keyed hash and signature of the chain, and the pin of the first admin."""
    legacy_seq = int(legacy.get("audit_seq", 0))
    known_events = {int(seq) for seq in c.trusted.get("audit_events", ())}
    prev, expected, count = GENESIS_HASH, 1, 0
    first: AuditCheck | None = None
    migrated: AuditCheck | None = None
    pinned = False
    runs = c.runs = Runs(c.queue_event)
    for e, enc in _events(c, known_events, legacy_seq):
        count += 1
        legacy_event = e.seq <= legacy_seq
        known = enc is None
        damaged = enc is not None and enc[0] is None
        if damaged:
            c.fail("audit_event", str(e.seq), "cannot be read as a record (damaged)")
        read = None if enc is None else enc[2]  # None too if the next event vouches for it
        computed = e.hash if enc is None else (enc[0] or "")
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
            migrated = audit.legacy_failure(_loaded(e))
        if enc is not None:
            details = enc[1]
        else:  # checkpointed: not encoded, its details loaded here
            loaded = _loaded(e).details
            details = loaded if isinstance(loaded, dict) else {}
        job = None
        if not legacy_event and not known:
            if e.signature is None:
                c.fail("audit_event", str(e.seq), "not signed")
            elif not damaged:
                job = c.job("audit_event", "", str(e.seq), e.hash, e.signature, e.signer_id,
                            e.user_id, read or b"")
            if job is not None:
                c.covers.add(e.seq, e.action, e.object_id, e.user_id, details)
        elif known and not legacy_event:
            c.covers.add(e.seq, e.action, e.object_id, e.user_id, details)
        if job is None:
            runs.cut()
        else:  # its check is queued once its successor is seen (``app.trust_runs``)
            runs.add(e.seq, e.user_id, str(e.signature), e.hash, computed == e.hash,
                     e.prev_hash, details, job, e)
        pin = details.get(identities.PIN)
        if pin is not None and not pinned:
            pinned = True
            _check_pin(c, _loaded(e), pin, root, legacy, read)
        # Only an admin culls: a culling event counts when an admin whose row holds wrote it
        # and signed it themself (its signature is checked with the others).
        if (e.action == CULL_ACTION and not problem and c.users.is_admin(e.user_id)
                and e.signer_id == e.user_id):
            for table, ids in (details.get("removed") or {}).items():
                c.culled.setdefault(table, set()).update(str(i) for i in ids)
        ref = details.get("hash") if e.action in ("note.sign", "note.correct") else None
        if not legacy_event and ref is not None:
            c.refs.append((e.seq, "revision_hashes", ref, "revision"))
        review_ref = details.get("review") if e.action == "review.start" else None
        if not legacy_event and review_ref is not None:
            c.refs.append((e.seq, "reviews", review_ref, "review"))
        prev, expected = e.hash, max(expected, e.seq) + 1
    runs.cut()
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


def _check_pin(c: _Checker, event: Any, pin: Any, root: Root | None,
               legacy: dict[str, Any], data: bytes | None) -> None:
    """``data``: the event's record bytes (None if unreadable; a known event's are rebuilt)."""
    if root is None:
        c.fail("store", "pin", "keys.json has lost the pinned first admin")
        return
    if not isinstance(pin, dict) or (pin.get("user_id"), pin.get("sign_pub")) != (
            root.user_id, root.sign_pub) or event.user_id != root.user_id:
        c.fail("audit_event", str(event.seq), "the pin does not name the pinned first admin")
        return
    if data is None and event.seq in {int(s) for s in c.trusted.get("audit_events", ())}:
        data = encode(_event_record(event))
    if event.signature is None or data is None or not signing.valid(
            signing.public_key(root.sign_pub), event.signature, data):
        c.fail("audit_event", str(event.seq), "the pin is not signed by the first admin")
    if pin.get("legacy_digest") != content_hash(legacy):
        c.fail("store", "legacy", "the list of records from before personal keys was changed")
