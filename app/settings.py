"""Installation settings, declared once with type and default, stored as JSON in the data folder.

Nothing secret lives here except the review PIN, which is stored as an Argon2id hash.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any, TypeVar

from app.errors import ValidationError
from speech.values import LIVE_ENGINES, VOSK

LANGUAGES = ("sv", "en")
AUDIO_POLICIES = ("delete-on-sign", "keep")

N = TypeVar("N", int, float)


def _ranged(default: N, low: N, high: N) -> N:
    """A numeric setting with its inclusive range, declared once: ``validated`` and ``check``
    and the forms' spin boxes (``int_range``) read it from here."""
    value: N = field(default=default, metadata={"range": (low, high)})
    return value


@dataclass(frozen=True)
class Settings:
    language: str = "sv"
    idle_lock_minutes: int = _ranged(10, 1, 240)
    review_pin_hash: str = ""
    audio_policy: str = "delete-on-sign"
    model_name: str = ""
    model_engine: str = VOSK  # the active model is (model_engine, model_name)
    # The second pass ("Förbättra utskriften"): a KB-Whisper model by name ("" = the
    # recommended installed one), and whether it starts by itself after Stop.
    second_pass_model: str = ""
    second_pass_auto: bool = False
    # What the review settings page lets a caseworker choose, and so all the kiosk ever shows
    # (it keeps its text, the child variant included, inside this range).
    review_font_pt: int = _ranged(32, 16, 96)
    low_confidence: float = _ranged(0.6, 0.0, 1.0)

    def validated(self) -> Settings:
        """Return a copy with out-of-range values replaced by defaults (a hand-edited file
        must never stop the app from starting)."""
        default = Settings()
        out = self
        if self.language not in LANGUAGES:
            out = replace(out, language=default.language)
        if self.audio_policy not in AUDIO_POLICIES:
            out = replace(out, audio_policy=default.audio_policy)
        if self.model_engine not in LIVE_ENGINES:
            out = replace(out, model_engine=default.model_engine)
        for name in _RANGES:
            if not self._in_range(name):
                out = replace(out, **{name: getattr(default, name)})
        return out

    def check(self) -> None:
        """Raise ``ValidationError`` (naming the field) for a value a form must not save;
        ``validated`` is for files, which are repaired instead."""
        if self.language not in LANGUAGES:
            raise ValidationError("Välj ett språk.", field="language")
        if self.audio_policy not in AUDIO_POLICIES:
            raise ValidationError("Okänt val för ljudet efter signering.", field="audio_policy")
        if self.model_engine not in LIVE_ENGINES:
            raise ValidationError("Okänd talmotor.", field="model_engine")
        for name, message in _OUT_OF_RANGE.items():
            if not self._in_range(name):
                low, high = _RANGES[name]
                raise ValidationError(message.format(low=low, high=high), field=name)

    def _in_range(self, name: str) -> bool:
        low, high = _RANGES[name]
        return bool(low <= type(low)(getattr(self, name)) <= high)


_RANGES: dict[str, tuple[Any, Any]] = {
    f.name: f.metadata["range"] for f in fields(Settings) if "range" in f.metadata}
_OUT_OF_RANGE = {
    "idle_lock_minutes": "Låstiden ska vara mellan {low} och {high} minuter.",
    "low_confidence": "Gränsen för osäkra ord ska vara mellan {low:g} och {high:g}.",
    "review_font_pt": "Textstorleken ska vara mellan {low} och {high} punkter.",
}


def int_range(name: str) -> tuple[int, int]:
    """The inclusive range of a whole-number setting, for the spin box that edits it."""
    low, high = _RANGES[name]
    if not isinstance(low, int):
        raise TypeError(f"{name} is not a whole-number setting")
    return low, high


def load(path: Path) -> Settings:
    try:
        raw: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    if not isinstance(raw, dict):
        return Settings()
    known = {f.name: f.type for f in fields(Settings)}
    values: dict[str, Any] = {}
    defaults = asdict(Settings())
    for name, value in raw.items():
        expected = type(defaults[name]) if name in known else None
        # bool is an int in Python; a hand-written `true` must not become 1 minute.
        if expected is not None and isinstance(value, expected) and (
            expected is bool or not isinstance(value, bool)
        ):
            values[name] = value
    return Settings(**values).validated()


def save(path: Path, settings: Settings) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(asdict(settings), indent=1, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, path)
