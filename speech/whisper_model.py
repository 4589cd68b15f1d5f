"""What a KB-Whisper (CTranslate2) model folder must hold, and how many cores to give it.

Cheap checks only (no faster-whisper import): the model store lists and validates folders
with this, and the worker process checks again before it loads anything.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from speech.errors import ModelInvalid

# A CTranslate2 Whisper export: weights, model config and the Hugging Face tokenizer; the
# vocabulary is vocabulary.txt in older exports and vocabulary.json in newer ones.
REQUIRED_FILES = ("config.json", "model.bin", "tokenizer.json")
VOCABULARY_FILES = ("vocabulary.txt", "vocabulary.json")
# The smallest real model.bin (tiny int8) is ~40 MB; anything under 1 MB is a stub or a
# broken copy that CTranslate2 would reject with an opaque message.
_MIN_WEIGHTS = 1_000_000


class WhisperModelInvalid(ModelInvalid):
    """A folder is not a usable CTranslate2 Whisper model (``missing`` says what is wrong)."""

    def __init__(self, missing: list[str], path: str | None = None) -> None:
        super().__init__(missing, path)
        where = f" at {path}" if path else ""
        self.args = (f"not a valid Whisper model{where}; missing: {', '.join(missing)}",)


def validate_whisper_model(path: Path) -> list[str]:
    """What ``path`` lacks to be a CTranslate2 Whisper model (empty list: it looks fine)."""
    if not path.is_dir():
        return [f"{path.name or path} (folder)"]
    missing: list[str] = []
    for name in REQUIRED_FILES:
        file = path / name
        if not file.is_file():
            missing.append(name)
        elif file.stat().st_size == 0:
            missing.append(f"{name} (empty)")
    if not any((path / name).is_file() for name in VOCABULARY_FILES):
        missing.append("vocabulary.txt (or vocabulary.json)")
    weights = path / "model.bin"
    if weights.is_file() and 0 < weights.stat().st_size < _MIN_WEIGHTS:
        missing.append("model.bin (truncated)")
    config = path / "config.json"
    if config.is_file() and config.stat().st_size:
        try:
            parsed = json.loads(config.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError):
            missing.append("config.json (not JSON)")
        else:
            if not isinstance(parsed, dict):
                missing.append("config.json (not a model config)")
    return missing


def ensure_whisper_model(path: Path) -> None:
    missing = validate_whisper_model(path)
    if missing:
        raise WhisperModelInvalid(missing, str(path))


def physical_cores() -> int:
    """Physical CPU cores (not hyper-threads): CTranslate2 gains nothing from siblings and
    loses to the live recording's thread when it takes them. Linux reads ``/proc/cpuinfo``;
    elsewhere, half the logical count, at least one."""
    try:
        text = Path("/proc/cpuinfo").read_text(encoding="ascii", errors="replace")
    except OSError:
        text = ""
    cores: set[tuple[str, str]] = set()
    physical = core = ""
    for line in text.splitlines() + [""]:
        key, _, value = line.partition(":")
        key = key.strip()
        if key == "physical id":
            physical = value.strip()
        elif key == "core id":
            core = value.strip()
        elif not line.strip() and core:
            cores.add((physical, core))
            physical = core = ""
    if cores:
        return len(cores)
    logical = os.cpu_count() or 1
    return max(1, logical // 2) if logical > 2 else logical
