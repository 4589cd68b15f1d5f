"""Shared pytest configuration: only fixtures every layer may use (nothing Qt here).

``tests.support.logfail`` fails any test that logs an unexpected ERROR; a test that means to
log one says so with ``expect_error_log(...)``.
"""

from collections.abc import Iterator

import pytest

pytest_plugins = ["pytester", "tests.support.logfail", "tests.support.store"]


@pytest.fixture(autouse=True)
def _log_records_unscrubbed() -> Iterator[None]:
    """A test that runs the app's entry point in-process installs its log scrubbing for the
    process; take it away again so that later tests see their own log records."""
    from app.scrub import uninstall_log_scrubbing

    yield
    uninstall_log_scrubbing()
