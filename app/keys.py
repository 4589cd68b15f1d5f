"""Key hierarchy: a random data key, wrapped per user by a key derived with Argon2id.

The key file lives next to the database and holds, per username, the Argon2id salt and
parameters and the AES-GCM-wrapped data key. Changing a password rewraps the data key only;
the database is never re-encrypted. Unwrapping is also the password check at login.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.hashes import SHA256
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from app.errors import AuthenticationError, StoreError

DATA_KEY_BYTES = 32
_AAD = b"samskriv-data-key-v1"


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost; the defaults follow RFC 9106's second recommendation (64 MiB)."""

    time_cost: int = 3
    memory_cost: int = 65536
    parallelism: int = 2


FAST_TEST_KDF = KdfParams(time_cost=1, memory_cost=8192, parallelism=1)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode())


def derive_kek(password: str, salt: bytes, params: KdfParams) -> bytes:
    return hash_secret_raw(
        password.encode(),
        salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_cost,
        parallelism=params.parallelism,
        hash_len=32,
        type=Type.ID,
    )


def subkey(data_key: bytes, purpose: str) -> bytes:
    """A key for one purpose (e.g. one recording's audio) derived from the data key."""
    return HKDF(algorithm=SHA256(), length=32, salt=None, info=purpose.encode()).derive(data_key)


class KeyFile:
    """The per-installation key file. Writes are atomic (temp file + rename + fsync)."""

    def __init__(self, path: Path, params: KdfParams | None = None) -> None:
        self.path = path
        self.params = params or KdfParams()

    def exists(self) -> bool:
        return self.path.exists()

    def _load(self) -> dict[str, Any]:
        try:
            data: dict[str, Any] = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {"version": 1, "users": {}}
        except (OSError, ValueError) as exc:
            raise StoreError("Nyckelfilen kan inte läsas. Kontakta IT.", detail=str(exc)) from exc
        return data

    def _save(self, data: dict[str, Any]) -> None:
        tmp = self.path.with_suffix(".tmp")
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(data, fh, indent=1, sort_keys=True)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self.path)

    def usernames(self) -> list[str]:
        return sorted(self._load()["users"])

    def wrap(self, username: str, password: str, data_key: bytes) -> None:
        salt = secrets.token_bytes(16)
        nonce = secrets.token_bytes(12)
        kek = derive_kek(password, salt, self.params)
        wrapped = AESGCM(kek).encrypt(nonce, data_key, _AAD + username.encode())
        data = self._load()
        data["users"][username] = {
            "salt": _b64(salt),
            "nonce": _b64(nonce),
            "wrapped": _b64(wrapped),
            "kdf": asdict(self.params),
        }
        self._save(data)

    def unwrap(self, username: str, password: str) -> bytes:
        entry = self._load()["users"].get(username)
        if entry is None:
            raise AuthenticationError()
        kek = derive_kek(password, _unb64(entry["salt"]), KdfParams(**entry["kdf"]))
        try:
            return AESGCM(kek).decrypt(
                _unb64(entry["nonce"]), _unb64(entry["wrapped"]), _AAD + username.encode()
            )
        except InvalidTag:
            raise AuthenticationError() from None

    def remove(self, username: str) -> None:
        data = self._load()
        data["users"].pop(username, None)
        self._save(data)


def new_data_key() -> bytes:
    return secrets.token_bytes(DATA_KEY_BYTES)
