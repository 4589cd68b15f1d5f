"""Speech provenance of notes: which words of a note came from speech recognition.

Revision ID: 0012
Revises: 0010
Create Date: 2026-12-01

One row per note and recording: the machine words as they stand in the note (text, times,
confidence, and which pass made each: live or accuracy), with the transcript, engine and model
they came from. The note's text is compared with these words to tell machine text from typed
text (and to link words to the audio); the second pass's merge starts from them. Frozen: no
import of today's models.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "note_speech_sources",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("note_id", sa.String(32), sa.ForeignKey("journal_notes.id"), nullable=False),
        sa.Column("recording_id", sa.String(32), sa.ForeignKey("recordings.id"), nullable=False),
        sa.Column("transcript_id", sa.String(32), nullable=True),
        sa.Column("engine", sa.String(64), nullable=False, server_default=""),
        sa.Column("model_id", sa.String(200), nullable=False, server_default=""),
        sa.Column("pass_kind", sa.String(16), nullable=False),
        sa.Column("words", sa.JSON, nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
        sa.UniqueConstraint("note_id", "recording_id"),
    )
    op.create_index("ix_note_speech_sources_note_id", "note_speech_sources", ["note_id"])


def downgrade() -> None:
    op.drop_index("ix_note_speech_sources_note_id", "note_speech_sources")
    op.drop_table("note_speech_sources")
