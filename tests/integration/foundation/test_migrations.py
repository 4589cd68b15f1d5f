"""Migrations: a new store is at Alembic head, and opening an existing store changes nothing."""

from __future__ import annotations

from alembic.script import ScriptDirectory

from app import notes
from app.context import Context
from app.store import Store
from models.migrate import alembic_config
from tests.support.store import make_case, raw_connection


def _schema(ctx: Context) -> tuple[list[tuple[str, str, str]], list[tuple[str]]]:
    with raw_connection(ctx.paths.database, ctx.data_key) as db:
        objects = db.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()
        version = db.execute("SELECT version_num FROM alembic_version").fetchall()
    return objects, version


def test_a_new_store_is_at_head(admin: Context) -> None:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    objects, version = _schema(admin)
    assert version == [(head,)]
    names = {name for _, name, _ in objects}
    assert {
        "journal_notes",
        "note_revisions",
        "audit_events",
        "notes_fts",
        "signed_note_no_update",
        "audit_events_no_delete",
    } <= names


def test_opening_again_is_a_no_op(admin: Context) -> None:
    note = notes.create_draft(admin, make_case(admin).id, "Finns kvar.")
    admin.close()
    before = _schema(admin)
    for _ in range(2):
        Store.open(admin.paths.database, admin.data_key).close()
    assert _schema(admin) == before
    again = Store.open(admin.paths.database, admin.data_key)
    try:
        with again.engine.connect() as conn:
            body = conn.exec_driver_sql(
                "SELECT body FROM note_revisions WHERE id = ?", (note.current.id,)
            ).scalar()
        assert body == "Finns kvar."
    finally:
        again.close()


def test_the_store_runs_in_wal_mode_with_foreign_keys(admin: Context) -> None:
    with admin.store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
