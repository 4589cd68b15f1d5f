"""The optional dictation provider the review screen uses for "Dina egna ord".

Threading contract: a provider is created and called (``start``/``stop``) on the GUI thread
and emits all its signals on the GUI thread; a provider that recognises speech on a worker
thread (Vosk) relays its results through queued signals before emitting these.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal


class DictationProvider(QObject):
    """Speech to text for the person's own words. Subclass and implement start/stop."""

    dictation_started = Signal()
    dictation_stopped = Signal()
    partial_text_changed = Signal(str)  # provisional words, replaced by the next partial
    text_recognized = Signal(str)  # final words, to append to the field exactly as given
    # The exception: a ``UserError`` (its Swedish message is shown where the person looks) or
    # a bug, which the kiosk sends to the one presenter (logged once, "Kopiera detaljer").
    dictation_failed = Signal(object)

    def start(self) -> None:
        raise NotImplementedError

    def stop(self) -> None:
        raise NotImplementedError

    def shutdown(self) -> None:
        """Stop for good and release what the provider holds (threads, devices); the review
        that made it calls this when it ends. Nothing to release by default."""


DictationFactory = Callable[[], DictationProvider | None]
"""Makes a provider for one review, or returns None when dictation is not possible now (no
speech model loaded). The review that made a provider shuts it down when it ends."""
