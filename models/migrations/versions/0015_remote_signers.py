"""Colleagues' signing keys as the server served them (each row signed by the local user who
received it), and the signature of a pulled record held until its parent arrives.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-01

Only a new table and two nullable columns on ``sync_held`` (which has no triggers): nothing
existing is rebuilt. Frozen: imports neither ``app/`` nor today's ``models``.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

_TIME = sa.String(length=32)  # UTCDateTime stores ISO text


def upgrade() -> None:
    op.create_table(
        "remote_signers",
        sa.Column("author_id", sa.String(length=64), nullable=False),
        sa.Column("sign_pub", sa.String(length=64), nullable=False),
        sa.Column("server_user_id", sa.String(length=32), nullable=False),
        sa.Column("received_by", sa.String(length=32), nullable=False),
        sa.Column("received_at", _TIME, nullable=False),
        sa.Column("signature", sa.Text(), nullable=True),
        sa.Column("signer_id", sa.String(length=32), nullable=True),
        sa.ForeignKeyConstraint(["received_by"], ["users.id"],
                                name=op.f("fk_remote_signers_received_by_users")),
        sa.PrimaryKeyConstraint("author_id", "sign_pub", name=op.f("pk_remote_signers")),
    )
    with op.batch_alter_table("sync_held") as batch:
        batch.add_column(sa.Column("signer_id", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("signature", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sync_held") as batch:
        batch.drop_column("signature")
        batch.drop_column("signer_id")
    op.drop_table("remote_signers")
