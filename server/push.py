"""``POST /api/v1/sync/push``: check every item of a batch and store the batch whole or not at all.

Each item is judged: ``accepted`` (to be stored), ``duplicate`` (already stored, by item id or
by identical content) or refused with a code and a Swedish reason. A batch with any refused
item is refused whole (``BatchRefused``, a 4xx listing every refused item): the request's
transaction rolls back, so nothing of it is stored, and the laptop sends the rest again. That
keeps the rule simple for both sides: a 200 means every item is stored. Lookups are made in
bulk per batch, not per item, to keep a 1000-item batch to a handful of queries."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select, tuple_
from sqlalchemy.orm import Session

from models.records import AuditEventRecord, CaseRecord, RecordError, decode, encode
from models.sync_wire import (
    ItemResult,
    PushItem,
    PushRequest,
    PushResponse,
    RefusedItem,
    b64decode,
)
from server import audit
from server.changes import store
from server.db import Assignment, AuthorLink, Case, StoredRecord, User
from server.errors import BatchRefused, forbidden
from server.judge import AUTHOR_FIELD, PARENT, Item, Judge, Known, rejected, status_of
from server.security import Caller
from server.signers import check_current_key
from server.verify import check_content_hash


def push(session: Session, caller: Caller, request: PushRequest, remote: str) -> PushResponse:
    """Judge and store a batch in the caller's transaction; the caller commits.

    Raises ``BatchRefused`` when any item is refused; the caller rolls back (some items may
    have been written to the session by then, e.g. a new case)."""
    if request.device_id != caller.device_id:
        raise forbidden("wrong_device", "Enhetens inloggning hör till en annan dator.")
    check_current_key(session, caller, request.sign_pub)
    results: dict[int, ItemResult | RefusedItem] = {}
    items: dict[int, Item] = {}
    for index, wire in enumerate(request.items):
        item_or_error = _decode(wire)
        if isinstance(item_or_error, RefusedItem):
            results[index] = item_or_error
        else:
            items[index] = item_or_error
    known = _load_known(session, caller, list(items.values()))
    judge = Judge(session, caller, known)
    # Cases first: a reordered batch may carry a new case after the records that belong to it.
    order = sorted(items, key=lambda i: (items[i].wire.kind != CaseRecord.KIND, i))
    for index in order:
        results[index] = judge.item(items[index])
    answers = [results[i] for i in range(len(request.items))]
    refused = [r for r in answers if isinstance(r, RefusedItem)]
    if refused:
        raise BatchRefused([(r, status_of(r)) for r in refused], len(answers))
    stored = [r for r in answers if isinstance(r, ItemResult)]
    store(session, judge.accepted)
    counts: dict[str, int] = defaultdict(int)
    for res in stored:
        counts[res.status] += 1
    audit.append(session, "sync.push", actor=caller.user_id, token_id=caller.token_id,
                 object_type="device", object_id=caller.device_id, remote=remote,
                 details=dict(counts))
    return PushResponse(results=stored)


def _decode(wire: PushItem) -> Item | RefusedItem:
    try:
        payload = b64decode(wire.payload)
        signature = None if wire.signature is None else b64decode(wire.signature)
    except ValueError:
        return rejected(wire.id, "bad_payload")
    verdict = check_content_hash(payload, wire.content_hash)
    if not verdict.ok:
        return rejected(wire.id, verdict.code, verdict.reason)
    try:
        record = decode(payload)
    except RecordError:
        return rejected(wire.id, "bad_record")
    if encode(record) != payload:
        return rejected(wire.id, "not_canonical")
    if (record.KIND, record.id, record.VERSION) != (wire.kind, wire.object_id, wire.version):
        return rejected(wire.id, "item_mismatch")
    return Item(wire, payload, record, signature)


def _load_known(session: Session, caller: Caller, items: list[Item]) -> Known:
    ids = [it.wire.id for it in items]
    objects = {(it.wire.kind, it.wire.object_id) for it in items}
    for it in items:
        parent = PARENT.get(it.wire.kind)
        if parent is not None:
            objects.add((parent[0], getattr(it.record, parent[1])))
    by_id = dict(session.execute(select(StoredRecord.id, StoredRecord.content_hash)
                                 .where(StoredRecord.id.in_(ids))).tuples().all()) if ids else {}
    by_object: dict[tuple[str, str], list[tuple[str, str | None]]] = defaultdict(list)
    if objects:
        rows = session.execute(
            select(StoredRecord.kind, StoredRecord.object_id, StoredRecord.content_hash,
                   StoredRecord.case_id)
            .where(tuple_(StoredRecord.kind, StoredRecord.object_id).in_(list(objects)))).all()
        for kind, object_id, digest, case_id in rows:
            by_object[(kind, object_id)].append((digest, case_id))
    case_ids = {c for it in items for c in _case_hints(it)} | {
        c for v in by_object.values() for _h, c in v if c is not None}
    cases = {c.id: c for c in session.scalars(select(Case).where(Case.id.in_(case_ids)))} \
        if case_ids else {}
    assigned = set(session.scalars(select(Assignment.case_id).where(
        Assignment.user_id == caller.user_id, Assignment.active.is_(True))))
    author_ids = {getattr(it.record, AUTHOR_FIELD[it.wire.kind]) for it in items
                  if it.wire.kind in AUTHOR_FIELD}
    authors: dict[str, str] = {}
    if author_ids:
        # An author is named by a linked local user id or by the server user id itself.
        authors.update(session.execute(select(AuthorLink.author_id, AuthorLink.user_id).where(
            AuthorLink.author_id.in_(author_ids))).tuples().all())
        authors.update((u, u) for u in session.scalars(select(User.id).where(
            User.id.in_(author_ids))))
    seqs = [it.record.seq for it in items if isinstance(it.record, AuditEventRecord)]
    chain = dict(session.execute(
        select(StoredRecord.chain_seq, StoredRecord.content_hash)
        .where(StoredRecord.device_id == caller.device_id, StoredRecord.chain_seq.in_(seqs))
    ).tuples().all()) if seqs else {}
    return Known(by_id, by_object, cases, assigned, authors,
                  {int(k): v for k, v in chain.items() if k is not None})


def _case_hints(item: Item) -> list[str]:
    hints = [item.wire.case_id] if item.wire.case_id else []
    direct = item.record.id if item.wire.kind == CaseRecord.KIND else \
        getattr(item.record, "case_id", None)
    return [*hints, direct] if isinstance(direct, str) else hints
