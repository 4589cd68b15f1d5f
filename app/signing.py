"""Signing inside a unit of work: the logged-in user's key signs every record they write.

The context's unit of work puts the user's ``Signer`` into ``session.info``; the code that
writes a revision, review, entry, consent, audit event or user row calls ``sign`` with the row's
record. The unwrapped key stays in memory for the session, so a signature costs one Ed25519
operation (~50 µs), never an Argon2 derivation.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from sqlalchemy.orm import Session

from models.records import Record, encode

_SIGNER = "signer"
CHAIN_KEY = "chain_key"


@dataclass(frozen=True)
class Signer:
    """A user id and that user's private signing key."""

    user_id: str
    key: Ed25519PrivateKey

    def sign_bytes(self, data: bytes) -> str:
        return base64.b64encode(self.key.sign(data)).decode()


def attach(session: Session, signer: Signer | None) -> None:
    if signer is not None:
        session.info[_SIGNER] = signer


def signer_of(session: Session) -> Signer:
    signer = session.info.get(_SIGNER)
    if not isinstance(signer, Signer):
        raise RuntimeError("this unit of work has no signing key (use ctx.uow or pass signer=)")
    return signer


def sign(session: Session, record: Record) -> tuple[str, str]:
    """(signature, signer id) of ``record`` by the session's user."""
    signer = signer_of(session)
    return signer.sign_bytes(encode(record)), signer.user_id


def public_key(sign_pub: str) -> Ed25519PublicKey:
    return Ed25519PublicKey.from_public_bytes(base64.b64decode(sign_pub, validate=True))


def valid(key: Ed25519PublicKey, signature: str, data: bytes) -> bool:
    try:
        key.verify(base64.b64decode(signature, validate=True), data)
    except (InvalidSignature, ValueError):
        return False
    return True


def chain_hash(chain_key: bytes, record: Record) -> str:
    """An audit event's link: HMAC-SHA256 of its record under the store's chain key."""
    return hmac_hex(chain_key, encode(record))


def hmac_hex(key: bytes, data: bytes) -> str:
    return hmac.new(key, data, hashlib.sha256).hexdigest()


def sha256_hex(data: bytes) -> str:
    """The plain content hash of record bytes (``records.record_hash`` of encoded bytes)."""
    return hashlib.sha256(data).hexdigest()


def chain_key_of(session: Session) -> bytes:
    key = session.info.get(CHAIN_KEY)
    if not isinstance(key, bytes):
        raise RuntimeError("the store has no chain key")
    return key
