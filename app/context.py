"""The logged-in context every use case takes: store, actor, keys, clock and settings."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from app import settings as settings_mod
from app.dto import Actor
from app.errors import PermissionDenied
from app.keys import KeyFile, UserKeys, subkey
from app.paths import DataPaths
from app.signing import Signer
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
    # The user's unwrapped signing and box keys, for the whole session: signing never derives
    # a key from the password again (see app.signing).
    user_keys: UserKeys | None = field(default=None, repr=False, compare=False)
    _settings: settings_mod.Settings | None = field(default=None, init=False, repr=False,
                                                   compare=False)
    _settings_lock: threading.Lock = field(default_factory=threading.Lock, init=False,
                                           repr=False, compare=False)

    def uow(self, *, write: bool = False) -> UnitOfWork:
        return UnitOfWork(self.store, write=write, signer=self.signer)

    @property
    def signer(self) -> Signer | None:
        """The logged-in user's signing key: every record they write is signed with it."""
        if self.user_keys is None:
            return None
        return Signer(self.actor.user_id, self.user_keys.sign)

    def now(self) -> datetime:
        return self.clock()

    def audio_key(self, recording_id: str) -> bytes:
        return subkey(self.data_key, f"audio:{recording_id}")

    @property
    def settings(self) -> settings_mod.Settings:
        """The installation settings, read from the file once and then kept: widgets ask on
        the GUI thread, so no access may touch the disk. Only ``save_settings`` changes them
        (a file edited by hand while the app runs counts from the next start)."""
        with self._settings_lock:
            if self._settings is None:
                self._settings = settings_mod.load(self.paths.settings)
            return self._settings

    def save_settings(self, value: settings_mod.Settings) -> settings_mod.Settings:
        """Store ``value`` (repaired where out of range) and make it the cached settings."""
        repaired = value.validated()
        with self._settings_lock:
            settings_mod.save(self.paths.settings, repaired)
            self._settings = repaired
        return repaired

    def require_role(self, *roles: str) -> None:
        if self.actor.role not in roles:
            raise PermissionDenied()

    def close(self) -> None:
        self.store.close()
