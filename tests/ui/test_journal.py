"""Write a note, save and edit the draft, sign it, correct it, and find it by search."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app import accounts, assignments, cases, notes
from app.dto import PersonInput
from app.keys import FAST_TEST_KDF
from ui.main_window import MainWindow
from ui.note_editor import NoteEditorWidget


def _open_case(qtbot: QtBot, window: MainWindow) -> str:
    case = cases.create_case(window.session.ctx, "2026-0007", "Kim Testsson", [PersonInput("child", "Kim Testsson")])
    with qtbot.waitSignal(window.case_view.case_loaded, timeout=5_000):
        window.case_list.refresh(select_id=case.id)
    return case.id


def _sign(qtbot: QtBot, editor: NoteEditorWidget) -> None:
    editor.sign_button.click()  # the note's reviews are looked up first
    qtbot.waitUntil(lambda: editor.sign_confirmation is not None, timeout=5_000)
    box = editor.sign_confirmation
    assert box is not None and box.isVisible()
    assert "kan inte ändras" in box.text()
    with qtbot.waitSignal(editor.note_signed, timeout=5_000):
        box.button(QMessageBox.StandardButton.Yes).click()


def test_draft_sign_correct_and_search(qtbot: QtBot, window: MainWindow) -> None:
    case_id = _open_case(qtbot, window)
    view = window.case_view
    assert view.journal.empty_label.isVisible()
    editor = view.open_note_editor()
    assert editor is not None
    editor.section.setCurrentIndex(editor.section.findData("Barnets utveckling – Utbildning"))
    editor.body.setPlainText("Hembesök. Kim berättade om skolan och kompisarna.")
    editor.child_voice.setPlainText("Kim vill bo kvar hos mamma.")
    with qtbot.waitSignal(editor.note_saved, timeout=5_000):
        QTest.keyClick(editor.body, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert editor.note is not None and editor.note.state == "draft"
    note_id = editor.note.id

    editor.body.setPlainText("Hembesök. Kim berättade om skolan, fotbollen och kompisarna.")
    with qtbot.waitSignal(editor.note_saved, timeout=5_000):
        editor.save_button.click()
    assert editor.note.draft_count == 2

    _sign(qtbot, editor)
    assert editor.note.state == "signed"
    assert editor.read_only and editor.body.isReadOnly() and editor.child_voice.isReadOnly()
    assert not editor.save_button.isVisible() and not editor.sign_button.isVisible()
    QTest.keyClick(editor.body, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert notes.get_note(window.session.ctx, note_id).current.kind == "signed"

    qtbot.waitUntil(lambda: "Signerad" in view.journal.cards[note_id].text_label.text(),
                    timeout=5_000)
    card = view.journal.cards[note_id]
    assert "Signerad" in card.text_label.text() and "Barnets röst" in card.text_label.text()
    assert "Kim Testsson" in card.text_label.text()
    editor.close_button.click()
    assert view.editor is None

    card.buttons["correct"].click()
    corrector = view.editor
    assert corrector is not None and corrector.correcting
    corrector.body.setPlainText("Hembesök. Kim berättade om skolan och handbollen.")
    corrector.correct_button.click()
    qtbot.waitUntil(lambda: corrector.reason_error.isVisible(), timeout=5_000)
    assert corrector.reason_error.text() == "Skriv varför anteckningen rättas."
    assert "handbollen" in corrector.body.toPlainText()  # nothing typed is lost
    corrector.reason.setText("Fel sport")
    with qtbot.waitSignal(corrector.note_corrected, timeout=5_000):
        corrector.correct_button.click()

    qtbot.waitUntil(lambda: "Rättad" in view.journal.cards[note_id].text_label.text(),
                    timeout=5_000)
    html = view.journal.cards[note_id].text_label.text()
    assert "<s>Hembesök. Kim berättade om skolan, fotbollen och kompisarna.</s>" in html
    assert "av Kim Testsson. Skäl: Fel sport" in html
    assert "handbollen" in html

    window.case_list.setCurrentIndex(1)
    with qtbot.waitSignal(window.case_list.search_finished, timeout=5_000):
        window.case_list.run_search("handboll")
    assert len(window.case_list.hits) == 1
    hit = window.case_list.hits[0]
    assert (hit.case_id, hit.note_id) == (case_id, note_id)
    label = window.case_list.hit_list.itemWidget(window.case_list.hit_list.item(0))
    assert "<b>handbollen</b>" in label.text()
    view.close_page(corrector)
    with qtbot.waitSignal(view.case_loaded, timeout=5_000):
        window.case_list.hit_list.itemActivated.emit(window.case_list.hit_list.item(0))
    assert view.journal.highlighted_note_id == note_id
    assert view.stack.currentWidget() is view.case_page


def test_editing_a_signed_draft_elsewhere_is_refused(qtbot: QtBot, window: MainWindow) -> None:
    case_id = _open_case(qtbot, window)
    ctx = window.session.ctx
    note = notes.create_draft(ctx, case_id, "Samtal i skolan.")
    with qtbot.waitSignal(window.case_view.case_loaded, timeout=5_000):
        window.case_view.reload()
    editor = window.case_view.open_note_editor(note.id)
    assert editor is not None
    notes.sign(ctx, note.id)  # signed meanwhile (another window, the CLI)
    editor.body.setPlainText("Ändrad text")
    editor.save_button.click()
    qtbot.waitUntil(lambda: bool(editor.form_error.text()), timeout=5_000)
    assert "kan inte ändras" in editor.form_error.text()
    assert editor.body.toPlainText() == "Ändrad text"


def test_a_colleagues_draft_opens_read_only(qtbot: QtBot, window: MainWindow) -> None:
    case_id = _open_case(qtbot, window)
    ctx = window.session.ctx
    accounts.add_user(ctx, "cecilia", "Cecilia Kollega", "caseworker", "kollegans-lösen-1")
    assignments.assign(ctx, case_id, "cecilia")
    colleague = accounts.login(ctx.paths, "cecilia", "kollegans-lösen-1", kdf=FAST_TEST_KDF)
    try:
        note = notes.create_draft(colleague, case_id, "Cecilias utkast.")
    finally:
        colleague.close()
    with qtbot.waitSignal(window.case_view.case_loaded, timeout=5_000):
        window.case_view.reload()
    editor = window.case_view.open_note_editor(note.id)
    assert editor is not None and editor.read_only
    assert editor.body.isReadOnly() and not editor.save_button.isVisible()
    assert not editor.sign_button.isVisible()
    assert editor.status.text() == ("Utkastet är skrivet av Cecilia Kollega; bara hen kan ändra "
                                    "och signera det.")
