"""Queue records for the next sync with the office server, as the bytes that were hashed."""

from __future__ import annotations

import hashlib

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.audit import OutboxItem
from models.records import Record, encode


def enqueue(session: Session, record: Record) -> OutboxItem:
    """Queue ``record`` inside the caller's transaction. The payload is ``encode(record)`` and
    the stored hash its SHA-256 (that is ``record_hash(record)``), so the sync pushes exactly
    the bytes the hash was taken of."""
    payload = encode(record)
    item = OutboxItem(
        kind=record.KIND, object_id=record.id, version=record.VERSION,
        content_hash=hashlib.sha256(payload).hexdigest(), payload=payload,
    )
    session.add(item)
    return item


def pending_count(session: Session) -> int:
    stmt = select(func.count()).select_from(OutboxItem).where(OutboxItem.acked_at.is_(None))
    return session.scalar(stmt) or 0
