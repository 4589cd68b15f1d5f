"""On PostgreSQL, writers that commit out of the order they started never let a cursor skip.

Two real transactions through the service's own transaction path; a gate holds one of them
at a chosen point. A bare autoincrement id would hand the earlier transaction the lower id
and let a reader pass it while it is still uncommitted."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from models.sync_wire import PushRequest
from server import changes
from server import push as push_module
from server.push import push
from tests.integration.syncserver.helpers import Device, World, item, make_world, revision


@pytest.fixture
def pg_world(pg_url: str) -> Iterator[World]:
    w = make_world(pg_url)
    try:
        yield w
    finally:
        w.close()


def _push_in_thread(world: World, device: Device, items: list[Any]) -> threading.Thread:
    request = PushRequest(device_id=device.device_id, items=items)
    service = world.client.app.state.service  # type: ignore[attr-defined]
    errors: list[BaseException] = []

    def run() -> None:
        try:
            service.run(device.token, "test", "sync.push",
                        lambda session, caller: push(session, caller, request, "test"))
        except BaseException as exc:  # pragma: no cover - reported by the assertion below
            errors.append(exc)

    thread = threading.Thread(target=run, name="writer-a")
    thread.start()
    thread.errors = errors  # type: ignore[attr-defined]
    return thread


def _gate_store(monkeypatch: pytest.MonkeyPatch, before: bool) -> tuple[threading.Event,
                                                                        threading.Event]:
    """Hold thread writer-a before (or after) it takes its change seqs; returns (reached, go)."""
    reached, go = threading.Event(), threading.Event()
    real: Callable[..., None] = changes.store

    def gated(session: Any, records: Any) -> None:
        if threading.current_thread().name != "writer-a":
            return real(session, records)
        if before:
            reached.set()
            assert go.wait(30)
        real(session, records)
        if not before:
            reached.set()
            assert go.wait(30)
        return None

    monkeypatch.setattr(push_module, "store", gated)
    return reached, go


@pytest.mark.slow
def test_the_later_writer_commits_first_and_the_cursor_waits_for_nothing_lost(
        pg_world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    world = pg_world
    anna, bo = world.login("anna"), world.login("bo")
    reader = world.login("chef")
    _, cursor = reader.pull_all()
    reached, go = _gate_store(monkeypatch, before=True)
    early = [item(revision(world.cases["N-1"], anna.user_id))]
    thread = _push_in_thread(world, anna, early)
    assert reached.wait(30)  # A's transaction is open and has read; it has not committed
    late = item(revision(world.cases["N-1"], bo.user_id))
    assert bo.statuses([late]) == ["accepted"]  # B started later and commits first
    seen, cursor = reader.pull_all(cursor)
    assert [e["item_id"] for e in seen] == [late.id]
    go.set()
    thread.join(30)
    assert not thread.errors  # type: ignore[attr-defined]
    seen, _ = reader.pull_all(cursor)
    assert [e["item_id"] for e in seen] == [early[0].id]


@pytest.mark.slow
def test_a_reader_never_passes_a_seq_whose_writer_has_not_committed(
        pg_world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    world = pg_world
    anna, bo = world.login("anna"), world.login("bo")
    reader = world.login("chef")
    _, cursor = reader.pull_all()
    reached, go = _gate_store(monkeypatch, before=False)
    first = [item(revision(world.cases["N-1"], anna.user_id))]
    thread_a = _push_in_thread(world, anna, first)
    assert reached.wait(30)  # A holds its seqs and has not committed
    second = item(revision(world.cases["N-1"], bo.user_id))
    done_b = threading.Event()

    def push_b() -> None:
        assert bo.statuses([second]) == ["accepted"]
        done_b.set()

    thread_b = threading.Thread(target=push_b)
    thread_b.start()
    assert not done_b.wait(1.0)  # B waits on the change counter for A's commit
    page = reader.pull(cursor)
    assert page["entries"] == [] and page["next_cursor"] == cursor
    go.set()
    thread_a.join(30)
    thread_b.join(30)
    assert done_b.is_set() and not thread_a.errors  # type: ignore[attr-defined]
    seen, _ = reader.pull_all(cursor)
    assert [e["item_id"] for e in seen] == [first[0].id, second.id]


@pytest.mark.slow
def test_a_retry_racing_its_uncommitted_first_attempt_is_answered_duplicate(
        pg_world: World, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    """The retry passes its checks before the first attempt commits, then clashes on the
    unique keys; the server retries it, finds the rows and answers ``duplicate``. (Two
    devices of one user: pushes over one token already queue on the token's row.)"""
    world = pg_world
    caplog.set_level("INFO", logger="samskriv.server")
    anna, anna_again = world.login("anna"), world.login("anna")
    reader = world.login("chef")
    _, cursor = reader.pull_all()
    items = [item(revision(world.cases["N-1"], anna.user_id)) for _ in range(5)]
    reached, go = _gate_store(monkeypatch, before=False)
    first = _push_in_thread(world, anna, items)
    assert reached.wait(30)
    answers: list[list[str]] = []
    retry = threading.Thread(target=lambda: answers.append(anna_again.statuses(items)))
    retry.start()
    retry.join(1.0)
    assert retry.is_alive()  # blocked behind the first attempt
    go.set()
    first.join(30)
    retry.join(30)
    assert answers == [["duplicate"] * 5] and not first.errors  # type: ignore[attr-defined]
    assert "retried after a concurrent write" in caplog.text
    seen, _ = reader.pull_all(cursor)
    assert sorted(e["item_id"] for e in seen) == sorted(i.id for i in items)
