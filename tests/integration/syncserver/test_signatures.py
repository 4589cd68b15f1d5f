"""The server verifies authors' personal signatures: keys are registered only with the
password, every forgery is refused and nothing of it is stored."""

from __future__ import annotations

import base64
from dataclasses import replace
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from models.base import new_id
from models.records import CaseRecord, encode
from tests.integration.syncserver.helpers import (
    PASSWORD,
    T0,
    World,
    audit_chain,
    batch,
    item,
    key_of,
    public_text,
    revision,
)


def _code(resp: Any) -> str:
    """The code of the one refused item of a batch refused whole (nothing of it stored)."""
    assert 400 <= resp.status_code < 500, resp.text
    refused = resp.json()["refused"]
    assert len(refused) == 1 and refused[0]["reason"]
    return str(refused[0]["code"])


def test_forged_signatures_are_refused_and_nothing_is_stored(world: World) -> None:
    anna, bo = world.login("anna"), world.login("bo")
    rec = revision(world.cases["N-1"], anna.user_id)
    random_bytes = item(rec).model_copy(
        update={"signature": base64.b64encode(b"s" * 64).decode()})
    by_bo_as_anna = item(rec, key=key_of(bo.user_id))
    by_bo_as_bo = item(rec, key=key_of(bo.user_id), signer_id=bo.user_id)
    other = revision(world.cases["N-1"], anna.user_id)
    over_other_bytes = item(rec).model_copy(
        update={"signature": base64.b64encode(key_of(anna.user_id).sign(encode(other)))
                .decode()})
    missing = item(rec).model_copy(update={"signature": None, "signer_id": None})
    forged = [random_bytes, by_bo_as_anna, by_bo_as_bo, over_other_bytes, missing]
    assert anna.refused(forged, 422) == list(zip(
        [f.id for f in forged], ["bad_signature", "bad_signature", "wrong_signer",
                                 "bad_signature", "signature_missing"], strict=True))
    assert world.count("records WHERE kind = 'revision'") == 0
    # An edited text under a fresh hash, still carrying the author's signature of the original.
    edited = replace(rec, body="Ändrad text")
    swapped = item(edited).model_copy(update={"signature": item(rec).signature})
    assert _code(anna.push([swapped])) == "bad_signature"
    # Bo pushing Anna's genuinely signed record is still not his to send.
    assert _code(bo.push([item(rec)])) == "not_author"
    assert world.count("records WHERE kind = 'revision'") == 0
    assert anna.statuses([item(rec)]) == ["accepted"]


def test_a_stolen_device_token_cannot_register_a_key(world: World) -> None:
    anna = world.login("anna")
    thief_key = Ed25519PrivateKey.generate()
    rec = revision(world.cases["N-1"], anna.user_id)
    # Items signed with a key the thief made: the server knows only Anna's registered keys.
    assert _code(anna.push([item(rec, key=thief_key)])) == "bad_signature"
    # Claiming the new key as the account's current one refuses the whole push.
    body = {**batch(anna.device_id, [item(rec, key=thief_key)]),
            "sign_pub": public_text(thief_key)}
    resp = world.client.post("/api/v1/sync/push", json=body, headers=anna.headers)
    assert (resp.status_code, resp.json()["code"]) == (409, "key_not_registered")
    assert "Anslut till servern igen" in resp.json()["detail"]
    # The only way to register a key is a login, and that needs the password, token or not.
    resp = world.client.post("/api/v1/auth/device", headers=anna.headers, json={
        "username": "anna", "password": "gissat-lösenord", "device_id": anna.device_id,
        "sign_pub": public_text(thief_key)})
    assert resp.status_code == 401
    # A colleague's own password cannot link Anna's author id to register a key for it.
    resp = world.client.post("/api/v1/auth/device", json={
        "username": "bo", "password": PASSWORD, "device_id": anna.device_id,
        "author_id": anna.user_id, "sign_pub": public_text(thief_key)})
    assert (resp.status_code, resp.json()["code"]) == (409, "author_taken")
    assert world.count(f"signing_keys WHERE public_key = '{public_text(thief_key)}'") == 0
    assert world.count("records WHERE kind = 'revision'") == 0


def test_a_new_key_after_a_password_reset_is_registered_by_connecting_again(
        world: World) -> None:
    local = new_id()
    anna = world.login("anna", author_id=local)
    old = item(revision(world.cases["N-1"], local))
    new_key = Ed25519PrivateKey.generate()
    fresh = item(revision(world.cases["N-1"], local), key=new_key)
    body = {**batch(anna.device_id, [fresh]), "sign_pub": public_text(new_key)}
    resp = world.client.post("/api/v1/sync/push", json=body, headers=anna.headers)
    assert resp.status_code == 409 and world.count("records WHERE kind = 'revision'") == 0
    again = world.login("anna", author_id=local, device_id=anna.device_id,
                        sign_pub=public_text(new_key))
    assert world.count(f"signing_keys WHERE author_id = '{local}'") == 2
    resp = world.client.post("/api/v1/sync/push", json={
        **batch(again.device_id, [old, fresh]), "sign_pub": public_text(new_key)},
        headers=again.headers)
    # The record signed with the old key before the reset still verifies.
    assert [r["status"] for r in resp.json()["results"]] == ["accepted", "accepted"]


def test_a_signature_on_a_kind_that_is_not_signed_is_refused(world: World) -> None:
    anna = world.login("anna")
    case = CaseRecord(id=new_id(), case_number="L-12", title="Ny", status="open",
                      retention_class="standard", created_at=T0, created_by=anna.user_id)
    signed = item(case, signer_id=anna.user_id, key=key_of(anna.user_id))
    assert _code(anna.push([signed])) == "signature_unexpected"
    assert world.count("cases WHERE case_number = 'L-12'") == 0


def test_audit_events_are_signed_except_those_from_before_personal_keys(world: World) -> None:
    device = new_id()
    anna = world.login("anna", device_id=device, legacy_audit_seq=2)
    events = audit_chain(device, anna.user_id, 5)
    unsigned = [item(e).model_copy(update={"signature": None, "signer_id": None})
                for e in events]
    assert anna.refused(unsigned[:3], 422) == [(unsigned[2].id, "signature_missing")]
    assert anna.statuses(unsigned[:2]) == ["accepted", "accepted"]
    forged = item(events[2], key=Ed25519PrivateKey.generate())
    assert _code(anna.push([forged])) == "bad_signature"
    # An event of the laptop's own administrator (never on the server) is kept unchecked.
    admin_id = new_id()
    by_admin = replace(events[2], user_id=admin_id)
    admin_item = item(by_admin, key=Ed25519PrivateKey.generate(), signer_id=admin_id)
    assert anna.statuses([admin_item]) == ["accepted"]
    # ... but it must be signed by the account the event names.
    misnamed = item(events[3], key=Ed25519PrivateKey.generate(), signer_id=new_id())
    assert _code(anna.push([misnamed])) == "wrong_signer"


def test_signers_are_served_per_case_like_everything_else(world: World) -> None:
    anna, bo, sara = world.login("anna"), world.login("bo"), world.login("sara")
    chef, it = world.login("chef"), world.login("it")

    def names(device: object) -> dict[str, tuple[str, int]]:
        resp = world.client.get("/api/v1/sync/signers",
                                headers=device.headers)  # type: ignore[attr-defined]
        assert resp.status_code == 200, resp.text
        return {s["author_id"]: (s["display_name"], len(s["keys"]))
                for s in resp.json()["signers"]}

    assert names(anna) == {anna.user_id: ("Anna Testsson", 1), bo.user_id: ("Bo Testsson", 1)}
    assert sara.user_id not in names(bo) and bo.user_id not in names(sara)
    assert {anna.user_id, bo.user_id, chef.user_id, it.user_id} <= set(names(chef))
    assert sara.user_id not in names(chef)
    assert names(it) == {}
    assert world.client.get("/api/v1/sync/signers").status_code == 401
    [key] = [s for s in world.client.get("/api/v1/sync/signers", headers=bo.headers)
             .json()["signers"] if s["author_id"] == anna.user_id][0]["keys"]
    assert key["public_key"] == public_text(key_of(anna.user_id))
