"""Client–server sync tests: the real server (in-process ASGI over SQLite unless a test says
otherwise) and several real encrypted laptop stores, each with its own accounts."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from app import accounts, sync
from app.context import Context
from app.keys import FAST_TEST_KDF
from app.paths import DataPaths
from server import security
from server.security import FAST_TEST_HASHER
from server.settings import sqlite_url
from tests.integration.sync.helpers import LOCAL_PASSWORD
from tests.integration.syncserver.helpers import PASSWORD, World, make_world
from tests.support.store import FixedClock

URL = "http://samskriv.test"

Laptop = Callable[..., Context]


@pytest.fixture(autouse=True)
def _fast_password_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(security, "_hasher", FAST_TEST_HASHER)


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    """The office: units Norr/Söder; anna, bo (caseworkers), chef (supervisor) in Norr; case
    N-1 assigned to anna and bo, N-2 to bo."""
    (tmp_path / "server").mkdir()
    w = make_world(sqlite_url(tmp_path / "server"))
    yield w
    w.client.close()


class ServerTransport(httpx.BaseTransport):
    """Hands each request to the in-process server (its ASGI app via Starlette's test client)
    and its answer back. ``after`` sees each answered request and may raise: the server has
    then committed, but the laptop never gets the reply (a connection cut at the worst time)."""

    def __init__(self, world: World,
                 after: Callable[[httpx.Request, httpx.Response], None] | None = None) -> None:
        self.world, self.after = world, after

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        headers = {k: v for k, v in request.headers.items()
                   if k.lower() not in ("host", "content-length")}
        answer = self.world.client.request(
            request.method, request.url.raw_path.decode(), content=request.read(),
            headers=headers)
        response = httpx.Response(answer.status_code, headers=answer.headers,
                                  content=answer.content)
        if self.after is not None:
            self.after(request, response)
        return response


def transport(world: World) -> httpx.BaseTransport:
    return ServerTransport(world)


@pytest.fixture
def laptop(tmp_path: Path, world: World) -> Iterator[Laptop]:
    """``laptop("anna", role="caseworker")``: a fresh store whose local account ``anna`` is
    logged in and connected to the server account of the same name."""
    opened: list[Context] = []

    def _make(server_user: str, role: str = "caseworker", *, connect: bool = True,
              name: str | None = None) -> Context:
        paths = DataPaths(tmp_path / f"laptop-{name or server_user}")
        first = accounts.initialise(paths, "admin", "Admin", LOCAL_PASSWORD, kdf=FAST_TEST_KDF)
        accounts.add_user(first, server_user, server_user.title() + " Testsson", role,
                          LOCAL_PASSWORD)
        first.close()
        ctx = accounts.login(paths, server_user, LOCAL_PASSWORD, kdf=FAST_TEST_KDF)
        ctx.clock = FixedClock()
        opened.append(ctx)
        if connect:
            sync.connect(ctx, URL, server_user, PASSWORD, transport=transport(world))
        return ctx

    yield _make
    for ctx in opened:
        ctx.close()
