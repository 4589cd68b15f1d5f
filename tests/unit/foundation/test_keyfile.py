"""The key file: wrapping the data key per user, password checks, rewrapping."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

from app.errors import AuthenticationError, StoreError
from app.keys import FAST_TEST_KDF, KeyFile, new_data_key, subkey


@pytest.fixture
def keyfile(tmp_path: Path) -> KeyFile:
    return KeyFile(tmp_path / "keys.json", FAST_TEST_KDF)


def test_the_right_password_unwraps_the_data_key(keyfile: KeyFile) -> None:
    key = new_data_key()
    keyfile.wrap("anna", "rätt lösenord", key)
    assert keyfile.unwrap("anna", "rätt lösenord") == key
    assert keyfile.usernames() == ["anna"]


def test_a_wrong_password_or_user_is_an_authentication_error(keyfile: KeyFile) -> None:
    keyfile.wrap("anna", "rätt lösenord", new_data_key())
    with pytest.raises(AuthenticationError) as info:
        keyfile.unwrap("anna", "fel lösenord")
    assert info.value.message == "Fel användarnamn eller lösenord."
    with pytest.raises(AuthenticationError):
        keyfile.unwrap("bertil", "rätt lösenord")


def test_a_wrapped_key_cannot_be_moved_to_another_user(keyfile: KeyFile) -> None:
    keyfile.wrap("anna", "samma lösenord", new_data_key())
    keyfile.wrap("bertil", "samma lösenord", new_data_key())
    data = json.loads(keyfile.path.read_text())
    data["users"]["bertil"] = {**data["users"]["anna"]}
    keyfile.path.write_text(json.dumps(data))
    with pytest.raises(AuthenticationError):  # the username is bound in as associated data
        keyfile.unwrap("bertil", "samma lösenord")


def test_rewrapping_on_a_password_change_keeps_the_data_key(keyfile: KeyFile) -> None:
    key = new_data_key()
    keyfile.wrap("anna", "gammalt lösenord", key)
    keyfile.wrap("bertil", "bertils lösenord", key)
    keyfile.wrap("anna", "nytt lösenord", key)
    assert keyfile.unwrap("anna", "nytt lösenord") == key
    assert keyfile.unwrap("bertil", "bertils lösenord") == key
    with pytest.raises(AuthenticationError):
        keyfile.unwrap("anna", "gammalt lösenord")


def test_each_wrap_uses_fresh_salt_and_nonce(keyfile: KeyFile) -> None:
    key = new_data_key()
    keyfile.wrap("anna", "lösenord", key)
    first = json.loads(keyfile.path.read_text())["users"]["anna"]
    keyfile.wrap("anna", "lösenord", key)
    second = json.loads(keyfile.path.read_text())["users"]["anna"]
    assert first["salt"] != second["salt"] and first["nonce"] != second["nonce"]
    assert first["wrapped"] != second["wrapped"]


def test_the_file_holds_no_plaintext_key_and_records_its_kdf(keyfile: KeyFile) -> None:
    key = new_data_key()
    keyfile.wrap("anna", "lösenord", key)
    raw = keyfile.path.read_bytes()
    for form in (
        key,
        key.hex().encode(),
        key.hex().upper().encode(),
        base64.b64encode(key),
        base64.urlsafe_b64encode(key),
    ):
        assert form not in raw
    assert b"l\xc3\xb6senord" not in raw
    entry = json.loads(raw)["users"]["anna"]
    assert entry["kdf"] == {"time_cost": 1, "memory_cost": 8192, "parallelism": 1}


def test_a_key_wrapped_with_other_kdf_params_still_unwraps(tmp_path: Path) -> None:
    key = new_data_key()
    KeyFile(tmp_path / "keys.json", FAST_TEST_KDF).wrap("anna", "lösenord", key)
    assert KeyFile(tmp_path / "keys.json").unwrap("anna", "lösenord") == key


def test_a_corrupt_key_file_is_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "keys.json"
    path.write_text("{trasig")
    with pytest.raises(StoreError, match="Nyckelfilen"):
        KeyFile(path, FAST_TEST_KDF).unwrap("anna", "lösenord")


def test_removing_a_user_keeps_the_others(keyfile: KeyFile) -> None:
    key = new_data_key()
    keyfile.wrap("anna", "lösenord", key)
    keyfile.wrap("bertil", "lösenord", key)
    keyfile.remove("anna")
    assert keyfile.usernames() == ["bertil"]


def test_subkeys_differ_by_purpose_and_are_stable() -> None:
    key = new_data_key()
    assert subkey(key, "audio:1") == subkey(key, "audio:1")
    assert subkey(key, "audio:1") != subkey(key, "audio:2")
    assert len(subkey(key, "audio:1")) == 32
