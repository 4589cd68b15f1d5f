"""Error reports keep secrets: a note that fails to save, holding a distinctive personnummer, a
name and text, leaves none of them in the exception's text, in any log record or in what
"Kopiera detaljer" copies."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Iterator

import pytest
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from app import notes
from app.context import Context
from app.personnummer import luhn_ok
from app.scrub import install_log_scrubbing, uninstall_log_scrubbing
from tests.support.logfail import expect_error_log
from tests.support.store import make_case, raw_connection
from ui.errors import present_error

PNR = "19870514-9990"  # well formed, fails the Luhn check: nobody's number
NAME = "Tolvan Rävsvansson"
WORDS = "bor hos mormor på Rävsvansgatan"
BODY = f"{NAME} ({PNR}) berättade att hen {WORDS}."
SECRETS = (PNR, PNR.replace("-", ""), PNR[2:], NAME, "Rävsvansson", WORDS)


def _leaks(text: str) -> list[str]:
    return [s for s in SECRETS if s in text]


@pytest.fixture
def scrubbed_logs() -> Iterator[None]:
    install_log_scrubbing()  # as ui.main does before anything else
    yield
    uninstall_log_scrubbing()


def _refuse_revisions(ctx: Context) -> None:
    """Make every new note revision fail inside SQLite, with its values bound to the INSERT."""
    with raw_connection(ctx.paths.database, ctx.data_key) as conn:
        conn.execute("CREATE TRIGGER test_refuse BEFORE INSERT ON note_revisions "
                     "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END")


def _chain(exc: BaseException) -> Iterator[BaseException]:
    current: BaseException | None = exc
    while current is not None:
        yield current
        current = current.__cause__ or current.__context__


def _check_report(exc: BaseException, caplog: pytest.LogCaptureFixture) -> None:
    for link in _chain(exc):
        assert not _leaks(str(link)) and not _leaks(repr(link)), type(link).__name__
    with expect_error_log("Unexpected error", logger="ui.errors"):
        dialog = present_error(None, exc)
    assert dialog.copy_button is not None
    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert "Traceback" in copied and not _leaks(copied)
    formatter = logging.Formatter()
    for record in caplog.records:
        assert not _leaks(formatter.format(record)), record.name
    assert not _leaks(caplog.text)
    dialog.close()


def test_a_database_failure_while_saving_a_note_reports_no_secret(
        qtbot: QtBot, admin: Context, caplog: pytest.LogCaptureFixture,
        scrubbed_logs: None) -> None:
    assert not luhn_ok(PNR.replace("-", "")[2:])
    case = make_case(admin)
    _refuse_revisions(admin)
    caplog.set_level(logging.DEBUG)
    with pytest.raises(Exception) as failed:
        notes.create_draft(admin, case.id, BODY)
    assert "refused by the test" in str(failed.value)  # the real failure, not another
    assert "INSERT INTO note_revisions" in str(failed.value)  # ... with its statement
    _check_report(failed.value, caplog)
    assert notes.timeline(admin, case.id) == []  # and nothing half-saved


def test_a_bug_that_quotes_the_note_is_scrubbed_from_details_and_logs(
        qtbot: QtBot, admin: Context, caplog: pytest.LogCaptureFixture,
        scrubbed_logs: None, monkeypatch: pytest.MonkeyPatch) -> None:
    def careless(body: str, child_voice: str, section: str = "") -> None:
        raise ValueError(f"could not index {body!r}")  # a library that quotes its input

    monkeypatch.setattr(notes, "_check_text", careless)
    case = make_case(admin)
    caplog.set_level(logging.DEBUG)
    with pytest.raises(ValueError) as failed:
        notes.create_draft(admin, case.id, BODY)
    with expect_error_log("autosave failed", logger="app.transcription"):
        logging.getLogger("app.transcription").error("autosave failed", exc_info=failed.value)
    logging.getLogger("app.notes").warning("could not save %r", BODY)
    copied_before = "".join(traceback.format_exception(failed.value))
    assert _leaks(copied_before)  # the raw text would have leaked ...
    with expect_error_log("Unexpected error", logger="ui.errors"):
        dialog = present_error(None, failed.value)
    assert not _leaks(dialog.details)  # ... the report does not
    for record in caplog.records:
        assert not _leaks(logging.Formatter().format(record)), record.name
    dialog.close()
