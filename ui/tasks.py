"""One background-operation helper: service calls run on a single serial worker thread.

Threading contract (after Anki's ``taskman`` and napari's ``qthreading``):

* ``tasks.op(fn, *args).success(cb).failure(cb).owned_by(widget).run()`` queues
  ``fn(*args)`` on one worker thread (a ``QThreadPool`` limited to one thread), so database
  work is serialised and the GUI never blocks on Argon2id or SQLCipher. ``Op[T]`` is typed by
  ``fn``'s result, so ``success`` callbacks receive a ``T`` (after Anki's ``QueryOp``).
* ``fn`` must take plain values and return plain values (the services return frozen
  dataclasses); never hand it a widget.
* ``success(result)`` / ``failure(exc)`` callbacks are always called on the GUI thread: the
  worker parks the outcome and emits ``task_finished(task_id)``, delivered (queued) to a
  ``@Slot`` of the manager, which lives on the GUI thread. A callback whose ``owned_by``
  object has been deleted meanwhile is skipped.
* ``TaskManager(inline=True)`` runs everything synchronously in the caller (tests, scripts).
* ``shutdown()`` waits for the queue to drain; call it before the application exits.
"""

from __future__ import annotations

import itertools
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, ParamSpec, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QWidget

from ui import errors

SuccessCallback = Callable[[Any], None]
FailureCallback = Callable[[BaseException], None]
T = TypeVar("T")
P = ParamSpec("P")


@dataclass(frozen=True)
class _Outcome:
    """What came back from the worker: a result, or an exception with the traceback text
    formatted there (handed to the presenter; the exception itself is never changed)."""

    ok: bool
    value: Any
    details: str = ""


@dataclass
class _Pending:
    on_success: SuccessCallback | None
    on_failure: FailureCallback | None
    owner: QObject | None


class _TaskRunnable(QRunnable):
    """Runs one call on the worker thread and reports through the manager's signals."""

    def __init__(self, manager: TaskManager, task_id: int, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._manager = manager
        self._task_id = task_id
        self._fn = fn

    def run(self) -> None:
        try:
            outcome = _Outcome(True, self._fn())
        except BaseException as exc:  # noqa: BLE001 - every failure goes back to the GUI
            outcome = _Outcome(False, exc, traceback.format_exc())
        self._manager._deliver(self._task_id, outcome)


class TaskManager(QObject):
    """The serial background executor of the GUI. Create it on the GUI thread."""

    # Only the task id crosses threads through Qt; the outcome waits in a locked dict (passing
    # arbitrary Python objects through queued ``object`` signals is fragile in PySide6).
    task_finished = Signal(int)
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, *, inline: bool = False) -> None:
        super().__init__(parent)
        self._inline = inline
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._pool.setExpiryTimeout(-1)
        self._ids = itertools.count(1)
        self._pending: dict[int, _Pending] = {}
        self._outcomes: dict[int, _Outcome] = {}
        self._outcomes_lock = threading.Lock()
        self.task_finished.connect(self._on_worker_task_finished)

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def op(self, fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> Op[T]:
        """An operation to configure and ``run()``: ``fn(*args, **kwargs)`` in the background."""
        return Op(self, _bind(fn, args, kwargs))

    def _submit(self, call: Callable[[], Any], on_success: SuccessCallback | None,
                on_failure: FailureCallback | None, owner: QObject | None) -> None:
        """Queue ``call`` (``Op.run``). Without ``on_failure`` errors go to the presenter."""
        task_id = next(self._ids)
        self._pending[task_id] = _Pending(on_success, on_failure, owner)
        if len(self._pending) == 1:
            self.busy_changed.emit(True)
        runnable = _TaskRunnable(self, task_id, call)
        if self._inline:
            runnable.run()
            self._on_worker_task_finished(task_id)
        else:
            self._pool.start(runnable)

    def _deliver(self, task_id: int, outcome: _Outcome) -> None:
        """Worker side: park the outcome and wake the GUI thread (or the inline caller)."""
        with self._outcomes_lock:
            self._outcomes[task_id] = outcome
        if not self._inline:
            self.task_finished.emit(task_id)

    def shutdown(self, timeout_ms: int = 30_000) -> bool:
        """Wait for queued work to finish; returns False if it did not within the timeout."""
        done = self._pool.waitForDone(timeout_ms)
        self._pool.clear()
        return done

    def _take(self, task_id: int) -> _Pending | None:
        pending = self._pending.pop(task_id, None)
        if not self._pending:
            self.busy_changed.emit(False)
        if pending is None:
            return None
        if pending.owner is not None and not shiboken6.isValid(pending.owner):
            return None
        return pending

    @Slot(int)
    def _on_worker_task_finished(self, task_id: int) -> None:
        with self._outcomes_lock:
            outcome = self._outcomes.pop(task_id)
        pending = self._take(task_id)
        if pending is None:
            return
        if outcome.ok:
            if pending.on_success is not None:
                pending.on_success(outcome.value)
        elif pending.on_failure is not None:
            pending.on_failure(outcome.value)
        else:
            parent = pending.owner if isinstance(pending.owner, QWidget) else None
            errors.present_error(parent, outcome.value, details=outcome.details)


class Op(Generic[T]):
    """One background call with typed callbacks; nothing happens until ``run()``.

    Without ``failure`` an exception goes to the one presenter (``ui.errors.present_error``);
    callbacks are skipped when the ``owned_by`` object has been deleted meanwhile.
    """

    def __init__(self, tasks: TaskManager, call: Callable[[], T]) -> None:
        self._tasks = tasks
        self._call = call
        self._on_success: Callable[[T], None] | None = None
        self._on_failure: FailureCallback | None = None
        self._owner: QObject | None = None

    def success(self, callback: Callable[[T], None]) -> Op[T]:
        self._on_success = callback
        return self

    def failure(self, callback: FailureCallback) -> Op[T]:
        self._on_failure = callback
        return self

    def owned_by(self, owner: QObject) -> Op[T]:
        self._owner = owner
        return self

    def run(self) -> None:
        self._tasks._submit(self._call, self._on_success, self._on_failure, self._owner)


def _bind(fn: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]) -> Callable[[], Any]:
    def call() -> Any:
        return fn(*args, **kwargs)

    return call
