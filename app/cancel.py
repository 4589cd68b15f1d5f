"""Cancellation and progress for long use cases (exports): plain values, no Qt.

The GUI's worker thread runs the use case; the dialog's "Avbryt" sets the token from the GUI
thread. The use case checks it between steps, so a cancelled export stops at the next note and
writes no file.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from app.errors import UserError

# ``progress(done, total)``: called from the worker thread; the receiver coalesces.
Progress = Callable[[int, int], None]


def no_progress(done: int, total: int) -> None:
    """The default: nobody is watching."""


class Cancelled(UserError):
    """The user stopped the operation; nothing was written."""

    def __init__(self, message: str = "Exporten avbröts. Ingen fil skrevs.") -> None:
        super().__init__(message)


class CancelToken:
    """Set from any thread with ``cancel()``; the worker calls ``check()`` between steps."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def wait(self, timeout: float) -> bool:
        """Block up to ``timeout`` seconds for a cancel; True if it came."""
        return self._event.wait(timeout)

    def check(self) -> None:
        if self._event.is_set():
            raise Cancelled()
