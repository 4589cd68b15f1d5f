"""Key file: per user an Ed25519 signing key and an X25519 box key, wrapped under the password.

Format (``keys.json``, version 2)::

    {"version": 2, "root": {"user_id", "username", "sign_pub"} | absent,
     "users": {USERNAME: ENTRY}}

An entry of version 2 (``"v": 2``) holds the Argon2id salt and parameters, ``wrapped``: the
user's two private keys (signing || box, 64 bytes) sealed with AES-GCM under the password's key
(the username is bound in as associated data), the two public keys, and ``sealed``: the data
key sealed to the user's box public key (ephemeral X25519 + HKDF + AES-GCM). Because the data
key is sealed to a public key, an admin can re-key the store and reseal the new data key for
every remaining user without knowing their passwords (``app.rekey``). ``next`` (only during a
re-key) holds the new data key sealed the same way, until the database has been re-keyed.

An entry without ``"v"`` is the first format (the data key wrapped directly under the password);
such a user is moved to version 2 at their next login (``accounts.login``).

``root`` pins the first admin's signing key: user rows and role changes are trusted only along
signatures that lead back to it (``app.trust``).

Every load validates the whole file, and the KDF parameters are capped before any key is
derived, so a damaged or hostile file gives a Swedish ``StoreError`` and changes nothing.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import secrets
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.hashes import SHA256
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from app.errors import AuthenticationError, StoreError
from app.keyfile_schema import KDF_MAX, KDF_MIN, KdfParams, check_kdf, validate

__all__ = ["KDF_MAX", "KDF_MIN", "FAST_TEST_KDF", "KdfParams", "KeyFile", "Root", "Unlocked",
           "UserKeys", "check_kdf", "new_data_key", "subkey"]

DATA_KEY_BYTES = 32
KEYFILE_VERSION = 2
_AAD = b"samskriv-data-key-v1"
_AAD_KEYS = b"samskriv-user-keys-v2"
_SEAL_INFO = b"samskriv-seal-v2"
FAST_TEST_KDF = KdfParams(time_cost=1, memory_cost=8192, parallelism=1)


@dataclass(frozen=True)
class UserKeys:
    """One user's unwrapped private keys; kept in the logged-in context, never written."""

    sign: Ed25519PrivateKey
    box: X25519PrivateKey

    @classmethod
    def generate(cls) -> UserKeys:
        return cls(Ed25519PrivateKey.generate(), X25519PrivateKey.generate())

    @property
    def sign_pub(self) -> str:
        return _b64(self.sign.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw))

    @property
    def box_pub(self) -> str:
        return _b64(self.box.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw))

    def _private_bytes(self) -> bytes:
        return self.sign.private_bytes_raw() + self.box.private_bytes_raw()


@dataclass(frozen=True)
class Unlocked:
    """What a password opens: the data key(s) and, for a version-2 entry, the user's keys.

    ``next_key`` is set only while a re-key is under way (see ``app.rekey``)."""

    data_key: bytes
    keys: UserKeys | None
    next_key: bytes | None = None


@dataclass(frozen=True)
class Root:
    """The pinned first admin: trust in roles starts from this signing key."""

    user_id: str
    username: str
    sign_pub: str


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode(), validate=True)


def derive_kek(password: str, salt: bytes, params: KdfParams) -> bytes:
    check_kdf(params)
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


def seal(data_key: bytes, box_pub: str, username: str) -> dict[str, str]:
    """The data key sealed to a user's box public key: anyone may seal, only they open."""
    ephemeral = X25519PrivateKey.generate()
    recipient = _unb64(box_pub)
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient))
    epk = ephemeral.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    key = HKDF(algorithm=SHA256(), length=32, salt=epk + recipient, info=_SEAL_INFO).derive(shared)
    nonce = secrets.token_bytes(12)
    ct = AESGCM(key).encrypt(nonce, data_key, _AAD + username.encode())
    return {"epk": _b64(epk), "nonce": _b64(nonce), "ct": _b64(ct)}


def unseal(sealed: dict[str, str], box: X25519PrivateKey, username: str) -> bytes:
    epk = _unb64(sealed["epk"])
    recipient = box.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    shared = box.exchange(X25519PublicKey.from_public_bytes(epk))
    key = HKDF(algorithm=SHA256(), length=32, salt=epk + recipient, info=_SEAL_INFO).derive(shared)
    try:
        return AESGCM(key).decrypt(_unb64(sealed["nonce"]), _unb64(sealed["ct"]),
                                   _AAD + username.encode())
    except InvalidTag:
        raise StoreError("Nyckelfilen är skadad. Kontakta IT.",
                         detail="sealed data key does not open") from None


class KeyFile:
    """The per-installation key file. Writes are atomic (temp file + rename + fsync)."""

    def __init__(self, path: Path, params: KdfParams | None = None) -> None:
        self.path = path
        self.params = params or KdfParams()

    def exists(self) -> bool:
        return self.path.exists()

    def _load(self) -> dict[str, Any]:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return {"version": KEYFILE_VERSION, "users": {}}
        except (OSError, UnicodeDecodeError) as exc:
            raise StoreError("Nyckelfilen kan inte läsas. Kontakta IT.", detail=str(exc)) from exc
        return validate(text)

    def _save(self, data: dict[str, Any]) -> None:
        data["version"] = KEYFILE_VERSION
        tmp = self.path.with_suffix(".tmp")
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(data, fh, indent=1, sort_keys=True)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self.path)

    def check(self) -> None:
        """Validate the whole file (raises ``StoreError``), e.g. before a login is tried."""
        self._load()

    def usernames(self) -> list[str]:
        return sorted(self._load()["users"])

    def is_legacy(self, username: str) -> bool:
        entry = self._load()["users"].get(username)
        return entry is not None and entry.get("v", 1) == 1

    def public_keys(self) -> dict[str, str]:
        """username -> signing public key, for every version-2 entry."""
        return {u: e["sign_pub"] for u, e in self._load()["users"].items() if e.get("v") == 2}

    def root(self) -> Root | None:
        raw = self._load().get("root")
        return Root(raw["user_id"], raw["username"], raw["sign_pub"]) if raw else None

    def set_root(self, root: Root) -> None:
        data = self._load()
        data["root"] = asdict(root)
        self._save(data)

    def wrap(self, username: str, password: str, data_key: bytes,
             keys: UserKeys | None = None) -> UserKeys:
        """Write ``username``'s entry: their keys (new ones unless given) under the password,
        and the data key sealed to them. Returns the keys."""
        keys = keys or UserKeys.generate()
        salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
        kek = derive_kek(password, salt, self.params)
        wrapped = AESGCM(kek).encrypt(nonce, keys._private_bytes(),
                                      _AAD_KEYS + username.encode())
        data = self._load()
        data["users"][username] = {
            "v": 2, "salt": _b64(salt), "nonce": _b64(nonce), "wrapped": _b64(wrapped),
            "kdf": asdict(self.params), "sign_pub": keys.sign_pub, "box_pub": keys.box_pub,
            "sealed": seal(data_key, keys.box_pub, username),
        }
        self._save(data)
        return keys

    def unlock(self, username: str, password: str) -> Unlocked:
        """Open ``username``'s entry with the password (also the password check)."""
        entry = self._load()["users"].get(username)
        if entry is None:
            raise AuthenticationError()
        kek = derive_kek(password, _unb64(entry["salt"]), KdfParams(**entry["kdf"]))
        aad = (_AAD_KEYS if entry.get("v") == 2 else _AAD) + username.encode()
        try:
            plain = AESGCM(kek).decrypt(_unb64(entry["nonce"]), _unb64(entry["wrapped"]), aad)
        except InvalidTag:
            raise AuthenticationError() from None
        if entry.get("v", 1) == 1:
            return Unlocked(plain, None)
        keys = UserKeys(Ed25519PrivateKey.from_private_bytes(plain[:32]),
                        X25519PrivateKey.from_private_bytes(plain[32:]))
        if keys.sign_pub != entry["sign_pub"] or keys.box_pub != entry["box_pub"]:
            raise StoreError("Nyckelfilen är skadad. Kontakta IT.",
                             detail="public keys do not match the wrapped keys")
        nxt = unseal(entry["next"], keys.box, username) if "next" in entry else None
        return Unlocked(unseal(entry["sealed"], keys.box, username), keys, nxt)

    def unwrap(self, username: str, password: str) -> bytes:
        """The data key ``username``'s password opens."""
        return self.unlock(username, password).data_key

    def reseal_all(self, data_key: bytes, *, as_next: bool) -> list[str]:
        """Seal ``data_key`` to every version-2 entry (as ``next`` while a re-key is under
        way, else as the data key, dropping ``next``). Returns the first-format entries,
        which cannot be resealed without their password."""
        data = self._load()
        legacy = []
        for username, entry in data["users"].items():
            if entry.get("v") != 2:
                legacy.append(username)
                continue
            sealed = seal(data_key, entry["box_pub"], username)
            if as_next:
                entry["next"] = sealed
            else:
                entry["sealed"] = sealed
                entry.pop("next", None)
        self._save(data)
        return sorted(legacy)

    def drop_next(self) -> None:
        """Forget a re-key that never reached the database."""
        data = self._load()
        for entry in data["users"].values():
            entry.pop("next", None)
        self._save(data)

    def remove(self, username: str) -> None:
        data = self._load()
        data["users"].pop(username, None)
        self._save(data)


def new_data_key() -> bytes:
    return secrets.token_bytes(DATA_KEY_BYTES)


def b64decode(text: str) -> bytes:
    """Strict base64 (the key file's and the signatures' encoding)."""
    try:
        return _unb64(text)
    except (binascii.Error, ValueError) as exc:
        raise ValueError("not base64") from exc
