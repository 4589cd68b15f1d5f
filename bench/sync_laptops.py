"""Benchmark sync between real laptop stores: 10,000 revisions written in one encrypted laptop
store go up to the server (a separate process, uvicorn on loopback) and down into a second.

Usage: python3 bench/sync_laptops.py [--notes N] [--database postgres|sqlite].
The server's database is PostgreSQL started here with pgserver (as ``bench/sync.py``), or the
embedded SQLite. The laptops are the app's own stores and use ``app.sync.sync_now`` over the
network, exactly as the sync button does. Prints JSON on the last line: push_10k_s (the writer's
sync until its outbox is sent), sync_writer_s (its whole sync, with the pull round after),
pull_10k_s (the colleague's sync that brings them down), fill_s, errors, lost, duplicated.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
import warnings
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import select  # noqa: E402

from app import accounts, notes, sync  # noqa: E402
from app.context import Context  # noqa: E402
from app.keys import FAST_TEST_KDF  # noqa: E402
from app.paths import DataPaths  # noqa: E402
from bench.sync import PASSWORD, _start_server  # noqa: E402
from models.journal import JournalNote, NoteRevision  # noqa: E402
from models.sync import SyncFailed  # noqa: E402
from server import admin  # noqa: E402
from server.database import make_engine, migrate, session_factory  # noqa: E402
from server.settings import normalize_url, sqlite_url  # noqa: E402

LOCAL_PASSWORD = "bänk-lokalt-1234"
CASE = "bench-case-0"
FILL_BATCH = 1000


def _seed(url: str) -> None:
    engine = make_engine(url)
    migrate(engine)
    with session_factory(engine)() as s:
        admin.create_unit(s, "Bänk")
        for name in ("skrivare", "kollega"):
            admin.create_user(s, name, "Bänk", "caseworker", PASSWORD)
        admin.create_case(s, "B-0", "Bänk", "Bänk", CASE)
        admin.assign(s, "B-0", "skrivare")
        admin.assign(s, "B-0", "kollega")
        s.commit()
    engine.dispose()


def _laptop(folder: Path, name: str, base: str) -> Context:
    paths = DataPaths(folder / f"laptop-{name}")
    first = accounts.initialise(paths, "admin", "Admin", LOCAL_PASSWORD, kdf=FAST_TEST_KDF)
    accounts.add_user(first, name, name.title(), "caseworker", LOCAL_PASSWORD)
    first.close()
    ctx = accounts.login(paths, name, LOCAL_PASSWORD, kdf=FAST_TEST_KDF)
    sync.connect(ctx, base, name, PASSWORD)
    sync.sync_now(ctx)  # the case assigned at the office arrives
    return ctx


def _fill(ctx: Context, n: int) -> None:
    """``n`` drafts written through the note service's own steps (each a real revision with
    its hash and its outbox item), ``FILL_BATCH`` per transaction to keep the bench short."""
    done = 0
    while done < n:
        with ctx.uow(write=True) as uow:
            s = uow.session
            for i in range(done, min(n, done + FILL_BATCH)):
                note = notes._new_note(s, ctx, CASE, None, None)
                notes._revise_draft(
                    s, ctx, note, None, section="samtal", child_voice="",
                    body=f"Hembesök {i}: samtal med familjen om skolgången och fritiden. " * 4,
                    event_time=None)
            uow.commit()
        done = min(n, done + FILL_BATCH)


def _revision_ids(ctx: Context) -> list[str]:
    with ctx.uow() as uow:
        return list(uow.session.scalars(select(NoteRevision.id).join(
            JournalNote, JournalNote.id == NoteRevision.note_id).where(
            JournalNote.case_id == CASE)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--notes", type=int, default=10_000)
    parser.add_argument("--database", choices=("postgres", "sqlite"), default="postgres")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="samskriv-bench-laptops-"))
    pg: Any = None
    if args.database == "postgres":
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import pgserver

            pg = pgserver.postgres_server.get_server(work / "pg", cleanup_mode="delete")
        url = normalize_url(pg.get_uri())
    else:
        (work / "server").mkdir()
        url = sqlite_url(work / "server")
    _seed(url)
    proc, base = _start_server(url)
    figures: dict[str, Any] = {}
    try:
        writer, colleague = _laptop(work, "skrivare", base), _laptop(work, "kollega", base)
        began = time.perf_counter()
        _fill(writer, args.notes)
        figures["fill_s"] = round(time.perf_counter() - began, 2)
        phases: dict[str, float] = {}

        def progress(_done: int, _total: int, phase: str) -> None:
            phases[phase] = time.perf_counter()  # the last push report: the outbox is sent

        began = time.perf_counter()
        pushed = sync.sync_now(writer, progress)
        ended = time.perf_counter()
        figures["push_10k_s"] = round(phases.get("push", ended) - began, 2)
        figures["sync_writer_s"] = round(ended - began, 2)
        began = time.perf_counter()
        pulled = sync.sync_now(colleague)
        figures["pull_10k_s"] = round(time.perf_counter() - began, 2)
        written = Counter(_revision_ids(writer))
        arrived = Counter(_revision_ids(colleague))
        with writer.uow() as uow:
            failed = len(uow.session.scalars(select(SyncFailed.outbox_id)).all())
        figures.update(
            pushed=pushed.pushed, pulled=pulled.pulled,
            errors=pushed.rejected + failed + sync.status(writer).pending,
            lost=sum(1 for k in written if k not in arrived),
            duplicated=sum(n - 1 for n in arrived.values() if n > 1))
        writer.close()
        colleague.close()
    finally:
        proc.terminate()
        proc.wait(30)
        if pg is not None:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                pg.cleanup()
    print(f"notes={args.notes} database={args.database}", file=sys.stderr)
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
