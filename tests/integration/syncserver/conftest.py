"""Server tests run against a real PostgreSQL (started here with the PyPI package ``pgserver``)
and against the embedded SQLite: every test taking ``world`` runs on both."""

from __future__ import annotations

import tempfile
import uuid
import warnings
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from server import security
from server.database import make_engine, migrate
from server.security import FAST_TEST_HASHER
from server.settings import normalize_url, sqlite_url
from tests.integration.syncserver.helpers import World, make_world


@pytest.fixture(scope="session")
def pg_root_url() -> Iterator[str]:
    """One PostgreSQL server for the session (initdb + start take a few seconds).

    Its folder is made with ``tempfile`` rather than pytest's ``tmp_path``: when run as root,
    pgserver runs PostgreSQL as another system user, who cannot enter pytest's private
    (0700) base folder."""
    with warnings.catch_warnings():
        # pgserver looks up a runtime folder at import; without XDG_RUNTIME_DIR it warns.
        warnings.simplefilter("ignore")
        import pgserver

        srv = pgserver.postgres_server.get_server(Path(tempfile.mkdtemp(prefix="samskriv-pg-")),
                                  cleanup_mode="delete")
    yield srv.get_uri()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        srv.cleanup()


def _database_url(root_url: str, name: str) -> str:
    base, _, query = root_url.partition("?")
    return normalize_url(f"{base.rsplit('/', 1)[0]}/{name}?{query}")


@pytest.fixture(scope="session")
def pg_template(pg_root_url: str) -> str:
    """A migrated database that each test's database is copied from (faster than migrating)."""
    with psycopg.connect(pg_root_url, autocommit=True) as conn:
        conn.execute('CREATE DATABASE "server_template"')
    engine = make_engine(_database_url(pg_root_url, "server_template"))
    migrate(engine)
    engine.dispose()
    return "server_template"


@pytest.fixture
def pg_url(pg_root_url: str, pg_template: str) -> str:
    """A fresh database for one test (left behind: the whole server is deleted at the end)."""
    name = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(pg_root_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{pg_template}"')
    return _database_url(pg_root_url, name)


@pytest.fixture(autouse=True)
def _fast_password_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cheap Argon2 parameters for the passwords tests make (verify reads them from the hash)."""
    monkeypatch.setattr(security, "_hasher", FAST_TEST_HASHER)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return sqlite_url(tmp_path)
    url: str = request.getfixturevalue("pg_url")
    return url


@pytest.fixture
def world(db_url: str) -> Iterator[World]:
    w = make_world(db_url)
    try:
        yield w
    finally:
        w.close()
