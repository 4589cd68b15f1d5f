"""The "Kunde inte synkroniseras" list: a note the server refused (the case was unassigned at
the office while the laptop was offline) is listed with its Swedish reason, never deleted,
sent again after "Försök igen" and exported encrypted with a passphrase asked twice."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app import notes, sync_failed
from app.errors import ValidationError
from server import admin
from tests.integration.sync.helpers import server_items
from tests.integration.syncserver.helpers import World
from tests.ui.sync.conftest import feature, idle, run_sync
from ui.app import AppController
from ui.main_window import MainWindow
from ui.sync.failed_list import FailedDialog

PASSPHRASE = "en lång lösenfras för IT"


def _refused(qtbot: QtBot, controller: AppController, window: MainWindow,
             server: World) -> str:
    run_sync(qtbot, controller)
    note = notes.create_draft(window.session.ctx, server.cases["N-1"], "Skrivet offline.")
    server.admin(admin.assign, "N-1", "anna", False)  # unassigned at the office meanwhile
    run_sync(qtbot, controller)
    return note.id


def test_listed_with_the_reason_and_sent_again_after_retry(
        qtbot: QtBot, controller: AppController, connected: MainWindow, server: World) -> None:
    note_id = _refused(qtbot, controller, connected, server)
    widget = feature(connected).status_widget
    assert widget.failed_button.isVisible()
    assert widget.failed_button.text() == "1 kunde inte synkroniseras"
    widget.failed_button.click()
    dialog = feature(connected).failed_dialog
    assert isinstance(dialog, FailedDialog)
    idle(qtbot, controller)
    assert dialog.tree.topLevelItemCount() == 1
    row = dialog.tree.topLevelItem(0)
    assert row is not None
    assert row.text(0) == "Anteckning"
    assert "tilldelad" in row.text(2)  # the server's reason, in Swedish
    assert note_id not in server_items(server, "revision")
    run_sync(qtbot, controller)  # a sync neither resends nor deletes it
    assert len(sync_failed.list_failed(connected.session.ctx)) == 1
    server.admin(admin.assign, "N-1", "anna", True)  # the office fixed the assignment
    with qtbot.waitSignal(feature(connected).controller.finished, timeout=15_000):
        dialog.retry_button.click()
    idle(qtbot, controller)
    assert dialog.tree.topLevelItemCount() == 0
    assert dialog.message.text() == "Allt har kunnat synkroniseras."
    assert server_items(server, "revision")  # it went up after the retry
    assert not widget.failed_button.isVisible()
    dialog.accept()


def test_export_encrypted_asks_the_passphrase_twice(
        qtbot: QtBot, controller: AppController, connected: MainWindow, server: World,
        tmp_path: Path) -> None:
    _refused(qtbot, controller, connected, server)
    dialog = feature(connected).open_failed()
    idle(qtbot, controller)
    export = dialog.open_export_dialog()
    out = tmp_path / "till-it.samskriv"
    export.path.setText(str(out))
    export.passphrase.setText(PASSPHRASE)
    export.repeat.setText(PASSPHRASE + "x")
    export.buttons.accepted.emit()
    assert export.passphrase_error.text() == "Lösenfraserna är inte lika."
    assert not out.exists()
    export.passphrase.setText("kort")
    export.repeat.setText("kort")
    export.buttons.accepted.emit()
    idle(qtbot, controller)
    assert "minst 12 tecken" in export.passphrase_error.text()
    assert not out.exists()
    export.path.setText(str(tmp_path / "finns-inte" / "fil.samskriv"))
    export.passphrase.setText(PASSPHRASE)
    export.repeat.setText(PASSPHRASE)
    export.buttons.accepted.emit()
    assert export.error.text() == "Mappen finns inte."
    export.path.setText(str(out))
    with qtbot.waitSignal(export.exported, timeout=15_000):
        export.buttons.accepted.emit()
    idle(qtbot, controller)
    assert out.exists() and b"Skrivet offline" not in out.read_bytes()
    assert str(out) in dialog.message.text()
    data = sync_failed.read_export(out, PASSPHRASE)
    assert len(data["items"]) == 1
    with pytest.raises(ValidationError):
        sync_failed.read_export(out, "fel lösenfras här")
    assert dialog.tree.topLevelItemCount() == 1  # exporting deletes nothing
    dialog.accept()
