"""The extension points other packages use: note/visit actions, visit_open_requested, pages."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

import ui.supervision
import ui.sync
from app import cases, notes, visits
from app.dto import NoteInfo, PersonInput, VisitInfo
from app.keys import FAST_TEST_KDF
from app.paths import DataPaths
from tests.support.logfail import expect_error_log
from ui.app import AppController
from ui.extensions import NoteAction, VisitAction
from ui.features import FEATURES, install_features, install_visits_then_reviews
from ui.login import LoginDialog
from ui.main_window import MainWindow
from ui.session import UiSession

from .conftest import PASSWORD


def test_actions_signals_and_pages(qtbot: QtBot, window: MainWindow) -> None:
    ctx = window.session.ctx
    case = cases.create_case(ctx, "2026-0300", "Kim Testsson", [PersonInput("child", "Kim Testsson")])
    signed = notes.sign(ctx, notes.create_draft(ctx, case.id, "Signerad text.").id)
    visit = visits.create_visit(ctx, case.id, "hembesok", persons=[case.persons[0].id])
    reviewed: list[str] = []
    opened: list[str] = []

    def review(session: UiSession, note: NoteInfo) -> None:
        reviewed.append(note.id)

    def open_visit(session: UiSession, v: VisitInfo) -> None:
        page = QLabel("Besöksvy")
        window.case_view.open_page(page, "Besök")
        opened.append(v.id)

    window.note_actions.add(NoteAction("review", lambda: "Gå igenom med familjen", review,
                                       applies=lambda n: n.state == "signed"))
    window.visit_actions.add(VisitAction("open", lambda: "Öppna besöket", open_visit))
    with qtbot.waitSignal(window.case_view.case_loaded, timeout=5_000):
        window.case_list.refresh(select_id=case.id)

    card = window.case_view.journal.cards[signed.id]
    card.buttons["review"].click()
    assert reviewed == [signed.id]

    visits_widget = window.case_view.visits
    assert not visits_widget.action_buttons["open"].isEnabled()
    visits_widget.list.setCurrentRow(0)
    assert visits_widget.action_buttons["open"].isEnabled()
    visits_widget.action_buttons["open"].click()
    assert opened == [visit.id]
    page = window.case_view.stack.currentWidget()
    assert isinstance(page, QLabel)
    window.case_view.close_page(page)
    assert window.case_view.stack.currentWidget() is window.case_view.case_page

    with qtbot.waitSignal(window.visit_open_requested) as requested:
        visits_widget.list.itemActivated.emit(visits_widget.list.item(0))
    assert requested.args == [visit.id]


def test_features_are_installed_and_a_broken_one_is_logged_and_skipped(
    qtbot: QtBot, initialised: DataPaths
) -> None:
    installed: list[MainWindow] = []

    def broken(window: MainWindow) -> None:
        raise RuntimeError("trasig")

    ctrl = AppController(initialised, "sv", kdf=FAST_TEST_KDF,
                         install=lambda w: install_features(w, (broken, installed.append)))
    try:
        dialog = ctrl.start()
        assert isinstance(dialog, LoginDialog)
        dialog.password.setText(PASSWORD)
        with (expect_error_log("broken failed to install", logger="ui.features") as records,
              qtbot.waitSignal(ctrl.window_shown, timeout=10_000)):
            dialog.buttons.accepted.emit()
        assert installed == [ctrl.window]  # the feature after the broken one is installed
        [failure] = records
        assert failure.exc_info is not None
    finally:
        if ctrl.window is not None:
            ctrl.window.close()
        ctrl.shutdown()
        ctrl.deleteLater()


def test_the_production_features_are_visits_then_reviews() -> None:
    assert (install_visits_then_reviews, ui.supervision.install, ui.sync.install) == FEATURES
