"""The one QThread host of the recording and dictation workers: slots run on its own thread,
``finish`` joins it, a blocking call waits, and no hosted thread outlives its owner."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal, Slot
from pytestqt.qtbot import QtBot

from ui.visit.worker_host import WorkerHost


class _Worker(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.threads: list[threading.Thread] = []

    @Slot()
    def work(self) -> None:
        self.threads.append(threading.current_thread())


class _Owner(QObject):
    work_requested = Signal()


def test_slots_run_on_the_host_thread_and_finish_joins_it(qtbot: QtBot) -> None:
    owner = _Owner()
    host = WorkerHost(_Worker(), name="samskriv-test-worker", parent=owner)
    owner.work_requested.connect(host.worker.work)
    host.start()
    assert WorkerHost.running() == 1
    owner.work_requested.emit()  # queued to the worker's thread
    qtbot.waitUntil(lambda: bool(host.worker.threads), timeout=5_000)
    assert host.worker.threads and host.worker.threads[0] is not threading.main_thread()
    host.call_blocking(host.worker.work)  # returns only after the slot ran there
    assert len(host.worker.threads) == 2 and host.worker.threads[1] is host.worker.threads[0]
    host.finish()
    host.finish()  # idempotent
    assert not host.alive and WorkerHost.running() == 0
    owner.deleteLater()


def test_a_host_that_never_started_ends_cleanly(qtbot: QtBot) -> None:
    owner = _Owner()
    host = WorkerHost(_Worker(), name="samskriv-test-idle", parent=owner)
    host.call_blocking(host.worker.work)  # not running: nothing to wait for, no deadlock
    assert host.worker.threads == []
    host.finish()
    assert WorkerHost.running() == 0
    owner.deleteLater()
