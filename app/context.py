"""The logged-in context every use case takes: store, actor, keys, clock and settings."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from app import access
from app import settings as settings_mod
from app.dto import Actor
from app.errors import PermissionDenied
from app.keys import KeyFile, UserKeys, subkey
from app.paths import DataPaths
from app.signing import Run, Signer
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
    # What the user must be told right after logging in (failed attempts since last time, a
    # login-guard file that was deleted or rolled back), in Swedish.
    login_notices: tuple[str, ...] = ()
    # The user's unwrapped signing and box keys, for the whole session: signing never derives
    # a key from the password again (see app.signing).
    user_keys: UserKeys | None = field(default=None, repr=False, compare=False)
    _settings: settings_mod.Settings | None = field(default=None, init=False, repr=False,
                                                   compare=False)
    _settings_lock: threading.Lock = field(default_factory=threading.Lock, init=False,
                                           repr=False, compare=False)
    # The last audit event this login session appended (``signing.Run``): a new context, a new
    # login, starts a new run; so does a new signing key (the run remembers which key signed).
    _run: Run = field(default_factory=Run, init=False, repr=False, compare=False)

    def uow(self, *, write: bool = False) -> UnitOfWork:
        return UnitOfWork(self.store, write=write, actor=self.actor, signer=self.signer)

    @property
    def signer(self) -> Signer | None:
        """The logged-in user's signing key: every record they write is signed with it."""
        if self.user_keys is None:
            return None
        return Signer(self.actor.user_id, self.user_keys.sign, self._run)

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
        """Refuse (audited) unless the user has one of ``roles``. Call it outside a unit of
        work: the refusal is written in one of its own."""
        if self.actor.role not in roles:
            with self.uow():
                raise PermissionDenied(actor=self.actor, permission="role:" + "|".join(roles))

    def require(self, permission: access.Permission) -> None:
        """``require_role`` for an action on no case, by its permission in ``app.access``."""
        if access.scope(self.actor, permission) is access.Scope.NONE:
            with self.uow():
                raise access.denied(self.actor, permission)

    def close(self) -> None:
        self.store.close()
