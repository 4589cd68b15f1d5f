"""The UI tests' guards report a QThread or QTimer a test leaves running."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, QThread, QTimer
from pytestqt.qtbot import QtBot

from tests.support.qt_guards import StartWatch, active_timers, running_threads


def test_a_thread_left_running_is_reported(qtbot: QtBot) -> None:
    with StartWatch(QThread) as watch:
        thread = QThread()
        thread.setObjectName("left-running")
        thread.start()  # runs its event loop until told to quit
    assert running_threads(watch, grace_ms=50) == ["left-running"]
    thread.quit()
    assert running_threads(watch) == []


def test_a_finished_thread_is_not_reported(qtbot: QtBot) -> None:
    with StartWatch(QThread) as watch:
        thread = QThread()
        thread.start()
        thread.quit()  # told to stop: the guard gives it a moment
    assert running_threads(watch) == []
    assert thread.isFinished()


def test_an_active_timer_on_a_live_object_is_reported(qtbot: QtBot) -> None:
    owner = QObject()
    with StartWatch(QTimer) as watch:
        timer = QTimer(owner)
        timer.setObjectName("autosave")
        timer.start(60_000)
    assert active_timers(watch) == ["autosave (60000 ms, QObject)"]
    timer.stop()
    assert active_timers(watch) == []


_INNER_CONFTEST = '''
from tests.support.qt_guards import _no_active_qtimers, _no_dangling_qthreads  # noqa: F401
'''
_INNER_TESTS = '''
from PySide6.QtCore import QThread, QTimer

KEEP = []


def test_leaves_a_thread_running(qapp):
    thread = QThread()
    thread.setObjectName("forgotten")
    thread.start()
    KEEP.append(thread)


def test_leaves_a_timer_active(qapp):
    timer = QTimer()
    timer.start(60_000)
    KEEP.append(timer)


def test_stops_its_thread(qapp):
    thread = QThread()
    thread.start()
    thread.quit()
    thread.wait()
'''


def test_the_guards_fail_the_tests_that_leave_them(
        pytester: pytest.Pytester, _no_dangling_qthreads: StartWatch,
        _no_active_qtimers: StartWatch) -> None:
    pytester.makeconftest(_INNER_CONFTEST)
    pytester.makepyfile(test_inner=_INNER_TESTS)
    try:
        result = pytester.runpytest_inprocess("-p", "no:cacheprovider")
    finally:  # what the inner tests left running is this test's to stop
        for thread in _no_dangling_qthreads.alive():
            assert isinstance(thread, QThread)
            thread.quit()
            thread.wait()
        for timer in _no_active_qtimers.alive():
            assert isinstance(timer, QTimer)
            timer.stop()
    result.assert_outcomes(passed=3, errors=2)
    result.stdout.re_match_lines([r".*QThreads left running by the test: \['forgotten'\]"])
    result.stdout.re_match_lines(
        [r".*QTimers left active by the test: \['QTimer \(60000 ms, no parent\)'\]"])


def test_qt_warnings_fail_every_test(request: pytest.FixtureRequest) -> None:
    """The suite's configuration, not a fixture a test could forget, makes warnings fail."""
    assert request.config.getini("qt_log_level_fail") == "WARNING"
    # Only messages Qt itself emits about the test machine are ignored, each with its reason.
    assert request.config.getini("qt_log_ignore") == [
        "^This plugin does not support", "^Couldn't (load|resolve) pipewire-0.3"]
