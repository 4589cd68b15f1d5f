"""Where Samskriv keeps its files: one data folder per installation, overridable."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "Samskriv"


@dataclass(frozen=True)
class DataPaths:
    """All locations below one data folder (``--data-dir`` or the platform default)."""

    root: Path

    @property
    def database(self) -> Path:
        return self.root / "samskriv.db"

    @property
    def keyfile(self) -> Path:
        return self.root / "keys.json"

    @property
    def login_guard(self) -> Path:
        """Failed login attempts and lockouts (``app.login_guard``); holds no secret."""
        return self.root / "login-guard.json"

    @property
    def settings(self) -> Path:
        return self.root / "settings.json"

    @property
    def audio(self) -> Path:
        return self.root / "audio"

    @property
    def models(self) -> Path:
        return self.root / "models"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    def ensure(self) -> DataPaths:
        for folder in (self.root, self.audio, self.models, self.logs):
            folder.mkdir(parents=True, exist_ok=True)
        return self


def default_data_dir() -> Path:
    override = os.environ.get("SAMSKRIV_DATA_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def resolve(data_dir: str | Path | None) -> DataPaths:
    return DataPaths(Path(data_dir) if data_dir else default_data_dir())
