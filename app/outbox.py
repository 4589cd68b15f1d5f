"""Queue immutable records for the next sync with the office server."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.audit import OutboxItem


def enqueue(session: Session, kind: str, object_id: str, content_hash: str) -> None:
    session.add(OutboxItem(kind=kind, object_id=object_id, content_hash=content_hash))


def pending_count(session: Session) -> int:
    stmt = select(func.count()).select_from(OutboxItem).where(OutboxItem.acked_at.is_(None))
    return session.scalar(stmt) or 0
