"""Six kinds of damaged keys.json: each a clear Swedish message at login, nothing changed on
disk, and no key derived from an absurd parameter."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from app import accounts, keys
from app.context import Context
from app.errors import StoreError
from app.keys import FAST_TEST_KDF
from app.paths import DataPaths
from tests.support.store import ADMIN, ADMIN_PASSWORD


def _entry(data: dict[str, Any]) -> dict[str, Any]:
    entry: dict[str, Any] = data["users"][ADMIN]
    return entry


def _bad_json(_data: dict[str, Any]) -> str:
    return '{"version": 2, "users": {'


def _wrong_types(data: dict[str, Any]) -> str:
    _entry(data)["kdf"]["memory_cost"] = "65536"
    return json.dumps(data)


def _missing_field(data: dict[str, Any]) -> str:
    del _entry(data)["salt"]
    return json.dumps(data)


def _bad_base64(data: dict[str, Any]) -> str:
    _entry(data)["nonce"] = "inte base64!"
    return json.dumps(data)


def _unknown_version(data: dict[str, Any]) -> str:
    data["version"] = 99
    return json.dumps(data)


def _absurd_kdf(data: dict[str, Any]) -> str:
    _entry(data)["kdf"]["memory_cost"] = 2**40
    return json.dumps(data)


CASES: list[tuple[Callable[[dict[str, Any]], str], str]] = [
    (_bad_json, "inte giltig JSON"),
    (_wrong_types, "fel format"),
    (_missing_field, "saknar uppgifter"),
    (_bad_base64, "ogiltig base64"),
    (_unknown_version, "okänd version (99)"),
    (_absurd_kdf, "orimliga inställningar för nyckelhärledning"),
]


@pytest.fixture
def closed_store(admin: Context) -> DataPaths:
    admin.close()
    return admin.paths


def _files(paths: DataPaths) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(paths.root.iterdir()) if p.is_file()}


@pytest.mark.parametrize(("damage", "message"), CASES, ids=[c[0].__name__ for c in CASES])
def test_a_damaged_key_file_is_a_swedish_error_and_changes_nothing(
    closed_store: DataPaths, damage: Callable[[dict[str, Any]], str], message: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    paths = closed_store
    paths.keyfile.write_text(damage(json.loads(paths.keyfile.read_text())), encoding="utf-8")
    before = _files(paths)

    def no_derivation(*_a: object, **_k: object) -> bytes:
        raise AssertionError("a key was derived from a damaged key file")

    monkeypatch.setattr(keys, "hash_secret_raw", no_derivation)
    with pytest.raises(StoreError) as caught:
        accounts.login(paths, ADMIN, ADMIN_PASSWORD, kdf=FAST_TEST_KDF)
    assert message in caught.value.message
    assert "Kontakta IT" in caught.value.message
    assert ADMIN_PASSWORD not in str(caught.value) + caught.value.message
    assert _files(paths) == before


def test_an_absurd_kdf_in_the_parameters_is_refused_before_deriving(tmp_path: Path) -> None:
    keyfile = keys.KeyFile(tmp_path / "keys.json", keys.KdfParams(memory_cost=2**40))
    with pytest.raises(StoreError, match="orimliga"):
        keyfile.wrap("anna", "lösenord", keys.new_data_key())
    assert not keyfile.exists()


def test_an_intact_file_of_the_first_format_still_opens(tmp_path: Path) -> None:
    """The landed version's entries (no "v") are valid and open with their password."""
    fixture = Path(__file__).parents[2] / "fixtures" / "landed_store" / "keys.json"
    keyfile = keys.KeyFile(tmp_path / "keys.json", FAST_TEST_KDF)
    keyfile.path.write_bytes(fixture.read_bytes())
    unlocked = keyfile.unlock("admin", "landad-version-1")
    assert unlocked.keys is None and len(unlocked.data_key) == 32
    assert keyfile.is_legacy("admin")
