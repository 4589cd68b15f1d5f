"""``GET /api/v1/sync/pull`` (pages of the change log a caller may see) and the audit heads a
laptop has had acknowledged (``/api/v1/sync/audit-head``)."""

from __future__ import annotations

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session

from models.base import iso, utcnow
from models.records import AuditEventRecord, RecordError, decode
from models.sync_wire import AuditHead, AuditHeadAck, PullEntry, PullPage, b64encode
from server import audit
from server.changes import committed_seq
from server.db import Assignment, Case, Change, DeviceAuditHead, StoredRecord
from server.errors import ApiError, forbidden
from server.security import Caller
from server.verify import audit_link_ok

GENESIS_HASH = "0" * 64


def _visible(caller: Caller) -> ColumnElement[bool]:
    """Which change-log rows the caller may read: a caseworker those of assigned cases and the
    assignments about them (an unassignment too), a supervisor the unit's."""
    if caller.role == "supervisor":
        return Change.unit_id == caller.unit_id
    assigned = select(Assignment.case_id).where(Assignment.user_id == caller.user_id,
                                                Assignment.active.is_(True))
    return or_(Change.case_id.in_(assigned), Change.subject_user_id == caller.user_id)


def _may_see_case(session: Session, caller: Caller, case_id: str) -> bool:
    case = session.get(Case, case_id)
    if case is None or case.unit_id != caller.unit_id:
        return False
    if caller.role == "supervisor":
        return True
    row = session.get(Assignment, (case_id, caller.user_id))
    return caller.role == "caseworker" and row is not None and row.active


def pull(session: Session, caller: Caller, cursor: int, limit: int, case_id: str | None,
         remote: str) -> PullPage:
    """Rows after ``cursor`` up to the committed seq read first.

    Every seq up to that committed value belongs to a committed transaction (the change
    counter is updated under a row lock held to commit), so the page never passes a row that
    is still to commit, and when nothing more is visible the cursor may jump to it."""
    upto = committed_seq(session)
    entries: list[PullEntry] = []
    more = False
    if caller.role != "admin":
        if case_id is not None and not _may_see_case(session, caller, case_id):
            raise forbidden("case_not_visible", "Du har inte tillgång till ärendet.")
        where = [Change.seq > cursor, Change.seq <= upto, _visible(caller)]
        if case_id is not None:
            where.append(Change.case_id == case_id)
        rows = session.execute(
            select(Change.seq, StoredRecord).join(StoredRecord, StoredRecord.id == Change.record_id)
            .where(*where).order_by(Change.seq).limit(limit + 1)).tuples().all()
        more = len(rows) > limit
        entries = [_entry(seq, rec) for seq, rec in rows[:limit]]
    next_cursor = entries[-1].seq if more else max(upto, cursor)
    audit.append(session, "sync.pull", actor=caller.user_id, token_id=caller.token_id,
                 object_type="case" if case_id else "device",
                 object_id=case_id or caller.device_id, remote=remote,
                 details={"cursor": cursor, "entries": len(entries)})
    return PullPage(entries=entries, next_cursor=next_cursor, more=more)


def _entry(seq: int, rec: StoredRecord) -> PullEntry:
    return PullEntry(
        seq=seq, item_id=rec.id, kind=rec.kind, object_id=rec.object_id, version=rec.version,
        content_hash=rec.content_hash, payload=b64encode(rec.payload), case_id=rec.case_id,
        author_user_id=rec.author_user_id, device_id=rec.device_id, signer_id=rec.signer_id,
        signature=None if rec.signature is None else b64encode(rec.signature),
        received_at=iso(rec.received_at))


def _conflict(code: str, detail: str) -> ApiError:
    return ApiError(409, code, detail)


def acknowledge_audit_head(session: Session, caller: Caller, head: AuditHead,
                           remote: str) -> AuditHeadAck:
    """Move the device's acknowledged head forward to ``head`` once the server holds every
    event up to it, each linked to the one before. A head behind the acknowledged one means
    events were cut off the laptop's chain: refused (409), never moved back."""
    if head.device_id != caller.device_id:
        raise forbidden("wrong_device", "Enhetens inloggning hör till en annan dator.")
    current = session.scalars(select(DeviceAuditHead).where(
        DeviceAuditHead.device_id == head.device_id).with_for_update()).one_or_none()
    from_seq, prev = (current.seq, current.hash) if current else (0, GENESIS_HASH)
    if head.seq < from_seq or (head.seq == from_seq and head.hash != prev):
        raise _conflict("audit_truncated", "Datorns händelselogg är kortare än den servern "
                        "redan har bekräftat: händelser har tagits bort.")
    if head.seq > from_seq:
        rows = session.execute(
            select(StoredRecord.chain_seq, StoredRecord.content_hash, StoredRecord.payload)
            .where(StoredRecord.device_id == head.device_id,
                   StoredRecord.chain_seq > from_seq, StoredRecord.chain_seq <= head.seq)
            .order_by(StoredRecord.chain_seq)).tuples().all()
        if [r[0] for r in rows] != list(range(from_seq + 1, head.seq + 1)):
            raise _conflict("audit_incomplete", "Servern saknar händelser före den angivna "
                            "platsen i loggen; skicka dem först.")
        # A laptop's chain is keyed (each link an HMAC under the store's own key), so the
        # server cannot recompute a link. It holds what it can: every event up to the head is
        # here, each is readable, each names the one before, and the first new one links to
        # the head acknowledged before, so a rewritten or cut chain cannot be acknowledged.
        read = [_audit_event(payload) for _seq, _digest, payload in rows]
        events = [e for e in read if e is not None]
        if len(events) != len(read) or not audit_link_ok(prev, events[0].prev_hash):
            raise _conflict("audit_broken", "Händelseloggens kedja är bruten på servern.")
        for before, after in zip(events, events[1:], strict=False):
            if not after.prev_hash or after.prev_hash == before.prev_hash:
                raise _conflict("audit_broken", "Händelseloggens kedja är bruten på servern.")
        # The head's hash is checked where the server can: against the event after it.
        following = session.scalar(select(StoredRecord.payload).where(
            StoredRecord.device_id == head.device_id, StoredRecord.chain_seq == head.seq + 1))
        after_head = _audit_event(following) if following is not None else None
        if after_head is not None and after_head.prev_hash != head.hash:
            raise _conflict("audit_mismatch", "Loggens senaste händelse stämmer inte med "
                            "servern.")
        if current is None:
            current = DeviceAuditHead(device_id=head.device_id, user_id=caller.user_id,
                                      seq=head.seq, hash=head.hash)
            session.add(current)
        current.seq, current.hash, current.user_id = head.seq, head.hash, caller.user_id
        current.updated_at = utcnow()
    audit.append(session, "sync.audit_head", actor=caller.user_id, token_id=caller.token_id,
                 object_type="device", object_id=head.device_id, remote=remote,
                 details={"seq": head.seq})
    return AuditHeadAck(device_id=head.device_id, seq=head.seq, hash=head.hash,
                        acknowledged_at=iso(current.updated_at if current else utcnow()))


def audit_head(session: Session, caller: Caller) -> AuditHeadAck | None:
    row = session.get(DeviceAuditHead, caller.device_id)
    if row is None:
        return None
    return AuditHeadAck(device_id=row.device_id, seq=row.seq, hash=row.hash,
                        acknowledged_at=iso(row.updated_at))


def _audit_event(payload: bytes) -> AuditEventRecord | None:
    try:
        record = decode(payload)
    except RecordError:
        return None
    return record if isinstance(record, AuditEventRecord) else None
