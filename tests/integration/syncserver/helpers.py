"""A small office for server tests: two units, users of each role, cases, and real records."""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from models.base import new_id
from models.records import AuditEventRecord, Record, RevisionRecord, encode, record_hash
from models.sync_wire import SIGNED_KINDS, PushItem
from server import admin
from server.app import create_app
from server.judge import AUTHOR_FIELD
from server.settings import ServerSettings

PASSWORD = "ett-långt-lösenord-1"
T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
GENESIS = "0" * 64


def revision(case_id: str, author_id: str, body: str = "Samtal med familjen i hemmet.",
             seq: int = 1, note_id: str | None = None, parent_hash: str | None = None,
             kind: str = "signed") -> RevisionRecord:
    return RevisionRecord(
        id=new_id(), note_id=note_id or new_id(), case_id=case_id, visit_id=None, seq=seq,
        kind=kind, parent_hash=parent_hash, section="samtal", body=body, child_voice="",
        event_time=T0, author_id=author_id, created_at=T0 + timedelta(minutes=seq))


def audit_chain(device_id: str, user_id: str, count: int, start: int = 1,
                prev: str = GENESIS) -> list[AuditEventRecord]:
    events = []
    for seq in range(start, start + count):
        ev = AuditEventRecord(id=new_id(), device_id=device_id, seq=seq,
                              ts=T0 + timedelta(seconds=seq), user_id=user_id, username="x",
                              action="note.sign", object_type="note", object_id=new_id(),
                              prev_hash=prev)
        prev = record_hash(ev)
        events.append(ev)
    return events


# Each author's personal signing key, as a laptop holds it (author ids are random, so one
# table serves every test). ``World.login`` registers an author's key with the password.
KEYS: dict[str, Ed25519PrivateKey] = {}


def key_of(author_id: str) -> Ed25519PrivateKey:
    if author_id not in KEYS:
        KEYS[author_id] = Ed25519PrivateKey.generate()
    return KEYS[author_id]


def public_text(key: Ed25519PrivateKey) -> str:
    return base64.b64encode(key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)).decode()


def signer_of(record: Record) -> str | None:
    """Who signs ``record`` on a laptop: the author it names (the user of an audit event)."""
    if record.KIND not in SIGNED_KINDS:
        return None
    attr = "user_id" if isinstance(record, AuditEventRecord) else AUTHOR_FIELD[record.KIND]
    return str(getattr(record, attr))


def item(record: Record, item_id: str | None = None, case_id: str | None = None, *,
         key: Ed25519PrivateKey | None = None, signer_id: str | None = None) -> PushItem:
    """A pushed item, signed as a laptop signs it: by its author's key (or by ``key``)."""
    payload = encode(record)
    signer = signer_id or signer_of(record)
    signature = None
    if signer is not None and (key is not None or signer in KEYS):
        signature = (key or KEYS[signer]).sign(payload)
    return PushItem.of(id=item_id or new_id(), kind=record.KIND, object_id=record.id,
                       version=record.VERSION, payload=payload, case_id=case_id,
                       signer_id=signer if signature is not None else None, signature=signature)


def batch(device_id: str, items: list[PushItem]) -> dict[str, Any]:
    return {"wire_version": 1, "device_id": device_id,
            "items": [i.model_dump() for i in items]}


@dataclass
class Device:
    """A logged-in laptop: its device id, token and server user."""

    client: TestClient
    device_id: str
    token: str
    user_id: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    def push(self, items: list[PushItem]) -> Any:
        return self.client.post("/api/v1/sync/push", json=batch(self.device_id, items),
                                headers=self.headers)

    def refused(self, items: list[PushItem], status: int) -> list[tuple[str, str]]:
        """Push a batch that must be refused whole with ``status``: its (item id, code) pairs."""
        resp = self.push(items)
        assert resp.status_code == status, resp.text
        body = resp.json()
        assert body["detail"] and all(r["reason"] for r in body["refused"])
        return [(r["id"], r["code"]) for r in body["refused"]]

    def statuses(self, items: list[PushItem]) -> list[str]:
        resp = self.push(items)
        assert resp.status_code == 200, resp.text
        return [r["status"] for r in resp.json()["results"]]

    def pull(self, cursor: int = 0, **params: Any) -> Any:
        resp = self.client.get("/api/v1/sync/pull", params={"cursor": cursor, **params},
                               headers=self.headers)
        assert resp.status_code == 200, resp.text
        return resp.json()

    def pull_all(self, cursor: int = 0, **params: Any) -> tuple[list[dict[str, Any]], int]:
        entries: list[dict[str, Any]] = []
        while True:
            page = self.pull(cursor, **params)
            entries += page["entries"]
            cursor = page["next_cursor"]
            if not page["more"]:
                return entries, cursor


@dataclass
class World:
    url: str
    client: TestClient
    settings: ServerSettings
    users: dict[str, str] = field(default_factory=dict)  # username -> id
    cases: dict[str, str] = field(default_factory=dict)  # case number -> id

    def session(self) -> Session:
        return self.client.app.state.service.sessions()  # type: ignore[attr-defined,no-any-return]

    def login(self, username: str, device_id: str | None = None,
              author_id: str | None = None, **extra: Any) -> Device:
        """Log a laptop in with the password; it registers the author's signing key."""
        device_id = device_id or new_id()
        author = author_id or self.users[username]
        resp = self.client.post("/api/v1/auth/device", json={
            "username": username, "password": PASSWORD, "device_id": device_id,
            "author_id": author_id, "sign_pub": public_text(key_of(author)),
            "display_name": username.title() + " Testsson", **extra})
        assert resp.status_code == 200, resp.text
        return Device(self.client, device_id, resp.json()["token"], resp.json()["user_id"])

    def admin(self, fn: Any, *args: Any) -> Any:
        with self.session() as s:
            out = fn(s, *args)
            s.commit()
        return out

    def count(self, table: str) -> int:
        from sqlalchemy import text

        with self.session() as s:
            return int(s.scalar(text(f"SELECT count(*) FROM {table}")) or 0)

    def stored(self) -> dict[str, int]:
        """Row counts of every table a push may write (and the change counter), to show that a
        refused request stored nothing."""
        from sqlalchemy import text

        counts = {t: self.count(t) for t in ("records", "changes", "cases", "assignments",
                                             "device_audit_heads")}
        with self.session() as s:
            counts["last_seq"] = int(s.scalar(text("SELECT last_seq FROM change_counter")) or 0)
        return counts

    def close(self) -> None:
        self.client.close()
        self.client.app.state.engine.dispose()  # type: ignore[attr-defined]


def make_world(url: str, **settings: Any) -> World:
    cfg = ServerSettings(database_url=url, **settings)
    w = World(url, TestClient(create_app(cfg)), cfg)
    w.admin(admin.create_unit, "Norr")
    w.admin(admin.create_unit, "Söder")
    for name, unit, role in [("anna", "Norr", "caseworker"), ("bo", "Norr", "caseworker"),
                             ("chef", "Norr", "supervisor"), ("it", "Norr", "admin"),
                             ("sara", "Söder", "caseworker")]:
        w.users[name] = w.admin(admin.create_user, name, unit, role, PASSWORD)
    for number, unit in [("N-1", "Norr"), ("N-2", "Norr"), ("S-1", "Söder")]:
        w.cases[number] = w.admin(admin.create_case, number, unit, "Utredning")
    w.admin(admin.assign, "N-1", "anna")
    w.admin(admin.assign, "N-1", "bo")
    w.admin(admin.assign, "N-2", "bo")
    w.admin(admin.assign, "S-1", "sara")
    return w


def raw_json(data: Any) -> bytes:
    return json.dumps(data).encode()


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
