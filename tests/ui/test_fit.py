"""Every screen fits a 1366×768 laptop (1366×728 above its taskbar), in Swedish and English:
no text is cut off, and every button of a window or dialog can be reached."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app import cases, notes, review, visits
from app.dto import CaseDetail, PersonInput
from tests.support.fitting import clipped, unreachable_buttons
from ui.app import AppController
from ui.case_edit import CaseEditDialog, PersonDialog
from ui.errors import FieldErrorLabel
from ui.fit import FRAME, SMALLEST_SCREEN
from ui.main_window import MainWindow
from ui.review.start_dialog import ReviewStartDialog

ROOM = QSize(SMALLEST_SCREEN.width() - FRAME.width(), SMALLEST_SCREEN.height() - FRAME.height())
LONG_ERROR = "Personnumret är inte giltigt – kontrollsiffran stämmer inte. Kontrollera det."
LONG_TITLE = "Utredning enligt 11 kap. 1 § SoL om barnets behov av stöd och skydd " * 8


@pytest.fixture(params=["sv", "en"])
def shown(request: pytest.FixtureRequest, qtbot: QtBot, controller: AppController,
          window: MainWindow) -> Iterator[tuple[MainWindow, CaseDetail]]:
    """The main window in each language at the laptop's size, with a case open."""
    controller.translations.apply(request.param)
    main = controller.show_main_window() if request.param != "sv" else window
    ctx = main.session.ctx
    case = cases.create_case(ctx, "2026-0700", LONG_TITLE[:300], [
        PersonInput("child", "Kim Testsson", "20121212-1212"),
        PersonInput("guardian", "Alex Testsson")])
    visits.create_visit(ctx, case.id, "hembesok", persons=[p.id for p in case.persons])
    notes.create_draft(ctx, case.id, "Hembesök. Kim visade sitt rum.")
    main.resize(ROOM)
    with qtbot.waitSignal(main.case_view.case_loaded, timeout=5_000):
        main.case_list.refresh(select_id=case.id)
    qtbot.waitUntil(lambda: main.case_list.list.count() == 1, timeout=5_000)
    yield main, case


def _settle(widget: QWidget) -> None:
    widget.show()
    for _ in range(6):  # each pass may give a wrapped text a new width, then a new height
        QApplication.processEvents()


def _check(widget: QWidget) -> None:
    _settle(widget)
    # Validation messages are the texts most often cut: show one in every error place.
    for label in widget.findChildren(FieldErrorLabel):
        label.show_message(LONG_ERROR)
    _settle(widget)
    assert widget.width() <= ROOM.width() and widget.height() <= ROOM.height(), widget.size()
    assert widget.minimumSizeHint().height() <= ROOM.height()
    assert clipped(widget) == [], type(widget).__name__
    assert unreachable_buttons(widget) == [], type(widget).__name__


def test_the_main_window_fits_with_its_status_bar(shown: tuple[MainWindow, CaseDetail]) -> None:
    main, _case = shown
    _settle(main)
    assert main.size() == ROOM
    bar = main.statusBar()
    assert bar.isVisible() and bar.geometry().bottom() <= main.height()
    for index in range(main.case_view.tabs.count()):
        main.case_view.tabs.setCurrentIndex(index)
        _settle(main)
        assert clipped(main) == [], main.case_view.tabs.tabText(index)
    assert main.case_list.width() >= 200  # a long title does not squeeze the list
    assert unreachable_buttons(main) == []


def test_dialogs_fit(qtbot: QtBot, shown: tuple[MainWindow, CaseDetail]) -> None:
    main, case = shown
    detail = cases.get_case(main.session.ctx, case.id)
    dialogs: list[QWidget] = [
        main.open_new_case_dialog(),
        main.open_settings_dialog(),
        CaseEditDialog(main.session, detail, main),
        PersonDialog(main.session, case.id, None, main),
    ]
    visit_dialog = main.case_view.visits.open_new_visit_dialog()
    assert visit_dialog is not None
    dialogs.append(visit_dialog)
    for dialog in dialogs:
        _check(dialog)
        dialog.close()


def test_the_review_start_dialog_fits_and_enter_starts(qtbot: QtBot,
                                                      shown: tuple[MainWindow, CaseDetail]) -> None:
    main, case = shown
    ctx = main.session.ctx
    long_text = "\n\n".join(f"Stycke {i}: Kim berättade om skolan och fritiden." for i in range(12))
    note = notes.create_draft(ctx, case.id, long_text)
    dialog = ReviewStartDialog(ctx, main.session.tasks, review.prepare(ctx, note.id), main)
    qtbot.addWidget(dialog)
    _check(dialog)
    assert dialog.start_button.isDefault()
    # Enter starts the review from anywhere in the dialog (here: nobody ticked as present,
    # so the start is refused in words, which shows it was tried).
    first_check = dialog.person_checks[0][0]
    first_check.setFocus()
    QTest.keyClick(first_check, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.error_label.isVisible() or dialog.session is not None,
                    timeout=5_000)


def test_the_lock_screen_fits(qtbot: QtBot, shown: tuple[MainWindow, CaseDetail]) -> None:
    main, _case = shown
    main.idle_lock.lock_now()
    qtbot.waitUntil(lambda: main.is_locked, timeout=2_000)
    _settle(main)
    assert clipped(main.lock_screen) == []
