"""Working time for statistics (work_hours, absences, note_word_counts) and culling.

Revision ID: 0013
Revises: 0010
Create Date: 2026-12-01

Culling (gallring) is the one deletion the journal allows: the append-only and signed-note
triggers are re-created so that a row may be deleted only when its case is listed in
``culled_cases``. Listing a case there is itself append-only. Frozen: no import of the app.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0010"
branch_labels = None
depends_on = None

# For each guarded table: the expression that gives the row's case id from OLD.
_CASE_OF = {
    "journal_notes": "OLD.case_id",
    "note_revisions": "(SELECT case_id FROM journal_notes WHERE id = OLD.note_id)",
    "reviews": "(SELECT case_id FROM journal_notes WHERE id = OLD.note_id)",
    "review_entries": ("(SELECT n.case_id FROM reviews r JOIN journal_notes n "
                       "ON n.id = r.note_id WHERE r.id = OLD.review_id)"),
    "consents": "(SELECT case_id FROM visits WHERE id = OLD.visit_id)",
}
_NOT_CULLED = "NOT EXISTS (SELECT 1 FROM culled_cases WHERE case_id = {case})"


def _delete_guard(table: str, extra: str = "") -> str:
    condition = _NOT_CULLED.format(case=_CASE_OF[table])
    if extra:
        condition = f"{extra} AND {condition}"
    message = ("signed journal notes are immutable" if table == "journal_notes"
               else f"{table} are append-only")
    name = "signed_note_no_delete" if table == "journal_notes" else f"{table}_no_delete"
    return (f"CREATE TRIGGER {name} BEFORE DELETE ON {table} WHEN {condition} "
            f"BEGIN SELECT RAISE(ABORT, '{message}'); END")


def upgrade() -> None:
    op.create_table(
        "work_hours",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("user_id", sa.String(length=32), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("weekly_hours", sa.Float(), nullable=False),
        sa.Column("set_by", sa.String(length=32), nullable=False),
        sa.Column("set_at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"],
                                name=op.f("fk_work_hours_user_id_users")),
        sa.ForeignKeyConstraint(["set_by"], ["users.id"],
                                name=op.f("fk_work_hours_set_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_work_hours")),
        sa.UniqueConstraint("user_id", "valid_from", name=op.f("uq_work_hours_user_id")),
    )
    op.create_index(op.f("ix_work_hours_user_id"), "work_hours", ["user_id"])
    op.create_table(
        "absences",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("user_id", sa.String(length=32), nullable=False),
        sa.Column("week", sa.Date(), nullable=False),
        sa.Column("hours", sa.Float(), nullable=False),
        sa.Column("recorded_by", sa.String(length=32), nullable=False),
        sa.Column("recorded_at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"],
                                name=op.f("fk_absences_user_id_users")),
        sa.ForeignKeyConstraint(["recorded_by"], ["users.id"],
                                name=op.f("fk_absences_recorded_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_absences")),
        sa.UniqueConstraint("user_id", "week", name=op.f("uq_absences_user_id")),
    )
    op.create_index(op.f("ix_absences_user_id"), "absences", ["user_id"])
    op.create_table(
        "culled_cases",
        sa.Column("case_id", sa.String(length=32), nullable=False),
        sa.Column("case_number", sa.String(length=64), nullable=False),
        sa.Column("closed_at", sa.String(length=32), nullable=True),
        sa.Column("culled_at", sa.String(length=32), nullable=False),
        sa.Column("culled_by", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["culled_by"], ["users.id"],
                                name=op.f("fk_culled_cases_culled_by_users")),
        sa.PrimaryKeyConstraint("case_id", name=op.f("pk_culled_cases")),
    )
    op.create_table(
        "note_word_counts",
        sa.Column("note_id", sa.String(length=32), nullable=False),
        sa.Column("draft_key", sa.String(length=64), nullable=False),
        sa.Column("signed_words", sa.Integer(), nullable=False),
        sa.Column("kept_words", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["note_id"], ["journal_notes.id"],
                                name=op.f("fk_note_word_counts_note_id_journal_notes")),
        sa.PrimaryKeyConstraint("note_id", name=op.f("pk_note_word_counts")),
    )
    for verb in ("UPDATE", "DELETE"):
        op.execute(f"CREATE TRIGGER culled_cases_no_{verb.lower()} BEFORE {verb} ON culled_cases "
                   "BEGIN SELECT RAISE(ABORT, 'culled_cases are append-only'); END")
    for table in _CASE_OF:
        name = "signed_note_no_delete" if table == "journal_notes" else f"{table}_no_delete"
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
        extra = "OLD.state = 'signed'" if table == "journal_notes" else ""
        op.execute(_delete_guard(table, extra))


def downgrade() -> None:
    for table in _CASE_OF:
        name = "signed_note_no_delete" if table == "journal_notes" else f"{table}_no_delete"
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
        if table == "journal_notes":
            op.execute("CREATE TRIGGER signed_note_no_delete BEFORE DELETE ON journal_notes "
                       "WHEN OLD.state = 'signed' "
                       "BEGIN SELECT RAISE(ABORT, 'signed journal notes are immutable'); END")
        else:
            op.execute(f"CREATE TRIGGER {name} BEFORE DELETE ON {table} "
                       f"BEGIN SELECT RAISE(ABORT, '{table} are append-only'); END")
    op.execute("DROP TRIGGER IF EXISTS culled_cases_no_update")
    op.execute("DROP TRIGGER IF EXISTS culled_cases_no_delete")
    op.drop_table("culled_cases")
    op.drop_table("note_word_counts")
    op.drop_index(op.f("ix_absences_user_id"), table_name="absences")
    op.drop_table("absences")
    op.drop_index(op.f("ix_work_hours_user_id"), table_name="work_hours")
    op.drop_table("work_hours")
