"""Installation settings, declared once with type and default, stored as JSON in the data folder.

Nothing secret lives here except the review PIN, which is stored as an Argon2id hash.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from app.errors import ValidationError
from speech.values import ENGINES, VOSK

LANGUAGES = ("sv", "en")
AUDIO_POLICIES = ("delete-on-sign", "keep")


@dataclass(frozen=True)
class Settings:
    language: str = "sv"
    idle_lock_minutes: int = 10
    review_pin_hash: str = ""
    audio_policy: str = "delete-on-sign"
    model_name: str = ""
    model_engine: str = VOSK  # the active model is (model_engine, model_name)
    review_font_pt: int = 32
    low_confidence: float = 0.6

    def validated(self) -> Settings:
        """Return a copy with out-of-range values replaced by defaults (a hand-edited file
        must never stop the app from starting)."""
        default = Settings()
        out = self
        if self.language not in LANGUAGES:
            out = replace(out, language=default.language)
        if not 1 <= int(self.idle_lock_minutes) <= 240:
            out = replace(out, idle_lock_minutes=default.idle_lock_minutes)
        if self.audio_policy not in AUDIO_POLICIES:
            out = replace(out, audio_policy=default.audio_policy)
        if self.model_engine not in ENGINES:
            out = replace(out, model_engine=default.model_engine)
        if not 0.0 <= float(self.low_confidence) <= 1.0:
            out = replace(out, low_confidence=default.low_confidence)
        if not 12 <= int(self.review_font_pt) <= 120:
            out = replace(out, review_font_pt=default.review_font_pt)
        return out

    def check(self) -> None:
        """Raise ``ValidationError`` (naming the field) for a value a form must not save;
        ``validated`` is for files, which are repaired instead."""
        if self.language not in LANGUAGES:
            raise ValidationError("Välj ett språk.", field="language")
        if not 1 <= self.idle_lock_minutes <= 240:
            raise ValidationError("Låstiden ska vara mellan 1 och 240 minuter.",
                                  field="idle_lock_minutes")
        if self.audio_policy not in AUDIO_POLICIES:
            raise ValidationError("Okänt val för ljudet efter signering.", field="audio_policy")
        if self.model_engine not in ENGINES:
            raise ValidationError("Okänd talmotor.", field="model_engine")
        if not 0.0 <= self.low_confidence <= 1.0:
            raise ValidationError("Gränsen för osäkra ord ska vara mellan 0 och 1.",
                                  field="low_confidence")
        if not 12 <= self.review_font_pt <= 120:
            raise ValidationError("Textstorleken ska vara mellan 12 och 120 punkter.",
                                  field="review_font_pt")


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
