"""The encrypted local store: SQLCipher through SQLAlchemy, keyed with a raw data key.

Threading contract: the engine and session factory are thread-safe; callers take one session
per user action through ``app.uow.UnitOfWork``. Writes are serialised with ``write_lock`` inside
one process, and across processes (the open app beside a CLI command) by SQLite's write lock,
which a writing session takes at its start with ``BEGIN IMMEDIATE``.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import URL, Connection, Engine, create_engine, event, select
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from app.errors import StoreError, environment_error
from models.audit import Installation
from models.migrate import upgrade

# Execution option of the engine that writing sessions use: their transaction begins IMMEDIATE.
_WRITE = "samskriv_write"

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
        # An error's text must never carry the bound values (note text, the family's own
        # words, personnummer) into a log, an exception detail or "Kopiera detaljer".
        hide_parameters=True,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # The driver's own transaction handling would BEGIN DEFERRED on the first write (and
        # commit before DDL); switched off, ``_on_begin`` below emits BEGIN itself. This is
        # SQLAlchemy's pysqlite recipe ("Serializable isolation / Savepoints / Transactional DDL").
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        for pragma in _PRAGMAS:
            cur.execute(pragma)
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # A deferred transaction that reads (the last audit seq) and then writes cannot wait for
        # another process's write lock: SQLite fails it at once with "database is locked". An
        # IMMEDIATE one takes the write lock first, waiting up to busy_timeout for it. Reads stay
        # deferred, so they never wait behind a writer (WAL).
        mode = "IMMEDIATE" if conn.get_execution_options().get(_WRITE) else "DEFERRED"
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine


EMPTY_FILE = ("Databasfilen är tom (0 byte). Samskriv ersätter den inte med en ny, tom "
              "databas. Kontakta IT för att återställa den från en säkerhetskopia.")
FOREIGN_FILE = ("Databasfilen går att öppna men är inte en Samskriv-databas. Ingenting har "
                "ändrats i den. Kontakta IT.")
# Every store since the first migration has both: Alembic's version row and the device id
# (0004 adds it to older ones, which still have alembic_version and users).
_OUR_TABLES = frozenset({"alembic_version", "users"})


class Store:
    """An open store. Construct with ``Store.open``; close with ``close``."""

    def __init__(self, engine: Engine, path: Path, device_id: str) -> None:
        self.engine = engine
        self.path = path
        self.device_id = device_id  # this installation's id, in every audit event
        info = {"device_id": device_id}
        self.sessions = sessionmaker(engine, expire_on_commit=False, info=info)
        self.write_sessions = sessionmaker(
            engine.execution_options(**{_WRITE: True}), expire_on_commit=False, info=info
        )
        self.write_lock = threading.RLock()

    @classmethod
    def open(cls, path: Path, data_key: bytes, *, create: bool = False) -> Store:
        if not create and not path.exists():
            raise StoreError("Databasfilen saknas.", detail=str(path))
        if not create and path.stat().st_size == 0:
            # SQLCipher would take an empty file for a new database and the migrations would
            # fill it: the records would seem gone, replaced by an empty store. Refuse instead.
            raise StoreError(EMPTY_FILE, detail=str(path))
        engine = make_engine(path, data_key)
        try:
            raw = engine.raw_connection()
            try:  # outside any transaction: WAL cannot be switched on inside one
                tables = {row[0] for row in raw.cursor().execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()}
                if not create and not tables >= _OUR_TABLES:
                    # Opens with our key but is not our schema: neither migrate nor touch it
                    # (even switching to WAL would rewrite its header).
                    raise StoreError(FOREIGN_FILE, detail=f"tables: {len(tables)}")
                raw.cursor().execute("PRAGMA journal_mode = WAL").fetchone()
            finally:
                raw.close()
            # Two processes may open an old store at once: the write lock makes one migrate.
            with engine.execution_options(**{_WRITE: True}).begin() as conn:
                upgrade(conn)
                device_id = conn.scalar(select(Installation.device_id))
        except StoreError:
            engine.dispose()
            raise
        except (DatabaseError, sqlcipher3.DatabaseError) as exc:
            engine.dispose()
            environmental = environment_error(exc)  # full or locked is not "damaged"
            if environmental is not None:
                raise environmental from exc
            raise StoreError(
                "Databasen kunde inte öppnas med den här nyckeln eller är skadad.",
                detail=str(exc),
            ) from exc
        if device_id is None:
            engine.dispose()
            raise StoreError("Databasen saknar sitt enhets-id.", detail=str(path))
        return cls(engine, path, device_id)

    def session(self, *, write: bool = False) -> Session:
        """A new session; a writing one begins with SQLite's write lock held."""
        return self.write_sessions() if write else self.sessions()

    def close(self) -> None:
        self.engine.dispose()
