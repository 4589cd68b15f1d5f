"""Pushing the outbox and the audit chain: a batch goes out with no lock held, and its answer
is stored in one transaction. Accepted and duplicate items are acknowledged. A batch the server
refuses because of some of its items stored nothing: those items go to the "Kunde inte
synkroniseras" list with the server's Swedish reason (never deleted) and the rest is sent again
at once, so one bad item never holds back the outbox. A request refused as a whole (token,
device) leaves everything queued."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, literal_column, select
from sqlalchemy.orm import Session

from app.cancel import CancelToken
from app.context import Context
from app.sync_client import ServerRefused, SyncClient
from models.audit import AuditEvent, OutboxItem
from models.journal import JournalNote, NoteRevision, Review, ReviewEntry
from models.records import (
    ConsentRecord,
    ReviewEntryRecord,
    ReviewRecord,
    TranscriptRecord,
    decode,
    encode,
)
from models.sync import AuditAnchor, SyncFailed
from models.sync_wire import AuditHead, PushItem, PushResponse, RefusedItem, b64decode
from models.visits import Consent, Recording, Visit

BATCH = 500  # well under the server's 1000 items and 32 MB: a note is at most 200,000 chars
TOO_LARGE = "Posten är större än servern tar emot."

Report = Callable[[int, int, str], None]


@dataclass
class Pushed:
    accepted: int = 0
    duplicates: int = 0
    rejected: int = 0


def _case_of(s: Session, kind: str, payload: bytes) -> str | None:
    """The case of a record that does not name it (the server needs it for its checks)."""
    if kind not in (ConsentRecord.KIND, ReviewRecord.KIND, ReviewEntryRecord.KIND,
                    TranscriptRecord.KIND):
        return None
    rec = decode(payload)
    if isinstance(rec, ConsentRecord):
        return s.scalar(select(Visit.case_id).where(Visit.id == rec.visit_id))
    if isinstance(rec, ReviewRecord):
        return s.scalar(select(JournalNote.case_id).where(JournalNote.id == rec.note_id))
    if isinstance(rec, ReviewEntryRecord):
        return s.scalar(select(JournalNote.case_id).join(Review, Review.note_id == JournalNote.id)
                        .where(Review.id == rec.review_id))
    if isinstance(rec, TranscriptRecord):
        return s.scalar(select(Visit.case_id).join(Recording, Recording.visit_id == Visit.id)
                        .where(Recording.id == rec.recording_id))
    return None


# Where the laptop keeps each signed kind's signature: on the row the record was made of.
_SIGNED_ROWS: dict[str, Any] = {"revision": NoteRevision, "review": Review,
                                "review_entry": ReviewEntry, "consent": Consent}
Signature = tuple[str | None, bytes | None]


def _signatures(s: Session, rows: Sequence[Any]) -> dict[tuple[str, str], Signature]:
    """(kind, object id) -> (signer id, signature bytes) of the signed rows of a batch."""
    wanted: dict[str, list[str]] = {}
    for r in rows:
        if r[1] in _SIGNED_ROWS:
            wanted.setdefault(r[1], []).append(r[2])
    out: dict[tuple[str, str], Signature] = {}
    for kind, ids in wanted.items():
        model = _SIGNED_ROWS[kind]
        for row_id, signer, signature in s.execute(
                select(model.id, model.signer_id, model.signature).where(model.id.in_(ids))):
            out[(kind, row_id)] = _signature(signer, signature)
    return out


def _signature(signer_id: str | None, signature: str | None) -> Signature:
    if signer_id is None or signature is None:
        return None, None  # a row from before personal keys: the server says so
    return signer_id, b64decode(signature)


def current_key(ctx: Context) -> str | None:
    """The key the logged-in account signs with now (the server refuses the push when it has
    not been registered: after a password reset, until the account connects again)."""
    return ctx.user_keys.sign_pub if ctx.user_keys is not None else None


def _next_batch(ctx: Context, size: int = BATCH) -> tuple[list[PushItem], int]:
    """The oldest pending items (in the order they were written) and how many are pending."""
    with ctx.uow() as uow:
        s = uow.session
        pending = (OutboxItem.acked_at.is_(None),
                   OutboxItem.id.not_in(select(SyncFailed.outbox_id)))
        rows = s.execute(select(OutboxItem.id, OutboxItem.kind, OutboxItem.object_id,
                                OutboxItem.version, OutboxItem.payload).where(*pending)
                         .order_by(literal_column("outbox.rowid")).limit(size)).all()
        left = s.scalar(select(func.count()).select_from(OutboxItem).where(*pending)) or 0
        signed = _signatures(s, rows)
        items = []
        for r in rows:
            signer_id, signature = signed.get((r[1], r[2]), (None, None))
            items.append(PushItem.of(id=r[0], kind=r[1], object_id=r[2], version=r[3],
                                     payload=r[4], case_id=_case_of(s, r[1], r[4]),
                                     signer_id=signer_id, signature=signature))
    return items, left


def _store_answer(ctx: Context, answer: PushResponse, sent: list[PushItem],
                  pushed: Pushed) -> None:
    """Acknowledge every item of an answered batch (the server has committed them)."""
    if len(answer.results) != len(sent) or {r.id for r in answer.results} != {i.id for i in sent}:
        raise RuntimeError("the server answered for other items than were sent")
    now = ctx.now()
    with ctx.uow(write=True) as uow:
        s = uow.session
        rows = {r.id: r for r in s.scalars(select(OutboxItem).where(
            OutboxItem.id.in_([i.id for i in sent])))}
        for res in answer.results:
            row = rows[res.id]
            row.attempts += 1
            row.acked_at, row.last_error = now, ""
            if res.status == "duplicate":
                pushed.duplicates += 1
            else:
                pushed.accepted += 1
        uow.commit()


def _store_refused(ctx: Context, refused: tuple[RefusedItem, ...], sent: list[PushItem],
                   pushed: Pushed) -> None:
    """List the items of a refused batch that the server named, in one transaction; the rest
    of the batch stays queued (nothing of it was stored)."""
    ids = {r.id for r in refused}
    if not ids or not ids <= {i.id for i in sent}:
        raise ServerRefused(422, "bad_answer", "Servern svarade med något oväntat.")
    now = ctx.now()
    with ctx.uow(write=True) as uow:
        s = uow.session
        rows = {r.id: r for r in s.scalars(select(OutboxItem).where(OutboxItem.id.in_(ids)))}
        listed = set(s.scalars(select(SyncFailed.outbox_id).where(SyncFailed.outbox_id.in_(ids))))
        for res in {r.id: r for r in refused}.values():
            row = rows[res.id]
            row.attempts += 1
            row.last_error = res.code[:500]
            if res.id not in listed:
                s.add(SyncFailed(outbox_id=res.id, code=res.code[:64],
                                 reason=(res.reason or "Servern tog inte emot posten.")[:500],
                                 failed_at=now))
            pushed.rejected += 1
        uow.commit()


def push_outbox(ctx: Context, client: SyncClient, device: str, report: Report,
                cancel: CancelToken | None) -> Pushed:
    """Send the outbox batch by batch. Each round makes progress: a batch is acknowledged, or
    at least one of its items is listed as refused, or the batch is halved after a 413 (an
    item too large alone is listed), or the whole request is refused and this raises."""
    pushed = Pushed()
    done, size = 0, BATCH
    while not (cancel and cancel.cancelled):
        items, left = _next_batch(ctx, size)
        if not items:
            break
        report(done, done + left, "push")
        try:
            answer = client.push(device, items, current_key(ctx))
        except ServerRefused as exc:
            if exc.refused:
                _store_refused(ctx, exc.refused, items, pushed)
                done += len({r.id for r in exc.refused})
                continue
            if exc.status == 413 and len(items) > 1:
                size = max(1, len(items) // 2)
                continue
            if exc.status == 413:
                _store_refused(ctx, (RefusedItem(id=items[0].id, code=exc.code or "too_large",
                                                 reason=TOO_LARGE),), items, pushed)
                done += 1
                continue
            raise
        _store_answer(ctx, answer, items, pushed)
        done += len(items)
        size = min(BATCH, size * 2)
    report(done, done, "push")
    return pushed


def push_audit(ctx: Context, client: SyncClient, device: str,
               cancel: CancelToken | None) -> None:
    """Push the events after the acknowledged head, then have the new head acknowledged."""
    while not (cancel and cancel.cancelled):
        with ctx.uow() as uow:
            s = uow.session
            anchor = s.get(AuditAnchor, device)
            after = anchor.seq if anchor else 0
            events = s.scalars(select(AuditEvent).where(AuditEvent.seq > after)
                               .order_by(AuditEvent.seq).limit(BATCH)).all()
            records = [(e.to_record(), _signature(e.signer_id, e.signature)) for e in events]
            head = (events[-1].seq, events[-1].hash) if events else (0, "")
        if not records:
            return
        items = [PushItem.of(id=r.id, kind=r.KIND, object_id=r.id, version=r.VERSION,
                             payload=encode(r), signer_id=signer_id, signature=signature)
                 for r, (signer_id, signature) in records]
        try:
            client.push(device, items, current_key(ctx))
        except ServerRefused as exc:
            if not exc.refused:
                raise
            # The server holds a different chain for this laptop: stop, keep the anchor as it
            # is; ``samskriv audit verify`` and the server's verify tell IT more.
            raise _audit_refused() from exc
        ack = client.audit_head(AuditHead(device_id=device, seq=head[0], hash=head[1]))
        with ctx.uow(write=True) as uow:
            row = uow.session.get(AuditAnchor, device)
            if row is None:
                row = AuditAnchor(device_id=device, seq=ack.seq, hash=ack.hash)
                uow.session.add(row)
            row.seq, row.hash, row.acknowledged_at = ack.seq, ack.hash, ctx.now()
            uow.commit()


def _audit_refused() -> ServerRefused:
    return ServerRefused(409, "audit_refused",
                         "Servern tog inte emot datorns händelselogg. Kontakta IT.")
