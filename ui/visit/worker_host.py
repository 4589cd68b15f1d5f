"""One host for a Qt worker object on its own thread (the recording and the kiosk dictation).

Threading contract: a ``WorkerHost`` is created and used on the GUI thread. It moves its
worker onto a new ``QThread`` (named, for thread dumps) whose event loop runs the worker's
slots; the owner talks to the worker through queued signals connected to those slots and
hears back through the worker's signals. ``finish`` stops the thread's event loop and joins
it; the worker is deleted on its own thread. A host that is never started still ends
cleanly, and ``call_blocking`` lets a shutdown wait for a slot (for example "stop and save
the tail") before the thread ends.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar, Generic, TypeVar

from PySide6.QtCore import QMetaObject, QObject, Qt, QThread

W = TypeVar("W", bound=QObject)


class WorkerHost(Generic[W]):
    """Owns one ``QThread`` with ``worker`` on it; ``finish()`` never leaves it running."""

    _running: ClassVar[set[QThread]] = set()

    def __init__(self, worker: W, *, name: str, parent: QObject) -> None:
        self.worker = worker
        self._thread: QThread | None = QThread(parent)
        self._thread.setObjectName(name)
        worker.moveToThread(self._thread)
        self._thread.finished.connect(worker.deleteLater)

    @classmethod
    def running(cls) -> int:
        """How many hosted threads are running now (a test guard: 0 after every test)."""
        return sum(1 for thread in cls._running if thread.isRunning())

    @property
    def alive(self) -> bool:
        return self._thread is not None

    def start(self) -> None:
        if self._thread is not None and not self._thread.isRunning():
            WorkerHost._running.add(self._thread)
            self._thread.start()

    def call_blocking(self, slot: Callable[[], None]) -> None:
        """Run the worker's ``@Slot`` ``slot`` on its thread and wait until it returned."""
        if self._thread is not None and self._thread.isRunning():
            QMetaObject.invokeMethod(self.worker, slot.__name__,
                                     Qt.ConnectionType.BlockingQueuedConnection)

    def finish(self) -> None:
        """End the thread's event loop and join it (idempotent)."""
        thread, self._thread = self._thread, None
        if thread is None:
            return
        thread.quit()
        thread.wait()
        WorkerHost._running.discard(thread)
        if not thread.isRunning() and thread.parent() is not None:
            thread.deleteLater()
