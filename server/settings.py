"""Server settings: declared once, with types and defaults (CLI flags and the environment fill them)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

DATABASE_URL_ENV = "SAMSKRIV_DATABASE_URL"
SQLITE_NAME = "samskriv-server.sqlite3"


@dataclass(frozen=True)
class ServerSettings:
    database_url: str
    token_ttl_days: int = 90
    max_batch_items: int = 1000
    max_body_bytes: int = 32 * 1024 * 1024
    pull_page_size: int = 1000
    # Audio of recordings (a laptop setting sends it): 1 GiB is over 9 hours of 16 kHz mono.
    max_audio_bytes: int = 1024 * 1024 * 1024
    max_audio_chunk_bytes: int = 4 * 1024 * 1024
    login_max_failures: int = 5  # per username within the window
    login_max_failures_per_remote: int = 30
    login_window_s: int = 900
    pool_size: int = 10


def normalize_url(url: str) -> str:
    """``postgresql://`` URLs (as pgserver and most tools give them) use psycopg 3."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def sqlite_url(data_dir: Path) -> str:
    return f"sqlite:///{(data_dir / SQLITE_NAME).resolve()}"


def resolve_database_url(database_url: str | None, data_dir: Path | None) -> str:
    """``--database-url``, else ``SAMSKRIV_DATABASE_URL``, else the SQLite file in ``data_dir``."""
    url = database_url or os.environ.get(DATABASE_URL_ENV)
    if url:
        return normalize_url(url)
    if data_dir is None:
        raise ValueError("give --data-dir, --database-url or SAMSKRIV_DATABASE_URL")
    data_dir.mkdir(parents=True, exist_ok=True)
    return sqlite_url(data_dir)
