"""Shared pytest configuration: only fixtures every layer may use (nothing Qt here).

``tests.support.logfail`` fails any test that logs an unexpected ERROR; a test that means to
log one says so with ``expect_error_log(...)``.
"""

pytest_plugins = ["pytester", "tests.support.logfail", "tests.support.store"]
