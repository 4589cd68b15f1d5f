"""After login the main window checks the store's signatures in the background and warns in
Swedish when a record does not hold; an intact store shows no warning."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from app.context import Context
from app.keys import FAST_TEST_KDF, KeyFile
from tests.support.store import raw_connection
from tests.ui.conftest import PASSWORD
from ui.app import AppController
from ui.main_window import MainWindow
from ui.session import UiSession
from ui.tasks import TaskManager


def test_an_intact_store_shows_no_warning(qtbot: QtBot, window: MainWindow,
                                          controller: AppController) -> None:
    qtbot.waitUntil(lambda: not controller.tasks.busy)
    assert window.trust_bar.isHidden()


def test_an_altered_audit_event_shows_the_warning(
    qtbot: QtBot, ctx: Context, tasks: TaskManager
) -> None:
    key = KeyFile(ctx.paths.keyfile, FAST_TEST_KDF).unwrap("anna", "hemligt123")
    with raw_connection(ctx.paths.database, key) as db:
        db.execute("DROP TRIGGER audit_events_no_update")
        db.execute("UPDATE audit_events SET action = 'logout' WHERE seq = 1")
    window = MainWindow(UiSession(ctx, tasks), ctx.settings)
    qtbot.addWidget(window)
    assert not window.trust_bar.isHidden()
    text = window.trust_warning.text()
    assert text.startswith("Varning:") and "signaturer" in text
    assert PASSWORD not in text
