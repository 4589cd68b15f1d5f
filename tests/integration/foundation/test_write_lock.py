"""Two processes on one store (the open app and a CLI command) never race on the audit
sequence: a writing unit of work takes SQLite's write lock when it begins (BEGIN IMMEDIATE)."""

from __future__ import annotations

import threading

from sqlalchemy import select

from app import audit
from app.context import Context
from app.dto import AuditCheck
from app.store import Store
from app.uow import UnitOfWork
from models.audit import AuditEvent

WRITES = 150


def _write_events(store: Store, ctx: Context, start: threading.Barrier,
                  errors: list[BaseException]) -> None:
    start.wait()
    try:
        for i in range(WRITES):
            with UnitOfWork(store, write=True, signer=ctx.signer) as uow:
                audit.record(uow.session, ctx.actor, "test.write", "test", str(i))
                uow.commit()
    except BaseException as exc:  # noqa: BLE001 - reported by the test thread below
        errors.append(exc)


def test_two_stores_on_one_file_write_the_chain_without_races(admin: Context) -> None:
    # Two engines, each with its own in-process lock: as two processes would be.
    stores = [Store.open(admin.paths.database, admin.data_key) for _ in range(2)]
    try:
        with admin.uow() as uow:
            before = audit.count(uow.session)
        start = threading.Barrier(2)
        errors: list[BaseException] = []
        threads = [threading.Thread(target=_write_events, args=(s, admin, start, errors))
                   for s in stores]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=120)
        assert not errors, errors[0]
        with admin.uow() as uow:
            seqs = uow.session.scalars(select(AuditEvent.seq).order_by(AuditEvent.seq)).all()
            assert seqs == list(range(1, before + 2 * WRITES + 1))
            assert audit.verify(uow.session) == AuditCheck(True, before + 2 * WRITES)
    finally:
        for s in stores:
            s.close()


def test_reading_units_of_work_stay_deferred_and_do_not_wait_for_a_writer(
    admin: Context,
) -> None:
    other = Store.open(admin.paths.database, admin.data_key)
    try:
        with UnitOfWork(other, write=True, signer=admin.signer) as writer:
            audit.record(writer.session, admin.actor, "test.write")
            writer.flush()  # holds the write lock, uncommitted
            with admin.uow() as reader:  # a read beside it sees the committed chain at once
                assert audit.count(reader.session) == 2
    finally:
        other.close()
