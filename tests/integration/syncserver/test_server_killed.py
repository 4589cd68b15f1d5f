"""The server process killed (SIGKILL) in the middle of a laptop's push, over SQLite and
PostgreSQL: the batch being judged is not half-stored, the laptop keeps everything queued, and
after a restart one more sync leaves 0 lost and 0 duplicated items."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from app import notes, sync
from app.sync_client import ServerUnreachable
from tests.integration.sync.helpers import assert_no_loss, network_laptop, outbox_state
from tests.integration.syncserver.helpers import World

ROOT = Path(__file__).resolve().parents[3]
NOTES = 700  # two push batches of revisions, then the audit chain


class ServerProcess:
    """``python -m server serve`` in its own process on a free loopback port."""

    def __init__(self, url: str, port: int) -> None:
        self.base = f"http://127.0.0.1:{port}"
        env = {**os.environ, "PYTHONPATH": str(ROOT), "SAMSKRIV_DATABASE_URL": url}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "server", "serve", "--host", "127.0.0.1",
             "--port", str(port)], cwd=ROOT, env=env,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while True:
            assert self.proc.poll() is None, "the server process exited at start"
            assert time.monotonic() < deadline, "the server did not start"
            try:
                if httpx.get(self.base + "/readyz", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.1)

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(30)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.kill()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def server_port() -> int:
    return _free_port()


@pytest.fixture
def servers(world: World, server_port: int) -> Iterator[list[ServerProcess]]:
    started: list[ServerProcess] = []
    yield started
    for srv in started:
        srv.stop()



class KillDuringSecondPush(httpx.BaseTransport):
    """The laptop's real network transport; when it sends the second push batch, the server
    process is killed while it is reading and judging it (a batch of 500 takes it far longer
    than the 20 ms), so the first batch is committed and answered and the second is not."""

    def __init__(self, server: ServerProcess) -> None:
        self.server, self.inner, self.pushes = server, httpx.HTTPTransport(), 0
        self.killer: threading.Timer | None = None

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/sync/push"):
            self.pushes += 1
            if self.pushes == 2:
                self.killer = threading.Timer(0.02, self.server.kill)
                self.killer.start()
        return self.inner.handle_request(request)


@pytest.mark.slow
def test_server_killed_mid_batch_loses_and_doubles_nothing(
        world: World, servers: list[ServerProcess], server_port: int, tmp_path: Path) -> None:
    servers.append(ServerProcess(world.url, server_port))
    anna = network_laptop(tmp_path, "anna", servers[0].base)
    try:
        sync.sync_now(anna)  # the assigned case arrives
        case_id = world.cases["N-1"]
        for i in range(NOTES):
            notes.create_draft(anna, case_id, f"Anteckning {i} från hembesöket.")
        queued = sync.status(anna).pending
        acked_before = outbox_state(anna)[0]
        before = world.count("records")
        cut = KillDuringSecondPush(servers[0])
        with pytest.raises(ServerUnreachable):
            sync.sync_now(anna, transport=cut)
        assert cut.killer is not None
        cut.killer.join(30)
        assert servers[0].proc.poll() is not None, "the server was not killed during the push"
        acked, pending, failed = outbox_state(anna)
        assert failed == 0 and pending > 0, "the kill came after the push had finished"
        # Whole batches only: what the server holds is what it acknowledged, plus at most the
        # one batch whose answer the kill cut off.
        stored = world.count("records") - before
        assert 0 < stored < queued
        assert acked - acked_before <= stored

        servers.append(ServerProcess(world.url, server_port))  # restarted, same database
        sync.sync_now(anna)
        assert_no_loss(world, anna)
        assert outbox_state(anna) == (acked + pending, 0, 0)
    finally:
        anna.close()
