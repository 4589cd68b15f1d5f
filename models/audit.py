"""Append-only, hash-chained audit events, this installation's device id, and the sync outbox."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Integer, LargeBinary, String
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, UTCDateTime, new_id, utcnow
from models.records import AuditEventRecord, record_hash
from models.signed import Signed

GENESIS_HASH = "0" * 64
# In an event's stored details (and its record): the signature of the chain's previous event,
# when the login session that wrote this event wrote that one too (``app.audit``). It links
# the event to its session's previous one; it is no detail of the action, so ``details`` leaves
# it out and ``stored_details`` (and the record) hold it.
PREV_MINE = "prev_mine"


class Installation(Base):
    """One row: the random id of this store, made once (migration 0004), never changed.

    It names the laptop's audit chain, so that a server can hold the chains of many laptops."""

    __tablename__ = "installation"

    device_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # The audit chain's HMAC key: derived from the data key when personal keys came (0006) and
    # kept through re-keys, so the chain written before a re-key still verifies after it.
    chain_key: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    # What existed before personal keys: {"audit_seq", "audit_hash", "rows": {table: {id:
    # hash}}}, written by migration 0006 and pinned by the first admin's signed event.
    legacy: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)


class AuditEvent(Signed, Base):
    __tablename__ = "audit_events"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    id: Mapped[str] = mapped_column(String(32), unique=True, default=new_id)
    device_id: Mapped[str] = mapped_column(String(32))
    ts: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    user_id: Mapped[str | None] = mapped_column(String(32), nullable=True)
    username: Mapped[str] = mapped_column(String(64), default="")
    action: Mapped[str] = mapped_column(String(32), index=True)
    object_type: Mapped[str] = mapped_column(String(32), default="")
    object_id: Mapped[str] = mapped_column(String(64), default="")
    stored_details: Mapped[dict[str, Any]] = mapped_column("details", JSON, default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))

    @hybrid_property
    def details(self) -> dict[str, Any]:
        """What the action recorded (the stored details but the session link, ``PREV_MINE``);
        in a query, the stored column."""
        stored = self.stored_details
        if isinstance(stored, dict) and PREV_MINE in stored:
            return {k: v for k, v in stored.items() if k != PREV_MINE}
        return stored

    @details.inplace.setter
    def _details_setter(self, value: dict[str, Any]) -> None:
        self.stored_details = value

    @details.inplace.expression
    @classmethod
    def _details_expression(cls) -> Any:
        return cls.stored_details

    @property
    def prev_mine(self) -> str | None:
        """The previous event's signature if this event's session wrote that one too."""
        stored = self.stored_details
        value = stored.get(PREV_MINE) if isinstance(stored, dict) else None
        return value if isinstance(value, str) else None

    def to_record(self) -> AuditEventRecord:
        return AuditEventRecord(
            id=self.id, device_id=self.device_id, seq=self.seq, ts=self.ts,
            user_id=self.user_id, username=self.username, action=self.action,
            object_type=self.object_type, object_id=self.object_id,
            details=self.stored_details, prev_hash=self.prev_hash,
        )

    def compute_hash(self) -> str:
        """The plain SHA-256 of the record: how events before personal keys were chained."""
        return record_hash(self.to_record())


class OutboxItem(Base):
    """A record waiting to be pushed to the office server, as the exact bytes that were hashed.

    ``payload`` is ``encode(record)`` and ``content_hash`` its SHA-256, so a sync pushes what
    was hashed when the row was written, not what the tables say later. A mutable row (case,
    person, visit) is queued again, as it then is, each time it changes."""

    __tablename__ = "outbox"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    kind: Mapped[str] = mapped_column(String(32))
    object_id: Mapped[str] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(Integer)  # the record version of ``payload``
    content_hash: Mapped[str] = mapped_column(String(64))
    payload: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(String(500), default="")
    acked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True, index=True)
