"""Append-only, hash-chained audit log: record events inside the caller's transaction, verify.

Each event's hash covers its fields and the previous event's hash, so altering, deleting or
reordering any event breaks the chain at that point.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.dto import Actor, AuditCheck
from models.audit import GENESIS_HASH, AuditEvent
from models.base import new_id, utcnow


def record(
    session: Session,
    actor: Actor | None,
    action: str,
    object_type: str = "",
    object_id: str = "",
    details: dict[str, Any] | None = None,
    *,
    now: datetime | None = None,
) -> AuditEvent:
    """Append one event. The caller holds the store's write lock and commits."""
    last = session.execute(
        select(AuditEvent.seq, AuditEvent.hash).order_by(AuditEvent.seq.desc()).limit(1)
    ).first()
    seq, prev = (last[0] + 1, last[1]) if last else (1, GENESIS_HASH)
    event = AuditEvent(
        seq=seq,
        id=new_id(),
        ts=now or utcnow(),
        user_id=actor.user_id if actor else None,
        username=actor.username if actor else "",
        action=action,
        object_type=object_type,
        object_id=object_id,
        details=details or {},
        prev_hash=prev,
    )
    event.hash = event.compute_hash()
    session.add(event)
    session.flush()
    return event


def _events(session: Session, batch: int = 2000) -> Iterator[AuditEvent]:
    after = -1
    while True:
        rows = session.scalars(
            select(AuditEvent).where(AuditEvent.seq > after).order_by(AuditEvent.seq).limit(batch)
        ).all()
        if not rows:
            return
        yield from rows
        after = rows[-1].seq
        session.expunge_all()


def verify(session: Session) -> AuditCheck:
    """Walk the chain in order; report the first event that does not fit."""
    prev_hash, expected_seq, count = GENESIS_HASH, 1, 0
    for event in _events(session):
        count += 1
        if event.seq != expected_seq:
            return AuditCheck(False, count, expected_seq, f"event {expected_seq} is missing")
        if event.prev_hash != prev_hash:
            return AuditCheck(
                False, count, event.seq, "does not follow the previous event (removed or moved)"
            )
        if event.compute_hash() != event.hash:
            return AuditCheck(False, count, event.seq, "content was altered")
        prev_hash, expected_seq = event.hash, expected_seq + 1
    return AuditCheck(True, count)


def count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(AuditEvent)) or 0
