"""Two laptop stores and the real server over a loopback socket (uvicorn, as ``samskriv-server
serve`` runs it): the laptops use the network, no in-process transport."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from app import notes, sync
from app.sync_client import ServerUnreachable
from server.app import create_app
from server.settings import ServerSettings
from tests.integration.sync.helpers import assert_no_loss, network_laptop
from tests.integration.syncserver.helpers import World


class Loopback:
    """uvicorn serving the app on 127.0.0.1 in a thread; ``stop()`` closes the socket."""

    def __init__(self, url: str) -> None:
        self.app = create_app(ServerSettings(database_url=url))
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.base = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.server = uvicorn.Server(uvicorn.Config(self.app, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]},
                                       daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            assert time.monotonic() < deadline, "uvicorn did not start"
            time.sleep(0.05)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(30)
        self.sock.close()
        self.app.state.engine.dispose()


@pytest.fixture
def loopback(world: World) -> Iterator[Loopback]:
    server = Loopback(world.url)
    yield server
    if server.thread.is_alive():
        server.stop()



@pytest.mark.slow
def test_two_laptops_over_uvicorn_on_loopback(world: World, loopback: Loopback,
                                               tmp_path: Path) -> None:
    anna, bo = network_laptop(tmp_path, "anna", loopback.base), network_laptop(tmp_path, "bo", loopback.base)
    try:
        n1 = world.cases["N-1"]
        sync.sync_now(anna)
        sync.sync_now(bo)
        a_note = notes.create_draft(anna, n1, "Hembesök: familjen var hemma.")
        notes.sign(anna, a_note.id)
        b_note = notes.create_draft(bo, n1, "Samma besök, mina iakttagelser.")
        assert sync.sync_now(anna).pushed == 2
        sync.sync_now(bo)
        sync.sync_now(anna)
        assert notes.get_note(bo, a_note.id).current.body == "Hembesök: familjen var hemma."
        assert notes.get_note(anna, b_note.id).state == "draft"
        assert_no_loss(world, anna, bo)
        loopback.stop()  # the office server goes away; what is written stays and waits
        notes.create_draft(anna, n1, "Skrivet när servern inte svarade.")
        with pytest.raises(ServerUnreachable):
            sync.sync_now(anna)
        status = sync.status(anna)
        assert status.reachable is False and status.pending_notes == 1
    finally:
        anna.close()
        bo.close()
