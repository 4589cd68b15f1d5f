"""A batch the server refuses: the laptop lists exactly the refused items, sends the rest again
at once, and loses or doubles nothing; a revoked token keeps everything queued."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from app import notes, sync, sync_failed
from app.context import Context
from app.sync_client import ServerRefused
from models.audit import OutboxItem
from models.journal import NoteRevision
from server import admin
from server.settings import sqlite_url
from tests.integration.sync.conftest import Laptop, ServerTransport
from tests.integration.sync.helpers import assert_no_loss, outbox_state, server_items
from tests.integration.syncserver.helpers import World, make_world

MAX_BODY = 60_000  # small enough for one long note to be too large, big enough for a batch


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    """The conftest's office, with a small body limit for the 413 test."""
    (tmp_path / "server").mkdir()
    w = make_world(sqlite_url(tmp_path / "server"), max_body_bytes=MAX_BODY)
    yield w
    w.client.close()


class Recorder(ServerTransport):
    """Keeps the answer status and item ids of each outbox push (not of the audit chain's);
    ``corrupt`` names items whose hash it spoils on the way (a bit flipped in transit, say),
    so the server refuses them."""

    def __init__(self, world: World, corrupt: frozenset[str] = frozenset()) -> None:
        super().__init__(world)
        self.corrupt, self.pushes = corrupt, list[tuple[int, list[str]]]()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/sync/push") and self.corrupt:
            body = json.loads(request.read())
            for it in body["items"]:
                if it["id"] in self.corrupt:
                    it["content_hash"] = "0" * 64
            request = httpx.Request(request.method, request.url, headers=request.headers,
                                    content=json.dumps(body).encode())
        response = super().handle_request(request)
        if request.url.path.endswith("/sync/push"):
            items = json.loads(request.read())["items"]
            if any(it["kind"] != "audit_event" for it in items):
                self.pushes.append((response.status_code, [it["id"] for it in items]))
        return response


def _outbox_ids(ctx: Context, object_ids: set[str]) -> set[str]:
    with ctx.uow() as uow:
        return set(uow.session.scalars(select(OutboxItem.id).where(
            OutboxItem.object_id.in_(object_ids))))


def _revision_ids(ctx: Context, note_ids: list[str]) -> set[str]:
    """Read directly: a note of a case unassigned meanwhile is hidden from the note service."""
    with ctx.uow() as uow:
        return set(uow.session.scalars(select(NoteRevision.id).where(
            NoteRevision.note_id.in_(note_ids))))


def test_refused_items_are_listed_and_the_rest_of_the_batch_arrives(
        world: World, laptop: Laptop) -> None:
    bo = laptop("bo")
    sync.sync_now(bo, transport=ServerTransport(world))
    n1, n2 = world.cases["N-1"], world.cases["N-2"]
    good, bad = [], []
    for i in range(3):  # interleaved in the outbox, so a refused item sits amid good ones
        good.append(notes.create_draft(bo, n1, f"Anteckning {i}").id)
        bad.append(notes.create_draft(bo, n2, f"Offline {i}").id)
    world.admin(admin.assign, "N-2", "bo", False)  # unassigned at the office meanwhile
    before = outbox_state(bo)
    spy = Recorder(world)
    result = sync.sync_now(bo, transport=spy)
    refused = _outbox_ids(bo, _revision_ids(bo, bad))
    assert [status for status, _ids in spy.pushes] == [403, 200]
    assert set(spy.pushes[1][1]) == set(spy.pushes[0][1]) - refused  # the rest, at once
    assert (result.rejected, result.pushed) == (3, before[1] - 3)
    failed = sync_failed.list_failed(bo)
    assert {f.outbox_id for f in failed} == refused
    assert all(f.code == "not_assigned" and "tilldelad" in f.reason for f in failed)
    assert outbox_state(bo)[1:] == (0, 3)
    on_server = server_items(world, "revision")
    assert set(on_server) == _revision_ids(bo, good) and set(on_server.values()) == {1}
    # The refused stay listed (never deleted, never sent again) on the next sync.
    assert sync.sync_now(bo, transport=spy).rejected == 0
    assert {f.outbox_id for f in sync_failed.list_failed(bo)} == refused


def test_an_item_spoilt_in_transit_is_listed_with_its_reason(
        world: World, laptop: Laptop) -> None:
    anna = laptop("anna")
    sync.sync_now(anna, transport=ServerTransport(world))
    ids = [notes.create_draft(anna, world.cases["N-1"], f"Text {i}").id for i in range(4)]
    spoilt = _outbox_ids(anna, _revision_ids(anna, ids[1:2]))
    spy = Recorder(world, corrupt=frozenset(spoilt))
    result = sync.sync_now(anna, transport=spy)
    assert [status for status, _ids in spy.pushes] == [422, 200]
    (failed,) = sync_failed.list_failed(anna)
    assert (failed.outbox_id, failed.code) == (next(iter(spoilt)), "hash_mismatch")
    assert "kontrollsumma" in failed.reason
    assert result.rejected == 1 and sync.status(anna).pending == 0
    assert set(server_items(world, "revision")) == _revision_ids(anna, ids[:1] + ids[2:])
    # Once IT has looked into it, the item is put back and goes up as it is on the laptop.
    assert sync_failed.retry_failed(anna) == 1
    sync.sync_now(anna, transport=ServerTransport(world))
    assert_no_loss(world, anna)


def test_an_item_too_large_alone_is_listed_and_the_rest_arrive(
        world: World, laptop: Laptop) -> None:
    anna = laptop("anna")
    sync.sync_now(anna, transport=ServerTransport(world))
    n1 = world.cases["N-1"]
    ids = [notes.create_draft(anna, n1, f"Kort {i}").id for i in range(5)]
    huge = notes.create_draft(anna, n1, "Lång text. " * (MAX_BODY // 8)).id
    spy = Recorder(world)
    result = sync.sync_now(anna, transport=spy)
    assert 413 in {status for status, _ids in spy.pushes}
    (failed,) = sync_failed.list_failed(anna)
    assert {failed.object_id} == _revision_ids(anna, [huge])
    assert "större än servern" in failed.reason
    assert result.rejected == 1 and sync.status(anna).pending == 0
    assert set(server_items(world, "revision")) == _revision_ids(anna, ids)


def test_a_revoked_token_keeps_everything_queued_and_says_so(
        world: World, laptop: Laptop) -> None:
    anna = laptop("anna")
    sync.sync_now(anna, transport=ServerTransport(world))
    for i in range(3):
        notes.create_draft(anna, world.cases["N-1"], f"Väntar {i}")
    pending = sync.status(anna).pending
    [token] = world.admin(admin.list_tokens, "anna")
    world.admin(admin.revoke_token, token.id)
    with pytest.raises(ServerRefused) as refused:
        sync.sync_now(anna, transport=ServerTransport(world))
    assert refused.value.status == 401
    st = sync.status(anna)
    assert (st.pending, st.failed, st.reachable) == (pending, 0, True)
    assert "återkallad" in st.last_error and "Anslut till servern igen" in st.last_error
    assert server_items(world, "revision") == {}
    sync.connect(anna, "http://samskriv.test", "anna", "ett-långt-lösenord-1",
                 transport=ServerTransport(world))
    sync.sync_now(anna, transport=ServerTransport(world))
    assert sync.status(anna).last_error == ""
    assert_no_loss(world, anna)
