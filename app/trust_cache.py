"""A verifier's own signed checkpoint, so the next check reads in full only what is new.

Checking a signature costs far more than hashing a row (on the bench machine ~160 µs against
~5 µs), so after a check that found nothing wrong the user's app writes down, per table, how
many rows (in insertion order) it has checked and a digest of their stored bytes, and signs
that with the user's own key. The next check digests the same prefix of each table again: if
it is unchanged, those rows were already verified and only their links are followed; a table
whose prefix changed at all is checked in full. A checkpoint is accepted only if it verifies
under the checking user's own key, so another user can remove one (costing time) but never
make one that hides a change.
"""

from __future__ import annotations

import hashlib
import json
import marshal
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from app import signing
from app.keys import Root, UserKeys
from models.canonical import canonical_json

# table -> (key column, digested columns). journal_notes gives a revision its case and visit;
# only those columns are digested, since its current revision moves with every save.
TABLES: dict[str, tuple[str, str]] = {
    "installation": ("device_id", "*"),
    "journal_notes": ("id", "id, case_id, visit_id"),
    "note_revisions": ("id", "*"),
    "reviews": ("id", "*"),
    "review_entries": ("id", "*"),
    "consents": ("id", "*"),
    "audit_events": ("seq", "*"),
}


@dataclass(frozen=True)
class Prefix:
    rowid: int  # the last row checked
    count: int
    digest: str


class Digest:
    """The digest of a table's rows ``(rowid, key, *columns)`` as the driver returns them, in
    rowid order. marshal gives each tuple of stored values (text, integers, reals, blobs, NULL)
    one unambiguous byte form, far faster than repr; another Python's marshal at worst makes
    the next check a full one."""

    def __init__(self) -> None:
        self._h, self.count = hashlib.sha256(), 0

    def add(self, rows: Sequence[Any]) -> None:
        for row in rows:
            self._h.update(marshal.dumps(tuple(row)))
        self.count += len(rows)

    def add_dumped(self, blob: bytes, count: int) -> None:
        """``add`` of ``count`` rows already dumped one by one and joined into ``blob``."""
        self._h.update(blob)
        self.count += count

    def prefix(self, last_rowid: int) -> Prefix:
        return Prefix(last_rowid, self.count, self._h.hexdigest())


def _digest(batches: Iterator[Sequence[Any]]) -> tuple[int, str, list[str]]:
    digest, keys = Digest(), list[str]()
    for rows in batches:
        digest.add(rows)
        keys.extend(str(row[1]) for row in rows)
    return digest.count, digest.prefix(0).digest, keys


def _rows(session: Session, table: str, upto: int | None) -> Iterator[Sequence[Any]]:
    """The rows as the database driver returns them, in batches: the whole table is read,
    so no per-row work of the ORM."""
    key, columns = TABLES[table]
    where = "" if upto is None else f" WHERE rowid <= {int(upto)}"
    cursor = session.connection().connection.cursor()
    try:
        cursor.execute(f"SELECT rowid, {key}, {columns} FROM {table}{where} ORDER BY rowid")
        while rows := cursor.fetchmany(5000):
            yield rows
    finally:
        cursor.close()


def measure(session: Session, done: dict[str, Prefix] | None = None) -> dict[str, Prefix]:
    """Every table as it now stands (after a check that found nothing wrong); ``done`` holds
    the tables the check itself digested as it read them (``app.trust_rows``)."""
    out = dict(done or {})
    for table in TABLES:
        if table in out:
            continue
        last = session.execute(text(f"SELECT max(rowid) FROM {table}")).scalar() or 0
        count, digest, _keys = _digest(_rows(session, table, last))
        out[table] = Prefix(int(last), count, digest)
    return out


def trusted_keys(session: Session, checkpoint: dict[str, Prefix]) -> dict[str, set[str]]:
    """Per table, the keys (ids, or audit seqs) of rows already verified and unchanged since."""
    out: dict[str, set[str]] = {}
    for table, prefix in checkpoint.items():
        count, digest, keys = _digest(_rows(session, table, prefix.rowid))
        out[table] = set(keys) if (count, digest) == (prefix.count, prefix.digest) else set()
    if not out.get("installation"):
        return {}  # the chain key or the pinned legacy list changed: check everything
    if not out.get("journal_notes"):
        out["note_revisions"] = set()
    if not out.get("reviews"):
        out["review_entries"] = set()
    return out


def _body(tables: dict[str, Prefix], root: Root | None, published: dict[str, str]) -> bytes:
    return canonical_json({
        "tables": {t: [p.rowid, p.count, p.digest] for t, p in sorted(tables.items())},
        "root": root.sign_pub if root else None, "published": published,
    })


def save(path: Path, keys: UserKeys, tables: dict[str, Prefix], root: Root | None,
         published: dict[str, str]) -> None:
    body = _body(tables, root, published)
    signer = signing.Signer("", keys.sign)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps({"body": body.decode(), "signature": signer.sign_bytes(body)}),
                   encoding="utf-8")
    tmp.replace(path)


def load(path: Path, keys: UserKeys, root: Root | None,
         published: dict[str, str]) -> dict[str, Prefix] | None:
    """The checkpoint at ``path`` if this user signed it for these keys; else None."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        body = raw["body"].encode()
        if not signing.valid(keys.sign.public_key(), raw["signature"], body):
            return None
        tables = {t: Prefix(int(v[0]), int(v[1]), str(v[2]))
                  for t, v in json.loads(body)["tables"].items()}
    except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
        return None
    if body != _body(tables, root, published) or set(tables) != set(TABLES):
        return None  # made under another pinned admin or other published keys
    return tables
