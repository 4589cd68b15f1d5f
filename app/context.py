"""The logged-in context every use case takes: store, actor, keys, clock and settings."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from app import settings as settings_mod
from app.dto import Actor
from app.errors import PermissionDenied
from app.keys import KeyFile, subkey
from app.paths import DataPaths
from app.store import Store
from app.uow import UnitOfWork
from models.base import utcnow


@dataclass
class Context:
    """One logged-in user on one open store. Thread-safe to share; holds no session."""

    paths: DataPaths
    store: Store
    keyfile: KeyFile
    actor: Actor
    data_key: bytes = field(repr=False)
    clock: Callable[[], datetime] = utcnow

    def uow(self, *, write: bool = False) -> UnitOfWork:
        return UnitOfWork(self.store, write=write)

    def now(self) -> datetime:
        return self.clock()

    def audio_key(self, recording_id: str) -> bytes:
        return subkey(self.data_key, f"audio:{recording_id}")

    @property
    def settings(self) -> settings_mod.Settings:
        return settings_mod.load(self.paths.settings)

    def save_settings(self, value: settings_mod.Settings) -> None:
        settings_mod.save(self.paths.settings, value.validated())

    def require_role(self, *roles: str) -> None:
        if self.actor.role not in roles:
            raise PermissionDenied()

    def close(self) -> None:
        self.store.close()
