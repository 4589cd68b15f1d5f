"""Applying pulled pages in chunks with bulk-loaded keys: few statements per entry, and an
entry that must wait amid a page is held on its own while the rest is stored."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event, select

from app import notes, sync
from app.context import Context
from app.sync_apply import Applied
from models.journal import JournalNote, NoteRevision
from models.sync import SyncHeld
from models.sync_wire import PullEntry
from tests.integration.sync.conftest import Laptop, ServerTransport
from tests.integration.syncserver.helpers import World


@contextmanager
def _statements(ctx: Context) -> Iterator[list[str]]:
    seen: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        seen.append(statement)

    event.listen(ctx.store.engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(ctx.store.engine, "before_cursor_execute", count)


def _revision_entries(world: World) -> list[PullEntry]:
    """Every revision on the server, as a pull page brings them (in commit order)."""
    chef = world.login("chef")
    return [PullEntry.model_validate(e) for e in chef.pull_all()[0] if e["kind"] == "revision"]


def _states(ctx: Context) -> dict[str, str]:
    with ctx.uow() as uow:
        return dict(uow.session.execute(select(JournalNote.id, JournalNote.state)).tuples().all())


def test_a_page_of_new_notes_takes_few_statements_per_entry(
        world: World, laptop: Laptop) -> None:
    anna, bo = laptop("anna"), laptop("bo")
    for ctx in (anna, bo):
        sync.sync_now(ctx, transport=ServerTransport(world))
    n1 = world.cases["N-1"]
    for i in range(60):
        note = notes.create_draft(anna, n1, f"Anteckning {i}")
        if i % 3 == 0:
            notes.sign(anna, note.id)
    sync.sync_now(anna, transport=ServerTransport(world))
    page = _revision_entries(world)
    assert len(page) == 80
    total = Applied()
    with _statements(bo) as seen:
        sync._store_page(bo, page, total)
    assert (total.applied, total.held, total.conflicts) == (80, 0, 0)
    # A note's insert, its revision's, the note's head update (and a signed note's state):
    # without bulk loading and chunked savepoints it took 7 or more per entry.
    writes = sum(s.lstrip().upper().startswith(("INSERT", "UPDATE")) for s in seen)
    assert len(seen) - writes < 40, f"{len(seen) - writes} reads and savepoints for 80 entries"
    assert set(_states(bo).values()) == {"draft", "signed"}
    assert sum(v == "signed" for v in _states(bo).values()) == 20


def test_an_entry_that_must_wait_amid_a_page_is_held_alone(
        world: World, laptop: Laptop) -> None:
    anna, bo = laptop("anna"), laptop("bo")
    for ctx in (anna, bo):
        sync.sync_now(ctx, transport=ServerTransport(world))
    n1 = world.cases["N-1"]
    ids = []
    for i in range(30):
        ids.append(notes.create_draft(anna, n1, f"Anteckning {i}").id)
        notes.sign(anna, ids[-1])
    sync.sync_now(anna, transport=ServerTransport(world))
    page = _revision_entries(world)
    # The draft of note 15 is missing from the page: its signature must wait for it.
    with anna.uow() as uow:
        first = uow.session.scalar(select(NoteRevision.id).where(
            NoteRevision.note_id == ids[15], NoteRevision.kind == "draft"))
    missing = next(e for e in page if e.object_id == first)
    total = Applied()
    sync._store_page(bo, [e for e in page if e is not missing], total)
    assert (total.applied, total.held) == (58, 1)
    with bo.uow() as uow:
        assert uow.session.scalars(select(SyncHeld.reason)).all() == ["parent"]
    states = _states(bo)
    assert ids[15] not in states and len(states) == 29 and set(states.values()) == {"signed"}
    sync._store_page(bo, [missing], total)  # it arrives: the held signature follows it
    assert _states(bo)[ids[15]] == "signed"
    with bo.uow() as uow:
        assert uow.session.scalars(select(SyncHeld.item_id)).all() == []
