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
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from sqlalchemy.orm import Session

from models.records import Record, encode

_SIGNER = "signer"
CHAIN_KEY = "chain_key"


class Run:
    """The last audit event one login session appended itself, kept in memory only (never
    read back from the store): the next event of the session names it as its own
    (``audit.PREV_MINE``), so ``audit verify`` checks one signature per run of a session's
    events instead of one per event."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        # (the key that signed it, its user, seq, hash, signature)
        self._last: tuple[Ed25519PrivateKey, str, int, str, str] | None = None

    def follows(self, key: Ed25519PrivateKey, user_id: str, seq: int, hash_: str) -> str | None:
        """The signature of the event ``seq`` if this session appended it, with this key and
        as this user, and it has this hash; else None."""
        with self._lock:
            last = self._last
        if last is None or last[0] is not key or last[1:4] != (user_id, seq, hash_):
            return None
        return last[4]

    def remember(self, key: Ed25519PrivateKey, user_id: str, seq: int, hash_: str,
                 signature: str) -> None:
        with self._lock:
            self._last = (key, user_id, seq, hash_, signature)

    def forget(self) -> None:
        with self._lock:
            self._last = None


@dataclass(frozen=True)
class Signer:
    """A user id and that user's private signing key; ``run``: the login session's memory of
    its last audit event (None where no session goes on: an account's creation, a login)."""

    user_id: str
    key: Ed25519PrivateKey
    run: Run | None = field(default=None, compare=False, repr=False)

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


def hmac_hasher(key: bytes) -> Callable[[bytes], str]:
    """``hmac_hex`` under one key, its padded key states hashed once (RFC 2104): verify
    computes one per event, and this is about twice as fast as ``hmac_hex``."""
    if len(key) > 64:
        key = hashlib.sha256(key).digest()
    key = key.ljust(64, b"\0")
    inner = hashlib.sha256(bytes(b ^ 0x36 for b in key))
    outer = hashlib.sha256(bytes(b ^ 0x5C for b in key))

    def hex_of(data: bytes) -> str:
        i = inner.copy()
        i.update(data)
        o = outer.copy()
        o.update(i.digest())
        return o.hexdigest()

    return hex_of


def sha256_hex(data: bytes) -> str:
    """The plain content hash of record bytes (``records.record_hash`` of encoded bytes)."""
    return hashlib.sha256(data).hexdigest()


def chain_key_of(session: Session) -> bytes:
    key = session.info.get(CHAIN_KEY)
    if not isinstance(key, bytes):
        raise RuntimeError("the store has no chain key")
    return key
