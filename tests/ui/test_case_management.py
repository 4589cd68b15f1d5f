"""Managing a case from the window: the new-case dialog's tab order and its refusal of a case
without persons, the editable Personer tab, changing, closing and assigning a case, choosing a
visit's participants, a note of a visit at the visit's time, and the search tab's focus."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from app import accounts, cases, visits
from app.dto import CaseDetail, PersonInput
from ui.event_time_edit import EventTimeEdit
from ui.main_window import MainWindow


def _open(qtbot: QtBot, window: MainWindow, persons: list[PersonInput] | None = None
          ) -> CaseDetail:
    case = cases.create_case(window.session.ctx, "2026-0500", "Utredning Kim",
                             persons or [PersonInput("child", "Kim Testsson")])
    with qtbot.waitSignal(window.case_view.case_loaded, timeout=5_000):
        window.case_list.refresh(select_id=case.id)
    return case


def _reloaded(qtbot: QtBot, window: MainWindow) -> CaseDetail:
    with qtbot.waitSignal(window.case_view.case_loaded, timeout=5_000) as loaded:
        pass
    detail: CaseDetail = loaded.args[0]
    return detail


def test_tab_reaches_the_persons_before_create(qtbot: QtBot, window: MainWindow) -> None:
    dialog = window.open_new_case_dialog()
    chain: list[QWidget] = []
    widget: QWidget | None = dialog.title
    for _ in range(12):
        assert widget is not None
        widget = widget.nextInFocusChain()
        while widget is not None and not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            widget = widget.nextInFocusChain()
        assert widget is not None
        chain.append(widget)
    create = dialog.buttons.buttons()[0]
    first_row = dialog.rows[0]
    assert chain.index(first_row.role) < chain.index(first_row.name) \
        < chain.index(dialog.rows[1].personnummer) < chain.index(create)


def test_a_case_without_persons_is_refused_with_a_message(qtbot: QtBot,
                                                          window: MainWindow) -> None:
    dialog = window.open_new_case_dialog()
    dialog.case_number.setText("2026-0001")
    dialog.title.setText("Utan personer")
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(dialog.form_error.isVisible, timeout=5_000)
    assert "minst en person" in dialog.form_error.text()
    assert dialog.isVisible() and cases.list_cases(window.session.ctx) == []


def test_persons_are_added_changed_and_removed(qtbot: QtBot, window: MainWindow) -> None:
    _open(qtbot, window)
    tab = window.case_view.persons
    dialog = tab.open_person_dialog()
    assert dialog is not None
    dialog.name.setText("Alex Testsson")
    dialog.personnummer.setText("20121212-1213")
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(dialog.pnr_error.isVisible, timeout=5_000)
    assert "kontrollsiffran" in dialog.pnr_error.text() and dialog.name.text() == "Alex Testsson"
    dialog.personnummer.setText("20121212-1212")
    dialog.buttons.accepted.emit()
    detail = _reloaded(qtbot, window)
    assert [p.name for p in detail.persons] == ["Kim Testsson", "Alex Testsson"]
    assert "Alex Testsson" in tab.text()
    tab.list.setCurrentRow(1)
    edit = tab.open_person_dialog(tab.selected())
    assert edit is not None and edit.name.text() == "Alex Testsson"
    edit.name.setText("Alex Provsson")
    edit.buttons.accepted.emit()
    detail = _reloaded(qtbot, window)
    assert detail.persons[1].name == "Alex Provsson"
    tab.list.setCurrentRow(1)
    tab.remove_button.click()
    box = tab.question
    assert isinstance(box, QMessageBox)
    yes = next(b for b in box.buttons()
               if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
    yes.click()
    detail = _reloaded(qtbot, window)
    assert [p.name for p in detail.persons] == ["Kim Testsson"]


def test_a_case_is_changed_closed_and_reopened(qtbot: QtBot, window: MainWindow) -> None:
    case = _open(qtbot, window)
    header = window.case_view.case_header
    header.edit_button.click()
    dialog = header.edit_dialog
    dialog.title.setText("Utredning Kim, ändrad")
    dialog.buttons.accepted.emit()
    detail = _reloaded(qtbot, window)
    assert detail.title == "Utredning Kim, ändrad"
    qtbot.waitUntil(lambda: "ändrad" in window.case_list.list.item(0).text(), timeout=5_000)
    header.close_button.click()
    question = header.question
    assert isinstance(question, QMessageBox)
    yes = next(b for b in question.buttons()
               if question.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
    yes.click()
    detail = _reloaded(qtbot, window)
    assert detail.is_closed and not header.edit_button.isEnabled()
    assert not window.case_view.persons.add_button.isEnabled()
    assert not window.case_view.new_note_button.isEnabled()
    header.close_button.click()  # "Öppna ärendet igen"
    assert not _reloaded(qtbot, window).is_closed
    assert cases.get_case(window.session.ctx, case.id).status == "open"


def test_an_admin_assigns_a_colleague(qtbot: QtBot, window: MainWindow) -> None:
    ctx = window.session.ctx
    accounts.add_user(ctx, "robin", "Robin Kollega", "caseworker", "kollega-lösen-1")
    case = _open(qtbot, window)
    header = window.case_view.case_header
    assert header.assign_button.isVisible()
    header.assign_button.click()
    qtbot.waitUntil(lambda: hasattr(header, "assign_dialog"), timeout=5_000)
    dialog = header.assign_dialog
    dialog.boxes["robin"].setChecked(True)
    dialog.buttons.accepted.emit()
    detail = _reloaded(qtbot, window)
    assert {a.username for a in detail.assignees} == {"kim", "robin"}
    assert "Robin Kollega" in header.title.text()
    assert cases.get_case(ctx, case.id).assigned


def test_visit_participants_are_ticked_persons(qtbot: QtBot, window: MainWindow) -> None:
    case = _open(qtbot, window, [PersonInput("child", "Kim Testsson"),
                                 PersonInput("guardian", "Alex Testsson")])
    window.case_view.tabs.setCurrentWidget(window.case_view.visits)
    dialog = window.case_view.visits.open_new_visit_dialog()
    assert dialog is not None
    kim, alex = case.persons
    dialog.person_boxes[alex.id].setChecked(False)
    with qtbot.waitSignal(dialog.visit_created, timeout=5_000) as created:
        dialog.buttons.accepted.emit()
    visit = created.args[0]
    assert visit.person_ids == (kim.id,) and visit.with_child
    assert visit.caseworker_ids == (window.session.ctx.actor.user_id,)


def test_a_note_of_a_visit_starts_at_the_visit_s_time(qtbot: QtBot, window: MainWindow) -> None:
    case = cases.create_case(window.session.ctx, "2026-0501", "Utredning",
                             [PersonInput("child", "Kim Testsson")])
    planned = (datetime.now(UTC) - timedelta(days=3)).replace(second=0, microsecond=0)
    visit = visits.create_visit(window.session.ctx, case.id, "hembesok", planned_start=planned,
                                persons=[case.persons[0].id])
    with qtbot.waitSignal(window.case_view.case_loaded, timeout=5_000):
        window.case_list.refresh(select_id=case.id)
    editor = window.case_view.open_note_editor(visit_id=visit.id, body="Från utskriften.")
    assert editor is not None
    shown = editor.event_time.dateTime().toSecsSinceEpoch()
    assert shown == int(planned.timestamp())


def test_a_typed_year_is_honoured(qtbot: QtBot) -> None:
    edit = EventTimeEdit()
    qtbot.addWidget(edit)
    edit.show()
    qtbot.waitExposed(edit)
    edit.setFocus()
    # Click into the year (the first characters) and type another year over it.
    QTest.mouseClick(edit.lineEdit(), Qt.MouseButton.LeftButton, pos=QPoint(3, 8))
    QTest.keyClicks(edit, "2023")
    assert edit.date().year() == 2023 and edit.is_complete()
    QTest.keyClicks(edit, "05")  # on into the month
    assert (edit.date().year(), edit.date().month()) == (2023, 5)


def test_a_half_typed_time_is_refused_in_words(qtbot: QtBot, window: MainWindow) -> None:
    case = _open(qtbot, window)
    editor = window.case_view.open_note_editor()
    assert editor is not None and case.id == editor.case_id
    editor.body.setPlainText("Text.")
    editor.event_time.setFocus()
    editor.event_time.setSelectedSection(EventTimeEdit.Section.YearSection)
    QTest.keyClicks(editor.event_time, "20")  # half a year
    assert not editor.event_time.is_complete()
    editor.save_button.click()
    assert editor.event_time_error.isVisible()
    assert "ÅÅÅÅ-MM-DD" in editor.event_time_error.text()
    assert editor.note is None  # nothing saved with some other time
    editor.event_time_error.clear_message()
    editor.event_time.setSelectedSection(EventTimeEdit.Section.YearSection)
    QTest.keyClicks(editor.event_time, "20")
    editor.body.setFocus()  # leaving the field: Qt puts the old time back, the form says so
    qtbot.waitUntil(editor.event_time_error.isVisible, timeout=2_000)
    assert "satts tillbaka" in editor.event_time_error.text()


def test_choosing_the_search_tab_puts_the_cursor_in_the_box(qtbot: QtBot,
                                                            window: MainWindow) -> None:
    window.activateWindow()
    window.case_list.setCurrentIndex(1)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.case_list.search_field,
                    timeout=2_000)
