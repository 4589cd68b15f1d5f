"""The record bytes of verify's rows, built in the worker processes while the main one reads.

Re-encoding every revision and event into its canonical record bytes (``app.trust_cover``)
cost ``audit verify`` more of its main process than anything but reading the rows, and only
that process ran it. So each batch of rows the main process reads goes, dumped once
(``trust_rows.Packed``, the same bytes the checkpoint's digest takes), to the worker pool
(``app.trust_workers``), which rebuilds the bytes, recomputes a revision's content hash and an
event's keyed link (with the chain key, which every user's copy of the store holds; never the
data key) and hands back in order only what the main process needs: hashes, the few details
the chain's checks read, and the bytes of the events whose signature is likely to be checked.
The main process keeps what must follow the order of the store: the checkpoint's digest and the
checks that compare one row with another. A small check runs the same functions in process.
"""

from __future__ import annotations

import hashlib
import json
from collections import deque, namedtuple
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from hashlib import sha256
from typing import Any

from app.signing import hmac_hasher
from app.trust_cover import event_bytes, revision_bytes
from app.trust_rows import Packed, unpack

DAMAGE = (KeyError, TypeError, ValueError, AttributeError)
# The keys of an event's details the checks of the chain read (``app.trust``): only these
# come back from a worker, not the whole details.
EVENT_KEYS = ("prev_mine", "hash", "sig", "review", "pin", "removed")
_DEPTH = 4  # batches handed out ahead of the one being checked


_ROW_TYPES: dict[tuple[str, ...], Any] = {}


def _row_type(names: Sequence[str]) -> Any:
    """A named tuple type for these columns (made once per process): column access by name
    for plain value tuples, at the cost of an index."""
    key = tuple(names)
    made = _ROW_TYPES.get(key)
    if made is None:
        made = _ROW_TYPES[key] = namedtuple("Row", key)
    return made


# An event's keyed hash as recomputed (None: the row no longer makes a record, it is damaged),
# the ``EVENT_KEYS`` of its details (empty if they are not an object), and its record bytes,
# unless the next event of the batch vouches for it (``app.trust_runs``): then only a check
# that decides otherwise rebuilds them. A plain tuple: it crosses from the worker.
EventBytes = tuple[str | None, dict[str, Any], bytes | None]


def encode_events(names: Sequence[str], packed: Packed, picks: Sequence[int],
                  chain_key: bytes, legacy_seq: int) -> list[EventBytes]:
    """The keyed hash and record bytes of the ``audit_events`` rows at ``picks`` in
    ``packed``. The chain key is the store's (every user's store holds it), not its data key."""
    keyed = hmac_hasher(chain_key)
    make = _row_type(names)._make
    details_at = list(names).index("details")
    rows, datas, slims = [], [], []
    for values in unpack(packed, picks):
        raw = values[details_at]
        try:
            details = json.loads(raw) if isinstance(raw, str) else raw
        except ValueError:
            details = None
        loaded = list(values)
        loaded[details_at] = details
        row = make(loaded)
        try:
            data: bytes | None = event_bytes(row)
        except DAMAGE:
            data = None
        rows.append(row)
        datas.append(data)
        slims.append({k: details[k] for k in EVENT_KEYS if k in details}
                     if isinstance(details, dict) else {})
    out: list[EventBytes] = []
    for j, (row, data, slim) in enumerate(zip(rows, datas, slims, strict=True)):
        if data is None:
            out.append((None, slim, None))
            continue
        computed = sha256(data).hexdigest() if row.seq <= legacy_seq else keyed(data)
        after = rows[j + 1] if j + 1 < len(rows) and picks[j + 1] == picks[j] + 1 else None
        vouched = (after is not None and "pin" not in slim and computed == row.hash
                   and after.seq == row.seq + 1 and row.user_id is not None
                   and after.user_id == row.user_id and after.prev_hash == row.hash
                   and slims[j + 1].get("prev_mine") == row.signature)
        out.append((computed, slim, None if vouched else data))
    return out


def encode_revisions(names: Sequence[str], packed: Packed, picks: Sequence[int],
                     notes: Sequence[tuple[str, str | None]]) -> list[str | None]:
    """The content hash of each ``note_revisions`` row at ``picks`` in ``packed``, recomputed
    from its record bytes with its note's (case, visit); None if the row no longer makes a
    record."""
    rows = unpack(packed, picks)
    make = _row_type(names)._make
    out: list[str | None] = []
    for values, (case_id, visit_id) in zip(rows, notes, strict=True):
        try:
            out.append(hashlib.sha256(revision_bytes(make(values), case_id,
                                                     visit_id)).hexdigest())
        except DAMAGE:
            out.append(None)
    return out


def encoded(batches: Iterator[tuple[Packed, list[Any], list[int]]],
            wanted: Callable[[Any], bool],
            task: Callable[[Packed, list[int], list[Any]], Callable[[], list[Any]]],
            submit: Callable[[Callable[[], list[Any]]], Future[list[Any]]],
            ) -> Iterator[tuple[Any, Any]]:
    """``(row, result)`` in order for each batch of ``TableReader.batches``: the rows that are
    ``wanted`` go to ``task`` (given the packed batch, where those rows are in it, and the
    rows; a picklable call, run by ``submit``, up to ``_DEPTH`` batches ahead), the others
    get None. If the pool breaks, a batch's task runs in process."""
    pending: deque[tuple[list[Any], list[int], Future[list[Any]], Callable[[], list[Any]]]] = (
        deque())

    def drain() -> Iterator[tuple[Any, Any]]:
        rows, todo, future, call = pending.popleft()
        try:
            results = future.result()
        except BrokenProcessPool:
            results = call()
        out: list[Any] = [None] * len(rows)
        for i, result in zip(todo, results, strict=True):
            out[i] = result
        yield from zip(rows, out, strict=True)

    for packed, rows, at in batches:
        todo = [i for i, row in enumerate(rows) if wanted(row)]
        call = task(packed, [at[i] for i in todo], [rows[i] for i in todo])
        pending.append((rows, todo, submit(call), call))
        if len(pending) > _DEPTH:
            yield from drain()
    while pending:
        yield from drain()
