"""Immutability triggers (signed notes, revisions, audit, reviews) and full-text search.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23

SQLite/SQLCipher only: the server database has its own migrations.
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_APPEND_ONLY = ("note_revisions", "audit_events", "reviews", "review_entries", "consents")

_SIGNED_NOTE_GUARD = """
CREATE TRIGGER signed_note_no_update BEFORE UPDATE ON journal_notes
WHEN OLD.state = 'signed' AND (
    NEW.state IS NOT OLD.state OR NEW.case_id IS NOT OLD.case_id
    OR NEW.visit_id IS NOT OLD.visit_id OR NEW.author_id IS NOT OLD.author_id
    OR NEW.created_at IS NOT OLD.created_at OR NEW.event_time IS NOT OLD.event_time
    OR NEW.signed_at IS NOT OLD.signed_at OR NEW.signed_by IS NOT OLD.signed_by
    OR NEW.id IS NOT OLD.id
    OR (NEW.current_revision_id IS NOT OLD.current_revision_id AND NOT EXISTS (
        SELECT 1 FROM note_revisions r
        WHERE r.id = NEW.current_revision_id AND r.note_id = OLD.id AND r.kind = 'correction'
          AND r.parent_hash = (SELECT p.hash FROM note_revisions p
                               WHERE p.id = OLD.current_revision_id)))
)
BEGIN SELECT RAISE(ABORT, 'signed journal notes are immutable'); END
"""

_SIGNED_NOTE_NO_DELETE = """
CREATE TRIGGER signed_note_no_delete BEFORE DELETE ON journal_notes
WHEN OLD.state = 'signed'
BEGIN SELECT RAISE(ABORT, 'signed journal notes are immutable'); END
"""

_ONLY_CORRECTIONS_AFTER_SIGNING = """
CREATE TRIGGER signed_note_only_corrections BEFORE INSERT ON note_revisions
WHEN (SELECT state FROM journal_notes WHERE id = NEW.note_id) = 'signed'
     AND NEW.kind IS NOT 'correction'
BEGIN SELECT RAISE(ABORT, 'a signed note only takes corrections'); END
"""

# The search index holds the current revision of every note, keyed by the note's rowid.
_FTS = """
CREATE VIRTUAL TABLE notes_fts USING fts5(
    section, body, child_voice, tokenize = "unicode61 remove_diacritics 0"
)
"""

_FTS_FOLLOWS_CURRENT_REVISION = """
CREATE TRIGGER notes_fts_follow AFTER UPDATE OF current_revision_id ON journal_notes
WHEN NEW.current_revision_id IS NOT NULL
BEGIN
    DELETE FROM notes_fts WHERE rowid = NEW.rowid;
    INSERT INTO notes_fts (rowid, section, body, child_voice)
    SELECT NEW.rowid, r.section, r.body, r.child_voice
    FROM note_revisions r WHERE r.id = NEW.current_revision_id;
END
"""

_FTS_DELETE = """
CREATE TRIGGER notes_fts_delete AFTER DELETE ON journal_notes
BEGIN DELETE FROM notes_fts WHERE rowid = OLD.rowid; END
"""


def upgrade() -> None:
    for table in _APPEND_ONLY:
        op.execute(
            f"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{table} are append-only'); END"
        )
        op.execute(
            f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{table} are append-only'); END"
        )
    for ddl in (
        _SIGNED_NOTE_GUARD,
        _SIGNED_NOTE_NO_DELETE,
        _ONLY_CORRECTIONS_AFTER_SIGNING,
        _FTS,
        _FTS_FOLLOWS_CURRENT_REVISION,
        _FTS_DELETE,
    ):
        op.execute(ddl)


def downgrade() -> None:
    for trigger in (
        "notes_fts_delete",
        "notes_fts_follow",
        "signed_note_only_corrections",
        "signed_note_no_delete",
        "signed_note_no_update",
    ):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS notes_fts")
    for table in _APPEND_ONLY:
        op.execute(f"DROP TRIGGER IF EXISTS {table}_no_update")
        op.execute(f"DROP TRIGGER IF EXISTS {table}_no_delete")
