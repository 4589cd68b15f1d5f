"""Push: accepted / duplicate per item; a batch with any refused item is refused whole with a
4xx that lists every refused item, and nothing of it is stored."""

from __future__ import annotations

import base64
from dataclasses import replace

from models.base import new_id
from models.records import CaseRecord, PersonRecord, encode
from models.sync_wire import PushItem
from server import admin
from tests.integration.syncserver.helpers import T0, World, audit_chain, batch, item, revision


def test_accepted_then_duplicate_by_item_id_and_by_content(world: World) -> None:
    anna = world.login("anna")
    rec = revision(world.cases["N-1"], anna.user_id)
    first = item(rec)
    assert anna.statuses([first]) == ["accepted"]
    # The same item again (the reply was lost) and the same content under a new item id.
    assert anna.statuses([first, item(rec)]) == ["duplicate", "duplicate"]
    assert world.count("records WHERE kind = 'revision'") == 1


def test_a_reordered_batch_with_a_new_case_after_its_person(world: World) -> None:
    anna = world.login("anna")
    case = CaseRecord(id=new_id(), case_number="L-9", title="Ny", status="open",
                      retention_class="standard", created_at=T0, created_by=anna.user_id)
    person = PersonRecord(id=new_id(), case_id=case.id, position=0, role="child",
                          name="Testbarn Testsson", personnummer=None, birth_date=None)
    note = revision(case.id, anna.user_id)
    assert anna.statuses([item(person), item(note), item(case)]) == ["accepted"] * 3
    # The laptop's creator is assigned: the new case and its records come back on a pull.
    kinds = {e["kind"] for e in anna.pull_all()[0] if e["case_id"] == case.id}
    assert kinds == {"case", "person", "revision", "assignment"}
    again = [item(note), item(case), item(person)]
    assert anna.statuses(again) == ["duplicate"] * 3


def test_wrong_hash_refuses_the_batch_with_422_and_stores_nothing(world: World) -> None:
    anna = world.login("anna")
    good = item(revision(world.cases["N-1"], anna.user_id))
    bad = item(revision(world.cases["N-1"], anna.user_id)).model_copy(
        update={"content_hash": "0" * 64})
    before = world.stored()
    resp = anna.push([good, bad])
    assert resp.status_code == 422
    body = resp.json()
    assert body["code"] == "hash_mismatch" and "Inget av sändningen sparades" in body["detail"]
    assert [(r["id"], r["code"]) for r in body["refused"]] == [(bad.id, "hash_mismatch")]
    assert "kontrollsumma" in body["refused"][0]["reason"]
    assert world.stored() == before  # not even the good item of the batch
    assert anna.statuses([good]) == ["accepted"]  # which the laptop then sends alone


def test_tampered_payload_under_its_old_hash_is_refused(world: World) -> None:
    anna = world.login("anna")
    rec = revision(world.cases["N-1"], anna.user_id)
    good = item(rec)
    forged = encode(replace(rec, body="Ändrad text"))
    bad = good.model_copy(update={"payload": base64.b64encode(forged).decode()})
    before = world.stored()
    assert anna.refused([bad], 422) == [(bad.id, "hash_mismatch")]
    assert world.stored() == before


def test_unknown_case_is_404_and_an_unassigned_case_403(world: World) -> None:
    anna = world.login("anna")
    unknown = item(revision(new_id(), anna.user_id))
    unassigned = item(revision(world.cases["N-2"], anna.user_id))
    good = item(revision(world.cases["N-1"], anna.user_id))
    before = world.stored()
    assert anna.refused([unknown, good], 404) == [(unknown.id, "unknown_case")]
    assert anna.refused([good, unassigned], 403) == [(unassigned.id, "not_assigned")]
    # Mixed: every refused item is listed, and the batch's status is the most serious one.
    assert anna.refused([unknown, unassigned, good], 403) == [
        (unknown.id, "unknown_case"), (unassigned.id, "not_assigned")]
    assert world.stored() == before
    assert anna.statuses([good]) == ["accepted"]


def test_the_status_of_a_mixed_batch_is_its_most_serious_refusal(world: World) -> None:
    anna = world.login("anna")
    stored = revision(world.cases["N-1"], anna.user_id)
    assert anna.statuses([item(stored)]) == ["accepted"]
    malformed = item(revision(world.cases["N-1"], anna.user_id)).model_copy(
        update={"content_hash": "1" * 64})
    clash = item(replace(stored, body="En annan text"))
    unknown = item(revision(new_id(), anna.user_id))
    foreign = item(revision(world.cases["S-1"], anna.user_id))
    duplicate = item(stored)
    before = world.stored()
    assert [c for _i, c in anna.refused([malformed, duplicate], 422)] == ["hash_mismatch"]
    assert [c for _i, c in anna.refused([malformed, clash], 409)] == [
        "hash_mismatch", "immutable_conflict"]
    assert [c for _i, c in anna.refused([malformed, clash, unknown], 404)] == [
        "hash_mismatch", "immutable_conflict", "unknown_case"]
    resp = anna.push([malformed, clash, unknown, foreign])
    assert (resp.status_code, resp.json()["code"]) == (403, "other_unit")
    assert len(resp.json()["refused"]) == 4
    assert world.stored() == before


def test_another_units_case_refuses_the_whole_batch_with_403(world: World) -> None:
    anna = world.login("anna")
    good = item(revision(world.cases["N-1"], anna.user_id))
    foreign = item(revision(world.cases["S-1"], anna.user_id))
    before = world.stored()
    resp = anna.push([good, foreign])
    assert resp.status_code == 403
    assert resp.json()["code"] == "other_unit"
    assert [(r["id"], r["code"]) for r in resp.json()["refused"]] == [(foreign.id, "other_unit")]
    assert world.stored() == before


def test_a_refused_batch_undoes_a_new_case_it_made_and_is_in_the_servers_audit_log(
        world: World) -> None:
    from sqlalchemy import select

    from server import audit
    from server.db import ServerAuditEvent

    anna = world.login("anna")
    case = CaseRecord(id=new_id(), case_number="L-12", title="Ny", status="open",
                      retention_class="standard", created_at=T0, created_by=anna.user_id)
    bad = item(revision(case.id, anna.user_id)).model_copy(update={"content_hash": "2" * 64})
    before = world.stored()
    assert anna.refused([item(case), item(revision(case.id, anna.user_id)), bad], 422) == [
        (bad.id, "hash_mismatch")]
    assert world.stored() == before  # the case, its assignment and its change rows are gone
    with world.session() as s:
        last = s.scalars(select(ServerAuditEvent).order_by(ServerAuditEvent.seq.desc())).first()
        assert last is not None
        assert (last.action, last.outcome, last.actor_user_id) == ("sync.push", "422",
                                                                   anna.user_id)
        assert last.details == {"code": "hash_mismatch", "items": 3, "refused": 1,
                                "codes": {"hash_mismatch": 1}}
        assert audit.verify_chain(s).ok


def test_a_supervisor_pushes_to_any_case_of_the_unit_and_an_admin_to_none(world: World) -> None:
    chef, it = world.login("chef"), world.login("it")
    assert chef.statuses([item(revision(world.cases["N-2"], chef.user_id))]) == ["accepted"]
    before = world.stored()
    content = item(revision(world.cases["N-1"], it.user_id))
    assert it.refused([content], 403) == [(content.id, "admin_no_content")]
    assert world.stored() == before


def test_only_the_author_pushes_a_record_and_a_linked_local_id_counts(world: World) -> None:
    local_id = new_id()
    anna = world.login("anna", author_id=local_id)
    bo = world.login("bo")
    note = item(revision(world.cases["N-1"], local_id))
    before = world.stored()
    assert bo.refused([note], 403) == [(note.id, "not_author")]
    stranger = item(revision(world.cases["N-1"], new_id()))
    assert anna.refused([stranger], 403) == [(stranger.id, "unknown_author")]
    assert world.stored() == before
    assert anna.statuses([note]) == ["accepted"]


def test_an_immutable_record_cannot_be_replaced_but_a_case_row_gets_versions(world: World) -> None:
    anna = world.login("anna")
    rec = revision(world.cases["N-1"], anna.user_id)
    assert anna.statuses([item(rec)]) == ["accepted"]
    changed = item(replace(rec, body="En annan text"))
    before = world.stored()
    assert anna.refused([changed], 409) == [(changed.id, "immutable_conflict")]
    assert world.stored() == before
    person = PersonRecord(id=new_id(), case_id=world.cases["N-1"], position=0, role="child",
                          name="Testbarn", personnummer=None, birth_date=None)
    moved = replace(person, position=1)
    assert anna.statuses([item(person), item(moved)]) == ["accepted", "accepted"]


def test_the_same_item_id_with_other_content_is_refused(world: World) -> None:
    anna = world.login("anna")
    one = item(revision(world.cases["N-1"], anna.user_id))
    other = item(revision(world.cases["N-1"], anna.user_id), item_id=one.id)
    assert anna.statuses([one]) == ["accepted"]
    before = world.stored()
    assert anna.refused([other], 409) == [(one.id, "id_conflict")]
    assert world.stored() == before


def test_a_record_under_a_wrong_kind_or_in_non_canonical_bytes_is_refused(world: World) -> None:
    anna = world.login("anna")
    rec = revision(world.cases["N-1"], anna.user_id)
    wrong_kind = item(rec).model_copy(update={"kind": "visit"})
    spaced = encode(rec).replace(b'":', b'": ')
    loose = PushItem.of(id=new_id(), kind="revision", object_id=rec.id, version=1,
                        payload=spaced)
    garbage = PushItem.of(id=new_id(), kind="revision", object_id=rec.id, version=1,
                          payload=b'{"record": "nope"}')
    undecodable = item(rec).model_copy(update={"payload": "QUJD"})  # valid base64, not JSON
    before = world.stored()
    codes = [c for _i, c in anna.refused([wrong_kind, loose, garbage, undecodable], 422)]
    assert codes == ["item_mismatch", "not_canonical", "bad_record", "hash_mismatch"]
    assert world.stored() == before


def test_audit_events_only_from_the_device_that_made_them(world: World) -> None:
    anna = world.login("anna")
    own = audit_chain(anna.device_id, anna.user_id, 3)
    other = audit_chain(new_id(), anna.user_id, 1)
    before = world.stored()
    refused = anna.refused([item(e) for e in own + other], 403)
    assert [c for _i, c in refused] == ["foreign_device"]
    assert world.stored() == before
    assert anna.statuses([item(e) for e in own]) == ["accepted"] * 3
    # A different event at a position the server already holds is a rewritten chain.
    fork = audit_chain(anna.device_id, anna.user_id, 1, start=2, prev="1" * 64)
    assert [c for _i, c in anna.refused([item(fork[0])], 409)] == ["audit_fork"]


def test_malformed_json_is_400_and_a_bad_shape_422_without_echoing_input(world: World) -> None:
    anna = world.login("anna")
    resp = world.client.post("/api/v1/sync/push", content=b"{not json",
                             headers={**anna.headers, "content-type": "application/json"})
    assert (resp.status_code, resp.json()["code"]) == (400, "bad_json")
    body = batch(anna.device_id, [item(revision(world.cases["N-1"], anna.user_id))])
    body["items"][0]["content_hash"] = "Hemlig anteckningstext"
    resp = world.client.post("/api/v1/sync/push", json=body, headers=anna.headers)
    assert resp.status_code == 422
    assert "Hemlig" not in resp.text and "items.0.content_hash" in resp.json()["detail"]
    assert world.count("records WHERE kind = 'revision'") == 0


def test_an_oversized_batch_is_413(db_url: str) -> None:
    from tests.integration.syncserver.helpers import make_world

    w = make_world(db_url, max_batch_items=3, max_body_bytes=20_000)
    try:
        anna = w.login("anna")
        items = [item(revision(w.cases["N-1"], anna.user_id)) for _ in range(4)]
        resp = anna.push(items)
        assert (resp.status_code, resp.json()["code"]) == (413, "too_many_items")
        big = [item(revision(w.cases["N-1"], anna.user_id, body="x" * 30_000))]
        resp = anna.push(big)
        assert (resp.status_code, resp.json()["code"]) == (413, "too_large")
        assert w.count("records WHERE kind = 'revision'") == 0
    finally:
        w.close()


def test_a_token_of_another_device_cannot_push_for_this_one(world: World) -> None:
    anna = world.login("anna")
    body = batch(new_id(), [item(revision(world.cases["N-1"], anna.user_id))])
    resp = world.client.post("/api/v1/sync/push", json=body, headers=anna.headers)
    assert (resp.status_code, resp.json()["code"]) == (403, "wrong_device")


def test_a_colleague_may_push_a_later_version_of_a_case_but_not_create_one_as_another(
        world: World) -> None:
    anna, bo = world.login("anna"), world.login("bo")
    case = CaseRecord(id=new_id(), case_number="L-10", title="Ny", status="open",
                      retention_class="standard", created_at=T0, created_by=anna.user_id)
    first = item(case)
    assert bo.refused([first], 403) == [(first.id, "not_author")]
    assert world.count("cases WHERE case_number = 'L-10'") == 0  # refused: nothing made
    assert anna.push([first]).json() == {"wire_version": 1, "results": [
        {"id": first.id, "status": "accepted"}]}
    world.admin(admin.assign, "L-10", "bo")
    closed = replace(case, status="closed", closed_at=T0)
    assert bo.statuses([item(closed)]) == ["accepted"]


def test_signature_fields_travel_through_the_verification_hook(world: World) -> None:
    anna, bo = world.login("anna"), world.login("bo")
    half = item(revision(world.cases["N-1"], anna.user_id)).model_copy(
        update={"signature": None})
    case = CaseRecord(id=new_id(), case_number="L-11", title="Ny", status="open",
                      retention_class="standard", created_at=T0, created_by=anna.user_id)
    half_case = item(case).model_copy(update={"signature": "AAAA"})
    codes = [c for _i, c in anna.refused([half, half_case], 422)]
    assert codes == ["signature_incomplete"] * 2
    assert world.count("cases WHERE case_number = 'L-11'") == 0
    signed = item(revision(world.cases["N-1"], anna.user_id))
    assert signed.signer_id == anna.user_id and signed.signature is not None
    assert anna.statuses([signed]) == ["accepted"]
    [got] = [e for e in bo.pull_all()[0] if e["item_id"] == signed.id]
    assert (got["signer_id"], got["signature"]) == (signed.signer_id, signed.signature)
