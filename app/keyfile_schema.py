"""Validation of ``keys.json`` on every load: each kind of damage gets its own Swedish message.

Nothing is derived or written before the whole file has passed, so a damaged file changes
nothing on disk. The KDF parameters are capped here (``KDF_MAX``): an absurd memory cost in a
hostile file must be refused, never obeyed.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from typing import Any

from app.errors import StoreError

KNOWN_VERSIONS = (1, 2)


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost; the defaults follow RFC 9106's second recommendation (64 MiB)."""

    time_cost: int = 3
    memory_cost: int = 65536
    parallelism: int = 2


# What a key file may ask for: enough for any sane policy, small enough that a hostile file
# cannot make a login allocate gigabytes or spin for minutes.
KDF_MIN = KdfParams(time_cost=1, memory_cost=8192, parallelism=1)
KDF_MAX = KdfParams(time_cost=20, memory_cost=1 << 20, parallelism=16)  # 1 GiB

_CONTACT = " Kontakta IT."
_SIZES_V1 = {"salt": 16, "nonce": 12, "wrapped": 48}
_SIZES_V2 = {"salt": 16, "nonce": 12, "wrapped": 80, "sign_pub": 32, "box_pub": 32}
_SEALED = {"epk": 32, "nonce": 12, "ct": 48}


class KeyFileInvalid(StoreError):
    """``keys.json`` is damaged; ``detail`` names the field, never a secret."""

    def __init__(self, message: str, detail: str) -> None:
        super().__init__(message + _CONTACT, detail=detail)


def check_kdf(params: KdfParams) -> None:
    """Refuse parameters outside ``KDF_MIN``..``KDF_MAX`` before anything is derived."""
    for name in ("time_cost", "memory_cost", "parallelism"):
        value = getattr(params, name)
        if not getattr(KDF_MIN, name) <= value <= getattr(KDF_MAX, name):
            raise KeyFileInvalid("Nyckelfilen har orimliga inställningar för nyckelhärledning.",
                                 f"kdf {name} out of range")
    if params.memory_cost < 8 * params.parallelism:
        raise KeyFileInvalid("Nyckelfilen har orimliga inställningar för nyckelhärledning.",
                             "kdf memory_cost below 8 * parallelism")


def validate(text: str) -> dict[str, Any]:
    """The parsed key file, or ``KeyFileInvalid`` saying what is wrong."""
    try:
        data = json.loads(text)
    except ValueError:
        raise KeyFileInvalid("Nyckelfilen är skadad (inte giltig JSON).", "not JSON") from None
    if not isinstance(data, dict):
        raise KeyFileInvalid("Nyckelfilen har fel format.", "top level is not an object")
    version = data.get("version")
    if version is None or "users" not in data:
        raise KeyFileInvalid("Nyckelfilen saknar uppgifter.", "missing version or users")
    if type(version) is not int:
        raise KeyFileInvalid("Nyckelfilen har fel format.", "version is not an integer")
    if version not in KNOWN_VERSIONS:
        raise KeyFileInvalid(
            f"Nyckelfilen har en okänd version ({version}). Den kan ha skapats av en nyare "
            "version av Samskriv.", f"unknown version {version}")
    users = data["users"]
    if not isinstance(users, dict):
        raise KeyFileInvalid("Nyckelfilen har fel format.", "users is not an object")
    for username, entry in users.items():
        _entry(username, entry)
    if "root" in data:
        _root(data["root"])
    return data


def _entry(username: str, entry: Any) -> None:
    where = f"entry {len(username)}-char user"
    if not isinstance(entry, dict):
        raise KeyFileInvalid("Nyckelfilen har fel format.", f"{where} is not an object")
    v = entry.get("v", 1)
    if v not in (1, 2) or type(v) is not int:
        raise KeyFileInvalid(f"Nyckelfilen har en okänd version ({v}) för ett konto.",
                             f"{where}: unknown entry version")
    sizes = _SIZES_V1 if v == 1 else _SIZES_V2
    for name in (*sizes, "kdf", *(("sealed",) if v == 2 else ())):
        if name not in entry:
            raise KeyFileInvalid("Nyckelfilen saknar uppgifter.", f"{where}: missing {name}")
    for name, size in sizes.items():
        _bytes(entry[name], size, f"{where}: {name}")
    if v == 2:
        _sealed(entry["sealed"], f"{where}: sealed")
    if "next" in entry:
        _sealed(entry["next"], f"{where}: next")
    _kdf(entry["kdf"], where)


def _sealed(value: Any, where: str) -> None:
    if not isinstance(value, dict):
        raise KeyFileInvalid("Nyckelfilen har fel format.", f"{where} is not an object")
    for name, size in _SEALED.items():
        if name not in value:
            raise KeyFileInvalid("Nyckelfilen saknar uppgifter.", f"{where}: missing {name}")
        _bytes(value[name], size, f"{where}.{name}")


def _kdf(value: Any, where: str) -> None:
    if not isinstance(value, dict):
        raise KeyFileInvalid("Nyckelfilen har fel format.", f"{where}: kdf is not an object")
    names = ("time_cost", "memory_cost", "parallelism")
    if set(value) != set(names):
        raise KeyFileInvalid("Nyckelfilen saknar uppgifter.", f"{where}: kdf fields")
    if any(type(value[n]) is not int for n in names):
        raise KeyFileInvalid("Nyckelfilen har fel format.", f"{where}: kdf is not integers")
    check_kdf(KdfParams(**value))


def _root(value: Any) -> None:
    if not isinstance(value, dict):
        raise KeyFileInvalid("Nyckelfilen har fel format.", "root is not an object")
    for name in ("user_id", "username", "sign_pub"):
        if name not in value:
            raise KeyFileInvalid("Nyckelfilen saknar uppgifter.", f"root: missing {name}")
        if not isinstance(value[name], str):
            raise KeyFileInvalid("Nyckelfilen har fel format.", f"root: {name} is not text")
    _bytes(value["sign_pub"], 32, "root: sign_pub")


def _bytes(value: Any, size: int, where: str) -> None:
    if not isinstance(value, str):
        raise KeyFileInvalid("Nyckelfilen har fel format.", f"{where} is not text")
    try:
        raw = base64.b64decode(value.encode("ascii"), validate=True)
    except (binascii.Error, ValueError, UnicodeEncodeError):
        raise KeyFileInvalid("Nyckelfilen innehåller en skadad nyckel (ogiltig base64).",
                             f"{where} is not base64") from None
    if len(raw) != size:
        raise KeyFileInvalid("Nyckelfilen innehåller en skadad nyckel (fel längd).",
                             f"{where} has {len(raw)} bytes, expected {size}")
