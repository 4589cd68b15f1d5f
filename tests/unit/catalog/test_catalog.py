"""The built-in model catalog and refreshing it from a published model-list.json."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

from speech.catalog import ModelCatalog, parse_entry, parse_model_list
from speech.errors import CatalogInvalid, ModelNotFound
from speech.values import VOSK

SWEDISH = "vosk-model-small-sv-rhasspy-0.15"


def published(**overrides: object) -> dict[str, object]:
    item: dict[str, object] = {
        "lang": "da",
        "lang_text": "Danish",
        "md5": "0123456789abcdef0123456789abcdef",
        "name": "vosk-model-small-da-9.9",
        "obsolete": "false",
        "size": 1000,
        "size_text": "1KiB",
        "type": "small",
        "url": "https://alphacephei.com/vosk/models/vosk-model-small-da-9.9.zip",
        "version": "9.9",
    }
    item.update(overrides)
    return item


def test_builtin_catalog_starts_with_swedish_then_english() -> None:
    names = [entry.name for entry in ModelCatalog().entries()]
    assert names[:4] == [
        SWEDISH,
        "vosk-model-small-en-us-0.15",
        "vosk-model-en-us-0.22-lgraph",
        "vosk-model-en-us-0.22",
    ]


def test_swedish_entry_matches_published_list() -> None:
    entry = ModelCatalog().get(VOSK, SWEDISH)
    assert entry.size == 303_504_931
    assert entry.md5 == "5ae431c65fe8636692118792daa22ecc"
    assert entry.url == f"https://alphacephei.com/vosk/models/{SWEDISH}.zip"
    assert entry.lang == "sv" and not entry.obsolete


def test_builtin_file_is_in_the_published_order_and_format() -> None:
    raw = json.loads((resources.files("speech") / "data" / "model_catalog.json").read_text("utf-8"))
    assert [item["name"] for item in raw[:3]] == [
        SWEDISH,
        "vosk-model-small-en-us-0.15",
        "vosk-model-en-us-0.22",
    ]
    for item in raw:
        assert set(item) >= {"lang", "name", "size", "md5", "url", "type", "obsolete"}
        assert item["url"].endswith(f"/{item['name']}.zip")


def test_by_language_groups_with_swedish_first() -> None:
    grouped = ModelCatalog().by_language()
    assert list(grouped)[:2] == ["sv", "en-us"]
    assert len(grouped["en-us"]) == 3


def test_unknown_name() -> None:
    with pytest.raises(ModelNotFound):
        ModelCatalog().get(VOSK, "vosk-model-klingon")
    assert ModelCatalog().find(VOSK, "vosk-model-klingon") is None


def test_refresh_stores_copy_and_is_used_next_time(tmp_path: Path) -> None:
    data = json.dumps([published(), published(name="old", obsolete="true")]).encode()
    catalog = ModelCatalog(tmp_path)
    assert catalog.refresh_from(data) == 2
    assert [e.name for e in catalog.entries()] == ["vosk-model-small-da-9.9"]
    assert len(catalog.entries(include_obsolete=True)) == 2
    reopened = ModelCatalog(tmp_path)
    assert reopened.refreshed and reopened.find(VOSK, "vosk-model-small-da-9.9") is not None
    assert list(tmp_path.iterdir()) == [tmp_path / "model-list.json"]


def test_refresh_with_garbage_keeps_the_old_catalog(tmp_path: Path) -> None:
    catalog = ModelCatalog(tmp_path)
    for garbage in (b"<html>", b"{}", b"[]", json.dumps([{"name": "x"}]).encode()):
        with pytest.raises(CatalogInvalid):
            catalog.refresh_from(garbage)
    assert catalog.find(VOSK, SWEDISH) is not None
    assert not (tmp_path / "model-list.json").exists()


def test_damaged_stored_copy_falls_back_to_builtin(tmp_path: Path) -> None:
    (tmp_path / "model-list.json").write_text("not json")
    catalog = ModelCatalog(tmp_path)
    assert not catalog.refreshed and catalog.find(VOSK, SWEDISH) is not None


@pytest.mark.parametrize(
    "bad",
    [
        {"name": "../../etc"},
        {"name": "a/b"},
        {"md5": "x"},
        {"size": "big"},
        {"size": 0},
        {"url": "file:///etc/passwd"},
    ],
)
def test_unusable_entries_are_skipped(bad: dict[str, object]) -> None:
    entries = parse_model_list(json.dumps([published(**bad), published(name="good")]).encode())
    assert [e.name for e in entries] == ["good"]


def test_entry_language_base() -> None:
    entry = parse_entry(published(lang="en-US"))
    assert entry.lang == "en-us" and entry.language == "en"
