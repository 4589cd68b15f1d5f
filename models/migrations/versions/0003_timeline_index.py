"""Index the case journal's order so a case's timeline is read without a sort.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_journal_notes_case_timeline", "journal_notes", ["case_id", "event_time", "created_at"]
    )


def downgrade() -> None:
    op.drop_index("ix_journal_notes_case_timeline", "journal_notes")
