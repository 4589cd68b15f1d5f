"""The follow-up menu: statistics view (chart, table, PNG/CSV, working time) and culling."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCharts import QLineSeries
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QMenu, QTableWidget
from pytestqt.qtbot import QtBot

from app import accounts, cases, staffing
from app.context import Context
from app.dto import PersonInput
from app.keys import FAST_TEST_KDF
from models.people import Case
from models.visits import Visit
from ui.main_window import MainWindow
from ui.session import UiSession
from ui.supervision import CullingDialog, StatsDialog
from ui.tasks import TaskManager


def _menu_texts(window: MainWindow, title: str) -> list[str]:
    for action in window.menuBar().actions():
        menu = action.menu()
        if action.text() == title and isinstance(menu, QMenu):
            return [a.text() for a in menu.actions()]
    return []


def cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None
    return item.text()


def test_an_admin_finds_statistics_and_culling_in_the_follow_up_menu(window: MainWindow) -> None:
    assert _menu_texts(window, "&Uppföljning") == [
        "E&xportera ärendets journal…", "&Statistik…", "Exportera &enhetens journaler…",
        "&Logguppföljning…", "&Gallring…"]


@pytest.fixture
def unit(ctx: Context) -> tuple[Context, str]:
    """The admin ``ctx`` with a caseworker who had a 2 h visit with the child last week."""
    accounts.add_user(ctx, "bo", "Bo Berg", "caseworker", "bo-lösenord-1")
    bo = next(u for u in accounts.list_users(ctx) if u.username == "bo")
    staffing.set_weekly_hours(ctx, bo.id, 40, date(2026, 1, 1))
    case = cases.create_case(ctx, "2026-0042", "Utredning", [PersonInput("child", "Kim T")])
    start = datetime.now(UTC) - timedelta(days=7)
    with ctx.uow(write=True) as uow:
        uow.session.add(Visit(case_id=case.id, kind="hembesok", actual_start=start,
                              actual_end=start + timedelta(hours=2), with_child=True,
                              created_by=bo.id))
        uow.commit()
    return ctx, bo.id


def test_the_statistics_view_shows_chart_table_and_saves_png_and_csv(
        qtbot: QtBot, tasks: TaskManager, unit: tuple[Context, str], tmp_path: Path) -> None:
    ctx, _ = unit
    QLocale.setDefault(QLocale("sv_SE"))  # as the Swedish UI sets it
    dialog = StatsDialog(UiSession(ctx, tasks))
    qtbot.addWidget(dialog)
    assert dialog.statistics is not None
    names = [cell(dialog.table, r, 0) for r in range(dialog.table.rowCount())]
    assert names == ["Bo Berg", "Enheten"]
    assert cell(dialog.table, 0, 1) == "2,0"  # hours of direct contact, decimal comma
    assert dialog.by_period.rowCount() == 2 and dialog.by_period.columnCount() >= 12
    assert dialog.by_period.verticalHeaderItem(1).text() == "Enheten"
    chart = dialog.chart.chart()
    series = {s.name(): s for s in chart.series()}
    assert set(series) == {"Bo Berg", "Enheten", "Mål 20 %"}
    target = series["Mål 20 %"]
    assert isinstance(target, QLineSeries) and target.at(0).y() == 20
    assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())] == [
        "&Diagram", "&Tabell", "&Per period", "&Arbetstid"]
    png = tmp_path / "statistik.png"
    assert dialog.save_chart_png(png) and png.read_bytes().startswith(b"\x89PNG")
    csv_path = tmp_path / "statistik.csv"
    dialog.save_csv_file(csv_path)
    text = csv_path.read_bytes().decode("utf-8-sig")
    assert text.splitlines()[0].startswith("handlaggare;period;direkt_minuter")
    assert "Bo Berg;" in text and "Enheten;" in text
    assert "sparades" in dialog.status.text()


def test_a_bad_period_is_a_swedish_message_in_the_dialog(
        qtbot: QtBot, tasks: TaskManager, unit: tuple[Context, str]) -> None:
    ctx, _ = unit
    dialog = StatsDialog(UiSession(ctx, tasks))
    qtbot.addWidget(dialog)
    dialog.first.setDate(dialog.last.date().addDays(3))
    dialog.show_button.click()
    assert dialog.error.text() == "Slutdatumet ligger före startdatumet."
    assert dialog.show_button.isEnabled()


def test_the_working_time_page_saves_hours_and_absence(
        qtbot: QtBot, tasks: TaskManager, unit: tuple[Context, str]) -> None:
    ctx, bo_id = unit
    dialog = StatsDialog(UiSession(ctx, tasks))
    qtbot.addWidget(dialog)
    page = dialog.staffing
    page.person.setCurrentIndex(page.person.findData(bo_id))
    page.hours.setValue(30)
    page.save_hours.click()
    assert page.done.text() == "Arbetstiden för Bo Berg sparades."
    assert cell(page.table, 0, 1) == "30"
    page.absence.setValue(8)
    page.save_absence.click()
    assert page.done.text().startswith("Frånvaron för Bo Berg vecka ")


def test_a_caseworker_sees_only_their_own_statistics_without_working_time(
        qtbot: QtBot, tasks: TaskManager, unit: tuple[Context, str]) -> None:
    ctx, _ = unit
    bo = accounts.login(ctx.paths, "bo", "bo-lösenord-1", kdf=FAST_TEST_KDF)
    try:
        dialog = StatsDialog(UiSession(bo, tasks))
        qtbot.addWidget(dialog)
        assert [cell(dialog.table, r, 0) for r in range(dialog.table.rowCount())] == [
            "Bo Berg", "Enheten"]
        assert dialog.tabs.count() == 3  # no working-time tab
    finally:
        bo.close()


def test_culling_asks_for_confirmation_then_culls_and_saves_the_list(
        qtbot: QtBot, tasks: TaskManager, ctx: Context, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    old = cases.create_case(ctx, "2018-0007", "Gammal utredning", [PersonInput("child", "A B")])
    with ctx.uow(write=True) as uow:
        case = uow.session.get(Case, old.id)
        assert case is not None
        case.status, case.closed_at = "closed", datetime(2019, 1, 10, tzinfo=UTC)
        uow.commit()
    dialog = CullingDialog(UiSession(ctx, tasks), today=date(2026, 12, 1))
    qtbot.addWidget(dialog)
    assert cell(dialog.table, 0, 4) == "Kan gallras"
    assert not dialog.cull_button.isEnabled()
    first = dialog.table.item(0, 0)
    assert first is not None
    first.setCheckState(Qt.CheckState.Checked)
    assert dialog.cull_button.isEnabled()
    monkeypatch.setattr(dialog, "confirm", lambda n: False)
    dialog.cull_button.click()
    assert dialog.rows and dialog.rows[0].case_number == "2018-0007"  # declined: nothing
    target = tmp_path / "gallring.csv"
    monkeypatch.setattr(dialog, "confirm", lambda n: n == 1)
    monkeypatch.setattr(dialog, "ask_list_path", lambda: target)
    dialog.cull_button.click()
    assert "2018-0007;2019-01-10" in target.read_bytes().decode("utf-8-sig")
    assert dialog.rows == []
    assert dialog.status.text().startswith("Gallrade ärenden: 1.")


def test_the_follow_up_views_are_translated_to_english(qapp: object) -> None:
    from PySide6.QtCore import QCoreApplication

    from ui.i18n import Translations

    translations = Translations()
    translations.apply("en")
    try:
        tr = QCoreApplication.translate
        assert tr("SupervisionMenu", "&Statistik…") == "&Statistics…"
        assert tr("StatsDialog", "Direkt tid\n(timmar)") == "Direct time\n(hours)"
        assert tr("CullingDialog", "Undantag – bevaras") == "Exception – kept"
        assert tr("StaffingPage", "Spara frånvaro") == "Save absence"
        assert tr("StatsChart", "Mål {percent} %") == "Target {percent} %"
    finally:
        translations.apply("sv")
