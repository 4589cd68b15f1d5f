"""The server's own migrations go up, down and up again on both databases."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect

from server.database import alembic_config, make_engine, migrate


def test_upgrade_downgrade_upgrade(db_url: str) -> None:
    engine = make_engine(db_url)
    try:
        migrate(engine)
        assert {"records", "changes", "server_audit"} <= set(inspect(engine).get_table_names())
        with engine.begin() as conn:
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "base")
        assert not {"records", "changes"} & set(inspect(engine).get_table_names())
        migrate(engine)
        migrate(engine)  # already at head: nothing to do
        assert "device_tokens" in inspect(engine).get_table_names()
    finally:
        engine.dispose()
