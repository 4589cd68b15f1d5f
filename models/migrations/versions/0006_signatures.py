"""Personal signatures: signature and signer columns on every signed table, users' public keys,
the audit chain's HMAC key and the list of rows written before personal keys.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01

Rows that exist now were written without personal keys. They cannot be signed after the fact
(their authors' keys do not exist yet), so this migration writes down exactly which rows they
are, with their content hash, in ``installation.legacy``; the first admin to log in afterwards
signs that list (the ``pin`` of their login event). ``app.trust`` then accepts an unsigned row
only if it is on the signed list, unchanged, and reports it as "signed before personal keys".

Frozen like every migration: the consent and user records are built below as their plain
version-1 wire objects (the bytes ``models.records.encode`` gives for them today).
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

GENESIS_HASH = "0" * 64
_SIGNED = ("users", "note_revisions", "reviews", "review_entries", "consents", "audit_events")


def _hash(obj: Any) -> str:
    canonical = json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


def _t(text: str | None) -> str | None:
    if text is None:
        return None
    return datetime.fromisoformat(text).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _json(text: str | None) -> Any:
    return json.loads(text) if text is not None else None


def _consent_hash(c: dict[str, Any]) -> str:
    return _hash({"record": "consent", "v": 1, "id": c["id"], "visit_id": c["visit_id"],
                  "informed": _json(c["informed"]), "agreed": _json(c["agreed"]),
                  "refused": _json(c["refused"]), "recorded_at": _t(c["recorded_at"]),
                  "recorded_by": c["recorded_by"]})


def _user_hash(u: dict[str, Any]) -> str:
    """A user row as it stood before keys (no signing key yet)."""
    return _hash({"record": "user", "v": 1, "id": u["id"], "username": u["username"],
                  "display_name": u["display_name"], "role": u["role"],
                  "active": bool(u["active"]), "created_at": _t(u["created_at"]),
                  "sign_pub": None, "old_sign_pubs": []})


def _legacy(conn: sa.Connection) -> dict[str, Any]:
    def rows(sql: str) -> list[dict[str, Any]]:
        return [dict(r) for r in conn.execute(sa.text(sql)).mappings()]

    last = rows("SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1")
    return {
        "audit_seq": last[0]["seq"] if last else 0,
        "audit_hash": last[0]["hash"] if last else GENESIS_HASH,
        "rows": {
            "users": {u["id"]: _user_hash(u) for u in rows("SELECT * FROM users")},
            "note_revisions": {r["id"]: r["hash"]
                               for r in rows("SELECT id, hash FROM note_revisions")},
            "reviews": {r["id"]: r["hash"] for r in rows("SELECT id, hash FROM reviews")},
            "review_entries": {r["id"]: r["hash"]
                               for r in rows("SELECT id, hash FROM review_entries")},
            "consents": {c["id"]: _consent_hash(c) for c in rows("SELECT * FROM consents")},
        },
    }


def upgrade() -> None:
    conn = op.get_bind()
    # Plain ADD COLUMN (nullable, no default): no table rebuild, so the append-only triggers
    # on these tables stay exactly as they are.
    for table in _SIGNED:
        op.execute(f"ALTER TABLE {table} ADD COLUMN signature TEXT")
        op.execute(f"ALTER TABLE {table} ADD COLUMN signer_id VARCHAR(32)")
    op.execute("ALTER TABLE users ADD COLUMN sign_pub VARCHAR(64)")
    op.execute("ALTER TABLE users ADD COLUMN old_sign_pubs JSON NOT NULL DEFAULT '[]'")
    op.execute("ALTER TABLE installation ADD COLUMN chain_key BLOB")
    op.execute("ALTER TABLE installation ADD COLUMN legacy JSON")
    conn.execute(sa.text("UPDATE installation SET legacy = :legacy"),
                 {"legacy": json.dumps(_legacy(conn), sort_keys=True)})


def downgrade() -> None:
    for table in _SIGNED:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("signature")
            batch.drop_column("signer_id")
    with op.batch_alter_table("users") as batch:
        batch.drop_column("sign_pub")
        batch.drop_column("old_sign_pubs")
    with op.batch_alter_table("installation") as batch:
        batch.drop_column("chain_key")
        batch.drop_column("legacy")
