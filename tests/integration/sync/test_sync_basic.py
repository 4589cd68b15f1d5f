"""Two caseworkers and a supervisor on their own laptops, syncing through the real server."""

from __future__ import annotations

from app import cases, notes, sync
from app.context import Context
from app.dto import PersonInput
from server import admin
from tests.integration.sync.conftest import Laptop, transport
from tests.integration.sync.helpers import (
    assert_no_loss,
    assigned_cases,
    case_numbers,
    outbox_state,
    server_items,
)
from tests.integration.syncserver.helpers import World


def _sync(ctx: Context, world: World) -> sync.SyncResult:
    return sync.sync_now(ctx, transport=transport(world))


def test_office_cases_arrive_and_colleagues_see_each_others_notes(
        world: World, laptop: Laptop) -> None:
    anna, bo = laptop("anna"), laptop("bo")
    _sync(anna, world)
    _sync(bo, world)
    assert case_numbers(anna) == {"N-1"} and case_numbers(bo) == {"N-1", "N-2"}
    assert {c.case_number for c in cases.list_cases(anna)} == {"N-1"}
    n1 = world.cases["N-1"]
    a_note = notes.create_draft(anna, n1, "Hembesök: familjen var hemma.")
    notes.sign(anna, a_note.id)
    b_note = notes.create_draft(bo, n1, "Samma besök, mina iakttagelser.")
    _sync(anna, world)
    _sync(bo, world)
    _sync(anna, world)
    a_view = {n.id: n for n in notes.timeline(anna, n1)}
    b_view = {n.id: n for n in notes.timeline(bo, n1)}
    assert set(a_view) == set(b_view) == {a_note.id, b_note.id}
    assert b_view[a_note.id].state == "signed"
    assert b_view[a_note.id].current.body == "Hembesök: familjen var hemma."
    assert a_view[b_note.id].current.body == "Samma besök, mina iakttagelser."
    assert a_view[a_note.id].author == "Anna Testsson"
    assert_no_loss(world, anna, bo)


def test_laptop_case_goes_up_and_unassignment_hides_it_without_deleting(
        world: World, laptop: Laptop) -> None:
    anna, chef = laptop("anna"), laptop("chef", role="supervisor")
    case = cases.create_case(anna, "L-7", "Ärende från datorn",
                             [PersonInput("child", "Kim Testsson")])
    note = notes.create_draft(anna, case.id, "Utkast som inte är skickat.")
    result = _sync(anna, world)
    assert result.rejected == 0 and outbox_state(anna)[1:] == (0, 0)
    assert server_items(world, "case")[case.id] == 1
    _sync(chef, world)
    assert "L-7" in case_numbers(chef)  # a supervisor gets every case of the unit
    assert {n.id for n in notes.timeline(chef, case.id)} == {note.id}
    notes.save_draft(anna, note.id, "Utkast, ändrat efter senaste synk.")
    world.admin(admin.assign, "L-7", "anna", False)
    _sync(anna, world)
    assert case.id not in assigned_cases(anna)
    assert "L-7" not in {c.case_number for c in cases.list_cases(anna)}
    assert "L-7" in case_numbers(anna)  # the data stays on the laptop
    world.admin(admin.assign, "L-7", "anna", True)
    _sync(anna, world)
    assert case.id in assigned_cases(anna)
    assert notes.get_note(anna, note.id).current.body == "Utkast, ändrat efter senaste synk."


def test_status_counts_and_audit_head(world: World, laptop: Laptop) -> None:
    anna = laptop("anna")
    n1 = world.cases["N-1"]
    _sync(anna, world)
    for i in range(3):
        notes.create_draft(anna, n1, f"Anteckning {i}")
    st = sync.status(anna)
    assert st.connected and st.pending == 3 and st.last_synced_at is not None
    _sync(anna, world)
    assert sync.status(anna).pending == 0
    with world.session() as s:
        from server.db import DeviceAuditHead
        head = s.get(DeviceAuditHead, _device(anna))
    assert head is not None and head.seq > 0


def _device(ctx: Context) -> str:
    from app import audit
    with ctx.uow() as uow:
        return audit.device_id(uow.session)
