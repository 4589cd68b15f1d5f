"""1,000 random single edits of any signed row, each on its own, each reported by verify:
half by a full check, half by a check that starts from the verifier's signed checkpoint.

One store; each edit is made inside a transaction on the store's own connection (the guard
triggers lifted and put back inside it, as an attacker with the key would), verified there, and
rolled back, so the edits never add up and the test stays fast.
"""

from __future__ import annotations

import json
import random
import string
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import Connection
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app import trust_cache
from app.context import Context
from app.paths import DataPaths
from app.trust import verify_store
from tests.support.trust import add_other, build_world, verify

EDITS = 1000
TABLES = ("users", "note_revisions", "reviews", "review_entries", "consents", "audit_events")
# users.password_hash is not part of any record and authenticates nothing: login opens the
# key file, not this hash (kept only for the review PIN's older form).
UNSIGNED = {("users", "password_hash")}


@pytest.fixture
def store_conn(admin: Context, caseworker: Context, data_paths: DataPaths
               ) -> Iterator[tuple[Context, Connection]]:
    other = add_other(admin, data_paths)
    try:
        build_world(admin, caseworker, other)
    finally:
        other.close()
    assert verify(admin).ok
    with admin.store.engine.connect() as conn:
        yield admin, conn


def _json(text: str) -> Any:
    if text[:1] not in ("[", "{"):
        return None
    try:
        return json.loads(text)
    except ValueError:
        return None


def _changed(value: Any, column: str, user_ids: list[str], rng: random.Random) -> Any:
    if value in user_ids:
        return rng.choice([u for u in user_ids if u != value])
    if value is None:
        return "x" if column not in ("passage_index", "seq") else 7
    if isinstance(value, bool | int):
        return value + rng.choice((1, 1000))
    if isinstance(value, float):
        return value + 0.5
    text = str(value)
    data = _json(text)
    if data is not None:
        if isinstance(data, dict):
            data["x"] = 1
        elif data and isinstance(data[0], dict):
            key = rng.choice(sorted(data[0]))
            data[0][key] = f"{data[0][key]}x" if not isinstance(data[0][key], bool) else (
                not data[0][key])
        else:
            data.append("x")
        return json.dumps(data)
    try:
        when = datetime.fromisoformat(text)
        return (when + timedelta(microseconds=1)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    except ValueError:
        pass
    if not text:
        return "x"
    i = rng.randrange(len(text))
    ch = text[i]
    pool = next((p for p in (string.digits, string.ascii_lowercase, string.ascii_uppercase)
                 if ch in p), "xyz")
    return text[:i] + rng.choice([c for c in pool if c != ch]) + text[i + 1:]


def test_every_random_single_edit_of_a_signed_row_is_reported(
    store_conn: tuple[Context, Connection],
) -> None:
    ctx, conn = store_conn
    rng = random.Random(20261201)
    root, published = ctx.keyfile.root(), ctx.keyfile.public_keys()
    triggers = conn.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").all()
    columns = {t: [r[1] for r in conn.exec_driver_sql(f"PRAGMA table_info({t})")]
               for t in TABLES}
    user_ids = [r[0] for r in conn.exec_driver_sql("SELECT id FROM users")]
    conn.rollback()
    with ctx.uow() as uow:
        checkpoint = trust_cache.measure(uow.session)
    missed: list[str] = []
    done = 0
    while done < EDITS:
        table = rng.choice(TABLES)
        column = rng.choice([c for c in columns[table] if (table, c) not in UNSIGNED])
        trans = conn.begin()
        rowid, value = rng.choice(conn.exec_driver_sql(
            f"SELECT rowid, {column} FROM {table}").all())
        new = _changed(value, column, user_ids, rng)
        try:
            for name, _sql in triggers:
                conn.exec_driver_sql(f"DROP TRIGGER {name}")
            conn.exec_driver_sql(f"UPDATE {table} SET {column} = ? WHERE rowid = ?",
                                 (new, rowid))
            for _name, sql in triggers:
                conn.exec_driver_sql(sql)
        except IntegrityError:  # a unique key or a reference the schema refuses: no edit
            trans.rollback()
            continue
        try:
            session = Session(bind=conn, info=dict(ctx.store.sessions.kw["info"]))
            trusted = trust_cache.trusted_keys(session, checkpoint) if done % 2 else None
            report = verify_store(session, root, published, trusted)
            session.close()
        finally:
            trans.rollback()
        done += 1
        if report.ok:
            missed.append(f"{table}.{column}")
    assert missed == [], f"{len(missed)} of {EDITS} edits went unreported: {sorted(set(missed))}"
