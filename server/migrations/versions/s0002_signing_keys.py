"""authors' signing keys (a history per author link), their display names, and the device's
declared count of audit events from before personal keys (frozen: no import of server.db)

Revision ID: s0002
Revises: s0001
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "s0002"
down_revision = "s0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("author_links") as batch:
        batch.add_column(sa.Column("display_name", sa.String(length=200), nullable=False,
                                   server_default=""))
    with op.batch_alter_table("device_tokens") as batch:
        batch.add_column(sa.Column("legacy_audit_seq", sa.Integer(), nullable=False,
                                   server_default="0"))
    op.create_table(
        "signing_keys",
        sa.Column("author_id", sa.String(length=64), nullable=False),
        sa.Column("public_key", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.String(length=32), nullable=False),
        sa.Column("token_id", sa.String(length=32), nullable=False),
        sa.Column("registered_at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["author_id"], ["author_links.author_id"],
                                name=op.f("fk_signing_keys_author_id_author_links")),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"],
                                name=op.f("fk_signing_keys_user_id_users")),
        sa.PrimaryKeyConstraint("author_id", "public_key", name=op.f("pk_signing_keys")),
    )
    op.create_index(op.f("ix_signing_keys_user_id"), "signing_keys", ["user_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_signing_keys_user_id"), table_name="signing_keys")
    op.drop_table("signing_keys")
    with op.batch_alter_table("device_tokens") as batch:
        batch.drop_column("legacy_audit_seq")
    with op.batch_alter_table("author_links") as batch:
        batch.drop_column("display_name")
