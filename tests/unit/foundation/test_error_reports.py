"""Error reports: the scrub of report text, and a full disk or a locked database told in Swedish."""

from __future__ import annotations

import errno
import logging
from pathlib import Path

import pytest
import sqlcipher3
from sqlalchemy.exc import OperationalError

from app.errors import DiskFull, StoreBusy, UserError, environment_error, reported
from app.scrub import HIDDEN, scrub, scrub_record
from app.store import make_engine

ROOT = Path(__file__).parents[3]


@pytest.mark.parametrize("secret", [
    "19870514-9990", "198705149990", "870514-9990", "870514+9990", "8705149990",
    "19870514 9990",
])
def test_personnummer_in_any_written_form_is_hidden(secret: str) -> None:
    assert secret not in scrub(f"ValueError: bad value {secret} in row")


def test_parameter_blocks_and_quoted_data_are_hidden_but_the_shape_is_kept() -> None:
    report = (
        'Traceback (most recent call last):\n'
        '  File "/src/app/notes.py", line 12, in save\n'
        "sqlalchemy.exc.IntegrityError: (sqlcipher3.dbapi2.IntegrityError) nej\n"
        "[SQL: INSERT INTO note_revisions (id, body) VALUES (?, ?)]\n"
        "[parameters: ('abc', 'Tolvan bor hos mormor')]\n"
        "(Background on this error at: https://sqlalche.me/e/20/gkpj)\n"
        "KeyError: 'Tolvan Rävsvansson'\n"
        "ValueError: invalid literal for int() with base 10: \"Anna\"\n"
        "KeyError: 'note_id'\n"
    )
    out = scrub(report)
    for secret in ("Tolvan", "mormor", "Rävsvansson", "Anna"):
        assert secret not in out
    for kept in ('File "/src/app/notes.py", line 12', "INSERT INTO note_revisions",
                 "IntegrityError", "KeyError: 'note_id'", "sqlalche.me"):
        assert kept in out
    assert f"[parameters: {HIDDEN}]" in out


def test_literals_of_the_code_in_a_traceback_stay() -> None:
    report = ('  File "/src/app/x.py", line 3, in f\n'
              '    raise KeyError("internt fel")\n'
              "KeyError: 'internt fel'\n"
              "ValueError: 'Tolvan Rävsvansson'\n")
    out = scrub(report)
    assert 'raise KeyError("internt fel")' in out and "KeyError: 'internt fel'" in out
    assert "Rävsvansson" not in out


def test_a_stray_apostrophe_does_not_swallow_the_report() -> None:
    out = scrub("don't\nTraceback line\nValueError: x 'y'\n")
    assert "Traceback line" in out


def test_a_log_record_is_scrubbed_with_its_traceback() -> None:
    name, number = "Tolvan " + "Rävsvansson", "870514-" + "9990"  # data, not code
    try:
        raise ValueError(f"could not store {name!r} {number}")
    except ValueError as exc:
        record = logging.LogRecord("app.x", logging.ERROR, __file__, 1, "saving %s failed",
                                   ("Tolvan Rävsvansson",), (type(exc), exc, exc.__traceback__))
    text = logging.Formatter().format(scrub_record(record))
    assert "Rävsvansson" not in text and "870514" not in text and "ValueError" in text


def _wrapped(message: str) -> OperationalError:
    return OperationalError("INSERT INTO x VALUES (?)", ("secret",),
                            sqlcipher3.OperationalError(message), hide_parameters=True)


def test_a_full_disk_and_a_locked_database_have_their_own_swedish_messages() -> None:
    assert isinstance(environment_error(_wrapped("database or disk is full")), DiskFull)
    assert isinstance(environment_error(OSError(errno.ENOSPC, "No space left")), DiskFull)
    assert isinstance(environment_error(_wrapped("database is locked")), StoreBusy)
    assert isinstance(environment_error(sqlcipher3.OperationalError("database is locked")),
                      StoreBusy)
    assert environment_error(_wrapped("no such table: x")) is None
    assert environment_error(KeyError("x")) is None
    try:  # found through the chain, as a service re-raises it
        try:
            raise OSError(errno.ENOSPC, "No space left on device")
        except OSError as inner:
            raise RuntimeError("write failed") from inner
    except RuntimeError as exc:
        shown = reported(exc)
    assert isinstance(shown, DiskFull) and "Disken är full" in shown.message
    assert isinstance(reported(_wrapped("database is locked")), UserError)
    assert "Ett oväntat fel" not in StoreBusy().message


def test_every_engine_hides_its_parameters(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "x.db", bytes(32))
    try:
        assert engine.hide_parameters
    finally:
        engine.dispose()
    sources = [p for folder in ("app", "models", "server") for p in (ROOT / folder).rglob("*.py")]
    for path in sources:
        text = path.read_text(encoding="utf-8")
        calls = text.count("create_engine(") - text.count("import create_engine")
        assert text.count("hide_parameters=True") >= calls, path
