"""Recordings in sync: how and when a recording ended, the audio policy that applied, when its
audio was deleted, whether it is a colleague's (pulled, its audio elsewhere), and which audio
this laptop has sent to the server.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-01

Columns are added with ADD COLUMN (no table rebuild), so every trigger stays as it was. Frozen:
imports neither ``app/`` nor today's ``models``.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

_TIME = sa.String(length=32)  # UTCDateTime stores ISO text


def upgrade() -> None:
    op.add_column("recordings", sa.Column("ended_at", _TIME, nullable=True))
    op.add_column("recordings", sa.Column("finish_reason", sa.String(length=16), nullable=False,
                                          server_default=""))
    op.add_column("recordings", sa.Column("audio_policy", sa.String(length=16), nullable=False,
                                          server_default=""))
    op.add_column("recordings", sa.Column("audio_deleted_at", _TIME, nullable=True))
    op.add_column("recordings", sa.Column("remote", sa.Boolean(), nullable=False,
                                          server_default=sa.false()))
    op.create_table(
        "audio_uploads",
        sa.Column("recording_id", sa.String(length=32), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("uploaded_at", _TIME, nullable=True),
        sa.Column("refused", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["recording_id"], ["recordings.id"],
                                name=op.f("fk_audio_uploads_recording_id_recordings")),
        sa.PrimaryKeyConstraint("recording_id", name=op.f("pk_audio_uploads")),
    )


def downgrade() -> None:
    op.drop_table("audio_uploads")
    # DROP COLUMN (SQLite 3.35+), not a table rebuild: transcripts keep their references.
    for column in ("remote", "audio_deleted_at", "audio_policy", "finish_reason", "ended_at"):
        op.drop_column("recordings", column)
