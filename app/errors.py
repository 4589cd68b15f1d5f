"""Typed errors: environmental ones carry a Swedish message for the caseworker; bugs do not.

The UI has one presenter (``ui/errors.py``) that shows ``UserError.message`` as it is and shows
anything else as an unexpected fault with a "copy details" button.
"""

from __future__ import annotations

import errno
from collections.abc import Iterator
from contextlib import contextmanager

from app.dto import Actor
from speech.errors import AUDIO_ERRORS, SpeechError


class SamskrivError(Exception):
    """Base of all errors the application raises on purpose."""


class UserError(SamskrivError):
    """An error a user can understand and act on. ``message`` is Swedish UI text."""

    def __init__(self, message: str, *, detail: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail


class AuthenticationError(UserError):
    """A refused password. ``retry_after_s`` > 0: the next attempt is refused until then."""

    def __init__(self, message: str = "Fel användarnamn eller lösenord.", *,
                 retry_after_s: int = 0) -> None:
        super().__init__(message)
        self.retry_after_s = retry_after_s


def wait_text(seconds: int) -> str:
    unit = "sekund" if seconds == 1 else "sekunder"
    return f"Vänta {seconds} {unit} innan du försöker igen."


class LoginThrottled(AuthenticationError):
    """Too many wrong passwords in a row: this attempt is refused without being tried."""

    def __init__(self, seconds: int) -> None:
        super().__init__(f"För många felaktiga försök. {wait_text(seconds)}",
                         retry_after_s=seconds)


class AccountLocked(AuthenticationError):
    def __init__(self) -> None:
        super().__init__("Kontot är spärrat efter för många felaktiga försök. "
                         "En administratör kan häva spärren.")


class PermissionDenied(UserError):
    """A refused action. ``app.access`` fills in who and what; the unit of work it is raised
    in (or ``Context.require_role``) audits it once as ``access.denied``."""

    def __init__(
        self, message: str = "Du har inte behörighet att göra detta.", *,
        actor: Actor | None = None, permission: str = "", object_type: str = "",
        object_id: str = "", action: str = "",
    ) -> None:
        super().__init__(message)
        self.actor, self.permission = actor, permission
        self.object_type, self.object_id = object_type, object_id
        self.action = action  # the use case refused, when the permission alone does not say
        self.audited = False


class NotFound(UserError):
    def __init__(self, what: str = "Posten") -> None:
        super().__init__(f"{what} finns inte (längre).")


class ValidationError(UserError):
    """Bad input; ``field`` names the form field when there is one."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class ImmutableError(UserError):
    def __init__(
        self,
        message: str = "En signerad anteckning kan inte ändras. Skriv en rättelse i stället.",
    ) -> None:
        super().__init__(message)


class StoreError(UserError):
    """The local store cannot be opened or used (missing, locked, corrupt, wrong key)."""


class DiskFull(StoreError):
    """The disk (or the user's quota) is full: nothing new could be written."""

    def __init__(self, message: str = (
            "Disken är full. Det som redan var sparat finns kvar, men det senaste kunde inte "
            "sparas. Frigör utrymme på datorn och försök igen.")) -> None:
        super().__init__(message)


class StoreBusy(StoreError):
    """Another program (an open Samskriv, a command) holds the database's write lock."""

    def __init__(self) -> None:
        super().__init__("Databasen används av ett annat program just nu, till exempel ett "
                         "kommando som körs. Vänta en stund och försök igen.")


class AlreadyInitialised(StoreError):
    def __init__(self) -> None:
        super().__init__("Det finns redan en databas i den här datamappen.")


class NotInitialised(StoreError):
    def __init__(self) -> None:
        super().__init__(
            "Det finns ingen databas i datamappen ännu. Skapa det första kontot först."
        )


class AudioError(UserError):
    """Microphone or playback problems."""


class ModelError(UserError):
    """Speech model missing, invalid or failing to download."""


_NO_SPACE = (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))
_FULL = ("database or disk is full",)
_BUSY = ("database is locked", "database table is locked")


def environment_error(exc: BaseException) -> UserError | None:
    """The Swedish user error for a full disk or a locked database anywhere in ``exc``'s
    chain (the OS's ENOSPC/EDQUOT, SQLite's SQLITE_FULL/SQLITE_BUSY as the driver words
    them, through SQLAlchemy's wrapper); None for anything else. Never carries ``exc``'s text."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, DiskFull | StoreBusy):
            return current
        if isinstance(current, OSError) and current.errno in _NO_SPACE:
            return DiskFull()
        text = str(getattr(current, "orig", None) or current).lower()
        if type(current).__name__ in ("OperationalError", "DatabaseError"):
            if any(words in text for words in _FULL):
                return DiskFull()
            if any(words in text for words in _BUSY):
                return StoreBusy()
        current = current.__cause__ or current.__context__
    return None


def to_user_error(exc: SpeechError) -> UserError:
    """The app's typed error for a speech-layer error (English detail kept for support)."""
    if isinstance(exc, AUDIO_ERRORS):
        return AudioError(exc.message, detail=str(exc))
    return ModelError(exc.message, detail=str(exc))


@contextmanager
def speech_as_user_errors() -> Iterator[None]:
    """Inside: a speech-layer error leaves as its typed, Swedish user error (cause kept)."""
    try:
        yield
    except SpeechError as exc:
        raise to_user_error(exc) from exc


def reported(exc: BaseException) -> BaseException:
    """``exc`` as the app hands it to the UI: a speech-layer error becomes its typed user error,
    a full disk or a locked database its own (the original kept as ``__cause__``); anything
    else — a user error or a bug — unchanged."""
    if isinstance(exc, UserError):
        return exc
    environmental = environment_error(exc)
    if environmental is not None:
        if environmental is not exc and environmental.__cause__ is None:
            environmental.__cause__ = exc
        return environmental
    if not isinstance(exc, SpeechError):
        return exc
    user = to_user_error(exc)
    user.__cause__ = exc
    return user
