"""The "Kunde inte synkroniseras" list: outbox items the server refused, with its Swedish
reason. They are never deleted; IT gets them as an encrypted file (AES-GCM, key from a
passphrase through scrypt)."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from sqlalchemy import delete, select

from app import audit
from app.context import Context
from app.errors import ValidationError
from models.audit import OutboxItem
from models.base import iso
from models.sync import SyncFailed
from models.sync_wire import b64decode, b64encode

MAGIC = b"SAMSKRIV-SYNCFAIL-1\n"
MIN_PASSPHRASE = 12


@dataclass(frozen=True)
class FailedItem:
    outbox_id: str
    kind: str
    object_id: str
    created_at: datetime
    reason: str
    code: str
    failed_at: datetime


def list_failed(ctx: Context) -> list[FailedItem]:
    with ctx.uow() as uow:
        rows = uow.session.execute(
            select(OutboxItem.id, OutboxItem.kind, OutboxItem.object_id, OutboxItem.created_at,
                   SyncFailed.reason, SyncFailed.code, SyncFailed.failed_at)
            .join(SyncFailed, SyncFailed.outbox_id == OutboxItem.id)
            .order_by(SyncFailed.failed_at)).all()
    return [FailedItem(*r) for r in rows]


def retry_failed(ctx: Context) -> int:
    """Put every refused item back in the queue (e.g. after the office fixed an assignment)."""
    with ctx.uow(write=True) as uow:
        n = len(uow.session.scalars(select(SyncFailed.outbox_id)).all())
        uow.session.execute(delete(SyncFailed))
        audit.record(uow.session, ctx.actor, "sync.retry_failed", details={"items": n},
                     now=ctx.now())
        uow.commit()
    return n


def _key(passphrase: str, salt: bytes) -> bytes:
    return Scrypt(salt=salt, length=32, n=2**15, r=8, p=1).derive(passphrase.encode())


def export_failed(ctx: Context, path: Path, passphrase: str) -> int:
    """Write every refused item (its exact bytes, hash and reason) encrypted to ``path``."""
    if len(passphrase) < MIN_PASSPHRASE:
        raise ValidationError(f"Lösenfrasen måste ha minst {MIN_PASSPHRASE} tecken.",
                              field="passphrase")
    with ctx.uow(write=True) as uow:
        s = uow.session
        rows = s.execute(select(OutboxItem, SyncFailed).join(
            SyncFailed, SyncFailed.outbox_id == OutboxItem.id)).all()
        items = [{"id": o.id, "kind": o.kind, "object_id": o.object_id, "version": o.version,
                  "content_hash": o.content_hash, "payload": b64encode(o.payload),
                  "created_at": iso(o.created_at), "code": f.code, "reason": f.reason,
                  "failed_at": iso(f.failed_at)} for o, f in rows]
        device = audit.device_id(s)
        audit.record(s, ctx.actor, "sync.export_failed", details={"items": len(items)},
                     now=ctx.now())
        plain = json.dumps({"device_id": device, "items": items}, ensure_ascii=False).encode()
        salt, nonce = os.urandom(16), os.urandom(12)
        sealed = AESGCM(_key(passphrase, salt)).encrypt(nonce, plain, MAGIC)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_bytes(MAGIC + salt + nonce + sealed)
        tmp.replace(path)
        uow.commit()
    return len(items)


def read_export(path: Path, passphrase: str) -> dict[str, Any]:
    """IT's side: decrypt an export (``ValidationError`` on a wrong passphrase)."""
    data = path.read_bytes()
    if not data.startswith(MAGIC):
        raise ValidationError("Filen är ingen export från Samskriv.")
    rest = data[len(MAGIC):]
    try:
        plain = AESGCM(_key(passphrase, rest[:16])).decrypt(rest[16:28], rest[28:], MAGIC)
    except InvalidTag:
        raise ValidationError("Fel lösenfras, eller filen har ändrats.") from None
    out: dict[str, Any] = json.loads(plain)
    for item in out["items"]:
        b64decode(item["payload"])
    return out
