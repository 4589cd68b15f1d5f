"""Counting what each side holds, for "0 lost, 0 duplicated" checks."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from sqlalchemy import select

from app import accounts, sync
from app.context import Context
from app.keys import FAST_TEST_KDF
from app.paths import DataPaths
from models.audit import OutboxItem
from models.journal import NoteRevision
from models.people import Case, CaseAssignment
from models.sync import SyncFailed
from server.db import StoredRecord
from tests.integration.syncserver.helpers import PASSWORD, World

LOCAL_PASSWORD = "lokalt-lösenord-123"


def network_laptop(tmp_path: Path, name: str, base: str) -> Context:
    """A fresh laptop store whose caseworker ``name`` is logged in and connected over the real
    network to the server account of the same name at ``base``."""
    paths = DataPaths(tmp_path / f"net-{name}")
    first = accounts.initialise(paths, "admin", "Admin", LOCAL_PASSWORD, kdf=FAST_TEST_KDF)
    accounts.add_user(first, name, name.title() + " Testsson", "caseworker", LOCAL_PASSWORD)
    first.close()
    ctx = accounts.login(paths, name, LOCAL_PASSWORD, kdf=FAST_TEST_KDF)
    sync.connect(ctx, base, name, PASSWORD)
    return ctx


def server_items(world: World, kind: str | None = None) -> Counter[str]:
    """object id -> how many stored records the server holds of it."""
    with world.session() as s:
        stmt = select(StoredRecord.object_id)
        if kind:
            stmt = stmt.where(StoredRecord.kind == kind)
        return Counter(s.scalars(stmt))


def local_revision_ids(ctx: Context) -> list[str]:
    with ctx.uow() as uow:
        return list(uow.session.scalars(select(NoteRevision.id)))


def outbox_state(ctx: Context) -> tuple[int, int, int]:
    """(acknowledged, pending, failed) outbox items."""
    with ctx.uow() as uow:
        s = uow.session
        rows = s.execute(select(OutboxItem.id, OutboxItem.acked_at)).all()
        failed = set(s.scalars(select(SyncFailed.outbox_id)))
    acked = sum(1 for _i, a in rows if a is not None)
    return acked, sum(1 for i, a in rows if a is None and i not in failed), len(failed)


def assigned_cases(ctx: Context) -> set[str]:
    with ctx.uow() as uow:
        return set(uow.session.scalars(select(CaseAssignment.case_id).where(
            CaseAssignment.user_id == ctx.actor.user_id)))


def case_numbers(ctx: Context) -> set[str]:
    with ctx.uow() as uow:
        return set(uow.session.scalars(select(Case.case_number)))


def assert_no_loss(world: World, *laptops: Context) -> None:
    """Every revision of every laptop is on the server exactly once, and on every laptop that
    sees its case; nothing is pending."""
    revisions = server_items(world, "revision")
    assert all(n == 1 for n in revisions.values()), "a revision is stored twice on the server"
    for ctx in laptops:
        ids = local_revision_ids(ctx)
        assert len(ids) == len(set(ids))
        missing = set(ids) - set(revisions)
        assert not missing, f"{len(missing)} local revisions never reached the server"
        assert sync.status(ctx).pending == 0
