"""Writing records into the commit-ordered change log, and the records the office itself makes
(a case created at the office, an assignment given or taken)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from models.base import iso, new_id, utcnow
from models.records import CaseRecord, encode
from models.sync_wire import ASSIGNMENT_KIND, AssignmentPayload
from server.db import Assignment, Case, Change, ChangeCounter, StoredRecord


@dataclass(frozen=True)
class NewRecord:
    """A record about to be stored; ``unit_id`` set means it enters the pull change log."""

    id: str
    kind: str
    object_id: str
    version: int
    content_hash: str
    payload: bytes
    case_id: str | None
    unit_id: str | None
    author_user_id: str | None = None
    device_id: str | None = None
    chain_seq: int | None = None
    signer_id: str | None = None
    signature: bytes | None = None
    subject_user_id: str | None = None


def allocate(session: Session, count: int) -> int:
    """Reserve ``count`` change seqs and return the first.

    The UPDATE takes the counter row's lock until this transaction ends, so a later writer
    gets higher seqs only after this one has committed: seq order is commit order, and a
    reader that sees seq N has seen every seq below it. Call it as late as possible in the
    transaction, since it serialises writers from here to the commit."""
    last = session.execute(
        update(ChangeCounter).where(ChangeCounter.id == 1)
        .values(last_seq=ChangeCounter.last_seq + count).returning(ChangeCounter.last_seq)
    ).scalar_one()
    return int(last) - count + 1


def committed_seq(session: Session) -> int:
    """The highest seq whose transaction has committed (every lower one has, too)."""
    return int(session.scalar(select(ChangeCounter.last_seq).where(ChangeCounter.id == 1)) or 0)


def store(session: Session, records: Sequence[NewRecord]) -> None:
    """Insert ``records`` and their change-log rows under freshly allocated seqs."""
    if not records:
        return
    first, now = allocate(session, len(records)), utcnow()
    rows, changes = [], []
    for offset, rec in enumerate(records):
        seq = first + offset
        rows.append({
            "id": rec.id, "kind": rec.kind, "object_id": rec.object_id, "version": rec.version,
            "content_hash": rec.content_hash, "payload": rec.payload, "case_id": rec.case_id,
            "author_user_id": rec.author_user_id, "device_id": rec.device_id,
            "chain_seq": rec.chain_seq, "signer_id": rec.signer_id,
            "signature": rec.signature, "received_seq": seq, "received_at": now})
        if rec.unit_id is not None and rec.case_id is not None:
            changes.append({"seq": seq, "record_id": rec.id, "case_id": rec.case_id,
                            "unit_id": rec.unit_id, "subject_user_id": rec.subject_user_id})
    session.execute(insert(StoredRecord), rows)
    if changes:
        session.execute(insert(Change), changes)


def case_record(case_id: str, unit_id: str, case_number: str, title: str, created_by: str,
                created_at: datetime) -> NewRecord:
    """The record of a case created at the office, so that laptops learn of it."""
    payload = encode(CaseRecord(id=case_id, case_number=case_number, title=title, status="open",
                                retention_class="standard", created_at=created_at,
                                created_by=created_by))
    return NewRecord(id=new_id(), kind=CaseRecord.KIND, object_id=case_id,
                     version=CaseRecord.VERSION, content_hash=hashlib.sha256(payload).hexdigest(),
                     payload=payload, case_id=case_id, unit_id=unit_id)


def set_assignment(session: Session, case: Case, user_id: str, active: bool) -> NewRecord | None:
    """Assign or unassign; the record tells the caseworker's laptop (None when nothing changed)."""
    row = session.get(Assignment, (case.id, user_id))
    now = utcnow()
    if row is None:
        if not active:
            return None
        session.add(Assignment(case_id=case.id, user_id=user_id, active=True, changed_at=now))
    else:
        if row.active == active:
            return None
        row.active, row.changed_at = active, now
    rec_id = new_id()
    payload = AssignmentPayload(id=rec_id, case_id=case.id, user_id=user_id, active=active,
                                changed_at=iso(now)).encode()
    return NewRecord(id=rec_id, kind=ASSIGNMENT_KIND, object_id=rec_id, version=1,
                     content_hash=hashlib.sha256(payload).hexdigest(), payload=payload,
                     case_id=case.id, unit_id=case.unit_id, subject_user_id=user_id)
