"""Guards for every UI test (after napari's conftest): no QThread, worker thread or QTimer that
the test started may still be running when it ends.

A ``QThread`` or ``QTimer`` is watched from its ``start()`` (the class method is wrapped for
the test's duration, so subclasses are watched too); the thread pool of ``ui.tasks`` starts its
threads in C++ and is not watched (its owner drains it). Python threads are watched by name
(``samskriv-*``, the speech pipeline's). Imported as fixtures by ``tests/ui/conftest.py``.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable, Iterator

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QThread, QTimer

# A thread told to stop may need a moment to leave its event loop; one that was never told
# still runs after this and is reported.
GRACE_MS = 1000


class StartWatch:
    """Remembers every object of ``cls`` whose ``start()`` is called while watching."""

    def __init__(self, cls: type[QObject]) -> None:
        self.cls = cls
        self._started: list[weakref.ReferenceType[QObject]] = []
        self._original: Callable[..., object] | None = None

    def __enter__(self) -> StartWatch:
        original = self.cls.start  # type: ignore[attr-defined]
        started = self._started

        def start(obj: QObject, *args: object) -> object:
            started.append(weakref.ref(obj))
            return original(obj, *args)

        self._original = original
        self.cls.start = start  # type: ignore[attr-defined]
        return self

    def __exit__(self, *_exc: object) -> None:
        self.cls.start = self._original  # type: ignore[attr-defined]

    def alive(self) -> list[QObject]:
        """The started objects whose C++ side still exists."""
        objects = (ref() for ref in self._started)
        return [obj for obj in objects if obj is not None and shiboken6.isValid(obj)]


def running_threads(watch: StartWatch, grace_ms: int = GRACE_MS) -> list[str]:
    """Names of the watched QThreads still running after the grace period."""
    left = []
    for thread in watch.alive():
        assert isinstance(thread, QThread)
        if thread.isRunning() and not thread.wait(grace_ms):
            left.append(thread.objectName() or type(thread).__name__)
    return left


def active_timers(watch: StartWatch) -> list[str]:
    """The watched QTimers still active (their owner outlived the test)."""
    left = []
    for timer in watch.alive():
        assert isinstance(timer, QTimer)
        if timer.isActive():
            parent = timer.parent()
            owner = type(parent).__name__ if parent is not None else "no parent"
            left.append(f"{timer.objectName() or 'QTimer'} ({timer.interval()} ms, {owner})")
    return left


def _flush_deletions() -> None:
    """Delete what the test (or pytest-qt's widget cleanup) scheduled with ``deleteLater``."""
    if QCoreApplication.instance() is not None:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(autouse=True)
def _no_dangling_qthreads() -> Iterator[StartWatch]:
    """Fail the test when a QThread it started is still running at its end."""
    with StartWatch(QThread) as watch:
        yield watch
    _flush_deletions()
    left = running_threads(watch)
    assert not left, f"QThreads left running by the test: {left}"


@pytest.fixture(autouse=True)
def _no_active_qtimers() -> Iterator[StartWatch]:
    """Fail the test when a QTimer it started is still active on an object that outlived it."""
    with StartWatch(QTimer) as watch:
        yield watch
    _flush_deletions()
    left = active_timers(watch)
    assert not left, f"QTimers left active by the test: {left}"


@pytest.fixture(autouse=True)
def _no_leaked_threads() -> Iterator[None]:
    """Fail the test when a speech thread (``samskriv-*``) it started is still alive."""
    before = {t.ident for t in threading.enumerate()}
    yield
    leaked = [t.name for t in threading.enumerate()
              if t.ident not in before and t.name.startswith("samskriv-") and t.is_alive()]
    assert not leaked, f"threads left running: {leaked}"
