"""Fail a test when an ERROR (or worse) is logged that the test did not declare (after
qutebrowser's ``tests/helpers/logfail.py``).

A handler on the root logger records every ERROR record of a test. A record the test announced
with ``expect_error_log(...)`` is allowed (and required: the block fails when none came); any
other fails the test in the phase it was logged in. Records are collected, never raised from
``emit``: a raise would unwind the code under test (and a worker thread cannot fail a test).

Loaded for every test from ``tests/conftest.py`` (``pytest_plugins``).
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Generator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import pytest

_active: LogFailHandler | None = None


@dataclass
class _Expectation:
    pattern: re.Pattern[str]
    logger: str
    seen: list[logging.LogRecord] = field(default_factory=list)

    def matches(self, record: logging.LogRecord) -> bool:
        in_logger = not self.logger or record.name == self.logger or \
            record.name.startswith(self.logger + ".")
        return in_logger and self.pattern.search(record.getMessage()) is not None


class LogFailHandler(logging.Handler):
    """Collects ERROR records; those an open ``expect_error_log`` block matches are allowed.

    Threading contract: ``emit`` may run on any thread (workers log too); the lists are
    guarded by one lock.
    """

    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self._guard = threading.Lock()
        self._expected: list[_Expectation] = []
        self.unexpected: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        with self._guard:
            for expectation in reversed(self._expected):
                if expectation.matches(record):
                    expectation.seen.append(record)
                    return
            self.unexpected.append(record)

    def expect(self, expectation: _Expectation) -> None:
        with self._guard:
            self._expected.append(expectation)

    def forget(self, expectation: _Expectation) -> None:
        with self._guard:
            self._expected.remove(expectation)

    def take_unexpected(self) -> list[logging.LogRecord]:
        with self._guard:
            taken, self.unexpected = self.unexpected, []
        return taken


@contextmanager
def expect_error_log(pattern: str = "", *, logger: str = "") -> Iterator[list[logging.LogRecord]]:
    """Declare that the block logs an ERROR whose message matches ``pattern`` (a regex, searched)
    from ``logger`` (or a child of it); yields the matching records. Fails when none came."""
    handler = _active
    if handler is None:
        raise RuntimeError("expect_error_log needs the logfail plugin (tests/conftest.py)")
    expectation = _Expectation(re.compile(pattern), logger)
    handler.expect(expectation)
    try:
        yield expectation.seen
    finally:
        handler.forget(expectation)
    if not expectation.seen:
        pytest.fail(f"expected an error log matching {pattern!r}"
                    f"{f' from {logger!r}' if logger else ''}; none was logged", pytrace=False)


def describe(records: list[logging.LogRecord]) -> str:
    lines = [f"unexpected error log ({len(records)}); declare it with expect_error_log(...) "
             "if the test means it:"]
    for record in records:
        message = record.getMessage().strip().splitlines() or [""]
        # The first line says what happened; a logged traceback ends with the exception.
        text = message[0] if len(message) == 1 else f"{message[0]} ... {message[-1]}"
        exc = f" [{record.exc_info[0].__name__}]" if record.exc_info and record.exc_info[0] else ""
        lines.append(f"  {record.levelname} {record.name}: {text}{exc}")
    return "\n".join(lines)


@pytest.fixture(autouse=True)
def _fail_on_error_logs() -> Iterator[LogFailHandler]:
    """Install the handler around the test; records left after teardown fail it there."""
    global _active
    handler = LogFailHandler()
    root = logging.getLogger()
    root.addHandler(handler)
    previous, _active = _active, handler
    try:
        yield handler
    finally:
        _active = previous
        root.removeHandler(handler)
    late = handler.take_unexpected()
    if late:
        pytest.fail(describe(late), pytrace=False)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Generator[None, object, object]:
    """Fail the call phase itself (FAILED, not a teardown error) for what the test body logged."""
    handler = _active
    try:
        result = yield
    except BaseException:
        if handler is not None:
            handler.take_unexpected()  # the test failed already; pytest shows its captured log
        raise
    if handler is not None:
        records = handler.take_unexpected()
        if records:
            pytest.fail(describe(records), pytrace=False)
    return result
