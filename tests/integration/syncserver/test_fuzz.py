"""Property-based fuzzing of push: whatever arrives, the answer is a 2xx/4xx with a body, never a
5xx, and the server stores exactly the items it answered ``accepted``."""

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


def _mutated_item(data: st.DataObject, world: World, author: str) -> dict[str, Any]:
    case = data.draw(st.sampled_from(["N-1", "N-2", "S-1"]))
    good = item(revision(world.cases[case], author))
    out = good.model_dump()
    field = data.draw(st.sampled_from(["none", "kind", "object_id", "version", "content_hash",
                                  "payload", "case_id", "signature", "extra"]))
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
        out[field] = data.draw(json_values)
    return out


@FUZZ
@given(st.data())
def test_push_never_fails_with_5xx_and_stores_only_what_it_accepted(world: World,
                                                                    data: st.DataObject) -> None:
    anna = world._fuzz_device if hasattr(world, "_fuzz_device") else world.login("anna")
    world._fuzz_device = anna  # type: ignore[attr-defined]
    items = [_mutated_item(data, world, anna.user_id)
             for _ in range(data.draw(st.integers(0, 4)))]
    body: Any = {"wire_version": 1, "device_id": anna.device_id, "items": items}
    if data.draw(st.booleans()):
        body = data.draw(st.one_of(json_values, st.just(body)))
    before = world.count("records")
    resp = world.client.post("/api/v1/sync/push", content=json.dumps(body).encode(),
                             headers={**anna.headers, "content-type": "application/json"})
    assert resp.status_code in (200, 400, 403, 413, 422), resp.text
    assert "detail" in resp.json() or "results" in resp.json()
    accepted = sum(r["status"] == "accepted" for r in resp.json().get("results", []))
    stored = world.count("records") - before
    assert stored == accepted


@FUZZ
@given(junk=st.binary(max_size=300))
def test_arbitrary_bytes_are_a_clear_4xx(world: World, junk: bytes) -> None:
    anna = world._fuzz_device if hasattr(world, "_fuzz_device") else world.login("anna")
    world._fuzz_device = anna  # type: ignore[attr-defined]
    resp = world.client.post("/api/v1/sync/push", content=junk,
                             headers={**anna.headers, "content-type": "application/json"})
    assert resp.status_code in (400, 422), resp.text
    assert resp.json()["detail"]
