"""The server's own audit chain, and the laptops' audit heads it anchors."""

from __future__ import annotations

from sqlalchemy import delete, select, update

from models.records import record_hash
from server import audit
from server.db import ServerAuditEvent, ServerAuditHead
from tests.integration.syncserver.helpers import World, audit_chain, item, revision


def test_every_access_is_in_a_chain_that_verifies_and_catches_tampering(world: World) -> None:
    anna = world.login("anna")
    anna.statuses([item(revision(world.cases["N-1"], anna.user_id))])
    anna.pull()
    world.client.get("/api/v1/sync/pull", headers={"Authorization": "Bearer nope"})
    world.client.post("/api/v1/sync/push", content=b"{}")  # no token at all
    with world.session() as s:
        actions = s.scalars(select(ServerAuditEvent.action)).all()
        assert {"auth.device", "sync.push", "sync.pull", "auth.token_rejected"} <= set(actions)
        assert actions.count("auth.token_rejected") == 2
        assert audit.verify_chain(s).ok
        s.execute(update(ServerAuditEvent).where(ServerAuditEvent.action == "sync.push")
                  .values(details={"accepted": 9}))
        s.commit()
        report = audit.verify_chain(s)
        assert not report.ok and report.problem == "altered event"


def test_an_event_cut_off_the_end_is_found(world: World) -> None:
    world.login("anna")
    with world.session() as s:
        last = s.scalar(select(ServerAuditHead.seq))
        s.execute(delete(ServerAuditEvent).where(ServerAuditEvent.seq == last))
        s.commit()
        assert audit.verify_chain(s).problem == "events cut off the end"


def test_a_device_audit_head_moves_forward_only_over_stored_linked_events(world: World) -> None:
    anna = world.login("anna")
    events = audit_chain(anna.device_id, anna.user_id, 5)
    assert anna.statuses([item(e) for e in events[:4]]) == ["accepted"] * 4

    def ack(seq: int, digest: str) -> tuple[int, str]:
        resp = world.client.post("/api/v1/sync/audit-head", headers=anna.headers, json={
            "device_id": anna.device_id, "seq": seq, "hash": digest})
        return resp.status_code, resp.json().get("code", "")

    assert ack(5, record_hash(events[4])) == (409, "audit_incomplete")
    # A laptop's chain is keyed: a head's hash is checked against the next event's link.
    assert anna.statuses([item(events[4])]) == ["accepted"]
    assert ack(4, "a" * 64) == (409, "audit_mismatch")
    assert ack(3, record_hash(events[2]))[0] == 200
    assert ack(4, record_hash(events[3]))[0] == 200
    assert ack(4, record_hash(events[3]))[0] == 200  # the same head again is fine
    # The laptop now claims a shorter chain: events were cut off its end.
    assert ack(2, record_hash(events[1])) == (409, "audit_truncated")
    head = world.client.get("/api/v1/sync/audit-head", headers=anna.headers).json()
    assert (head["seq"], head["hash"]) == (4, record_hash(events[3]))
