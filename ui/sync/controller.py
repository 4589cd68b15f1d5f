"""Runs sync in the background: on the button, every few minutes and right after signing.

One sync at a time on the long-work queue (``UiSession.background``), so the window never waits
for the server. The automatic timer stops while the window is locked and when it closes; a sync
under way when the window closes is told to stop after its current page (``CancelToken``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal, Slot

from app import sync
from app.cancel import CancelToken
from app.context import Context
from app.errors import UserError
from app.sync import SyncResult, SyncStatus, TransportFactory
from ui.session import UiSession

log = logging.getLogger(__name__)

AUTO_SYNC_MS = 5 * 60_000


def _no_transport() -> None:
    return None  # the network


_transport_factory: list[TransportFactory] = [_no_transport]


def set_transport_factory(factory: TransportFactory | None) -> None:
    """Tests and the benchmark hand in an in-process server; None restores the network."""
    _transport_factory[0] = factory or _no_transport


def transport_factory() -> TransportFactory:
    return _transport_factory[0]


class _ProgressRelay(QObject):
    """Carries progress from the worker thread to the GUI thread (a queued signal). It has no
    parent: the worker's closure keeps it alive even if the window goes first."""

    progressed = Signal(int, int, str)


class SyncController(QObject):
    """The window's sync: ``status_changed(SyncStatus)``, ``progressed(done, total, phase)``,
    ``started()``, ``finished(SyncResult | None)`` (None after a failure)."""

    status_changed = Signal(object)
    progressed = Signal(int, int, str)
    started = Signal()
    finished = Signal(object)

    def __init__(self, session: UiSession, parent: QObject | None = None, *,
                 interval_ms: int = AUTO_SYNC_MS) -> None:
        super().__init__(parent)
        self.session = session
        self.status: SyncStatus | None = None
        self.running = False
        self.stopped = False
        self.last_failure: BaseException | None = None
        self._again = False
        self._cancel: CancelToken | None = None
        self.timer = QTimer(self)
        self.timer.setObjectName("syncTimer")
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.sync_if_connected)

    # -- what the window and the widgets call -------------------------------------------------

    def start(self) -> None:
        """Start the automatic sync (and read the status now)."""
        if self.stopped:
            return
        self.timer.start()
        self.refresh_status(then_sync=True)

    def stop(self) -> None:
        self.timer.stop()

    def shutdown(self) -> None:
        """The window closes: no more automatic syncs, and a running one stops soon."""
        self.stopped = True
        self.timer.stop()
        if self._cancel is not None:
            self._cancel.cancel()

    def refresh_status(self, then_sync: bool = False) -> None:
        def done(status: SyncStatus) -> None:
            self._set_status(status)
            if then_sync and status.connected:
                self.sync_now()

        self.session.tasks.op(sync.status, self.session.ctx).success(done) \
            .failure(self._on_status_failed).owned_by(self).run()

    @Slot()
    def sync_if_connected(self) -> None:
        if self.status is not None and not self.status.connected:
            return
        self.sync_now()

    @Slot()
    def sync_now(self) -> None:
        """Sync unless a sync is under way (then once more after it: e.g. a note signed while
        the last one was sending)."""
        if self.running:
            self._again = True
            return
        if self.status is None or not self.status.connected:
            self.refresh_status()
            return
        self.running, self._again, self.last_failure = True, False, None
        self._cancel = CancelToken()
        relay = _ProgressRelay()
        relay.progressed.connect(self.progressed)
        factory = transport_factory()
        self.started.emit()
        self.session.background.op(_run, self.session.ctx, relay.progressed.emit, self._cancel,
                                   factory, relay) \
            .success(self._on_synced).failure(self._on_sync_failed).owned_by(self).run()

    # -- outcomes ------------------------------------------------------------------------------

    def _set_status(self, status: SyncStatus) -> None:
        self.status = status
        self.status_changed.emit(status)

    def _on_synced(self, result: SyncResult) -> None:
        self._finish()
        self._set_status(result.status)
        self.finished.emit(result)
        self._maybe_again()

    def _on_sync_failed(self, exc: BaseException) -> None:
        """Unreachable or refused: the status says so (stored by ``app.sync``); no dialog, as
        most syncs start on their own. Anything else is a bug and is logged."""
        self._finish()
        self.last_failure = exc
        if not isinstance(exc, UserError):
            log.error("sync failed: %s", type(exc).__name__)
        self.finished.emit(None)
        self.refresh_status()
        self._maybe_again()

    def _on_status_failed(self, exc: BaseException) -> None:
        log.error("sync status failed: %s", type(exc).__name__)

    def _finish(self) -> None:
        self.running, self._cancel = False, None

    def _maybe_again(self) -> None:
        if self._again:
            self._again = False
            self.sync_now()


def _run(ctx: Context, progress: Callable[[int, int, str], None], cancel: CancelToken,
         factory: TransportFactory, _relay: QObject) -> SyncResult:
    """The worker's part (``_relay`` is only held so it outlives the call)."""
    return sync.sync_now(ctx, progress, cancel, transport=factory())


class WindowWatch(QObject):
    """Stops the automatic sync while the window is locked or closing, and starts it again
    when it is unlocked (or the close was called off)."""

    def __init__(self, controller: SyncController, window: QObject,
                 is_open: Callable[[], bool]) -> None:
        super().__init__(window)
        self.controller, self.is_open = controller, is_open
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Close:
            self.controller.stop()
            QTimer.singleShot(0, self, self._after_close)
        return False

    def _after_close(self) -> None:
        if self.is_open():  # the close was cancelled (an editor kept its text)
            if not self.controller.stopped:
                self.controller.timer.start()
        else:
            self.controller.shutdown()
