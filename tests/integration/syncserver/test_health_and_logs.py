"""Readiness follows the database; the server's logs carry ids and counts, never content."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from server.app import create_app
from server.settings import ServerSettings
from tests.integration.syncserver.helpers import PASSWORD, World, item, revision


def test_readyz_is_503_when_the_database_cannot_be_reached(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder" / "db.sqlite3"
    app = create_app(ServerSettings(database_url=f"sqlite:///{missing}"), run_migrations=False)
    with TestClient(app) as client:
        assert client.get("/healthz").status_code == 200
        resp = client.get("/readyz")
        assert (resp.status_code, resp.json()["code"]) == (503, "database")
    app.state.engine.dispose()


def test_no_note_text_name_or_password_reaches_a_log(world: World,
                                                     caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    anna = world.login("anna")
    secret = "Testbarn Testsson berättade om 121212-1212"
    anna.statuses([item(revision(world.cases["N-1"], anna.user_id, body=secret))])
    world.client.post("/api/v1/auth/device", json={"username": "anna", "password": "fel",
                                                    "device_id": "x"})
    anna.pull()
    text = "\n".join(r.getMessage() for r in caplog.records)
    assert "push: 1 items" in text
    for leak in ("Testbarn", "121212", PASSWORD, "anna"):
        assert leak not in text
