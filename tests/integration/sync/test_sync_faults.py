"""Faults, each ending with nothing lost and nothing doubled on either side."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from app import audit, notes, sync, sync_apply, sync_conflicts, sync_failed, sync_resolve
from app.context import Context
from app.errors import ValidationError
from app.sync_client import ServerUnreachable
from models.journal import JournalNote
from server import admin
from tests.integration.sync.conftest import Laptop, ServerTransport
from tests.integration.sync.helpers import (
    assert_no_loss,
    local_revision_ids,
    outbox_state,
    server_items,
)
from tests.integration.syncserver.helpers import World


def _sync(ctx: Context, world: World) -> sync.SyncResult:
    return sync.sync_now(ctx, transport=ServerTransport(world))


def test_connection_cut_after_the_server_committed(world: World, laptop: Laptop) -> None:
    anna = laptop("anna")
    n1 = world.cases["N-1"]
    _sync(anna, world)
    for i in range(5):
        notes.create_draft(anna, n1, f"Anteckning {i}")

    def cut(request: httpx.Request, _response: httpx.Response) -> None:
        if request.url.path.endswith("/sync/push"):
            raise httpx.ReadError("connection reset")

    with pytest.raises(ServerUnreachable):
        sync.sync_now(anna, transport=ServerTransport(world, after=cut))
    assert len(server_items(world, "revision")) == 5  # stored, but the laptop does not know
    st = sync.status(anna)
    assert st.pending == 5 and st.reachable is False
    result = _sync(anna, world)
    assert (result.pushed, result.duplicates) == (0, 5)
    assert outbox_state(anna) [1:] == (0, 0)
    assert_no_loss(world, anna)


def test_duplicate_and_reordered_batches(world: World, laptop: Laptop) -> None:
    anna = laptop("anna")
    n1 = world.cases["N-1"]
    _sync(anna, world)
    note = notes.create_draft(anna, n1, "Första")
    for i in range(3):
        notes.save_draft(anna, note.id, f"Version {i}")
    sent: list[bytes] = []

    def replay(request: httpx.Request, _response: httpx.Response) -> None:
        if request.url.path.endswith("/sync/push"):
            sent.append(request.content)

    sync.sync_now(anna, transport=ServerTransport(world, after=replay))
    import json
    body = json.loads(sent[0])
    body["items"].reverse()
    tc = world.client
    token_headers = {"Content-Type": "application/json"}
    # the same batch again, reordered, with the laptop's own token
    with anna.uow() as uow:
        from models.sync import SyncAccount
        acc = uow.session.get(SyncAccount, anna.actor.user_id)
        assert acc is not None
        token = sync._open(anna, acc.token_cipher)
    answer = tc.post("/api/v1/sync/push", json=body,
                     headers={**token_headers, "Authorization": f"Bearer {token}"})
    assert {r["status"] for r in answer.json()["results"]} == {"duplicate"}
    _sync(anna, world)
    assert_no_loss(world, anna)
    assert len(server_items(world, "revision")) == 4


def test_laptop_killed_between_a_pull_page_and_its_cursor(
        world: World, laptop: Laptop, monkeypatch: pytest.MonkeyPatch) -> None:
    anna, bo = laptop("anna"), laptop("bo")
    n1 = world.cases["N-1"]
    _sync(anna, world)
    for i in range(4):
        notes.sign(anna, notes.create_draft(anna, n1, f"Signerad {i}").id)
    _sync(anna, world)
    real = sync_apply.Applier.entry
    calls = {"n": 0}

    def dies(self: sync_apply.Applier, e: object) -> None:
        calls["n"] += 1
        if calls["n"] == 6:
            raise KeyboardInterrupt("laptop killed")
        real(self, e)  # type: ignore[arg-type]

    monkeypatch.setattr(sync_apply.Applier, "entry", dies)
    with pytest.raises(KeyboardInterrupt):
        _sync(bo, world)
    monkeypatch.setattr(sync_apply.Applier, "entry", real)
    with bo.uow() as uow:
        from models.sync import SyncAccount
        acc = uow.session.get(SyncAccount, bo.actor.user_id)
        assert acc is not None and acc.pull_cursor == 0  # the page and its cursor rolled back
    assert local_revision_ids(bo) == []
    _sync(bo, world)
    ids = local_revision_ids(bo)
    assert len(ids) == len(set(ids)) == 8  # 4 drafts + 4 signatures, each once
    assert_no_loss(world, anna, bo)


def test_draft_edited_on_two_laptops_is_a_conflict(world: World, laptop: Laptop) -> None:
    # Only a draft's author may change it: the same caseworker on two laptops.
    anna, bo = laptop("anna"), laptop("anna", name="anna-second")
    n1 = world.cases["N-1"]
    _sync(anna, world)
    note = notes.create_draft(anna, n1, "Gemensamt utkast.")
    _sync(anna, world)
    _sync(bo, world)
    notes.save_draft(anna, note.id, "Annas version.")
    notes.save_draft(bo, note.id, "Bos version.")
    _sync(anna, world)
    _sync(bo, world)
    _sync(anna, world)
    for ctx, mine, theirs in ((anna, "Annas version.", "Bos version."),
                              (bo, "Bos version.", "Annas version.")):
        (conflict,) = sync_conflicts.list_conflicts(ctx)
        assert (conflict.mine["body"], conflict.theirs["body"]) == (mine, theirs)
        assert notes.get_note(ctx, note.id).current.body == mine  # nothing merged silently
    with pytest.raises(ValidationError, match="två datorer"):
        notes.sign(anna, note.id)
    (conflict,) = sync_conflicts.list_conflicts(anna)
    sync_resolve.resolve(anna, conflict.id, "merged", "Annas och Bos text ihop.")
    assert sync_conflicts.list_conflicts(anna) == []
    _sync(anna, world)
    _sync(bo, world)
    assert sync_conflicts.list_conflicts(bo) == []
    assert notes.get_note(bo, note.id).current.body == "Annas och Bos text ihop."
    notes.sign(anna, note.id)
    _sync(anna, world)
    _sync(bo, world)
    assert notes.get_note(bo, note.id).state == "signed"
    assert_no_loss(world, anna, bo)


def test_supervisor_and_caseworker_on_one_case(world: World, laptop: Laptop) -> None:
    anna, chef = laptop("anna"), laptop("chef", role="supervisor")
    n1 = world.cases["N-1"]
    _sync(anna, world)
    _sync(chef, world)
    a = notes.create_draft(anna, n1, "Handläggarens anteckning.")
    c = notes.create_draft(chef, n1, "Arbetsledarens anteckning.")
    _sync(anna, world)
    _sync(chef, world)
    _sync(anna, world)
    assert {n.id for n in notes.timeline(anna, n1)} == {a.id, c.id}
    assert {n.id for n in notes.timeline(chef, n1)} == {a.id, c.id}
    _sync(chef, world)
    assert_no_loss(world, anna, chef)


def test_refused_item_is_listed_never_deleted_and_exports_encrypted(
        world: World, laptop: Laptop, tmp_path: Path) -> None:
    bo = laptop("bo")
    _sync(bo, world)
    n2 = world.cases["N-2"]
    note = notes.create_draft(bo, n2, "Skrivet offline.")
    world.admin(admin.assign, "N-2", "bo", False)  # unassigned at the office meanwhile
    result = _sync(bo, world)
    assert result.rejected == 1
    (failed,) = sync_failed.list_failed(bo)
    assert failed.code == "not_assigned" and "tilldelad" in failed.reason
    assert sync.status(bo).failed == 1 and sync.status(bo).pending == 0
    assert note.id in _note_ids(bo)  # kept on the laptop, only hidden from its lists
    _sync(bo, world)
    assert len(sync_failed.list_failed(bo)) == 1  # not pushed again, not deleted
    out = tmp_path / "misslyckade.samskriv"
    assert sync_failed.export_failed(bo, out, "en lång lösenfras för IT") == 1
    assert b"Skrivet offline" not in out.read_bytes()
    with pytest.raises(ValidationError):
        sync_failed.read_export(out, "fel lösenfras här")
    data = sync_failed.read_export(out, "en lång lösenfras för IT")
    assert data["items"][0]["object_id"] == failed.object_id


def test_audit_verify_detects_events_cut_off_the_end(world: World, laptop: Laptop) -> None:
    anna = laptop("anna")
    _sync(anna, world)
    _sync(anna, world)
    with anna.uow() as uow:
        assert audit.verify(uow.session).ok
        last = audit.count(uow.session)
    from tests.support.store import raw_connection
    anna_key, path = anna.data_key, anna.store.path
    with raw_connection(path, anna_key) as conn:
        conn.execute("DROP TRIGGER IF EXISTS audit_events_no_delete")
        conn.execute(f"DELETE FROM audit_events WHERE seq >= {last - 1}")
    with anna.uow() as uow:
        check = audit.verify(uow.session)
    assert not check.ok and "cut off" in check.reason


def _note_ids(ctx: Context) -> set[str]:
    with ctx.uow() as uow:
        return set(uow.session.scalars(select(JournalNote.id)))
