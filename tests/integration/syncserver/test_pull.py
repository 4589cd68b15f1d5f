"""Pull: each role sees what it may, in pages, and learns of assignments given and taken."""

from __future__ import annotations

from typing import Any

from server import admin
from tests.integration.syncserver.helpers import World, item, revision


def _revision_cases(entries: list[dict[str, Any]]) -> set[str]:
    return {e["case_id"] for e in entries if e["kind"] == "revision"}


def _seed(world: World) -> None:
    """One note on every case, each by a caseworker assigned to it."""
    bo, sara = world.login("bo"), world.login("sara")
    assert bo.statuses([item(revision(world.cases["N-1"], bo.user_id)),
                        item(revision(world.cases["N-2"], bo.user_id))]) == ["accepted"] * 2
    assert sara.statuses([item(revision(world.cases["S-1"], sara.user_id))]) == ["accepted"]


def test_each_role_sees_only_its_cases(world: World) -> None:
    _seed(world)
    n1, n2 = world.cases["N-1"], world.cases["N-2"]
    assert _revision_cases(world.login("anna").pull_all()[0]) == {n1}
    assert _revision_cases(world.login("bo").pull_all()[0]) == {n1, n2}
    assert _revision_cases(world.login("chef").pull_all()[0]) == {n1, n2}
    assert _revision_cases(world.login("sara").pull_all()[0]) == {world.cases["S-1"]}
    assert world.login("it").pull_all()[0] == []


def test_a_colleagues_note_arrives_with_its_exact_bytes(world: World) -> None:
    anna, bo = world.login("anna"), world.login("bo")
    sent = item(revision(world.cases["N-1"], bo.user_id, body="Båda var med på besöket."))
    assert bo.statuses([sent]) == ["accepted"]
    got = [e for e in anna.pull_all()[0] if e["kind"] == "revision"]
    assert [(e["item_id"], e["payload"], e["content_hash"], e["author_user_id"])
            for e in got] == [(sent.id, sent.payload, sent.content_hash, bo.user_id)]


def test_pages_follow_the_cursor_without_gaps_or_repeats(world: World) -> None:
    bo = world.login("bo")
    items = [item(revision(world.cases["N-1"], bo.user_id, seq=i)) for i in range(25)]
    assert bo.statuses(items) == ["accepted"] * 25
    anna = world.login("anna")
    entries, cursor, pages = [], 0, 0
    while True:
        page = anna.pull(cursor, limit=10)
        entries += page["entries"]
        cursor, pages = page["next_cursor"], pages + 1
        if not page["more"]:
            break
    seqs = [e["seq"] for e in entries]
    assert seqs == sorted(set(seqs)) and pages >= 3
    assert {e["item_id"] for e in entries} >= {i.id for i in items}
    assert anna.pull(cursor)["entries"] == []


def test_unassignment_reaches_the_laptop_and_later_notes_do_not(world: World) -> None:
    anna, bo = world.login("anna"), world.login("bo")
    _, cursor = anna.pull_all()
    world.admin(admin.assign, "N-1", "anna", False)
    assert bo.statuses([item(revision(world.cases["N-1"], bo.user_id))]) == ["accepted"]
    entries, _ = anna.pull_all(cursor)
    assert [(e["kind"], e["case_id"]) for e in entries] == [("assignment", world.cases["N-1"])]
    assert b'"active":false' in __import__("base64").b64decode(entries[0]["payload"])


def test_a_new_assignment_and_the_backfill_of_the_case(world: World) -> None:
    _seed(world)
    anna = world.login("anna")
    _, cursor = anna.pull_all()
    world.admin(admin.assign, "N-2", "anna")
    entries, _ = anna.pull_all(cursor)
    assert [e["kind"] for e in entries] == ["assignment"]
    backfill, _ = anna.pull_all(0, case_id=world.cases["N-2"])
    assert {e["kind"] for e in backfill} == {"case", "revision", "assignment"}
    assert {e["case_id"] for e in backfill} == {world.cases["N-2"]}


def test_a_case_out_of_reach_cannot_be_backfilled(world: World) -> None:
    anna = world.login("anna")
    for case in ("N-2", "S-1"):
        resp = world.client.get("/api/v1/sync/pull", headers=anna.headers,
                                params={"cursor": 0, "case_id": world.cases[case]})
        assert resp.status_code == 403


def test_a_bad_cursor_is_422(world: World) -> None:
    anna = world.login("anna")
    for params in ({"cursor": -1}, {"cursor": "x"}, {"cursor": 0, "limit": 0}):
        resp = world.client.get("/api/v1/sync/pull", headers=anna.headers, params=params)
        assert (resp.status_code, resp.json()["code"]) == (422, "invalid")
