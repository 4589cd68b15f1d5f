"""The catalog of downloadable models: Vosk's official list (a built-in copy, refreshable from
``model-list.json``). Entries carry their engine; lookups take (engine, name)."""

from __future__ import annotations

import json
import os
import re
import tempfile
from importlib import resources
from pathlib import Path
from typing import Any

from speech.errors import CatalogInvalid, ModelNotFound
from speech.values import VOSK, CatalogEntry

MODEL_LIST_URL = "https://alphacephei.com/vosk/models/model-list.json"
REFRESHED_NAME = "model-list.json"
# Swedish first, then US English (the biggest English models), other English, the rest by code.
PREFERRED_LANGUAGES = ("sv", "en-us", "en")

# Names become folder names under the models directory, so only plain names are accepted.
_SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")
_MD5 = re.compile(r"^[0-9a-f]{32}$")
_TYPE_ORDER = {"small": 0, "big-lgraph": 1, "big": 2}


def is_safe_model_name(name: str) -> bool:
    return bool(_SAFE_NAME.match(name)) and ".." not in name


def parse_entry(item: dict[str, Any], engine: str = VOSK) -> CatalogEntry:
    """Parse one published entry; raises ``CatalogInvalid`` if it is unusable."""
    try:
        entry = CatalogEntry(
            name=str(item["name"]),
            lang=str(item["lang"]).lower(),
            lang_text=str(item.get("lang_text", item["lang"])),
            url=str(item["url"]),
            size=int(item["size"]),
            md5=str(item["md5"]).lower(),
            type=str(item.get("type", "")),
            version=str(item.get("version", "")),
            obsolete=str(item.get("obsolete", "false")).lower() == "true",
            engine=engine,
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise CatalogInvalid(f"bad catalog entry {item!r}: {exc}") from exc
    if not is_safe_model_name(entry.name):
        raise CatalogInvalid(f"unsafe model name {entry.name!r}")
    if not entry.url.startswith(("https://", "http://")) or entry.size <= 0:
        raise CatalogInvalid(f"bad url or size for {entry.name}")
    if not _MD5.match(entry.md5):
        raise CatalogInvalid(f"bad md5 for {entry.name}")
    return entry


def language_rank(lang: str | None) -> tuple[int, str]:
    """Sort key putting Swedish first, then English, then other languages by code."""
    code = (lang or "").lower()
    for rank, preferred in enumerate(PREFERRED_LANGUAGES):
        if code == preferred or code.split("-")[0] == preferred:
            return rank, code
    return len(PREFERRED_LANGUAGES) + (0 if code else 1), code


def parse_model_list(data: bytes) -> list[CatalogEntry]:
    """Entries from a published ``model-list.json``; entries we cannot use are skipped.

    Upstream lists some entries without a checksum or with odd fields; one bad entry should not
    throw away the rest. A list with no usable entry at all is rejected.
    """
    try:
        items = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CatalogInvalid(f"model list is not JSON: {exc}") from exc
    if not isinstance(items, list):
        raise CatalogInvalid("model list is not a JSON array")
    entries: list[CatalogEntry] = []
    for item in items:
        if not isinstance(item, dict):
            continue
        try:
            entries.append(parse_entry(item))
        except CatalogInvalid:
            continue
    if not entries:
        raise CatalogInvalid("model list has no usable entries")
    return entries


def _builtin_bytes() -> bytes:
    return (resources.files("speech") / "data" / "model_catalog.json").read_bytes()


class ModelCatalog:
    """The models one can download, Swedish first.

    Uses the refreshed copy in ``models_dir`` when there is a valid one, else the built-in copy.
    """

    def __init__(self, models_dir: Path | None = None) -> None:
        self.models_dir = models_dir
        self.refreshed = False
        self._entries = parse_model_list(_builtin_bytes())
        stored = self._stored_path()
        if stored is not None and stored.is_file():
            try:
                self._entries = parse_model_list(stored.read_bytes())
                self.refreshed = True
            except (OSError, CatalogInvalid):
                pass  # a damaged refreshed copy must not hide the built-in catalog

    def _stored_path(self) -> Path | None:
        return self.models_dir / REFRESHED_NAME if self.models_dir else None

    def refresh_from(self, json_bytes: bytes) -> int:
        """Replace the entries with a downloaded ``model-list.json``; store it. Returns count."""
        entries = parse_model_list(json_bytes)
        stored = self._stored_path()
        if stored is not None:
            _atomic_write(stored, json_bytes)
        self._entries = entries
        self.refreshed = True
        return len(entries)

    def entries(self, *, include_obsolete: bool = False) -> list[CatalogEntry]:
        """All entries, Swedish first, then English, then by language; small models first."""
        chosen = [e for e in self._entries if include_obsolete or not e.obsolete]
        return sorted(
            chosen, key=lambda e: (language_rank(e.lang), _TYPE_ORDER.get(e.type, 9), e.name)
        )

    def by_language(self, *, include_obsolete: bool = False) -> dict[str, list[CatalogEntry]]:
        """Entries grouped by language code, in the order of :meth:`entries`."""
        grouped: dict[str, list[CatalogEntry]] = {}
        for entry in self.entries(include_obsolete=include_obsolete):
            grouped.setdefault(entry.lang, []).append(entry)
        return grouped

    def find(self, engine: str, name: str) -> CatalogEntry | None:
        return next((e for e in self._entries if e.engine == engine and e.name == name), None)

    def get(self, engine: str, name: str) -> CatalogEntry:
        entry = self.find(engine, name)
        if entry is None:
            raise ModelNotFound(name)
        return entry


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
