"""The log-fail handler: an unexpected ERROR log fails a test; a declared one does not."""

from __future__ import annotations

import logging

import pytest

from tests.support.logfail import LogFailHandler, expect_error_log

log = logging.getLogger("samskriv.test")


def test_declared_error_is_allowed_and_handed_to_the_test() -> None:
    with expect_error_log("could not save", logger="samskriv") as records:
        log.error("could not save the draft")
    assert [r.getMessage() for r in records] == ["could not save the draft"]


def test_a_declared_error_that_never_comes_fails() -> None:
    with (pytest.raises(pytest.fail.Exception, match="expected an error log matching 'nothing'"),
          expect_error_log("nothing")):
        log.warning("only a warning")


def test_a_declaration_covers_only_its_pattern_and_logger(_fail_on_error_logs: LogFailHandler
                                                          ) -> None:
    with expect_error_log("saved", logger="ui"):
        log.error("saved elsewhere")  # another logger: not covered
        logging.getLogger("ui.errors").error("saved")
    assert [r.getMessage() for r in _fail_on_error_logs.take_unexpected()] == ["saved elsewhere"]


def test_the_handler_collects_errors_only() -> None:
    handler = LogFailHandler()
    log.addHandler(handler)
    try:
        with expect_error_log("an error|worse"):  # the suite's own handler sees them too
            log.warning("a warning")
            log.error("an error")
            log.critical("worse")
    finally:
        log.removeHandler(handler)
    assert [r.getMessage() for r in handler.take_unexpected()] == ["an error", "worse"]
    assert handler.take_unexpected() == []


_INNER_CONFTEST = 'pytest_plugins = ["tests.support.logfail"]\n'
_INNER_TESTS = '''
import logging
import threading

import pytest

from tests.support.logfail import expect_error_log

log = logging.getLogger("app.inner")


def test_logs_an_unexpected_error():
    log.error("boom")


def test_logs_from_a_worker_thread():
    worker = threading.Thread(target=lambda: log.exception("worker failed"))
    worker.start()
    worker.join()


def test_declares_its_error():
    with expect_error_log("boom", logger="app"):
        log.error("boom")


def test_only_warns():
    log.warning("just a warning")


@pytest.fixture
def noisy_teardown():
    yield
    log.error("teardown went wrong")


def test_error_in_teardown(noisy_teardown):
    pass
'''


def test_unexpected_error_logs_fail_the_test(pytester: pytest.Pytester) -> None:
    pytester.makeconftest(_INNER_CONFTEST)
    pytester.makepyfile(test_inner=_INNER_TESTS)
    # In process, the inner tests log through this process's root logger as well.
    with expect_error_log(logger="app.inner"):
        result = pytester.runpytest_inprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=3, failed=2, errors=1)
    result.stdout.fnmatch_lines(["*unexpected error log (1)*", "*ERROR app.inner: boom*"])
    result.stdout.fnmatch_lines(["*FAILED*test_logs_an_unexpected_error*",
                                 "*FAILED*test_logs_from_a_worker_thread*",
                                 "*ERROR*test_error_in_teardown*"])

