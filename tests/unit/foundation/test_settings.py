"""Settings: declared defaults, round trip, and hand-broken files falling back to defaults."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from app.settings import Settings, load, save


def test_missing_file_gives_defaults(tmp_path: Path) -> None:
    assert load(tmp_path / "settings.json") == Settings()


def test_saved_settings_load_back(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "settings.json"
    value = replace(
        Settings(),
        language="en",
        idle_lock_minutes=30,
        audio_policy="keep",
        model_name="vosk-model-small-sv-rhasspy-0.15",
        review_font_pt=48,
    )
    save(path, value)
    assert load(path) == value
    assert not path.with_suffix(".tmp").exists()


@pytest.mark.parametrize(
    "content",
    [b"{not json", b"", b"\xff\xfe\x00garbage", b'{"language": "sv"'],
)
def test_unreadable_file_gives_defaults(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(content)
    assert load(path) == Settings()


@pytest.mark.parametrize(
    ("raw", "field"),
    [
        ({"language": "fi"}, "language"),
        ({"idle_lock_minutes": 0}, "idle_lock_minutes"),
        ({"idle_lock_minutes": 100000}, "idle_lock_minutes"),
        ({"idle_lock_minutes": "10"}, "idle_lock_minutes"),
        ({"audio_policy": "never"}, "audio_policy"),
        ({"review_font_pt": 2}, "review_font_pt"),
        ({"review_font_pt": None}, "review_font_pt"),
        ({"low_confidence": "hög"}, "low_confidence"),
    ],
)
def test_bad_values_fall_back_one_by_one(
    tmp_path: Path, raw: dict[str, object], field: str
) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({**raw, "language": raw.get("language", "en")}))
    loaded = load(path)
    assert getattr(loaded, field) == getattr(Settings(), field)
    if field != "language":
        assert loaded.language == "en"  # the good values survive


def test_unknown_keys_are_ignored(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"theme": "dark", "idle_lock_minutes": 5}))
    assert load(path) == replace(Settings(), idle_lock_minutes=5)


@pytest.mark.parametrize("content", ["[]", '"sv"', "null", "42"])
def test_json_that_is_not_an_object_gives_defaults(tmp_path: Path, content: str) -> None:
    path = tmp_path / "settings.json"
    path.write_text(content)
    assert load(path) == Settings()


def test_validated_repairs_values_set_in_code() -> None:
    broken = replace(Settings(), language="de", review_font_pt=500)
    assert broken.validated() == Settings()
