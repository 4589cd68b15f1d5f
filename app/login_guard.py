"""Login throttling: failed password attempts, the growing wait after them, and the lockout.

The encrypted store cannot be opened before a login succeeds, so failures are kept in a small
plain file beside the key file (``login-guard.json``): per user name the consecutive failures,
the time of the last one, the lockout flag, the failures that user has not yet been told about
and the ones not yet written to the audit log. It holds no secret. Times come from an injected
clock; nothing here sleeps: a refused attempt is refused at once with the seconds left.

The file can be deleted, replaced or rolled back by anyone with access to the data folder, so
it is made noticeable rather than trusted: it carries a random ``epoch`` (new whenever the file
is created) and a ``generation`` that every write raises. Each successful login stores the pair
in its audit event (inside the encrypted, hash-chained log), and the next successful login
compares: another epoch, or a lower generation, is audited and shown (``GuardCheck.reset``).
What this cannot stop — someone who copies the data folder guesses offline, at Argon2id's
cost, and no file-based counter slows that — is written down in the README.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from app.errors import AccountLocked, LoginThrottled

FREE_FAILURES = 2  # typos cost nothing: the wait starts at the third failure
MAX_DELAY_S = 60
LOCKOUT_AFTER = 10
MAX_TRACKED_NAMES = 200  # unknown names are counted too, but cannot grow the file forever
MAX_UNAUDITED = 50  # per name; the count stays exact, only the oldest times are dropped

_lock = threading.Lock()  # read-modify-write of the file, within this process


def name_key(username: str) -> str:
    """How the file names an account: a hash, so a password typed into the name field by
    mistake is never written down in clear."""
    return hashlib.sha256(b"samskriv-login-guard:" + username.encode()).hexdigest()[:32]


def delay_after(failures: int) -> int:
    """Seconds to wait before the next attempt after ``failures`` consecutive failures:
    0, 0, 1, 2, 4, 8, … capped at ``MAX_DELAY_S``."""
    if failures <= FREE_FAILURES:
        return 0
    return int(min(2 ** (failures - FREE_FAILURES - 1), MAX_DELAY_S))


@dataclass(frozen=True)
class GuardStatus:
    failures: int
    locked: bool
    wait_s: int


@dataclass(frozen=True)
class FailureRecord:
    """Failures of one name not yet in the audit log: how many, first and last, and where.
    ``key`` is ``name_key`` of the name that was typed."""

    key: str
    count: int
    first: str
    last: str
    where: tuple[str, ...]


@dataclass(frozen=True)
class GuardCheck:
    """What a successful login learns from the file before it resets the user's counter."""

    epoch: str
    generation: int
    unseen: int  # failures on this name since the user's last successful login
    pending: tuple[FailureRecord, ...]
    created: bool  # the file was missing or unreadable and starts anew


class LoginGuard:
    """The throttle state of one data folder. Cheap to construct; reads the file per call."""

    def __init__(self, path: Path, clock: Callable[[], datetime]) -> None:
        self.path = path
        self.clock = clock

    # -- reading and writing -----------------------------------------------------------------

    def _read(self) -> tuple[dict[str, Any], bool]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if _well_formed(data):
                return data, False
        except (OSError, ValueError):
            pass
        # Missing or unreadable: a new epoch, so the next successful login notices the loss.
        return {"version": 1, "epoch": secrets.token_hex(16), "generation": 0, "users": {}}, True

    def _write(self, data: dict[str, Any]) -> None:
        data["generation"] = int(data["generation"]) + 1
        tmp = self.path.with_name(self.path.name + ".tmp")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(data, fh, indent=1, sort_keys=True)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self.path)

    # -- the throttle ------------------------------------------------------------------------

    def status(self, username: str) -> GuardStatus:
        entry = self._read()[0]["users"].get(name_key(username))
        if entry is None:
            return GuardStatus(0, False, 0)
        return GuardStatus(entry["failures"], entry["locked"], self._wait(entry))

    def _wait(self, entry: dict[str, Any]) -> int:
        delay = delay_after(entry["failures"])
        if not delay or not entry["last_failure"]:
            return 0
        elapsed = (self.clock() - datetime.fromisoformat(entry["last_failure"])).total_seconds()
        # A clock set back makes ``elapsed`` negative: never ask for more than the delay itself.
        return max(0, min(delay, int(delay - max(elapsed, 0.0) + 0.999)))

    def check(self, username: str) -> None:
        """Raise ``AccountLocked`` or ``LoginThrottled`` if ``username`` may not try now."""
        status = self.status(username)
        if status.locked:
            raise AccountLocked()
        if status.wait_s > 0:
            raise LoginThrottled(status.wait_s)

    def record_failure(self, username: str, where: str, *, audited: bool = False) -> GuardStatus:
        """Count one wrong password; ``audited`` when the caller writes its own audit event."""
        now = self.clock()
        with _lock:
            data, _ = self._read()
            users: dict[str, Any] = data["users"]
            entry = users.setdefault(name_key(username), _new_entry())
            entry["failures"] += 1
            entry["unseen"] += 1
            entry["last_failure"] = now.isoformat()
            if entry["failures"] >= LOCKOUT_AFTER:
                entry["locked"] = True
            if not audited:
                entry["unaudited"] = (entry["unaudited"] + [[now.isoformat(), where]])[
                    -MAX_UNAUDITED:]
                entry["unaudited_count"] += 1
            _forget_oldest(users)
            self._write(data)
        return GuardStatus(entry["failures"], entry["locked"], self._wait(entry))

    def peek(self, username: str) -> GuardCheck:
        """The state a successful login of ``username`` reports, without changing the file."""
        data, created = self._read()
        entry = data["users"].get(name_key(username)) or _new_entry()
        pending = tuple(_pending(name, e) for name, e in sorted(data["users"].items())
                        if e["unaudited_count"])
        return GuardCheck(data["epoch"], int(data["generation"]), int(entry["unseen"]),
                          pending, created)

    def record_success(self, username: str, seen: GuardCheck) -> None:
        """``username`` logged in: their counter starts again, and the failures ``seen``
        listed as pending are now in the audit log. A file still missing gets the epoch that
        the login recorded."""
        with _lock:
            data, created = self._read()
            if created:
                data["epoch"], data["generation"] = seen.epoch, seen.generation
            users = data["users"]
            for record in seen.pending:
                entry = users.get(record.key)
                if entry is None:
                    continue
                entry["unaudited"] = [u for u in entry["unaudited"] if u[0] > record.last]
                entry["unaudited_count"] = max(0, entry["unaudited_count"] - record.count)
            own = users.get(name_key(username))
            if own is not None:
                own.update(failures=0, last_failure=None, locked=False, unseen=0)
            for name in [n for n, e in users.items() if e == _new_entry()]:
                del users[name]
            self._write(data)

    def clear_failures(self, username: str) -> None:
        """The password was right on the lock screen: the wait starts again from zero."""
        with _lock:
            data, _ = self._read()
            entry = data["users"].get(name_key(username))
            if entry is None or not (entry["failures"] or entry["locked"]):
                return
            entry["failures"], entry["last_failure"] = 0, None
            self._write(data)

    def unlock(self, username: str) -> bool:
        """Lift a lockout (an admin's decision); True if ``username`` was locked."""
        with _lock:
            data, _ = self._read()
            entry = data["users"].get(name_key(username))
            if entry is None or not (entry["locked"] or entry["failures"]):
                return False
            was_locked = bool(entry["locked"])
            entry["failures"], entry["locked"], entry["last_failure"] = 0, False, None
            self._write(data)
            return was_locked


def _new_entry() -> dict[str, Any]:
    return {"failures": 0, "last_failure": None, "locked": False, "unseen": 0,
            "unaudited": [], "unaudited_count": 0}


def _pending(key: str, entry: dict[str, Any]) -> FailureRecord:
    times = [u[0] for u in entry["unaudited"]] or [entry["last_failure"] or ""]
    where = tuple(sorted({u[1] for u in entry["unaudited"]}))
    return FailureRecord(key, int(entry["unaudited_count"]), min(times), max(times), where)


def _forget_oldest(users: dict[str, Any]) -> None:
    """Keep at most ``MAX_TRACKED_NAMES`` names; locked ones and pending audits are kept."""
    if len(users) <= MAX_TRACKED_NAMES:
        return
    spare = sorted((e["last_failure"] or "", name) for name, e in users.items()
                   if not e["locked"] and not e["unaudited_count"])
    for _, name in spare[: len(users) - MAX_TRACKED_NAMES]:
        del users[name]


def _well_formed(data: Any) -> bool:
    """The shape this module writes; anything else counts as a lost file."""
    if not (isinstance(data, dict) and isinstance(data.get("epoch"), str)
            and isinstance(data.get("generation"), int) and isinstance(data.get("users"), dict)):
        return False
    for name, entry in data["users"].items():
        if not (isinstance(name, str) and isinstance(entry, dict)
                and set(entry) == set(_new_entry())
                and isinstance(entry["failures"], int) and isinstance(entry["locked"], bool)
                and isinstance(entry["unseen"], int) and isinstance(entry["unaudited"], list)
                and isinstance(entry["unaudited_count"], int)
                and (entry["last_failure"] is None or isinstance(entry["last_failure"], str))):
            return False
        try:
            if entry["last_failure"]:
                datetime.fromisoformat(entry["last_failure"])
        except ValueError:
            return False
        if not all(isinstance(u, list) and len(u) == 2 and all(isinstance(x, str) for x in u)
                   for u in entry["unaudited"]):
            return False
    return True
