"""Kiosk: each caseworker's own review PIN (with wrong-guess count) and who gave an answer.

Revision ID: 0008
Revises: 0006
Create Date: 2026-12-01

* ``review_pins``: one row per user with their own PIN hash ("" = none) and the count and time
  of wrong guesses when leaving the review kiosk. The old installation-wide PIN in
  settings.json is not carried over: nobody can tell whose it was.
* ``review_entries.respondent``: who gave the answer when the child and a guardian review
  together (null for every entry before, which keeps their record version and hash).

The column is added with a plain ``ALTER TABLE ADD COLUMN`` (no table rebuild), so the
append-only triggers of migration 0002 stay in place. Frozen: imports neither ``app/`` nor
today's ``models``.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "review_pins",
        sa.Column("user_id", sa.String(length=32), nullable=False),
        sa.Column("pin_hash", sa.String(length=200), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("last_failure_at", sa.String(length=32), nullable=True),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"],
                                name=op.f("fk_review_pins_user_id_users")),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_review_pins")),
    )
    op.add_column("review_entries", sa.Column("respondent", sa.JSON(), nullable=True))


def downgrade() -> None:
    # Dropping a column rebuilds the table on SQLite; the append-only triggers go with it and
    # are put back exactly as migration 0002 made them.
    for suffix in ("no_update", "no_delete"):
        op.execute(f"DROP TRIGGER IF EXISTS review_entries_{suffix}")
    with op.batch_alter_table("review_entries", schema=None) as batch_op:
        batch_op.drop_column("respondent")
    op.execute("CREATE TRIGGER review_entries_no_update BEFORE UPDATE ON review_entries "
               "BEGIN SELECT RAISE(ABORT, 'review_entries are append-only'); END")
    op.execute("CREATE TRIGGER review_entries_no_delete BEFORE DELETE ON review_entries "
               "BEGIN SELECT RAISE(ABORT, 'review_entries are append-only'); END")
    op.drop_table("review_pins")
