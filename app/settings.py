"""Installation settings, declared once with type and default, stored as JSON in the data folder.

Nothing secret lives here: each caseworker's review PIN is kept in the encrypted store.
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
    audio_policy: str = "delete-on-sign"
    model_name: str = ""
    model_engine: str = VOSK  # the active model is (model_engine, model_name)
    # The second pass ("Förbättra utskriften"): a KB-Whisper model by name ("" = the
    # recommended installed one), and whether it starts by itself after Stop.
    second_pass_model: str = ""
    second_pass_auto: bool = False
    # "Signera" asks for the password again, so nobody signs at an unlocked laptop in someone
    # else's name (a setting can turn it off for an organisation that does not want it).
    confirm_password_on_sign: bool = True
    # The KB-Whisper size a calibration run on this laptop recommended ("" = not measured).
    second_pass_recommended: str = ""
    # What the review settings page lets a caseworker choose, and so all the kiosk ever shows
    # (it keeps its text, the child variant included, inside this range).
    review_font_pt: int = _ranged(32, 16, 96)
    # Minutes without a touch in the review kiosk before the app locks to the password prompt
    # (the family has left the laptop: the note must not stay on screen).
    review_idle_lock_minutes: int = _ranged(10, 1, 120)
    low_confidence: float = _ranged(0.6, 0.0, 1.0)
    # Statistics: the target share of working time in direct contact (the municipalities'
    # goal is 20%), and how long after a visit's end a signed note still counts as "on site".
    stats_target_percent: int = _ranged(20, 1, 100)
    on_site_margin_minutes: int = _ranged(60, 0, 1440)
    # Culling (gallring): years after a case was closed before its content may be culled.
    retention_years: int = _ranged(5, 1, 50)
    # Sync: the audio of this laptop's recordings goes to the office server too (off: audio
    # stays on the laptop; transcripts and the recordings' facts are synced either way).
    sync_upload_audio: bool = False

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
    "review_idle_lock_minutes": "Låstiden vid genomgång ska vara mellan {low} och {high} minuter.",
}


def int_range(name: str) -> tuple[int, int]:
    """The inclusive range of a whole-number setting, for the spin box that edits it."""
    low, high = _RANGES[name]
    if not isinstance(low, int):
        raise TypeError(f"{name} is not a whole-number setting")
    return low, high


# A settings file is a few hundred bytes; anything far larger is not one (and is not read).
MAX_FILE_BYTES = 64 * 1024
# The longest a text setting may be (a model's name, the review PIN's hash).
MAX_TEXT = 500
_CHOICES: dict[str, tuple[tuple[str, ...], str]] = {
    "language": (LANGUAGES, "ska vara sv eller en"),
    "audio_policy": (AUDIO_POLICIES, "ska vara delete-on-sign eller keep"),
    "model_engine": (LIVE_ENGINES, "ska vara en känd talmotor för inspelning"),
}
_KIND = {int: "ett heltal", float: "ett tal", str: "en text", bool: "true eller false"}


@dataclass(frozen=True)
class LoadedSettings:
    """The settings a file gives, and what was wrong with it: one Swedish line per problem
    (each one repaired with the default), for the log, the settings dialog and the CLI."""

    settings: Settings
    problems: tuple[str, ...] = ()


def load(path: Path) -> Settings:
    """The file's settings, each bad value replaced by its default (see ``read``)."""
    return read(path).settings


def read(path: Path) -> LoadedSettings:
    """Read ``path`` and say what was wrong. A hand-edited file never stops the app: a value
    that is not valid falls back to its default, a file that cannot be read to all defaults."""
    name = path.name
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            return LoadedSettings(Settings(), (
                f"{name} är för stor för att vara en inställningsfil (högst "
                f"{MAX_FILE_BYTES // 1024} kB) och lästes inte; standardinställningarna används.",))
        raw: Any = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return LoadedSettings(Settings())
    except (OSError, UnicodeDecodeError):
        return LoadedSettings(Settings(), (
            f"{name} kunde inte läsas; standardinställningarna används.",))
    except ValueError:
        return LoadedSettings(Settings(), (
            f"{name} är inte giltig JSON; standardinställningarna används.",))
    if not isinstance(raw, dict):
        return LoadedSettings(Settings(), (
            f"{name} ska innehålla ett JSON-objekt; standardinställningarna används.",))
    values, problems = _typed_values(raw)
    settings = Settings(**values)
    problems.extend(_invalid(settings))
    return LoadedSettings(settings.validated(), tuple(problems))


def _typed_values(raw: dict[Any, Any]) -> tuple[dict[str, Any], list[str]]:
    defaults = asdict(Settings())
    values: dict[str, Any] = {}
    problems: list[str] = []
    for key, value in raw.items():
        if key not in defaults:
            problems.append(f"Okänd inställning ”{str(key)[:40]}” hoppades över.")
            continue
        expected = type(defaults[key])
        # bool is an int in Python; a hand-written `true` must not become 1 minute.
        if not isinstance(value, expected) or (expected is not bool and isinstance(value, bool)):
            problems.append(f"Inställningen ”{key}” ska vara {_KIND[expected]}; "
                            f"standardvärdet {defaults[key]!r} används.")
        elif isinstance(value, str) and len(value) > MAX_TEXT:
            problems.append(f"Inställningen ”{key}” är för lång (högst {MAX_TEXT} tecken); "
                            "standardvärdet används.")
        else:
            values[key] = value
    return values, problems


def _invalid(settings: Settings) -> list[str]:
    """A Swedish line for each value out of its choices or range."""
    default = Settings()
    out: list[str] = []
    for key, (allowed, rule) in _CHOICES.items():
        if getattr(settings, key) not in allowed:
            out.append(f"Inställningen ”{key}” {rule}; standardvärdet "
                       f"{getattr(default, key)!r} används.")
    for key, message in _OUT_OF_RANGE.items():
        if not settings._in_range(key):
            low, high = _RANGES[key]
            out.append(message.format(low=low, high=high)[:-1]
                       + f"; standardvärdet {getattr(default, key)!r} används.")
    return out


def save(path: Path, settings: Settings) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(asdict(settings), indent=1, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, path)
