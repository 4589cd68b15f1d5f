"""Append-only, keyed and signed audit log: record events inside the caller's transaction, verify.

Each event's hash is the HMAC (under the store's chain key) of its record
(``AuditEventRecord``): its fields, this installation's device id and the previous event's hash,
so altering, deleting or reordering any event breaks the chain at that point; and each event is
signed by its actor's personal key (checked by ``app.trust``), so re-computing the chain with
the key is not enough to forge it. Events written before personal keys (migration 0006) keep
their plain SHA-256 links up to the pinned ``legacy.audit_seq``. Migration 0004 re-hashed older chains under the record
codec after checking them with the old formula; its ``store.migrate`` event says what it found,
and a chain that was already broken then stays reported as broken.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import signing
from app.dto import Actor, AuditCheck
from models.audit import GENESIS_HASH, AuditEvent, Installation
from models.audit import PREV_MINE as PREV_MINE
from models.base import new_id, utcnow
from models.sync import AuditAnchor

MIGRATE_ACTION = "store.migrate"
# In an event's stored details: the previous event of the chain is this login session's own,
# and this is its signature. The event, signed by the same user, then commits to that event's
# exact content (its hash is this event's prev_hash) and signature, so verify need not check
# that event's signature itself (``app.trust_runs``). Absent from older events and from the
# first event of a session; ``AuditEvent.details`` leaves it out. (Defined with the model.)


def device_id(session: Session) -> str:
    """This installation's id (the store hands it to its sessions; read once otherwise)."""
    cached = session.info.get("device_id")
    if not isinstance(cached, str):
        cached = session.scalar(select(Installation.device_id))
        if cached is None:
            raise RuntimeError("the store has no device id")
        session.info["device_id"] = cached
    return cached


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
    signer = signing.signer_of(session)
    # Only an event the session writes as its own user continues (or starts) its run.
    own = actor is not None and actor.user_id == signer.user_id and signer.run is not None
    mine = signer.run.follows(signer.key, signer.user_id, seq - 1, prev) if (
        own and signer.run is not None and last) else None
    if mine is not None:
        details = {**(details or {}), PREV_MINE: mine}
    event = AuditEvent(
        seq=seq,
        id=new_id(),
        device_id=device_id(session),
        ts=now or utcnow(),
        user_id=actor.user_id if actor else None,
        username=actor.username if actor else "",
        action=action,
        object_type=object_type,
        object_id=object_id,
        details=details or {},
        prev_hash=prev,
    )
    record = event.to_record()
    event.hash = signing.chain_hash(signing.chain_key_of(session), record)
    event.signature, event.signer_id = signing.sign(session, record)
    if signer.run is not None:
        if own:  # remembered as written, even if the transaction later rolls back: the
            # next event compares the stored last event's hash with it
            signer.run.remember(signer.key, signer.user_id, seq, event.hash, event.signature)
        else:
            signer.run.forget()
    session.add(event)
    session.flush()
    return event


def events(session: Session, batch: int = 2000, skip: Collection[int] = ()
           ) -> Iterator[AuditEvent]:
    """Every event in order (but those in ``skip``: rows a check found unreadable)."""
    after = -1
    while True:
        rows = session.scalars(
            select(AuditEvent).where(AuditEvent.seq > after, AuditEvent.seq.not_in(skip))
            .order_by(AuditEvent.seq).limit(batch)
        ).all()
        if not rows:
            return
        yield from rows
        after = rows[-1].seq
        session.expunge_all()


def verify(session: Session) -> AuditCheck:
    """Walk the chain in order; report the first event that does not fit, or else the first
    migration that found the chain or the revisions already altered before it re-hashed them."""
    prev_hash, expected_seq, count = GENESIS_HASH, 1, 0
    broken_before: AuditCheck | None = None
    legacy_seq = legacy_audit_seq(session)
    chain_key = signing.chain_key_of(session)
    for event in events(session):
        count += 1
        if event.seq != expected_seq:
            return AuditCheck(False, count, expected_seq, f"event {expected_seq} is missing")
        if event.prev_hash != prev_hash:
            return AuditCheck(
                False, count, event.seq, "does not follow the previous event (removed or moved)"
            )
        if event_hash(event, legacy_seq, chain_key) != event.hash:
            return AuditCheck(False, count, event.seq, "content was altered")
        if broken_before is None and event.action == MIGRATE_ACTION:
            broken_before = legacy_failure(event)
        prev_hash, expected_seq = event.hash, expected_seq + 1
    if broken_before is not None:
        return replace(broken_before, events=count)
    return verify_anchor(session, count, prev_hash) or AuditCheck(True, count)


def verify_anchor(session: Session, count: int, head_hash: str) -> AuditCheck | None:
    """Events cut off the end: the server acknowledged holding this laptop's chain up to
    ``AuditAnchor.seq`` (sync), so a local chain that stops before it, or has another event
    there, lost its tail. The walk above cannot see that on its own."""
    anchor = session.get(AuditAnchor, device_id(session))
    if anchor is None or anchor.seq == 0:
        return None
    if count < anchor.seq:
        return AuditCheck(False, count, count + 1, f"events {count + 1}-{anchor.seq} were cut "
                          "off the end (the server acknowledged them)")
    at = session.scalar(select(AuditEvent.hash).where(AuditEvent.seq == anchor.seq))
    if at != anchor.hash:
        return AuditCheck(False, count, anchor.seq, "differs from the event the server "
                          "acknowledged")
    return None


def legacy_audit_seq(session: Session) -> int:
    """The last event chained before personal keys (0 in a store made with them)."""
    legacy = session.scalar(select(Installation.legacy))
    return int(legacy.get("audit_seq", 0)) if isinstance(legacy, dict) else 0


def event_hash(event: AuditEvent, legacy_seq: int, chain_key: bytes) -> str:
    """What ``event.hash`` must be: plain SHA-256 up to ``legacy_seq``, the keyed link after."""
    if event.seq <= legacy_seq:
        return event.compute_hash()
    return signing.chain_hash(chain_key, event.to_record())


def legacy_failure(event: AuditEvent) -> AuditCheck | None:
    """The failure a ``store.migrate`` event records about the data before it, if any."""
    d = event.details
    if d.get("legacy_ok", True):
        return None
    if not d.get("legacy_audit_ok", True):
        seq = d.get("legacy_audit_first_bad_seq") or event.seq
        return AuditCheck(False, 0, seq, "altered before the store was migrated: "
                          + str(d.get("legacy_audit_reason", "")))
    return AuditCheck(False, 0, event.seq, "notes or reviews were altered before the store "
                      "was migrated")


def count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(AuditEvent)) or 0
