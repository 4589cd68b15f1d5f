"""audio of recordings, uploaded in chunks by the laptop that made them (frozen: no import of
today's server.db)

Revision ID: s0003
Revises: s0002
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "s0003"
down_revision = "s0002"
branch_labels = None
depends_on = None

_TIME = sa.String(length=32)  # UTCDateTime stores ISO text


def upgrade() -> None:
    op.create_table(
        "audio_uploads",
        sa.Column("recording_id", sa.String(length=64), nullable=False),
        sa.Column("case_id", sa.String(length=64), nullable=False),
        sa.Column("unit_id", sa.String(length=32), nullable=False),
        sa.Column("uploaded_by", sa.String(length=32), nullable=False),
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("chunk_size", sa.Integer(), nullable=False),
        sa.Column("content_type", sa.String(length=32), nullable=False),
        sa.Column("created_at", _TIME, nullable=False),
        sa.Column("completed_at", _TIME, nullable=True),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"],
                                name=op.f("fk_audio_uploads_case_id_cases")),
        sa.ForeignKeyConstraint(["unit_id"], ["units.id"],
                                name=op.f("fk_audio_uploads_unit_id_units")),
        sa.ForeignKeyConstraint(["uploaded_by"], ["users.id"],
                                name=op.f("fk_audio_uploads_uploaded_by_users")),
        sa.PrimaryKeyConstraint("recording_id", name=op.f("pk_audio_uploads")),
    )
    op.create_index(op.f("ix_audio_uploads_case_id"), "audio_uploads", ["case_id"])
    op.create_table(
        "audio_chunks",
        sa.Column("recording_id", sa.String(length=64), nullable=False),
        sa.Column("idx", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("received_at", _TIME, nullable=False),
        sa.ForeignKeyConstraint(["recording_id"], ["audio_uploads.recording_id"],
                                name=op.f("fk_audio_chunks_recording_id_audio_uploads")),
        sa.PrimaryKeyConstraint("recording_id", "idx", name=op.f("pk_audio_chunks")),
    )


def downgrade() -> None:
    op.drop_table("audio_chunks")
    op.drop_index(op.f("ix_audio_uploads_case_id"), table_name="audio_uploads")
    op.drop_table("audio_uploads")
