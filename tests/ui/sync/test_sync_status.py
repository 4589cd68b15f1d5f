"""The sync status in the status bar, the sync button, the Server settings page and the automatic
sync (after signing, on the timer, stopped on lock) against the real server in-process."""

from __future__ import annotations

from datetime import UTC, datetime

import httpx
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from app import notes, sync
from app.dto import NoteInfo
from app.sync import SyncStatus
from tests.integration.sync.helpers import server_items
from tests.integration.syncserver.helpers import PASSWORD, World
from tests.ui.sync.conftest import URL, feature, idle, run_sync
from ui.app import AppController
from ui.main_window import MainWindow
from ui.sync import set_transport_factory
from ui.sync.server_page import ServerSettingsWidget
from ui.sync.status_widget import last_synced_text


class Down(httpx.BaseTransport):
    """A server that cannot be reached."""

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)


def _status_text(window: MainWindow) -> str:
    return feature(window).status_widget.label.text()


def test_not_connected_says_so_and_the_button_waits(anna: MainWindow) -> None:
    widget = feature(anna).status_widget
    assert _status_text(anna) == "Inte ansluten till någon server"
    assert not widget.sync_button.isEnabled()
    assert widget.isVisible()  # always in the status bar


def test_connect_on_the_server_page_then_disconnect(qtbot: QtBot, controller: AppController,
                                                    anna: MainWindow, server: World) -> None:
    dialog = anna.open_settings_dialog()
    page = next(p for p in dialog.pages if isinstance(p, ServerSettingsWidget))
    idle(qtbot, controller)
    assert page.title() == "Server"
    page.address.setText("samskriv.kommun.se")  # no scheme: said before anything is sent
    assert page.open_connect_dialog() is None
    assert "https://" in page.address_error.text()
    page.address.setText(URL)
    connect = page.open_connect_dialog()
    assert connect is not None and connect.username.text() == "anna"
    connect.password.setText("fel-lösenord")
    connect.buttons.accepted.emit()
    idle(qtbot, controller)
    assert connect.isVisible() and connect.error.text()  # a Swedish refusal, dialog stays
    assert not sync.status(anna.session.ctx).connected
    connect.password.setText(PASSWORD)
    with qtbot.waitSignal(page.connection_changed, timeout=10_000):
        connect.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    idle(qtbot, controller)
    assert page.account.text() == f"Ansluten som anna till {URL}."
    assert page.disconnect_button.isVisible()
    # The token lives in the encrypted store, never in settings.json.
    settings_file = anna.session.ctx.paths.root / "settings.json"
    assert not settings_file.exists() or "token" not in settings_file.read_text()
    assert "Senast synkroniserad" in _status_text(anna)  # it synced right after connecting
    with qtbot.waitSignal(page.connection_changed, timeout=10_000):
        page.disconnect_button.click()
    idle(qtbot, controller)
    assert page.account.text() == "Inte ansluten."
    assert _status_text(anna) == "Inte ansluten till någon server"
    dialog.reject()


def test_pending_then_synced_then_unreachable(qtbot: QtBot, controller: AppController,
                                              connected: MainWindow, server: World) -> None:
    ctx = connected.session.ctx
    n1 = server.cases["N-1"]
    run_sync(qtbot, controller)  # N-1 arrives
    for i in range(3):
        note = notes.create_draft(ctx, n1, f"Anteckning {i}")
    notes.save_draft(ctx, note.id, "Anteckning 2, ändrad")  # one note, two revisions
    f = feature(connected)
    f.controller.refresh_status()
    idle(qtbot, controller)
    assert "3 anteckningar väntar på att skickas" in _status_text(connected)
    run_sync(qtbot, controller)
    text = _status_text(connected)
    assert "väntar" not in text
    status = f.controller.status
    assert status is not None and status.last_synced_at is not None
    assert text == "Senast synkroniserad " + last_synced_text(status.last_synced_at, ctx.now())
    assert len(server_items(server, "revision")) == 4
    notes.create_draft(ctx, n1, "En till")
    set_transport_factory(lambda: Down())  # the server goes away
    run_sync(qtbot, controller)
    text = _status_text(connected)
    assert text.startswith("Servern kan inte nås")
    assert "1 anteckning väntar på att skickas" in text


def test_one_note_is_singular_and_the_times(qtbot: QtBot, connected: MainWindow) -> None:
    widget = feature(connected).status_widget
    when = datetime(2026, 12, 1, 13, 2, tzinfo=UTC)
    status = SyncStatus(True, URL, "anna", pending=1, pending_notes=1, last_synced_at=when,
                        reachable=True)
    text = widget.text_for(status, when)
    assert text.startswith("1 anteckning väntar på att skickas · Senast synkroniserad ")
    assert text.endswith(last_synced_text(when, when)) and len(last_synced_text(when, when)) == 5
    yesterday = last_synced_text(when, datetime(2026, 12, 3, tzinfo=UTC))
    assert len(yesterday) == 16  # a date as well
    other = SyncStatus(True, URL, "anna", pending=2, reachable=True)
    assert widget.text_for(other, when).startswith("2 ändringar väntar på att skickas")


def test_signing_syncs_at_once(qtbot: QtBot, controller: AppController, connected: MainWindow,
                               server: World) -> None:
    run_sync(qtbot, controller)
    n1 = server.cases["N-1"]
    note = notes.create_draft(connected.session.ctx, n1, "Hembesök hos familjen.")
    f = feature(connected)
    signed = notes.sign(connected.session.ctx, note.id)
    assert isinstance(signed, NoteInfo)
    with qtbot.waitSignal(f.controller.finished, timeout=15_000):
        connected.case_view.note_signed.emit(signed)  # as the editor does after signing
    idle(qtbot, controller)
    assert len(server_items(server, "revision")) == 2


def test_the_timer_syncs_and_stops_on_lock(qtbot: QtBot, controller: AppController,
                                           connected: MainWindow) -> None:
    f = feature(connected)
    assert f.controller.timer.isActive()
    assert 60_000 <= f.controller.timer.interval() <= 10 * 60_000
    with qtbot.waitSignal(f.controller.finished, timeout=15_000):
        f.controller.timer.timeout.emit()
    idle(qtbot, controller)
    connected.idle_lock.lock_now()
    assert not f.controller.timer.isActive()
    connected.idle_lock.unlock()
    idle(qtbot, controller)
    assert f.controller.timer.isActive()


def test_status_texts_in_english(qtbot: QtBot, controller: AppController,
                                 connected: MainWindow) -> None:
    controller.translations.apply("en")
    widget = feature(connected).status_widget
    status = SyncStatus(True, URL, "anna", pending=3, pending_notes=3, reachable=False)
    text = widget.text_for(status, datetime.now(UTC))
    assert text == "The server cannot be reached · 3 notes are waiting to be sent · Never synced"
    assert QCoreApplication.translate("ConflictDialog", "Behåll min") == "Keep mine"
    assert QCoreApplication.translate("FailedDialog", "Exportera krypterat…") == \
        "Export encrypted…"
    assert QCoreApplication.translate("ServerSettingsWidget", "Koppla från") == "Disconnect"


def test_a_large_sync_shows_a_progress_bar(qtbot: QtBot, controller: AppController,
                                           connected: MainWindow, server: World) -> None:
    run_sync(qtbot, controller)
    for i in range(30):
        notes.create_draft(connected.session.ctx, server.cases["N-1"], f"Anteckning {i}")
    f = feature(connected)
    seen: list[tuple[bool, str]] = []
    f.controller.progressed.connect(
        lambda *_a: seen.append((f.status_widget.progress.isVisible(),
                                 f.status_widget.label.text())))
    f.controller.refresh_status()
    idle(qtbot, controller)
    run_sync(qtbot, controller)
    assert (True, "Skickar 0 av 30…") in seen
    assert not f.status_widget.progress.isVisible()  # gone when done
    assert len(server_items(server, "revision")) == 30
