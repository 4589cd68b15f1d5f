"""The conflict view: a draft changed on anna's two laptops is marked in the journal, cannot be
signed, and is resolved by keeping one version or by writing the merged text."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app import notes, sync, sync_conflicts
from app.context import Context
from tests.integration.sync.conftest import ServerTransport
from tests.integration.syncserver.helpers import World
from tests.ui.conftest import PASSWORD as LOCAL_PASSWORD
from tests.ui.sync.conftest import OtherLaptop, feature, idle, run_sync
from ui.app import AppController
from ui.main_window import MainWindow
from ui.sync.conflict_view import ConflictDialog
from ui.sync.diff import changed_words, side_by_side

MINE = "Familjen var hemma. Barnet visade sitt rum."
THEIRS = "Familjen var hemma. Barnet visade teckningar i köket."


def _conflict(qtbot: QtBot, controller: AppController, window: MainWindow, server: World,
              other_laptop: OtherLaptop) -> tuple[str, Context]:
    """A draft anna wrote here, changed on her other laptop and here before either synced."""
    ctx = window.session.ctx
    n1 = server.cases["N-1"]
    run_sync(qtbot, controller)
    note = notes.create_draft(ctx, n1, "Familjen var hemma.")
    run_sync(qtbot, controller)
    other = other_laptop()
    sync.sync_now(other, transport=ServerTransport(server))
    notes.save_draft(other, note.id, THEIRS)  # her own draft, on her other laptop
    sync.sync_now(other, transport=ServerTransport(server))
    notes.save_draft(ctx, note.id, MINE)
    run_sync(qtbot, controller)
    return note.id, other


def _open_case(qtbot: QtBot, controller: AppController, window: MainWindow,
               case_id: str) -> None:
    with qtbot.waitSignal(window.case_view.case_loaded, timeout=10_000):
        window.case_view.show_case(case_id)
    idle(qtbot, controller)


def test_the_conflict_is_marked_and_cannot_be_signed(
        qtbot: QtBot, controller: AppController, connected: MainWindow, server: World,
        other_laptop: OtherLaptop) -> None:
    note_id, _other = _conflict(qtbot, controller, connected, server, other_laptop)
    widget = feature(connected).status_widget
    assert widget.conflicts_button.isVisible() and widget.conflicts_button.text() == "1 konflikt"
    _open_case(qtbot, controller, connected, server.cases["N-1"])
    card = connected.case_view.journal.cards[note_id]
    assert "I konflikt" in card.html()
    assert "sync-conflict" in card.buttons
    editor = connected.case_view.open_note_editor(note_id)
    assert editor is not None
    idle(qtbot, controller)
    assert "två datorer" in editor.status.text()  # said before anyone tries
    assert editor.body.toPlainText() == MINE  # nothing merged silently
    editor.sign_button.click()
    qtbot.waitUntil(lambda: editor.sign_confirmation is not None)
    box = editor.sign_confirmation
    assert box is not None
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: editor.sign_password is not None)
    assert editor.sign_password is not None
    editor.sign_password.password.setText(LOCAL_PASSWORD)  # signing asks for it again
    editor.sign_password.buttons.accepted.emit()
    idle(qtbot, controller)
    assert editor.sign_password is None
    assert "två datorer" in editor.form_error.text()
    assert notes.get_note(connected.session.ctx, note_id).state == "draft"


def test_keep_the_servers_version(qtbot: QtBot, controller: AppController,
                                  connected: MainWindow, server: World,
                                  other_laptop: OtherLaptop) -> None:
    note_id, other = _conflict(qtbot, controller, connected, server, other_laptop)
    _open_case(qtbot, controller, connected, server.cases["N-1"])
    card = connected.case_view.journal.cards[note_id]
    card.buttons["sync-conflict"].click()
    dialog = feature(connected).conflict_dialog
    assert isinstance(dialog, ConflictDialog)
    idle(qtbot, controller)
    assert dialog.list.count() == 1
    assert "Barnet visade" in dialog.mine.toPlainText()
    assert "teckningar i köket" in dialog.theirs.toPlainText()
    assert "Anna Testsson" in dialog.theirs_label.text()
    with qtbot.waitSignal(dialog.resolved, timeout=10_000):
        dialog.keep_theirs.click()
    idle(qtbot, controller)
    assert dialog.list.count() == 0
    ctx = connected.session.ctx
    assert notes.get_note(ctx, note_id).current.body == THEIRS
    assert sync_conflicts.list_conflicts(ctx) == []
    assert not connected.case_view.journal.cards[note_id].note.in_conflict
    dialog.accept()
    notes.sign(ctx, note_id)  # signing works again
    run_sync(qtbot, controller)
    sync.sync_now(other, transport=ServerTransport(server))
    assert sync_conflicts.list_conflicts(other) == []
    assert notes.get_note(other, note_id).state == "signed"


def test_write_the_merged_text(qtbot: QtBot, controller: AppController, connected: MainWindow,
                               server: World, other_laptop: OtherLaptop) -> None:
    note_id, _other = _conflict(qtbot, controller, connected, server, other_laptop)
    dialog = feature(connected).open_conflicts()
    idle(qtbot, controller)
    assert not dialog.merged.isVisible()
    dialog.write_merged.click()
    assert dialog.merged.isVisible() and dialog.merged.toPlainText() == MINE
    dialog.merged.setPlainText("   ")
    dialog.save_merged.click()
    idle(qtbot, controller)
    assert dialog.error.text() == "Skriv den sammanfogade texten."
    assert dialog.list.count() == 1  # nothing resolved
    merged = "Familjen var hemma. Barnet visade sitt rum och teckningar i köket."
    dialog.merged.setPlainText(merged)
    with qtbot.waitSignal(dialog.resolved, timeout=10_000):
        dialog.save_merged.click()
    idle(qtbot, controller)
    assert notes.get_note(connected.session.ctx, note_id).current.body == merged
    assert not feature(connected).status_widget.conflicts_button.isVisible()
    dialog.accept()


def test_differences_are_highlighted_word_by_word() -> None:
    only_mine, only_theirs = changed_words(MINE, THEIRS)
    assert only_mine == ["sitt rum."]
    assert only_theirs == ["teckningar i köket."]
    left, right = side_by_side("<b>a</b> b", "<b>a</b> c")
    assert "&lt;b&gt;" in left and "<b>" not in left  # text is escaped, never markup
    assert "background" in left and "background" in right
