"""Benchmark the sync protocol: the real server (a separate process, uvicorn on loopback) over a
real PostgreSQL (started here with pgserver).

Usage: python3 bench/sync.py [--notes N] [--clients N] [--each N] [--batch N].
Pushes N real RevisionRecords (``models.records``), each signed with its author's registered
Ed25519 key as a laptop signs it, from one device, pulls them back on a second
device (a colleague on the same case), then lets N clients push M revisions each at once.
Prints JSON on the last line: push_10k_s, pull_10k_s, concurrent_20x500_s, errors, lost,
duplicated. (Protocol level: laptop stores join when the client lands.)
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import warnings
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import httpx  # noqa: E402
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey  # noqa: E402
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat  # noqa: E402

from models.base import new_id  # noqa: E402
from models.records import RevisionRecord, encode  # noqa: E402
from models.sync_wire import PushItem  # noqa: E402
from server import admin  # noqa: E402
from server.database import make_engine, migrate, session_factory  # noqa: E402
from server.settings import normalize_url  # noqa: E402

PASSWORD = "bänk-lösenord-1234"
T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def _revisions(case_id: str, author: str, count: int,
               key: Ed25519PrivateKey) -> list[PushItem]:
    """``count`` signed revisions by ``author`` (the server refuses unsigned ones)."""
    out = []
    for i in range(count):
        rec = RevisionRecord(
            id=new_id(), note_id=new_id(), case_id=case_id, visit_id=None, seq=1, kind="signed",
            parent_hash=None, section="samtal",
            body=f"Hembesök {i}: samtal med familjen om skolgången och fritiden. " * 4,
            child_voice="Barnet berättade om sina kompisar.", event_time=T0,
            author_id=author, created_at=T0 + timedelta(seconds=i))
        payload = encode(rec)
        out.append(PushItem.of(id=new_id(), kind=rec.KIND, object_id=rec.id,
                               version=rec.VERSION, payload=payload, signer_id=author,
                               signature=key.sign(payload)))
    return out


class Client:
    def __init__(self, base: str, username: str) -> None:
        self.http = httpx.Client(base_url=base, timeout=120)
        self.device_id = new_id()
        # A laptop's account and its personal key, registered by the password login.
        self.author_id, self.key = new_id(), Ed25519PrivateKey.generate()
        public = self.key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        resp = self.http.post("/api/v1/auth/device", json={
            "username": username, "password": PASSWORD, "device_id": self.device_id,
            "author_id": self.author_id, "sign_pub": base64.b64encode(public).decode()})
        resp.raise_for_status()
        self.user_id = resp.json()["user_id"]
        self.http.headers["Authorization"] = f"Bearer {resp.json()['token']}"
        self.errors = 0

    def push(self, items: list[PushItem], batch: int) -> None:
        for start in range(0, len(items), batch):
            part = items[start:start + batch]
            resp = self.http.post("/api/v1/sync/push", json={
                "wire_version": 1, "device_id": self.device_id,
                "items": [i.model_dump() for i in part]})
            if resp.status_code != 200:
                self.errors += len(part)
                continue
            self.errors += sum(r["status"] != "accepted" for r in resp.json()["results"])

    def pull_all(self, cursor: int = 0) -> tuple[list[str], int]:
        ids: list[str] = []
        while True:
            resp = self.http.get("/api/v1/sync/pull", params={"cursor": cursor})
            if resp.status_code != 200:
                self.errors += 1
                return ids, cursor
            page = resp.json()
            ids += [e["item_id"] for e in page["entries"] if e["kind"] == "revision"]
            cursor = page["next_cursor"]
            if not page["more"]:
                return ids, cursor


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _seed(url: str, clients: int) -> None:
    engine = make_engine(url)
    migrate(engine)
    with session_factory(engine)() as s:
        admin.create_unit(s, "Bänk")
        for name, role in [("skrivare", "caseworker"), ("kollega", "caseworker"),
                           *[(f"c{i}", "caseworker") for i in range(clients)]]:
            admin.create_user(s, name, "Bänk", role, PASSWORD)
        admin.create_user(s, "chef", "Bänk", "supervisor", PASSWORD)
        admin.create_case(s, "B-0", "Bänk", "Bänk", "bench-case-0")
        admin.assign(s, "B-0", "skrivare")
        admin.assign(s, "B-0", "kollega")
        for i in range(clients):
            admin.create_case(s, f"B-{i + 1}", "Bänk", "Bänk", f"bench-case-{i + 1}")
            admin.assign(s, f"B-{i + 1}", f"c{i}")
        s.commit()
    engine.dispose()


def _start_server(url: str) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    env = {**os.environ, "SAMSKRIV_DATABASE_URL": url,
           "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    proc = subprocess.Popen([sys.executable, "-m", "server", "serve", "--port", str(port)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/readyz", timeout=2).status_code == 200:
                return proc, base
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    proc.kill()
    raise SystemExit("the server did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--notes", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--each", type=int, default=500)
    parser.add_argument("--batch", type=int, default=500)
    args = parser.parse_args()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import pgserver

        pg = pgserver.postgres_server.get_server(
            Path(tempfile.mkdtemp(prefix="samskriv-bench-pg-")), cleanup_mode="delete")
    url = normalize_url(pg.get_uri())
    _seed(url, args.clients)
    proc, base = _start_server(url)
    figures: dict[str, Any] = {}
    try:
        writer, colleague = Client(base, "skrivare"), Client(base, "kollega")
        items = _revisions("bench-case-0", writer.author_id, args.notes, writer.key)
        began = time.perf_counter()
        writer.push(items, args.batch)
        figures["push_10k_s"] = round(time.perf_counter() - began, 2)
        began = time.perf_counter()
        pulled, _ = colleague.pull_all()
        figures["pull_10k_s"] = round(time.perf_counter() - began, 2)
        expected = Counter(i.id for i in items)
        got = Counter(pulled)

        supervisor = Client(base, "chef")
        _, cursor = supervisor.pull_all()
        workers = [Client(base, f"c{i}") for i in range(args.clients)]
        batches = [_revisions(f"bench-case-{i + 1}", w.author_id, args.each, w.key)
                   for i, w in enumerate(workers)]
        threads = [threading.Thread(target=w.push, args=(b, max(1, args.each // 5)))
                   for w, b in zip(workers, batches, strict=True)]
        began = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        figures["concurrent_20x500_s"] = round(time.perf_counter() - began, 2)
        after, _ = supervisor.pull_all(cursor)
        expected.update(i.id for b in batches for i in b)
        got.update(after)
        errors = writer.errors + colleague.errors + supervisor.errors + \
            sum(w.errors for w in workers)
        figures.update(errors=errors, lost=sum(1 for k in expected if k not in got),
                       duplicated=sum(n - 1 for n in got.values() if n > 1))
    finally:
        proc.terminate()
        proc.wait(30)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            pg.cleanup()
    print(f"notes={args.notes} clients={args.clients}x{args.each} batch={args.batch}",
          file=sys.stderr)
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
