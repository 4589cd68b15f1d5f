"""Persons can be taken off a case; search also finds the family's own words and corrected text.

Revision ID: 0010
Revises: 0008
Create Date: 2026-12-01

* ``persons.removed_at``: a person taken off a case keeps their row (visits, consents and
  reviews name them), marked removed.
* The search index gets two more columns per note: ``corrected``, the text of the signed
  versions a correction replaced (the old text stays readable in the journal, so it must stay
  findable), and ``comments``, the family's own words (synpunkter) given in reviews of the note.
  FTS5 cannot add columns, so the index is built again from the notes as they are.

Like every migration this one is frozen: plain SQL, no import of ``app/`` or today's ``models``.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0008"
branch_labels = None
depends_on = None

_TRIGGERS = ("notes_fts_follow", "notes_fts_delete", "notes_fts_review_words")

_FTS = """
CREATE VIRTUAL TABLE notes_fts USING fts5(
    section, body, child_voice, corrected, comments,
    tokenize = "unicode61 remove_diacritics 0"
)
"""

# One note's row of the index, for the notes chosen by {where} (n is journal_notes).
_ROW = """
INSERT INTO notes_fts (rowid, section, body, child_voice, corrected, comments)
SELECT n.rowid, r.section, r.body, r.child_voice,
       COALESCE((SELECT group_concat(p.body || char(10) || p.child_voice, char(10))
                 FROM note_revisions p
                 WHERE p.note_id = n.id AND p.kind IN ('signed', 'correction')
                   AND p.id IS NOT n.current_revision_id), ''),
       COALESCE((SELECT group_concat(e.comment, char(10))
                 FROM review_entries e JOIN reviews v ON v.id = e.review_id
                 WHERE v.note_id = n.id AND e.comment <> ''), '')
FROM journal_notes n JOIN note_revisions r ON r.id = n.current_revision_id
WHERE {where};
"""

_FOLLOW = f"""
CREATE TRIGGER notes_fts_follow AFTER UPDATE OF current_revision_id ON journal_notes
WHEN NEW.current_revision_id IS NOT NULL
BEGIN
    DELETE FROM notes_fts WHERE rowid = NEW.rowid;
    {_ROW.format(where="n.id = NEW.id")}
END
"""

_REVIEW_WORDS = f"""
CREATE TRIGGER notes_fts_review_words AFTER INSERT ON review_entries
WHEN NEW.comment <> ''
BEGIN
    DELETE FROM notes_fts WHERE rowid = (
        SELECT n.rowid FROM journal_notes n JOIN reviews v ON v.note_id = n.id
        WHERE v.id = NEW.review_id);
    {_ROW.format(where="n.id = (SELECT note_id FROM reviews WHERE id = NEW.review_id)")}
END
"""

_DELETE = """
CREATE TRIGGER notes_fts_delete AFTER DELETE ON journal_notes
BEGIN DELETE FROM notes_fts WHERE rowid = OLD.rowid; END
"""

# The index and its triggers as migration 0002 made them (for the downgrade).
_OLD_FTS = """
CREATE VIRTUAL TABLE notes_fts USING fts5(
    section, body, child_voice, tokenize = "unicode61 remove_diacritics 0"
)
"""
_OLD_FOLLOW = """
CREATE TRIGGER notes_fts_follow AFTER UPDATE OF current_revision_id ON journal_notes
WHEN NEW.current_revision_id IS NOT NULL
BEGIN
    DELETE FROM notes_fts WHERE rowid = NEW.rowid;
    INSERT INTO notes_fts (rowid, section, body, child_voice)
    SELECT NEW.rowid, r.section, r.body, r.child_voice
    FROM note_revisions r WHERE r.id = NEW.current_revision_id;
END
"""


def _drop_index() -> None:
    for trigger in _TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS notes_fts")


def upgrade() -> None:
    op.add_column("persons", sa.Column("removed_at", sa.String(32), nullable=True))
    _drop_index()
    for ddl in (_FTS, _FOLLOW, _REVIEW_WORDS, _DELETE):
        op.execute(ddl)
    op.execute(_ROW.format(where="1"))


def downgrade() -> None:
    # An earlier version has no removed persons: they come back as persons of the case.
    with op.batch_alter_table("persons") as batch:
        batch.drop_column("removed_at")
    _drop_index()
    for ddl in (_OLD_FTS, _OLD_FOLLOW, _DELETE):
        op.execute(ddl)
    op.execute("INSERT INTO notes_fts (rowid, section, body, child_voice) "
               "SELECT n.rowid, r.section, r.body, r.child_voice FROM journal_notes n "
               "JOIN note_revisions r ON r.id = n.current_revision_id")
