"""Unsaved text in the note editor is never lost silently: closing the editor, switching case,
closing the window, switching language and the idle lock all keep it or ask first."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from app import cases, notes
from app.dto import PersonInput
from ui.app import AppController
from ui.main_window import MainWindow
from ui.note_editor import NoteEditorWidget

from .conftest import PASSWORD


def _open_case(qtbot: QtBot, window: MainWindow, number: str = "2026-0300") -> str:
    case = cases.create_case(window.session.ctx, number, f"Ärende {number}", [PersonInput("child", "Kim Testsson")])
    with qtbot.waitSignal(window.case_view.case_loaded, timeout=5_000):
        window.case_list.refresh(select_id=case.id)
    return case.id


def _editor_with_text(window: MainWindow, text: str) -> NoteEditorWidget:
    editor = window.case_view.open_note_editor()
    assert editor is not None
    editor.body.setPlainText(text)
    assert editor.is_dirty
    return editor


def _answer(qtbot: QtBot, editor: NoteEditorWidget, choice: str) -> None:
    qtbot.waitUntil(lambda: editor.close_confirmation is not None, timeout=5_000)
    box = editor.close_confirmation
    assert box is not None and box.isVisible()
    assert box.text() == "Det finns text som inte är sparad."
    buttons = {b.text(): b for b in box.buttons()}
    assert set(buttons) == {"Spara utkast", "Släng ändringar", "Avbryt"}
    buttons[choice].click()


def test_close_asks_and_cancel_or_discard_or_save(qtbot: QtBot, window: MainWindow) -> None:
    case_id = _open_case(qtbot, window)
    view = window.case_view
    editor = _editor_with_text(window, "Första versionen.")
    editor.close_button.click()
    _answer(qtbot, editor, "Avbryt")
    assert view.editor is editor and editor.body.toPlainText() == "Första versionen."

    editor.close_button.click()
    _answer(qtbot, editor, "Släng ändringar")
    assert view.editor is None
    assert notes.timeline(window.session.ctx, case_id) == []

    editor = _editor_with_text(window, "Andra versionen.")
    editor.close_button.click()
    with qtbot.waitSignal(editor.note_saved, timeout=5_000):
        _answer(qtbot, editor, "Spara utkast")
    assert view.editor is None
    [saved] = notes.timeline(window.session.ctx, case_id)
    assert saved.current.body == "Andra versionen." and saved.state == "draft"


def test_close_without_changes_does_not_ask(qtbot: QtBot, window: MainWindow) -> None:
    case_id = _open_case(qtbot, window)
    note = notes.create_draft(window.session.ctx, case_id, "Sparad text.")
    with qtbot.waitSignal(window.case_view.case_loaded, timeout=5_000):
        window.case_view.reload()
    editor = window.case_view.open_note_editor(note.id)
    assert editor is not None and not editor.is_dirty
    editor.close_button.click()
    assert editor.close_confirmation is None and window.case_view.editor is None


def test_switching_case_asks_and_cancel_keeps_the_case(qtbot: QtBot, window: MainWindow) -> None:
    first = _open_case(qtbot, window, "2026-0301")
    second = cases.create_case(window.session.ctx, "2026-0302", "Ärende 2", [PersonInput("child", "Kim Testsson")]).id
    with qtbot.waitSignal(window.case_list.cases_loaded, timeout=5_000):
        window.case_list.refresh()
    editor = _editor_with_text(window, "Inte sparat än.")
    row = next(i for i in range(window.case_list.list.count())
               if window.case_list.list.item(i).text().startswith("2026-0302"))
    window.case_list.list.setCurrentRow(row)
    _answer(qtbot, editor, "Avbryt")
    assert window.case_view.current_case_id == first
    assert window.case_list.current_case_id() == first
    assert window.case_view.editor is editor and editor.isVisible()

    window.case_list.list.setCurrentRow(row)
    with qtbot.waitSignal(window.case_view.case_loaded, timeout=5_000):
        _answer(qtbot, editor, "Släng ändringar")
    assert window.case_view.current_case_id == second and window.case_view.editor is None


def test_closing_the_window_asks(qtbot: QtBot, controller: AppController,
                                 window: MainWindow) -> None:
    case_id = _open_case(qtbot, window)
    editor = _editor_with_text(window, "Skrivet precis innan stängning.")
    window.close()
    _answer(qtbot, editor, "Avbryt")
    assert window.isVisible() and editor.body.toPlainText() == "Skrivet precis innan stängning."

    window.close()
    with qtbot.waitSignal(window.destroyed, timeout=5_000):
        _answer(qtbot, editor, "Spara utkast")
    assert controller.window is None
    [saved] = notes.timeline(controller.session.ctx, case_id)  # type: ignore[union-attr]
    assert saved.current.body == "Skrivet precis innan stängning."


def test_switching_language_keeps_the_unsaved_text(qtbot: QtBot, controller: AppController,
                                                   window: MainWindow) -> None:
    case_id = _open_case(qtbot, window)
    editor = _editor_with_text(window, "Påbörjad anteckning på svenska.")
    editor.child_voice.setPlainText("Kim vill vara med.")
    dialog = window.open_settings_dialog()
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    with qtbot.waitSignal(controller.window_shown, timeout=5_000) as shown:
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    english: MainWindow = shown.args[0]
    qtbot.waitUntil(lambda: english.case_view.editor is not None, timeout=5_000)
    moved = english.case_view.editor
    assert moved is not None and moved.isVisible()
    assert moved.body.toPlainText() == "Påbörjad anteckning på svenska."
    assert moved.child_voice.toPlainText() == "Kim vill vara med."
    assert moved.is_dirty and moved.save_button.text() == "Save draft"
    assert english.case_view.current_case_id == case_id
    assert notes.timeline(english.session.ctx, case_id) == []  # nothing saved behind one's back
    moved.close_button.click()
    qtbot.waitUntil(lambda: moved.close_confirmation is not None, timeout=5_000)
    box = moved.close_confirmation
    assert box is not None
    discard = next(b for b in box.buttons()
                   if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole)
    discard.click()
    assert english.case_view.editor is None


def test_idle_lock_hides_and_keeps_the_editor_text(qtbot: QtBot, window: MainWindow) -> None:
    _open_case(qtbot, window)
    editor = _editor_with_text(window, "Känsliga uppgifter, inte sparade.")
    with qtbot.waitSignal(window.idle_lock.locked, timeout=5_000):
        window.idle_lock.set_timeout_ms(50)
    assert not editor.isVisible() and not window.case_view.isVisible()
    window.close()  # nothing can be decided (or discarded) behind the lock screen
    assert window.isVisible() and editor.close_confirmation is None

    window.idle_lock.set_timeout_ms(60_000)
    window.lock_screen.password.setText(PASSWORD)
    with qtbot.waitSignal(window.idle_lock.unlocked, timeout=5_000):
        window.lock_screen.unlock_button.click()
    assert window.case_view.editor is editor and editor.isVisible()
    assert editor.body.toPlainText() == "Känsliga uppgifter, inte sparade." and editor.is_dirty
    editor.close_button.click()
    _answer(qtbot, editor, "Släng ändringar")
