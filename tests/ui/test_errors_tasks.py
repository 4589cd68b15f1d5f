"""The error presenter and the background task manager."""

from __future__ import annotations

import threading

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.errors import ValidationError
from tests.support.logfail import expect_error_log
from ui.errors import ErrorMessageDialog, details_of, present_error
from ui.tasks import TaskManager


def test_user_error_is_shown_as_is(qtbot: QtBot) -> None:
    dialog = present_error(None, ValidationError("Skriv ett ärendenummer."))
    assert dialog.message_label.text() == "Skriv ett ärendenummer."
    assert dialog.copy_button is None
    dialog.close()


def test_bug_gets_generic_message_and_copy_details(qtbot: QtBot) -> None:
    try:
        raise KeyError("internt")
    except KeyError as exc:
        with expect_error_log("Unexpected error", logger="ui.errors") as logged:
            dialog = present_error(None, exc)
    assert "KeyError: 'internt'" in logged[0].getMessage()  # a bug is logged with its traceback
    assert dialog.message_label.text() == "Ett oväntat fel inträffade"
    assert dialog.copy_button is not None
    dialog.copy_button.click()
    assert "KeyError: 'internt'" in QGuiApplication.clipboard().text()
    dialog.close()


def test_tasks_run_serially_off_the_gui_thread(qtbot: QtBot) -> None:
    tasks = TaskManager()
    gui = threading.get_ident()
    seen: list[tuple[str, int]] = []

    workers: list[int] = []

    def work(name: str) -> tuple[str, int]:
        workers.append(threading.get_ident())
        return name, threading.get_ident()

    for name in ("a", "b", "c"):
        tasks.op(work, name).success(lambda r: seen.append((r[0], threading.get_ident()))).run()
    qtbot.waitUntil(lambda: len(seen) == 3, timeout=5_000)
    assert [name for name, _ in seen] == ["a", "b", "c"]
    assert all(ident == gui for _, ident in seen)  # callbacks on the GUI thread
    assert len(workers) == 3 and gui not in workers  # the work itself off the GUI thread
    assert len(set(workers)) == 1  # on the one serial worker
    failures: list[BaseException] = []
    tasks.op(lambda: 1 / 0).failure(failures.append).run()
    qtbot.waitUntil(lambda: bool(failures), timeout=5_000)
    assert isinstance(failures[0], ZeroDivisionError)
    assert "ZeroDivisionError" in details_of(failures[0])  # the worker's traceback, kept
    assert not hasattr(failures[0], "samskriv_traceback")  # the exception is not patched
    assert tasks.shutdown()
    assert not tasks.busy


def test_inline_mode_and_default_presenter(qtbot: QtBot) -> None:
    tasks = TaskManager(inline=True)
    results: list[int] = []

    def double(x: int) -> int:
        return x * 2

    tasks.op(double, 21).success(results.append).run()  # typed: results is a list[int]
    assert results == [42]

    def fails() -> None:
        raise ValidationError("Fel i fältet.")

    tasks.op(fails).run()  # no failure callback: the presenter shows the message
    shown = [w for w in QApplication.topLevelWidgets()
             if isinstance(w, ErrorMessageDialog) and w.isVisible()]
    assert [d.message_label.text() for d in shown] == ["Fel i fältet."]
    for dialog in shown:
        dialog.close()


def _divide_on_the_worker() -> float:
    return 1 / 0


def test_the_default_presenter_copies_the_worker_threads_traceback(qtbot: QtBot) -> None:
    tasks = TaskManager()
    with expect_error_log("Unexpected error", logger="ui.errors") as logged:
        tasks.op(_divide_on_the_worker).run()  # no failure callback: the presenter
        qtbot.waitUntil(lambda: bool(logged), timeout=5_000)
    assert "in _divide_on_the_worker" in logged[0].getMessage()  # logged once, worker frames
    assert len(logged) == 1
    (dialog,) = [w for w in QApplication.topLevelWidgets()
                 if isinstance(w, ErrorMessageDialog) and w.isVisible()]
    assert dialog.copy_button is not None
    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert "in _divide_on_the_worker" in copied and "ZeroDivisionError" in copied
    dialog.close()
    assert tasks.shutdown()
