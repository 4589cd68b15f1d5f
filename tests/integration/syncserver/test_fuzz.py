"""Property-based fuzzing of push: whatever arrives, the answer is a 200 or a 4xx with a body,
never a 5xx; a 4xx stores nothing at all, and a 200 stores exactly the items it answered
``accepted``. A batch with any mutated (malformed or not allowed) item is a 4xx."""

from __future__ import annotations

import base64
import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.integration.syncserver.helpers import World, item, revision

FUZZ = settings(max_examples=40, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner,
                                                                max_size=4),
    max_leaves=15)


def _mutated_item(data: st.DataObject, world: World,
                  author: str) -> tuple[dict[str, Any], bool]:
    """An item, and whether it is certainly one the server must refuse."""
    case = data.draw(st.sampled_from(["N-1", "N-2", "S-1"]))
    good = item(revision(world.cases[case], author))
    out = good.model_dump()
    field = data.draw(st.sampled_from(["none", "kind", "object_id", "version", "content_hash",
                                  "payload", "case_id", "signature", "extra"]))
    # Only N-1 is anna's; a field replaced by an equal value (or a signature left whole) is
    # no mutation, so only "surely bad" items are claimed to be.
    surely_bad = case != "N-1" or field in ("kind", "object_id", "version", "content_hash",
                                             "payload", "extra")
    if field == "payload":
        raw = data.draw(st.binary(max_size=200))
        out["payload"] = base64.b64encode(raw).decode()
        if data.draw(st.booleans()):
            from hashlib import sha256
            out["content_hash"] = sha256(raw).hexdigest()
    elif field == "extra":
        out["surprise"] = data.draw(json_values)
    elif field == "signature":
        out["signer_id"] = data.draw(st.none() | st.just(author))
        out["signature"] = data.draw(st.none() | st.just("AAAA") | st.text(max_size=5))
    elif field != "none":
        value = data.draw(json_values)
        surely_bad = surely_bad and value != out[field]
        out[field] = value
    return out, surely_bad


@FUZZ
@given(st.data())
def test_push_never_fails_with_5xx_and_a_refusal_stores_nothing(world: World,
                                                                 data: st.DataObject) -> None:
    anna = world._fuzz_device if hasattr(world, "_fuzz_device") else world.login("anna")
    world._fuzz_device = anna  # type: ignore[attr-defined]
    drawn = [_mutated_item(data, world, anna.user_id)
             for _ in range(data.draw(st.integers(0, 4)))]
    body: Any = {"wire_version": 1, "device_id": anna.device_id,
                 "items": [i for i, _bad in drawn]}
    if data.draw(st.booleans()):
        body = data.draw(st.one_of(json_values, st.just(body)))
    before = world.stored()
    resp = world.client.post("/api/v1/sync/push", content=json.dumps(body).encode(),
                             headers={**anna.headers, "content-type": "application/json"})
    assert resp.status_code in (200, 400, 403, 404, 409, 413, 422), resp.text
    answer = resp.json()
    if resp.status_code != 200:
        assert answer["detail"] and answer["code"]
        assert all(r["code"] and r["reason"] for r in answer.get("refused", []))
        assert world.stored() == before  # a refused request stores nothing at all
        return
    assert not any(bad for _i, bad in drawn), "a batch with a bad item was stored"
    accepted = sum(r["status"] == "accepted" for r in answer["results"])
    assert world.stored()["records"] - before["records"] == accepted


@FUZZ
@given(junk=st.binary(max_size=300))
def test_arbitrary_bytes_are_a_clear_4xx(world: World, junk: bytes) -> None:
    anna = world._fuzz_device if hasattr(world, "_fuzz_device") else world.login("anna")
    world._fuzz_device = anna  # type: ignore[attr-defined]
    resp = world.client.post("/api/v1/sync/push", content=junk,
                             headers={**anna.headers, "content-type": "application/json"})
    assert resp.status_code in (400, 422), resp.text
    assert resp.json()["detail"]
