"""The push handler commits before it answers: when the first byte of the reply leaves, a
separate connection already sees every accepted item."""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import create_engine, func, select

from server.db import StoredRecord
from tests.integration.syncserver.helpers import World, batch, item, revision


def test_accepted_items_are_committed_when_the_reply_starts(world: World) -> None:
    anna = world.login("anna")
    items = [item(revision(world.cases["N-1"], anna.user_id)) for _ in range(3)]
    ids = [i.id for i in items]
    observer = create_engine(world.url)
    seen_at_reply: list[int] = []
    inner = world.client.app

    async def watching(scope: Any, receive: Any, send: Any) -> None:
        async def send_watched(message: MutableMapping[str, Any]) -> None:
            if message["type"] == "http.response.start" and scope["path"].endswith("/push"):
                with observer.connect() as conn:
                    seen_at_reply.append(int(conn.scalar(
                        select(func.count()).select_from(StoredRecord)
                        .where(StoredRecord.id.in_(ids))) or 0))
            await send(message)

        await inner(scope, receive, send_watched)

    try:
        with TestClient(watching) as client:
            resp = client.post("/api/v1/sync/push", json=batch(anna.device_id, items),
                               headers=anna.headers)
        assert resp.status_code == 200
        assert [r["status"] for r in resp.json()["results"]] == ["accepted"] * 3
        assert seen_at_reply == [3]
    finally:
        observer.dispose()
