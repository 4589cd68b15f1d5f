"""Sync on the laptop: linked server accounts, refused items, conflicts, held pulled records,
case backfills, the server-acknowledged audit head and this user's author ids on other
laptops.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-01

Only new tables: nothing existing is rebuilt, so every trigger stays as it was. Frozen: imports
neither ``app/`` nor today's ``models``.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

_TIME = sa.String(length=32)  # UTCDateTime stores ISO text


def upgrade() -> None:
    op.create_table(
        "sync_accounts",
        sa.Column("local_user_id", sa.String(length=32), nullable=False),
        sa.Column("server_url", sa.String(length=500), nullable=False),
        sa.Column("server_user_id", sa.String(length=32), nullable=False),
        sa.Column("server_username", sa.String(length=64), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("unit_id", sa.String(length=32), nullable=False),
        sa.Column("token_id", sa.String(length=32), nullable=False),
        sa.Column("token_cipher", sa.LargeBinary(), nullable=False),
        sa.Column("expires_at", _TIME, nullable=False),
        sa.Column("pull_cursor", sa.Integer(), nullable=False),
        sa.Column("connected_at", _TIME, nullable=False),
        sa.Column("last_synced_at", _TIME, nullable=True),
        sa.Column("last_attempt_at", _TIME, nullable=True),
        sa.Column("reachable", sa.Boolean(), nullable=True),
        sa.Column("last_error", sa.String(length=500), nullable=False),
        sa.ForeignKeyConstraint(["local_user_id"], ["users.id"],
                                name=op.f("fk_sync_accounts_local_user_id_users")),
        sa.PrimaryKeyConstraint("local_user_id", name=op.f("pk_sync_accounts")),
    )
    op.create_table(
        "sync_failed",
        sa.Column("outbox_id", sa.String(length=32), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.Column("failed_at", _TIME, nullable=False),
        sa.ForeignKeyConstraint(["outbox_id"], ["outbox.id"],
                                name=op.f("fk_sync_failed_outbox_id_outbox")),
        sa.PrimaryKeyConstraint("outbox_id", name=op.f("pk_sync_failed")),
    )
    op.create_table(
        "sync_conflicts",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("object_id", sa.String(length=64), nullable=False),
        sa.Column("theirs_payload", sa.LargeBinary(), nullable=False),
        sa.Column("theirs_hash", sa.String(length=64), nullable=False),
        sa.Column("detected_at", _TIME, nullable=False),
        sa.Column("resolved_at", _TIME, nullable=True),
        sa.Column("resolution", sa.String(length=16), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflicts")),
    )
    op.create_index(op.f("ix_sync_conflicts_object_id"), "sync_conflicts", ["object_id"])
    op.create_table(
        "sync_held",
        sa.Column("item_id", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("object_id", sa.String(length=64), nullable=False),
        sa.Column("case_id", sa.String(length=64), nullable=True),
        sa.Column("author_user_id", sa.String(length=32), nullable=True),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("payload", sa.LargeBinary(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("received_at", _TIME, nullable=False),
        sa.PrimaryKeyConstraint("item_id", name=op.f("pk_sync_held")),
    )
    op.create_table(
        "sync_backfills",
        sa.Column("local_user_id", sa.String(length=32), nullable=False),
        sa.Column("case_id", sa.String(length=64), nullable=False),
        sa.Column("cursor", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["local_user_id"], ["users.id"],
                                name=op.f("fk_sync_backfills_local_user_id_users")),
        sa.PrimaryKeyConstraint("local_user_id", "case_id", name=op.f("pk_sync_backfills")),
    )
    op.create_table(
        "audit_anchor",
        sa.Column("device_id", sa.String(length=32), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("acknowledged_at", _TIME, nullable=False),
        sa.PrimaryKeyConstraint("device_id", name=op.f("pk_audit_anchor")),
    )
    op.create_table(
        "sync_aliases",
        sa.Column("author_id", sa.String(length=32), nullable=False),
        sa.Column("local_user_id", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["local_user_id"], ["users.id"],
                                name=op.f("fk_sync_aliases_local_user_id_users")),
        sa.PrimaryKeyConstraint("author_id", name=op.f("pk_sync_aliases")),
    )
    op.create_index(op.f("ix_sync_aliases_local_user_id"), "sync_aliases", ["local_user_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_sync_aliases_local_user_id"), table_name="sync_aliases")
    op.drop_table("sync_aliases")
    for table in ("audit_anchor", "sync_backfills", "sync_held"):
        op.drop_table(table)
    op.drop_index(op.f("ix_sync_conflicts_object_id"), table_name="sync_conflicts")
    for table in ("sync_conflicts", "sync_failed", "sync_accounts"):
        op.drop_table(table)
