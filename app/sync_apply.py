"""Applying pulled records to the local store, inside the caller's transaction.

Immutable records (revisions, consents, reviews, entries, transcripts) are inserted once, as
the triggers allow: a note's revisions are appended in chain order, so a signature arrives as
an insert of the signed revision followed by the note's state change, exactly as local signing
does. A draft revision that does not continue the local head is a conflict (kept whole in
``sync_conflicts``), never applied over the local text. A mutable row (case, person, visit)
changed here and not yet pushed is a conflict too. A record whose parent is not here yet is
held and retried; nothing pulled is dropped.

A page is applied in chunks of entries, each chunk in one savepoint (``Applier.page``): the
usual page holds nothing back, and a savepoint per entry cost a tenth of the apply time. When
an entry must be held, its chunk is rolled back, the entries before it are applied again as a
chunk, and it is held in a savepoint of its own; the chunk size then adapts."""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, event, inspect, select
from sqlalchemy.orm import Session

from app.sync_prefetch import Prefetched, prefetch_revisions
from models.audit import OutboxItem
from models.journal import JournalNote, NoteRevision, Review, ReviewEntry
from models.people import Case, CaseAssignment, Person, User
from models.records import (
    AttributedReviewEntryRecord,
    CaseRecord,
    ConsentRecord,
    PersonRecord,
    Record,
    RecordError,
    RecordingRecord,
    ReviewEntryRecord,
    ReviewRecord,
    RevisionRecord,
    TranscriptRecord,
    VisitRecord,
    decode,
    encode,
)
from models.sync import SyncAccount, SyncAlias, SyncBackfill, SyncConflict, SyncHeld
from models.sync_wire import ASSIGNMENT_KIND, AssignmentPayload, PullEntry, b64decode
from models.visits import Consent, Recording, Segment, Transcript, Visit

log = logging.getLogger(__name__)

# A draft revision that resolves a conflict names the other version's hash in its reason, so
# the laptop that wrote that other version sees its own head resolved, not a new conflict.
MERGE_PREFIX = "sync-merge:"
BAD = "bad:"  # held for IT, never retried: the bytes do not match their hash or format
# Entries per savepoint at most: large enough that savepoints cost nothing, small enough that
# redoing the entries before a held one (see ``Applier.page``) stays cheap.
CHUNK = 100

# ``attempt``'s arguments: item id, kind, object id, case id, author, hash, payload, signature
Queued = tuple[str, str, str, str | None, str | None, str, bytes,
               tuple[str | None, str | None]]
SHADOW_PASSWORD = "!"  # no password hash matches it: a colleague's shadow cannot log in
SHADOW_PREFIX = "server:"


def is_shadow(user: User) -> bool:
    """A colleague's stand-in account: shows a name, cannot log in, holds no key, signs
    nothing (their records are verified by ``models.sync.RemoteSigner`` keys)."""
    return (user.username.startswith(SHADOW_PREFIX) and user.password_hash == SHADOW_PASSWORD
            and not user.active and user.role == "caseworker" and user.sign_pub is None
            and user.signature is None)


class Hold(Exception):
    """The record cannot be stored yet; ``reason`` says what it waits for."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass
class Applied:
    applied: int = 0
    skipped: int = 0
    held: int = 0
    conflicts: int = 0
    bad: int = 0
    assigned: list[str] = field(default_factory=list)


def merged_hash(rec: RevisionRecord) -> str | None:
    return rec.reason[len(MERGE_PREFIX):] if rec.reason.startswith(MERGE_PREFIX) else None


class Applier:
    """Applies the entries of pull pages for one linked account; one instance per transaction."""

    def __init__(self, s: Session, account: SyncAccount, my_name: str) -> None:
        self.s, self.account, self.my_name = s, account, my_name
        self.result = Applied()
        self.author: str | None = None
        # The pulled record's signature (base64, as on the wire), stored with its row.
        self.signer_id: str | None = None
        self.signature: str | None = None
        # Rows known to exist in this transaction (never deleted by sync). Only rows found by a
        # query are remembered: one added inside a savepoint that rolls back must not be.
        self._exists: set[tuple[type[Any], Any]] = set()
        self._held = set(s.scalars(select(SyncHeld.item_id)))
        self._page = Prefetched()
        self._queue: list[Queued] = []

    # -- entry points ---------------------------------------------------------------------

    def page(self, entries: list[PullEntry]) -> None:
        """Apply a pulled page: look its keys up in bulk, check each entry, then apply the
        queued ones chunk by chunk. The absent keys serve this page only: every row stored
        meanwhile is struck from them as it is flushed."""
        self.prefetch(entries)
        event.listen(self.s, "pending_to_persistent", self._stored)
        try:
            for e in entries:
                self.entry(e)
            self.apply_queued()
        finally:
            event.remove(self.s, "pending_to_persistent", self._stored)
            self._page = Prefetched()

    def _stored(self, _session: Session, instance: Any) -> None:
        """A row just flushed: no longer absent, and kept in the identity map for the page
        (a later revision of the same note finds the note and its head without a query)."""
        self._page.rows.append(instance)
        identity = inspect(instance).identity
        if identity is not None and len(identity) == 1:
            self._page.absent.discard((type(instance), identity[0]))

    def prefetch(self, entries: list[PullEntry]) -> None:
        """Note which revisions of a page this laptop already holds (its own, coming back, or
        a page repeated after a crash): those are skipped without a savepoint each; and which
        notes it holds (see ``app.sync_prefetch``)."""
        self._page = prefetch_revisions(self.s, entries)

    def entry(self, e: PullEntry) -> None:
        """Check one entry; a good one is queued for ``apply_queued``."""
        payload = b64decode(e.payload)
        if hashlib.sha256(payload).hexdigest() != e.content_hash:
            self._hold(e.item_id, e.kind, e.object_id, e.case_id, e.author_user_id,
                       e.content_hash, payload, BAD + "hash", (e.signer_id, e.signature))
            self.result.bad += 1
            log.warning("pulled item %s does not match its hash; held", e.item_id)
            return
        if e.object_id in self._page.stored_revisions and e.kind == RevisionRecord.KIND \
                and e.item_id not in self._held:
            self.result.skipped += 1
            return
        self._queue.append((e.item_id, e.kind, e.object_id, e.case_id, e.author_user_id,
                            e.content_hash, payload, (e.signer_id, e.signature)))

    def apply_queued(self) -> None:
        """Apply the queue in order, ``CHUNK`` entries per savepoint. A chunk stopped by an
        entry that must wait is rolled back; the entries before it go again as a chunk of their
        own (they stored fine), then the waiting one is held on its own. Every round stores or
        holds at least one entry, and after a hold chunks grow again from small."""
        queue, self._queue = self._queue, []
        i, size = 0, CHUNK
        while i < len(queue):
            chunk = queue[i:i + size]
            stopped = self._chunk(chunk)
            if stopped is None:
                i, size = i + len(chunk), min(CHUNK, size * 2)
            elif stopped > 0:
                size = stopped
            else:
                self.attempt(*queue[i])
                i, size = i + 1, 1

    def _chunk(self, chunk: list[Queued]) -> int | None:
        """Apply ``chunk`` in one savepoint; the index of an entry that must wait (everything
        of the chunk rolled back, this object's own state restored) or None when all stored."""
        exists, assigned = set(self._exists), list(self.result.assigned)
        outcomes: list[str] = []
        savepoint = self.s.begin_nested()
        for index, (_id, kind, _o, _c, author, digest, payload, signed) in enumerate(chunk):
            self.signer_id, self.signature = signed
            try:
                outcomes.append(self._apply(kind, payload, digest, author))
            except Hold:
                savepoint.rollback()
                self._exists, self.result.assigned = exists, assigned
                return index
        savepoint.commit()
        done = [item_id for item_id, *_rest in chunk if item_id in self._held]
        if done:
            self.s.execute(delete(SyncHeld).where(SyncHeld.item_id.in_(done)))
            self._held.difference_update(done)
        for outcome in outcomes:
            setattr(self.result, outcome, getattr(self.result, outcome) + 1)
        return None

    def attempt(self, item_id: str, kind: str, object_id: str, case_id: str | None,
                author_user_id: str | None, digest: str, payload: bytes,
                signed: tuple[str | None, str | None] = (None, None)) -> bool:
        """Apply one item; False when it had to be held."""
        self.signer_id, self.signature = signed
        try:
            with self.s.begin_nested():
                outcome = self._apply(kind, payload, digest, author_user_id)
        except Hold as hold:
            self._hold(item_id, kind, object_id, case_id, author_user_id, digest, payload,
                       hold.reason, signed)
            if hold.reason.startswith(BAD):
                self.result.bad += 1
            return False
        if item_id in self._held:
            self.s.execute(delete(SyncHeld).where(SyncHeld.item_id == item_id))
            self._held.discard(item_id)
        setattr(self.result, outcome, getattr(self.result, outcome) + 1)
        return True

    def retry_held(self) -> None:
        """Try held records again until a round stores none of them."""
        while True:
            rows = self.s.scalars(select(SyncHeld).where(~SyncHeld.reason.startswith(BAD))
                                  .order_by(SyncHeld.received_at, SyncHeld.item_id)).all()
            progress = False
            for h in rows:
                before = self.result.held
                ok = self.attempt(h.item_id, h.kind, h.object_id, h.case_id, h.author_user_id,
                                  h.content_hash, h.payload, (h.signer_id, h.signature))
                self.result.held = before  # a record held again is not counted twice
                progress = progress or ok
            if not progress:
                return

    # -- dispatch ----------------------------------------------------------------------------

    def _hold(self, item_id: str, kind: str, object_id: str, case_id: str | None,
              author: str | None, digest: str, payload: bytes, reason: str,
              signed: tuple[str | None, str | None]) -> None:
        row = self.s.get(SyncHeld, item_id)
        self._held.add(item_id)
        if row is None:
            self.s.add(SyncHeld(item_id=item_id, kind=kind, object_id=object_id,
                                case_id=case_id, author_user_id=author, content_hash=digest,
                                payload=payload, reason=reason, signer_id=signed[0],
                                signature=signed[1]))
            self.result.held += 1
        else:
            row.reason = reason
        self.s.flush()

    def _apply(self, kind: str, payload: bytes, digest: str, author: str | None) -> str:
        if kind == ASSIGNMENT_KIND:
            return self._assignment(AssignmentPayload.model_validate_json(payload))
        try:
            record = self._page.decoded.get(digest) or decode(payload)
        except RecordError as exc:
            raise Hold(BAD + "format") from exc
        if encode(record) != payload or kind != record.KIND:
            raise Hold(BAD + "format")
        handler: Any = {CaseRecord: self._case, PersonRecord: self._person, VisitRecord: self._visit,
                   ConsentRecord: self._consent, RevisionRecord: self._revision,
                   ReviewRecord: self._review, ReviewEntryRecord: self._entry,
                   AttributedReviewEntryRecord: self._entry,
                   TranscriptRecord: self._transcript,
                   RecordingRecord: self._recording}.get(type(record))
        if handler is None:
            return "skipped"  # audit events of other laptops are not pulled
        self.author = author
        outcome: str = handler(record, digest)
        return outcome

    # -- people and the authorship of colleagues ------------------------------------------

    def _user(self, user_id: str) -> None:
        """A colleague (or the office) named by a record gets an inactive shadow account,
        so the journal shows an author; the same person as this account is shown by name."""
        if self._known(User, user_id):
            return
        mine = self.author == self.account.server_user_id
        name = self.my_name if mine else "Kollega"
        self.s.add(User(id=user_id, username=f"{SHADOW_PREFIX}{user_id}"[:64], display_name=name,
                        role="caseworker", password_hash=SHADOW_PASSWORD, active=False))
        self.s.flush()
        if mine:  # this user on another laptop: their drafts there may be edited here
            self.s.add(SyncAlias(author_id=user_id, local_user_id=self.account.local_user_id))
            self.s.flush()

    def _assignment(self, p: AssignmentPayload) -> str:
        if p.user_id != self.account.server_user_id:
            return "skipped"  # a colleague's assignment (a supervisor sees the unit's)
        me = self.account.local_user_id
        if not p.active:
            self.s.execute(delete(CaseAssignment).where(CaseAssignment.case_id == p.case_id,
                                                        CaseAssignment.user_id == me))
            self.s.execute(delete(SyncBackfill).where(SyncBackfill.case_id == p.case_id,
                                                      SyncBackfill.local_user_id == me))
            return "applied"
        if self.s.get(SyncBackfill, (me, p.case_id)) is None:
            self.s.add(SyncBackfill(local_user_id=me, case_id=p.case_id, cursor=0))
            self.result.assigned.append(p.case_id)
        if self.s.get(Case, p.case_id) is None:
            self.s.flush()
            raise Hold("case")
        if self.s.get(CaseAssignment, (p.case_id, me)) is None:
            self.s.add(CaseAssignment(case_id=p.case_id, user_id=me))
        self.s.flush()
        return "applied"

    # -- mutable rows ------------------------------------------------------------------------

    def _mutable(self, rec: Record, row: Any, digest: str) -> str | None:
        """For an existing case/person/visit: 'skipped' when nothing to do, 'conflicts' when
        changed here too, None when the pulled version should be written over the row."""
        if _digest(row.to_record()) == digest:
            return "skipped"
        mine = self.s.execute(select(OutboxItem.content_hash, OutboxItem.acked_at).where(
            OutboxItem.kind == rec.KIND, OutboxItem.object_id == row.id)).all()
        if any(h == digest for h, _a in mine):
            return "skipped"  # our own version coming back, or an older one
        if any(a is None for _h, a in mine):
            self._conflict(rec.KIND, row.id, encode(rec), digest)
            return "conflicts"
        return None

    def _case(self, rec: CaseRecord, digest: str) -> str:
        row = self.s.get(Case, rec.id)
        self._user(rec.created_by)
        if row is None:
            if self.s.scalar(select(Case.id).where(Case.case_number == rec.case_number)):
                raise Hold("case_number")
            row = Case(id=rec.id, created_by=rec.created_by, created_at=rec.created_at)
            self.s.add(row)
        else:
            outcome = self._mutable(rec, row, digest)
            if outcome is not None:
                return outcome
        row.case_number, row.title, row.status = rec.case_number, rec.title, rec.status
        row.retention_class, row.closed_at = rec.retention_class, rec.closed_at
        self.s.flush()
        return "applied"

    def _person(self, rec: PersonRecord, digest: str) -> str:
        self._need(Case, rec.case_id, "case")
        row = self.s.get(Person, rec.id)
        if row is None:
            row = Person(id=rec.id, case_id=rec.case_id)
            self.s.add(row)
        else:
            outcome = self._mutable(rec, row, digest)
            if outcome is not None:
                return outcome
        row.position, row.role, row.name = rec.position, rec.role, rec.name
        row.personnummer, row.birth_date, row.note = rec.personnummer, rec.birth_date, rec.note
        self.s.flush()
        return "applied"

    def _visit(self, rec: VisitRecord, digest: str) -> str:
        self._need(Case, rec.case_id, "case")
        self._user(rec.created_by)
        row = self.s.get(Visit, rec.id)
        if row is None:
            row = Visit(id=rec.id, case_id=rec.case_id, created_by=rec.created_by,
                        created_at=rec.created_at)
            self.s.add(row)
        else:
            outcome = self._mutable(rec, row, digest)
            if outcome is not None:
                return outcome
        row.kind, row.planned_start, row.planned_end = rec.kind, rec.planned_start, rec.planned_end
        row.actual_start, row.actual_end = rec.actual_start, rec.actual_end
        row.participants = [{"person_id": p.person_id, "name": p.name, "role": p.role}
                            for p in rec.participants]
        row.with_child = rec.with_child
        self.s.flush()
        return "applied"

    def _conflict(self, kind: str, object_id: str, payload: bytes, digest: str) -> None:
        row = self.s.scalar(select(SyncConflict).where(
            SyncConflict.kind == kind, SyncConflict.object_id == object_id,
            SyncConflict.resolved_at.is_(None)))
        if row is None:
            self.s.add(SyncConflict(kind=kind, object_id=object_id, theirs_payload=payload,
                                    theirs_hash=digest))
        else:
            row.theirs_payload, row.theirs_hash = payload, digest
        self.s.flush()

    def _need(self, model: type[Any], key: Any, what: str) -> None:
        if not self._known(model, key):
            raise Hold(what)

    def _known(self, model: type[Any], key: Any) -> bool:
        if (model, key) in self._exists:
            return True
        if self._get(model, key) is None:
            return False
        self._exists.add((model, key))
        return True

    def _get(self, model: type[Any], key: Any) -> Any:
        """``Session.get`` that knows the page's absent keys without a query (``page`` strikes
        a key once its row is flushed; a row of a savepoint rolled back is absent again, and
        then looked up, rightly not found)."""
        if (model, key) in self._page.absent:
            return None
        return self.s.get(model, key)

    # -- immutable records -------------------------------------------------------------------

    def _consent(self, rec: ConsentRecord, digest: str) -> str:
        if self.s.get(Consent, rec.id) is not None:
            return "skipped"
        self._need(Visit, rec.visit_id, "visit")
        self._user(rec.recorded_by)
        self.s.add(Consent(id=rec.id, visit_id=rec.visit_id, informed=list(rec.informed),
                           agreed=list(rec.agreed), refused=list(rec.refused),
                           recorded_at=rec.recorded_at, recorded_by=rec.recorded_by,
                           signature=self.signature, signer_id=self.signer_id))
        self.s.flush()
        return "applied"

    def _revision(self, rec: RevisionRecord, digest: str) -> str:
        if self._get(NoteRevision, rec.id) is not None:
            return "skipped"
        self._need(Case, rec.case_id, "case")
        if rec.visit_id is not None:
            self._need(Visit, rec.visit_id, "visit")
        self._user(rec.author_id)
        note = self._get(JournalNote, rec.note_id)
        if note is None:
            if rec.parent_hash is not None:
                raise Hold("parent")
            note = JournalNote(id=rec.note_id, case_id=rec.case_id, visit_id=rec.visit_id,
                               author_id=rec.author_id, created_at=rec.created_at,
                               event_time=rec.event_time, state="draft")
            self.s.add(note)
            self.s.flush()
            self._append(note, rec, digest)
            return "applied"
        head = self.s.get(NoteRevision, note.current_revision_id)
        assert head is not None
        if rec.parent_hash == head.hash:
            self._append(note, rec, digest)
            return "applied"
        return self._fork(note, head, rec, digest)

    def _fork(self, note: JournalNote, head: NoteRevision, rec: RevisionRecord,
              digest: str) -> str:
        """A revision that does not continue this laptop's head."""
        open_conflict = self.s.scalar(select(SyncConflict).where(
            SyncConflict.kind == RevisionRecord.KIND, SyncConflict.object_id == note.id,
            SyncConflict.resolved_at.is_(None)))
        if open_conflict is not None and rec.parent_hash == open_conflict.theirs_hash:
            if merged_hash(rec) == head.hash and rec.seq > head.seq:
                self._append(note, rec, digest)  # resolved elsewhere, taking our version in
                open_conflict.resolved_at, open_conflict.resolution = rec.created_at, "remote"
                return "applied"
            open_conflict.theirs_payload, open_conflict.theirs_hash = encode(rec), digest
            return "conflicts"
        known = self.s.scalar(select(NoteRevision.id).where(
            NoteRevision.note_id == note.id, NoteRevision.hash == rec.parent_hash))
        if known is None and rec.parent_hash is not None:
            raise Hold("parent")
        if note.state == "signed" and rec.kind == "correction":
            raise Hold("correction_fork")  # two corrections of one signed note: kept for IT
        self._conflict(RevisionRecord.KIND, note.id, encode(rec), digest)
        return "conflicts"

    def _append(self, note: JournalNote, rec: RevisionRecord, digest: str) -> None:
        self.s.add(NoteRevision(
            id=rec.id, note_id=rec.note_id, seq=rec.seq, kind=rec.kind,
            parent_hash=rec.parent_hash, hash=digest, section=rec.section, body=rec.body,
            child_voice=rec.child_voice, event_time=rec.event_time, author_id=rec.author_id,
            created_at=rec.created_at, reason=rec.reason, signature=self.signature,
            signer_id=self.signer_id))
        self.s.flush()
        note.current_revision_id = rec.id
        if rec.kind == "draft":
            note.event_time = rec.event_time
        elif rec.kind == "signed":
            note.state, note.signed_at, note.signed_by = "signed", rec.created_at, rec.author_id
        self.s.flush()

    def _review(self, rec: ReviewRecord, digest: str) -> str:
        if self.s.get(Review, rec.id) is not None:
            return "skipped"
        self._need(NoteRevision, rec.revision_id, "revision")
        self._user(rec.started_by)
        self.s.add(Review(
            id=rec.id, note_id=rec.note_id, revision_id=rec.revision_id,
            revision_hash=rec.revision_hash, hash=digest, audience=rec.audience,
            variant=rec.variant, started_at=rec.started_at, started_by=rec.started_by,
            present=[{"person_id": p.person_id, "name": p.name, "role": p.role}
                     for p in rec.present],
            passages=[{"index": p.index, "part": p.part, "shown": p.shown, "hash": p.text_hash}
                      for p in rec.passages], signature=self.signature, signer_id=self.signer_id))
        self.s.flush()
        return "applied"

    def _entry(self, rec: ReviewEntryRecord, digest: str) -> str:
        if self.s.get(ReviewEntry, rec.id) is not None:
            return "skipped"
        self._need(Review, rec.review_id, "review")
        self._user(rec.recorded_by)
        who = rec.respondent if isinstance(rec, AttributedReviewEntryRecord) else None
        self.s.add(ReviewEntry(
            id=rec.id, review_id=rec.review_id, seq=rec.seq, kind=rec.kind,
            passage_index=rec.passage_index, outcome=rec.outcome, comment=rec.comment,
            input_method=rec.input_method, recorded_at=rec.recorded_at,
            recorded_by=rec.recorded_by, hash=digest,
            respondent=None if who is None else
            {"name": who.name, "role": who.role, "person_id": who.person_id},
            signature=self.signature, signer_id=self.signer_id))
        self.s.flush()
        return "applied"

    def _recording(self, rec: RecordingRecord, digest: str) -> str:
        """A colleague's recording (or this user's from another laptop): its facts only, marked
        ``remote`` (its audio is not here). A recording made here is never overwritten."""
        row = self.s.get(Recording, rec.id)
        if row is not None and not row.remote:
            return "skipped"  # our own, coming back
        self._need(Visit, rec.visit_id, "visit")
        self._user(rec.recorded_by)
        if row is None:
            row = Recording(id=rec.id, visit_id=rec.visit_id, audio_file="", remote=True,
                            created_by=rec.recorded_by, started_at=rec.started_at)
            self.s.add(row)
        elif row.state == "audio-deleted" and rec.state != "audio-deleted":
            return "skipped"  # an older version held and retried after the newer one
        elif _digest(row.to_record()) == digest:
            return "skipped"
        row.ended_at, row.duration_s, row.sample_rate = rec.ended_at, rec.duration_s, \
            rec.sample_rate
        row.state, row.finish_reason, row.engine = rec.state, rec.finish_reason, rec.engine
        row.model_id, row.audio_policy = rec.model_id, rec.audio_policy
        row.audio_deleted_at = rec.audio_deleted_at
        self.s.flush()
        return "applied"

    def _transcript(self, rec: TranscriptRecord, digest: str) -> str:
        if self.s.get(Transcript, rec.id) is not None:
            return "skipped"
        # A colleague's recording arrives as a ``RecordingRecord`` (its audio stays on the
        # colleague's laptop); its transcript waits here until that recording row exists.
        self._need(Recording, rec.recording_id, "recording")
        self.s.add(Transcript(id=rec.id, recording_id=rec.recording_id, engine=rec.engine,
                              model_id=rec.model_id, pass_kind=rec.pass_kind,
                              created_at=rec.created_at, hash=digest))
        self.s.flush()
        for seg in rec.segments:
            self.s.add(Segment(transcript_id=rec.id, seq=seg.seq, start_s=seg.start_s,
                               end_s=seg.end_s, text=seg.text, speaker=seg.speaker,
                               words=[{"word": w.word, "start": w.start, "end": w.end,
                                       "conf": w.conf} for w in seg.words]))
        self.s.flush()
        return "applied"


def _digest(record: Record) -> str:
    return hashlib.sha256(encode(record)).hexdigest()
