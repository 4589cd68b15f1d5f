"""The encrypted local store: SQLCipher through SQLAlchemy, keyed with a raw data key.

Threading contract: the engine and session factory are thread-safe; callers take one session
per user action through ``app.uow.UnitOfWork``. Writes are serialised with ``write_lock``.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import URL, Engine, create_engine, event, text
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from app.errors import StoreError
from models.migrate import upgrade

_PRAGMAS = (
    "PRAGMA cipher_log_level = NONE",
    "PRAGMA cipher_memory_security = OFF",
    "PRAGMA foreign_keys = ON",
    "PRAGMA temp_store = MEMORY",
    "PRAGMA synchronous = NORMAL",
    "PRAGMA busy_timeout = 10000",
    "PRAGMA cache_size = -32768",
)


def _url(path: Path, data_key: bytes) -> URL:
    # The dialect sends ``PRAGMA key="<password>"``; "x'<hex>'" is SQLCipher's raw-key form,
    # which skips SQLCipher's own PBKDF2 because our key already comes from Argon2id.
    return URL.create(
        "sqlite+pysqlcipher", password=f"x'{data_key.hex()}'", database=str(path)
    )


def make_engine(path: Path, data_key: bytes, *, pool_size: int = 4) -> Engine:
    engine = create_engine(
        _url(path, data_key),
        poolclass=QueuePool,
        pool_size=pool_size,
        max_overflow=4,
        connect_args={"check_same_thread": False},
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        for pragma in _PRAGMAS:
            cur.execute(pragma)
        cur.close()

    return engine


class Store:
    """An open store. Construct with ``Store.open``; close with ``close``."""

    def __init__(self, engine: Engine, path: Path) -> None:
        self.engine = engine
        self.path = path
        self.sessions = sessionmaker(engine, expire_on_commit=False)
        self.write_lock = threading.RLock()

    @classmethod
    def open(cls, path: Path, data_key: bytes, *, create: bool = False) -> Store:
        if not create and not path.exists():
            raise StoreError("Databasfilen saknas.", detail=str(path))
        engine = make_engine(path, data_key)
        try:
            with engine.begin() as conn:
                conn.execute(text("SELECT count(*) FROM sqlite_master")).scalar()
                conn.exec_driver_sql("PRAGMA journal_mode = WAL")
            with engine.begin() as conn:
                upgrade(conn)
        except (DatabaseError, sqlcipher3.DatabaseError) as exc:
            engine.dispose()
            raise StoreError(
                "Databasen kunde inte öppnas med den här nyckeln eller är skadad.",
                detail=str(exc),
            ) from exc
        return cls(engine, path)

    def session(self) -> Session:
        return self.sessions()

    def close(self) -> None:
        self.engine.dispose()
