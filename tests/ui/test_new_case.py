"""Creating a case: a bad personnummer shows the service's message and keeps what was typed;
every field has its limit; the settings dialog says what was wrong in a hand-edited file."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from app import cases, limits
from app.dto import PersonInput
from app.errors import ValidationError
from ui.main_window import MainWindow


def test_bad_personnummer_keeps_input_then_case_is_created(qtbot: QtBot,
                                                           window: MainWindow) -> None:
    dialog = window.open_new_case_dialog()
    dialog.case_number.setText("2026-0042")
    dialog.title.setText("Utredning Kim Testsson")
    child, guardian = dialog.rows
    child.name.setText("Kim Testsson")
    child.personnummer.setText("20121212-1213")  # wrong check digit
    guardian.name.setText("Alex Testsson")

    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: child.pnr_error.isVisible(), timeout=5_000)
    assert child.pnr_error.text() == "Personnumret är inte giltigt – kontrollsiffran stämmer inte."
    assert dialog.isVisible()
    assert (dialog.case_number.text(), dialog.title.text()) == ("2026-0042",
                                                                 "Utredning Kim Testsson")
    assert (child.name.text(), child.personnummer.text()) == ("Kim Testsson", "20121212-1213")
    assert guardian.name.text() == "Alex Testsson"
    assert cases.list_cases(window.session.ctx) == []

    child.personnummer.setText("20121212-1212")
    with qtbot.waitSignal(dialog.case_created, timeout=5_000) as created:
        dialog.buttons.accepted.emit()
    detail = created.args[0]
    assert [p.name for p in detail.persons] == ["Kim Testsson", "Alex Testsson"]
    assert detail.persons[0].personnummer == "20121212-1212"
    assert detail.persons[0].role == "child" and detail.persons[1].role == "guardian"
    qtbot.waitUntil(lambda: "2026-0042" in window.case_view.header.text(), timeout=5_000)
    assert window.case_list.current_case_id() == detail.id
    assert "Alex Testsson" in window.case_view.persons.text()


def test_filter_cases_by_number_or_title(qtbot: QtBot, window: MainWindow) -> None:
    ctx = window.session.ctx
    cases.create_case(ctx, "2026-0001", "Kim Testsson", [PersonInput("child", "Kim Testsson")])
    cases.create_case(ctx, "2026-0002", "Robin Provsson", [PersonInput("child", "Kim Testsson")])
    with qtbot.waitSignal(window.case_list.cases_loaded, timeout=5_000):
        window.case_list.refresh()
    assert window.case_list.list.count() == 2
    with qtbot.waitSignal(window.case_list.cases_loaded, timeout=5_000):
        window.case_list.filter.setText("provs")
    assert window.case_list.list.count() == 1
    assert "Robin Provsson" in window.case_list.list.item(0).text()


def test_every_text_field_of_the_form_has_its_limit(qtbot: QtBot, window: MainWindow) -> None:
    dialog = window.open_new_case_dialog()
    child = dialog.rows[0]
    assert (dialog.case_number.maxLength(), dialog.title.maxLength(), child.name.maxLength(),
            child.personnummer.maxLength()) == (limits.CASE_NUMBER.chars, limits.CASE_TITLE.chars,
                                                limits.PERSON_NAME.chars,
                                                limits.PERSONNUMMER.chars)
    dialog.close()


def test_a_too_long_title_is_refused_by_the_service_with_a_swedish_message(
        qtbot: QtBot, window: MainWindow) -> None:
    with pytest.raises(ValidationError) as refused:
        cases.create_case(window.session.ctx, "2026-0043", "R" * 10_000_000, [])
    assert (refused.value.field, refused.value.message) == (
        "title", "Rubriken är för lång (högst 300 tecken).")
    assert cases.list_cases(window.session.ctx) == []


def test_the_settings_dialog_says_what_was_wrong_in_the_file(qtbot: QtBot,
                                                             window: MainWindow) -> None:
    window.session.ctx.paths.settings.write_text('{"idle_lock_minutes": "tio"}',
                                                 encoding="utf-8")
    dialog = window.open_settings_dialog()
    qtbot.waitUntil(dialog.file_problems.isVisible, timeout=5_000)
    assert "”idle_lock_minutes” ska vara ett heltal" in dialog.file_problems.text()
    dialog.close()
