"""The two large signed tables read once for ``audit verify``, as the driver returns them.

Verify reads every revision and every audit event, and a clean check then writes the user's
checkpoint (``app.trust_cache``), which digests the same rows. Reading them through the ORM's
row processing and then again for the digest cost more than the checks themselves, so this
reader takes each row once, in the checkpoint's order, feeds the digest with it and hands it
on with its columns by name (times as stored text, ``details`` as loaded JSON). The digest is
only used if the rows came in the checkpoint's order.
"""

from __future__ import annotations

import json
import marshal
from array import array
from collections import namedtuple
from collections.abc import Collection, Iterator, Sequence
from itertools import accumulate
from typing import Any, NamedTuple

from sqlalchemy.orm import Session

from app import trust_cache


class TableReader:
    """Rows of one table in ``order``; afterwards ``prefix`` is its checkpoint entry (or None
    when the order was not the checkpoint's rowid order). ``parse_json``: hand ``details`` on
    loaded (else as stored text, for a worker to load)."""

    def __init__(self, session: Session, table: str, order: str,
                 skip: Collection[str] = (), *, parse_json: bool = True) -> None:
        self.session, self.table, self.order, self.skip = session, table, order, set(skip)
        self.parse_json = parse_json
        self.prefix: trust_cache.Prefix | None = None
        self.names: list[str] = []  # the columns, once the rows are being read

    def rows(self) -> Iterator[Any]:
        for _packed, rows, _at in self.batches():
            yield from rows

    def batches(self) -> Iterator[tuple[Packed, list[Any], list[int]]]:
        """Per batch read: the batch as stored (``Packed``, every row of it), the rows not
        skipped by name, and where each of them is in the batch."""
        key, columns = trust_cache.TABLES[self.table]
        digest = trust_cache.Digest()
        in_order, last = True, 0
        cursor = self.session.connection().connection.cursor()
        try:
            cursor.execute(f"SELECT rowid, {key}, {columns} FROM {self.table} "
                           f"ORDER BY {self.order}")
            self.names = names = [d[0] for d in cursor.description[2:]]
            row_type: Any = namedtuple("Row", names)  # type: ignore[misc]  # the table's names
            make = row_type._make
            json_at = names.index("details") if "details" in names and self.parse_json else -1
            skip = self.skip
            dumps = marshal.dumps
            while batch := cursor.fetchmany(2000):
                # Each row dumped once: the checkpoint's digest, and what a worker gets.
                dumped = [dumps(raw) for raw in batch]
                packed = Packed(b"".join(dumped),
                                array("Q", accumulate(map(len, dumped))).tobytes())
                digest.add_dumped(packed.blob, len(batch))
                rows, at = [], []
                for i, raw in enumerate(batch):
                    in_order, last = in_order and raw[0] > last, raw[0]
                    if skip and str(raw[1]) in skip:
                        continue
                    at.append(i)
                    if json_at >= 0 and isinstance(raw[2 + json_at], str):
                        loaded = list(raw[2:])
                        loaded[json_at] = json.loads(loaded[json_at])
                        rows.append(make(loaded))
                    else:
                        rows.append(make(raw[2:]))
                yield packed, rows, at
        finally:
            cursor.close()
        self.prefix = digest.prefix(last) if in_order else None


class Packed(NamedTuple):
    """A batch of rows as the driver returned them (rowid, key, columns), each dumped with
    ``marshal`` and joined: cheap to hand to a worker process, which unpacks the rows it
    needs (``unpack``)."""

    blob: bytes
    ends: bytes  # array("Q") of where each row's bytes end


def unpack(packed: Packed, picks: Sequence[int]) -> list[tuple[Any, ...]]:
    """The stored column values (without rowid and key) of the rows at ``picks``."""
    ends = array("Q")
    ends.frombytes(packed.ends)
    view = memoryview(packed.blob)
    out = []
    for i in picks:
        row = marshal.loads(view[ends[i - 1] if i else 0:ends[i]])
        out.append(tuple(row[2:]))
    return out


def events_by_seq(session: Session, seqs: Sequence[int]) -> Iterator[Any]:
    """The audit events with these seqs, in order, as ``TableReader`` hands them on (for the
    few whose signature a second round checks)."""
    cursor = session.connection().connection.cursor()
    try:
        for i in range(0, len(seqs), 500):
            chunk = [int(seq) for seq in seqs[i:i + 500]]
            cursor.execute(f"SELECT * FROM audit_events WHERE seq IN ({','.join('?' * len(chunk))})"
                           " ORDER BY seq", chunk)
            names = [d[0] for d in cursor.description]
            row_type: Any = namedtuple("Row", names)  # type: ignore[misc]  # the table's names
            json_at = names.index("details")
            for raw in cursor.fetchall():
                values = list(raw)
                if isinstance(values[json_at], str):
                    values[json_at] = json.loads(values[json_at])
                yield row_type._make(values)
    finally:
        cursor.close()
