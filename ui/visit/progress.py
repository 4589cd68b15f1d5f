"""A thread-safe progress emitter for slow background work (downloads, transcription).

Threading contract: create ``ProgressRelay`` on the GUI thread; call ``report`` (or pass
``relay.report`` as a progress callback) from any thread. ``progress_changed`` is delivered to
GUI-thread receivers queued, and is only emitted when the whole percent changes, so a fast
producer cannot flood the event loop.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal


class ProgressRelay(QObject):
    """Turns progress callbacks from worker threads into a Qt signal (percent 0–100)."""

    progress_changed = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = threading.Lock()
        self._last = -1

    def report(self, fraction: float) -> None:
        """Any thread: ``fraction`` from 0.0 to 1.0."""
        percent = max(0, min(100, int(fraction * 100)))
        with self._lock:
            if percent == self._last:
                return
            self._last = percent
        self.progress_changed.emit(percent)

    def report_bytes(self, done: int, total: int | None) -> None:
        """Any thread: the download callback's (bytes done, total or None)."""
        if total:
            self.report(done / total)

    def reset(self) -> None:
        with self._lock:
            self._last = -1
