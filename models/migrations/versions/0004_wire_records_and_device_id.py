"""Wire records: hashes of revisions, reviews, review entries and audit events under the record
codec, a device id in the audit chain, and outbox rows that hold the encoded record.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30

Nothing had been synced when this shipped, so stored hashes could still change; after sync they
never will. Re-hashing must not launder tampering: before anything changes, the data is checked
with the formulas it was written with (copied below; migrations are frozen and never import
``app/`` or today's ``models``), and one ``store.migrate`` audit event, appended after the
re-hashed chain, records what that check found. ``audit.verify`` reports a store as broken when
that event says the data was already altered.

What the check can see is bounded by what the old formulas covered: fields they never hashed
(a review's audience, variant and starter, an entry's input method and time, every field of
cases, persons and visits) are sealed as they stand. A consistent forgery (content re-hashed
with the plain SHA-256 formulas) was undetectable before and stays so; personal signatures add
signatures for that.

The records are built here as the plain wire objects of version 1 of each kind (the bytes
``models.records.encode`` gives for them today; a test holds the two equal), so that this
migration keeps producing version-1 records whatever later versions look like.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import uuid
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

GENESIS_HASH = "0" * 64
_REHASHED = ("note_revisions", "reviews", "review_entries", "audit_events")


# --- canonical JSON (as in models.canonical when this was written) ----------------------------


def _canonical(obj: Any) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def _hash(obj: Any) -> str:
    return hashlib.sha256(_canonical(obj)).hexdigest()


def _t(text: str | None) -> str | None:
    """A stored UTC time in the one text form of records (and of the legacy hashes)."""
    if text is None:
        return None
    return datetime.fromisoformat(text).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _json(text: str | None) -> Any:
    return json.loads(text) if text is not None else None


def _rows(conn: sa.Connection, sql: str, **params: Any) -> list[dict[str, Any]]:
    return [dict(r) for r in conn.execute(sa.text(sql), params).mappings()]


# --- the legacy formulas (schema 0001-0003), frozen --------------------------------------------


def _legacy_revision_hash(r: dict[str, Any]) -> str:
    return _hash({
        "note_id": r["note_id"], "seq": r["seq"], "kind": r["kind"],
        "parent_hash": r["parent_hash"], "section": r["section"], "body": r["body"],
        "child_voice": r["child_voice"], "event_time": _t(r["event_time"]),
        "author_id": r["author_id"], "created_at": _t(r["created_at"]), "reason": r["reason"],
    })


def _legacy_event_hash(e: dict[str, Any]) -> str:
    return _hash({
        "seq": e["seq"], "id": e["id"], "ts": _t(e["ts"]), "user_id": e["user_id"],
        "username": e["username"], "action": e["action"], "object_type": e["object_type"],
        "object_id": e["object_id"], "details": _json(e["details"]),
        "prev_hash": e["prev_hash"],
    })


_HELD_DATA = ("users", "cases", "note_revisions", "reviews", "review_entries", "consents",
              "audit_events", "outbox")


def _check_legacy(conn: sa.Connection) -> dict[str, Any]:
    """Verify the data with the formulas it was written with, before anything is re-hashed."""
    found: dict[str, Any] = {"legacy_audit_ok": True, "legacy_audit_first_bad_seq": None,
                             "legacy_audit_reason": ""}
    prev, expected = GENESIS_HASH, 1
    for e in _rows(conn, "SELECT * FROM audit_events ORDER BY seq"):
        reason = ""
        if e["seq"] != expected:
            reason = f"event {expected} is missing"
        elif e["prev_hash"] != prev:
            reason = "does not follow the previous event (removed or moved)"
        elif _legacy_event_hash(e) != e["hash"]:
            reason = "content was altered"
        if reason:
            found.update(legacy_audit_ok=False, legacy_audit_first_bad_seq=expected,
                         legacy_audit_reason=reason)
            break
        prev, expected = e["hash"], expected + 1

    bad_revisions, revision_hash = 0, {}
    parent: dict[str, str] = {}
    for r in _rows(conn, "SELECT * FROM note_revisions ORDER BY note_id, seq"):
        ok = _legacy_revision_hash(r) == r["hash"]
        if r["seq"] > 1 and r["parent_hash"] != parent.get(r["note_id"]):
            ok = False
        bad_revisions += not ok
        parent[r["note_id"]] = r["hash"]
        revision_hash[r["id"]] = r["hash"]
    found["legacy_revisions_bad"] = bad_revisions

    # Reviews, their entries and consents had no stored hash; their outbox rows held one.
    reviews = {r["id"]: r for r in _rows(conn, "SELECT * FROM reviews")}
    bad_outbox = sum(revision_hash.get(r["revision_id"]) != r["revision_hash"]
                     for r in reviews.values())
    entries = {e["id"]: e for e in _rows(conn, "SELECT * FROM review_entries")}
    consents = {c["id"]: c for c in _rows(conn, "SELECT * FROM consents")}
    queued: set[tuple[str, str]] = set()
    for item in _rows(conn, "SELECT kind, object_id, content_hash FROM outbox"):
        expected_hash = _legacy_outbox_hash(item["kind"], item["object_id"], revision_hash,
                                            reviews, entries, consents)
        bad_outbox += expected_hash != item["content_hash"]
        queued.add((item["kind"], item["object_id"]))
    # Every revision, review, entry and consent was queued when it was made and nothing was
    # ever synced, so a missing outbox row means a row whose only hash was removed with it.
    made = ([("revision", i) for i in revision_hash] + [("review", i) for i in reviews]
            + [("review_entry", i) for i in entries] + [("consent", i) for i in consents])
    bad_outbox += sum(key not in queued for key in made)
    found["legacy_outbox_bad"] = bad_outbox
    # Creating the first account wrote the first events: accounts with no audit log at all
    # means the log was emptied.
    users = conn.execute(sa.text("SELECT count(*) FROM users")).scalar() or 0
    if found["legacy_audit_ok"] and users and not conn.execute(
            sa.text("SELECT count(*) FROM audit_events")).scalar():
        found.update(legacy_audit_ok=False, legacy_audit_first_bad_seq=1,
                     legacy_audit_reason="the audit log was emptied")
    found["legacy_ok"] = bool(found["legacy_audit_ok"]) and bad_revisions == 0 and bad_outbox == 0
    return found


def _legacy_outbox_hash(kind: str, object_id: str, revision_hash: dict[str, str],
                        reviews: dict[str, Any], entries: dict[str, Any],
                        consents: dict[str, Any]) -> str | None:
    if kind == "revision":
        return revision_hash.get(object_id)
    if kind == "review" and object_id in reviews:
        r = reviews[object_id]
        return _hash([r["revision_hash"], _json(r["passages"]), _json(r["present"])])
    if kind == "review_entry" and object_id in entries:
        e = entries[object_id]
        if e["kind"] == "completed":
            return _hash([e["review_id"], e["seq"]])
        return _hash([e["review_id"], e["seq"], e["passage_index"], e["outcome"], e["comment"]])
    if kind == "consent" and object_id in consents:
        c = consents[object_id]
        return _hash([_json(c["informed"]), _json(c["agreed"]), _json(c["refused"]),
                      c["visit_id"]])
    return None


# --- version 1 of each record, as a wire object -------------------------------------------------


def _wire(record_kind: str, **fields: Any) -> dict[str, Any]:
    return {"record": record_kind, "v": 1, **fields}


def _participant(p: dict[str, Any]) -> dict[str, Any]:
    return {"name": p["name"], "role": p.get("role", "other"), "person_id": p.get("person_id")}


def _case(c: dict[str, Any]) -> dict[str, Any]:
    return _wire("case", id=c["id"], case_number=c["case_number"], title=c["title"],
                 status=c["status"], retention_class=c["retention_class"],
                 created_at=_t(c["created_at"]), created_by=c["created_by"],
                 closed_at=_t(c["closed_at"]))


def _person(p: dict[str, Any]) -> dict[str, Any]:
    return _wire("person", id=p["id"], case_id=p["case_id"], position=p["position"],
                 role=p["role"], name=p["name"], personnummer=p["personnummer"],
                 birth_date=p["birth_date"], note=p["note"])


def _visit(v: dict[str, Any]) -> dict[str, Any]:
    return _wire("visit", id=v["id"], case_id=v["case_id"], kind=v["kind"],
                 planned_start=_t(v["planned_start"]), planned_end=_t(v["planned_end"]),
                 actual_start=_t(v["actual_start"]), actual_end=_t(v["actual_end"]),
                 participants=[_participant(p) for p in _json(v["participants"])],
                 with_child=bool(v["with_child"]), created_by=v["created_by"],
                 created_at=_t(v["created_at"]))


def _consent(c: dict[str, Any]) -> dict[str, Any]:
    return _wire("consent", id=c["id"], visit_id=c["visit_id"], informed=_json(c["informed"]),
                 agreed=_json(c["agreed"]), refused=_json(c["refused"]),
                 recorded_at=_t(c["recorded_at"]), recorded_by=c["recorded_by"])


def _revision(r: dict[str, Any]) -> dict[str, Any]:
    return _wire("revision", id=r["id"], note_id=r["note_id"], case_id=r["case_id"],
                 visit_id=r["visit_id"], seq=r["seq"], kind=r["kind"],
                 parent_hash=r["parent_hash"], section=r["section"], body=r["body"],
                 child_voice=r["child_voice"], event_time=_t(r["event_time"]),
                 author_id=r["author_id"], created_at=_t(r["created_at"]), reason=r["reason"])


def _review(r: dict[str, Any]) -> dict[str, Any]:
    return _wire("review", id=r["id"], note_id=r["note_id"], revision_id=r["revision_id"],
                 revision_hash=r["revision_hash"], audience=r["audience"],
                 variant=r["variant"],
                 present=[_participant(p) for p in _json(r["present"])],
                 passages=[{"index": p["index"], "part": p["part"], "shown": p["shown"],
                            "text_hash": p["hash"]} for p in _json(r["passages"])],
                 started_at=_t(r["started_at"]), started_by=r["started_by"])


def _entry(e: dict[str, Any], review_hash: str) -> dict[str, Any]:
    return _wire("review_entry", id=e["id"], review_id=e["review_id"], review_hash=review_hash,
                 seq=e["seq"], kind=e["kind"], passage_index=e["passage_index"],
                 outcome=e["outcome"], comment=e["comment"], input_method=e["input_method"],
                 recorded_at=_t(e["recorded_at"]), recorded_by=e["recorded_by"])


def _event(e: dict[str, Any], device_id: str, prev_hash: str) -> dict[str, Any]:
    return _wire("audit_event", id=e["id"], device_id=device_id, seq=e["seq"], ts=_t(e["ts"]),
                 user_id=e["user_id"], username=e["username"], action=e["action"],
                 object_type=e["object_type"], object_id=e["object_id"],
                 details=_json(e["details"]), prev_hash=prev_hash)


# --- the migration -------------------------------------------------------------------------------


def upgrade() -> None:
    conn = op.get_bind()
    legacy = _check_legacy(conn)
    # A new, empty store needs no record of its migration; any store with data does, also one
    # whose audit log was emptied (then the record is the only trace of what was found).
    had_data = any(conn.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar()
                   for table in _HELD_DATA)

    op.create_table(
        "installation",
        sa.Column("device_id", sa.String(32), nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.PrimaryKeyConstraint("device_id", name=op.f("pk_installation")),
    )
    with op.batch_alter_table("audit_events") as batch:
        batch.add_column(sa.Column("device_id", sa.String(32), nullable=False,
                                   server_default=""))
    with op.batch_alter_table("reviews") as batch:
        batch.add_column(sa.Column("hash", sa.String(64), nullable=False, server_default=""))
    # A plain ADD COLUMN: batch mode would rebuild the table for the reference, and with it
    # drop its append-only triggers. SQLite cannot add a NOT NULL reference; every row gets one.
    op.execute("ALTER TABLE review_entries ADD COLUMN recorded_by VARCHAR(32) "
               "REFERENCES users (id)")
    with op.batch_alter_table("review_entries") as batch:
        batch.add_column(sa.Column("hash", sa.String(64), nullable=False, server_default=""))
    with op.batch_alter_table("outbox") as batch:
        batch.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
        batch.add_column(sa.Column("payload", sa.LargeBinary(), nullable=False,
                                   server_default=sa.text("X''")))

    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    device_id = secrets.token_hex(16)
    conn.execute(sa.text("INSERT INTO installation (device_id, created_at) VALUES (:d, :t)"),
                 {"d": device_id, "t": now})

    # The append-only triggers of migration 0002 refuse the re-hash: lifted for it, then put
    # back exactly as they were. No table is rebuilt, so the search (FTS) triggers stand.
    for table in _REHASHED:
        op.execute(f"DROP TRIGGER IF EXISTS {table}_no_update")
    records = _rehash(conn, device_id)
    _rebuild_outbox(conn, records, now)
    for table in _REHASHED:
        op.execute(
            f"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{table} are append-only'); END"
        )
    if had_data:
        _append_migrate_event(conn, device_id, now, legacy)


def _rehash(conn: sa.Connection, device_id: str) -> dict[tuple[str, str], dict[str, Any]]:
    """Re-hash revisions (re-chained per note), reviews, entries and the audit chain, in that
    order (each binds the hash before it). Returns the wire object of every synced row."""
    out: dict[tuple[str, str], dict[str, Any]] = {}
    new_hash: dict[str, str] = {}
    prev: dict[str, str] = {}
    for r in _rows(conn, "SELECT r.*, n.case_id, n.visit_id FROM note_revisions r "
                         "JOIN journal_notes n ON n.id = r.note_id ORDER BY r.note_id, r.seq"):
        if r["parent_hash"] is not None:
            r["parent_hash"] = prev.get(r["note_id"], r["parent_hash"])
        wire = _revision(r)
        new_hash[r["id"]] = prev[r["note_id"]] = _hash(wire)
        out["revision", r["id"]] = wire
        conn.execute(sa.text("UPDATE note_revisions SET parent_hash = :p, hash = :h "
                             "WHERE id = :id"),
                     {"p": r["parent_hash"], "h": new_hash[r["id"]], "id": r["id"]})

    review_hash: dict[str, str] = {}
    starter: dict[str, str] = {}
    for r in _rows(conn, "SELECT * FROM reviews"):
        r["revision_hash"] = new_hash.get(r["revision_id"], r["revision_hash"])
        wire = _review(r)
        review_hash[r["id"]], starter[r["id"]] = _hash(wire), r["started_by"]
        out["review", r["id"]] = wire
        conn.execute(sa.text("UPDATE reviews SET revision_hash = :rh, hash = :h WHERE id = :id"),
                     {"rh": r["revision_hash"], "h": review_hash[r["id"]], "id": r["id"]})

    for e in _rows(conn, "SELECT * FROM review_entries"):
        # Older entries did not say who recorded them: the caseworker who ran the review did.
        e["recorded_by"] = e["recorded_by"] or starter[e["review_id"]]
        wire = _entry(e, review_hash[e["review_id"]])
        out["review_entry", e["id"]] = wire
        conn.execute(sa.text("UPDATE review_entries SET recorded_by = :by, hash = :h "
                             "WHERE id = :id"),
                     {"by": e["recorded_by"], "h": _hash(wire), "id": e["id"]})

    prev_event = GENESIS_HASH
    for e in _rows(conn, "SELECT * FROM audit_events ORDER BY seq"):
        h = _hash(_event(e, device_id, prev_event))
        conn.execute(sa.text("UPDATE audit_events SET device_id = :d, prev_hash = :p, hash = :h "
                             "WHERE seq = :seq"),
                     {"d": device_id, "p": prev_event, "h": h, "seq": e["seq"]})
        prev_event = h

    for c in _rows(conn, "SELECT * FROM consents"):
        out["consent", c["id"]] = _consent(c)
    for c in _rows(conn, "SELECT * FROM cases"):
        out["case", c["id"]] = _case(c)
    for p in _rows(conn, "SELECT * FROM persons"):
        out["person", p["id"]] = _person(p)
    for v in _rows(conn, "SELECT * FROM visits"):
        out["visit", v["id"]] = _visit(v)
    return out


def _rebuild_outbox(conn: sa.Connection, records: dict[tuple[str, str], dict[str, Any]],
                    now: str) -> None:
    """Every queued row gets the encoded record of its row as it is now; cases, persons and
    visits, which were never queued before, are queued once."""
    queued = set()
    for item in _rows(conn, "SELECT id, kind, object_id FROM outbox"):
        key = (item["kind"], item["object_id"])
        if key not in records:
            # Its row is gone (the legacy check counted it as bad); an empty payload never syncs.
            continue
        payload = _canonical(records[key])
        conn.execute(sa.text("UPDATE outbox SET version = 1, content_hash = :h, payload = :p "
                             "WHERE id = :id"),
                     {"h": hashlib.sha256(payload).hexdigest(), "p": payload, "id": item["id"]})
        queued.add(key)
    for key, wire in records.items():
        if key[0] in ("case", "person", "visit") and key not in queued:
            payload = _canonical(wire)
            conn.execute(
                sa.text("INSERT INTO outbox (id, kind, object_id, version, content_hash, payload, "
                        "created_at, attempts, last_error) "
                        "VALUES (:id, :k, :o, 1, :h, :p, :t, 0, '')"),
                {"id": uuid.uuid4().hex, "k": key[0], "o": key[1],
                 "h": hashlib.sha256(payload).hexdigest(), "p": payload, "t": now})


def _append_migrate_event(conn: sa.Connection, device_id: str, now: str,
                          legacy: dict[str, Any]) -> None:
    last = conn.execute(sa.text("SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1")
                        ).first()
    seq, prev = (last[0] + 1, last[1]) if last else (1, GENESIS_HASH)
    event = {"id": uuid.uuid4().hex, "seq": seq, "ts": now, "user_id": None, "username": "",
             "action": "store.migrate", "object_type": "store", "object_id": device_id,
             "details": json.dumps({"to": "0004", **legacy})}
    h = _hash(_event(event, device_id, prev))
    conn.execute(sa.text(
        "INSERT INTO audit_events (seq, id, device_id, ts, user_id, username, action, "
        "object_type, object_id, details, prev_hash, hash) VALUES (:seq, :id, :device_id, :ts, "
        ":user_id, :username, :action, :object_type, :object_id, :details, :prev, :hash)"),
        {**event, "device_id": device_id, "prev": prev, "hash": h})


def downgrade() -> None:
    raise NotImplementedError("re-hashed records cannot be turned back into legacy hashes")
