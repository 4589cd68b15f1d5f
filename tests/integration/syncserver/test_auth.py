"""Device tokens: issued for a password, stored hashed, expiring, revocable; logins throttled."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select, update

from models.base import new_id, utcnow
from server import admin
from server.db import DeviceTokenRow
from tests.integration.syncserver.helpers import PASSWORD, World, item, revision


def _login(world: World, username: str, password: str) -> tuple[int, str]:
    resp = world.client.post("/api/v1/auth/device", json={
        "username": username, "password": password, "device_id": new_id()})
    return resp.status_code, resp.json().get("code", "")


def test_a_token_is_stored_only_as_its_hash(world: World) -> None:
    anna = world.login("anna")
    with world.session() as s:
        stored = s.scalars(select(DeviceTokenRow.token_hash)).all()
    assert anna.token not in stored and len(stored) == 1
    assert anna.pull()["entries"] is not None


def test_wrong_password_and_unknown_user_are_401_then_throttled(world: World) -> None:
    assert _login(world, "anna", "fel-lösenord") == (401, "bad_login")
    assert _login(world, "ingen", PASSWORD) == (401, "bad_login")
    for _ in range(4):
        _login(world, "anna", "fel-lösenord")
    # Five failures for the name: even the right password waits now.
    assert _login(world, "anna", PASSWORD) == (429, "throttled")
    assert _login(world, "bo", PASSWORD)[0] == 200


def test_missing_expired_revoked_and_deactivated_tokens_are_401(world: World) -> None:
    anna, bo, sara = world.login("anna"), world.login("bo"), world.login("sara")
    note = item(revision(world.cases["N-1"], anna.user_id))
    assert world.client.post("/api/v1/sync/push", json={}).status_code == 401
    bad = {"Authorization": "Bearer " + "x" * 43}
    assert world.client.get("/api/v1/sync/pull", headers=bad).status_code == 401
    with world.session() as s:
        s.execute(update(DeviceTokenRow).where(DeviceTokenRow.user_id == anna.user_id)
                  .values(expires_at=utcnow() - timedelta(seconds=1)))
        s.commit()
    resp = anna.push([note])
    assert (resp.status_code, resp.json()["code"]) == (401, "unauthorized")
    [token] = world.admin(admin.list_tokens, "bo")
    world.admin(admin.revoke_token, token.id)
    assert world.client.get("/api/v1/sync/pull", headers=bo.headers).status_code == 401
    world.admin(admin.deactivate_user, "sara")
    assert world.client.get("/api/v1/sync/pull", headers=sara.headers).status_code == 401
    assert _login(world, "sara", PASSWORD)[0] == 401
    assert world.count("records WHERE kind = 'revision'") == 0


def test_a_local_account_links_to_one_server_account_only(world: World) -> None:
    local = new_id()
    world.login("anna", author_id=local)
    resp = world.client.post("/api/v1/auth/device", json={
        "username": "bo", "password": PASSWORD, "device_id": new_id(), "author_id": local})
    assert (resp.status_code, resp.json()["code"]) == (409, "author_taken")
