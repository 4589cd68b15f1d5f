"""Settings: switching to English rebuilds the window with English labels; idle minutes saved."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from app import settings
from app.dto import PersonInput
from ui.app import AppController
from ui.main_window import MainWindow


def test_switch_to_english_shows_english_labels(qtbot: QtBot, controller: AppController,
                                                window: MainWindow) -> None:
    assert window.case_list.tabText(0) == "Ärenden"
    dialog = window.open_settings_dialog()
    idle = dialog.idle_minutes
    assert (idle.minimum(), idle.maximum()) == settings.int_range("idle_lock_minutes")
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.idle_minutes.setValue(5)
    with qtbot.waitSignal(controller.window_shown, timeout=5_000) as shown:
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    english: MainWindow = shown.args[0]
    assert english is controller.window and english is not window
    assert english.case_list.tabText(0) == "Cases"
    assert english.case_list.tabText(1) == "Search notes"
    assert english.menuBar().actions()[0].text() == "&File"
    assert english.case_list.new_button.text() == "New case…"
    assert english.case_view.placeholder.text() == "Choose a case in the list or create a new one."
    saved = settings.load(controller.paths.settings)
    assert (saved.language, saved.idle_lock_minutes) == ("en", 5)
    assert english.idle_lock._timer.interval() == 5 * 60_000


def test_english_note_editor_keeps_swedish_section_values(qtbot: QtBot, controller: AppController,
                                                          window: MainWindow) -> None:
    controller.translations.apply("en")
    rebuilt = controller.show_main_window()
    from app import cases

    case = cases.create_case(rebuilt.session.ctx, "2026-0100", "Kim Testsson", [PersonInput("child", "Kim Testsson")])
    with qtbot.waitSignal(rebuilt.case_view.case_loaded, timeout=5_000):
        rebuilt.case_list.refresh(select_id=case.id)
    editor = rebuilt.case_view.open_note_editor()
    assert editor is not None
    index = editor.section.findData("Föräldrarnas förmåga – Stabilitet")
    assert editor.section.itemText(index) == "Parenting capacity – Stability"
    assert editor.sign_button.text() == "Sign…"


def test_settings_show_the_language_given_on_the_command_line(
        qtbot: QtBot, controller: AppController, window: MainWindow) -> None:
    """``samskriv --lang en`` with Swedish saved: the settings say English, as the window does,
    and saving them keeps English."""
    assert settings.load(controller.paths.settings).language == "sv"
    controller.lang_override = "en"
    controller.translations.apply("en")
    english = controller.show_main_window()
    dialog = english.open_settings_dialog()
    assert dialog.language.currentData() == "en"
    assert dialog.language.currentText() == "English"
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: settings.load(controller.paths.settings).language == "en",
                    timeout=5_000)
    assert controller.window is english  # nothing to switch: it already speaks English
