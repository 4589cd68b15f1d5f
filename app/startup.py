"""What the app needs to know before anyone has logged in: which dialog, language, user names."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from app import accounts, settings
from app.keys import KeyFile
from app.paths import DataPaths

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LoginPrompt:
    """``initialised`` False: the first-run dialog (no store yet); else the login dialog,
    pre-filled when the computer has exactly one account."""

    initialised: bool
    language: str
    usernames: tuple[str, ...]


def login_prompt(paths: DataPaths) -> LoginPrompt:
    initialised = accounts.is_initialised(paths)
    return LoginPrompt(initialised, settings.load(paths.settings).language,
                       _usernames(paths) if initialised else ())


def _usernames(paths: DataPaths) -> tuple[str, ...]:
    try:
        return tuple(KeyFile(paths.keyfile).usernames())
    except Exception:  # noqa: BLE001 - only a convenience for pre-filling the name
        log.warning("the key file lists no user names", exc_info=True)
        return ()
