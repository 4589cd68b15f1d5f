"""The server's own audit log: one hash chain over every access, appended inside the request's
transaction and checked by ``samskriv-server audit verify``.

Appends lock the single ``server_audit_head`` row, so the appends of many server processes form
one chain in commit order. A request that also writes records takes the change counter first
and this lock last (``sync.push``), always in that order, so two requests never deadlock.
Details hold ids and counts only, never note text, names or personnummer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.base import iso, utcnow
from models.canonical import content_hash
from server.db import ServerAuditEvent, ServerAuditHead

GENESIS_HASH = "0" * 64


def _event_hash(seq: int, ts: datetime, actor: str | None, token_id: str | None, action: str,
                object_type: str, object_id: str, outcome: str, remote: str,
                details: dict[str, Any], prev_hash: str) -> str:
    return content_hash({
        "seq": seq, "ts": iso(ts), "actor": actor, "token": token_id, "action": action,
        "object_type": object_type, "object_id": object_id, "outcome": outcome,
        "remote": remote, "details": details, "prev": prev_hash,
    })


def append(session: Session, action: str, *, actor: str | None = None,
           token_id: str | None = None, object_type: str = "", object_id: str = "",
           outcome: str = "ok", remote: str = "", details: dict[str, Any] | None = None) -> None:
    """Add one event to the chain in the caller's transaction (commits with it)."""
    head = session.scalars(
        select(ServerAuditHead).where(ServerAuditHead.id == 1).with_for_update()).one()
    seq, ts, details = head.seq + 1, utcnow(), dict(details or {})
    digest = _event_hash(seq, ts, actor, token_id, action, object_type, object_id, outcome,
                         remote, details, head.hash)
    session.add(ServerAuditEvent(
        seq=seq, ts=ts, actor_user_id=actor, token_id=token_id, action=action,
        object_type=object_type, object_id=object_id, outcome=outcome, remote=remote[:64],
        details=details, prev_hash=head.hash, hash=digest))
    head.seq, head.hash = seq, digest


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    events: int
    first_bad_seq: int | None = None
    problem: str = ""


def verify_chain(session: Session, batch: int = 5000) -> ChainReport:
    """Recompute every link; also check the head row names the last event (no cut-off end)."""
    prev, expected_seq, count, last = GENESIS_HASH, 1, 0, 0
    while True:
        rows = session.scalars(select(ServerAuditEvent).where(ServerAuditEvent.seq > last)
                               .order_by(ServerAuditEvent.seq).limit(batch)).all()
        if not rows:
            break
        for ev in rows:
            if ev.seq != expected_seq:
                return ChainReport(False, count, expected_seq, "missing event")
            digest = _event_hash(ev.seq, ev.ts, ev.actor_user_id, ev.token_id, ev.action,
                                 ev.object_type, ev.object_id, ev.outcome, ev.remote,
                                 dict(ev.details), ev.prev_hash)
            if ev.prev_hash != prev or digest != ev.hash:
                return ChainReport(False, count, ev.seq, "altered event")
            prev, expected_seq, count, last = ev.hash, ev.seq + 1, count + 1, ev.seq
        session.expunge_all()
    head = session.get(ServerAuditHead, 1)
    if head is None or head.seq != count or head.hash != prev:
        return ChainReport(False, count, count + 1, "events cut off the end")
    return ChainReport(True, count)
