"""pytest-qt: the export dialog (from the case view and the unit menu, progress, cancel,
refusal) and the log follow-up view."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot

from app import accounts, cases, export, notes
from app.cancel import CancelToken, Progress
from app.dto import PersonInput
from app.export_model import JournalExport
from app.keys import FAST_TEST_KDF
from app.paths import DataPaths
from ui.main_window import MainWindow
from ui.session import UiSession
from ui.supervision import ExportDialog, SupervisionMenu
from ui.tasks import TaskManager


def _cell(table: QTableWidget, row: int, col: int) -> str:
    item = table.item(row, col)
    assert item is not None
    return item.text()


def _menu(window: MainWindow) -> SupervisionMenu:
    menu = window.supervision  # type: ignore[attr-defined]
    assert isinstance(menu, SupervisionMenu)
    return menu


def _open_case(qtbot: QtBot, window: MainWindow) -> str:
    ctx = window.session.ctx
    case = cases.create_case(ctx, "2026-0500", "Utredning Åberg", [PersonInput("child", "Åsa Åberg")])
    for text in ("Första anteckningen om Åsa.", "Andra anteckningen 😊."):
        notes.sign(ctx, notes.create_draft(ctx, case.id, text).id)
    with qtbot.waitSignal(window.case_view.case_loaded, timeout=5_000):
        window.case_list.refresh(select_id=case.id)
    return case.id


def test_export_from_the_case_view_writes_the_pdf_and_says_where(
        qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    _open_case(qtbot, window)
    _menu(window).export_button.click()
    dialog = window.findChild(ExportDialog)
    assert isinstance(dialog, ExportDialog) and dialog.isVisible()
    assert dialog.path.text().endswith(".pdf") and "2026-0500" in dialog.path.text()
    target = tmp_path / "journal.pdf"
    dialog.path.setText(str(target))
    with qtbot.waitSignal(dialog.export_finished, timeout=30_000):
        dialog.export_button.click()
    assert dialog.progress.isHidden() and not dialog.timer.isActive()
    assert str(target) in dialog.done_label.text() and "2 anteckningar" in dialog.done_label.text()
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Andra anteckningen 😊." in text
    dialog.cancel_button.click()  # now "Stäng"
    assert not dialog.isVisible()


def test_cancel_stops_the_export_and_writes_nothing(
        qtbot: QtBot, window: MainWindow, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    _open_case(qtbot, window)

    def slow_render(doc: JournalExport, fmt: str, *, cancel: CancelToken,
                    progress: Progress) -> bytes:
        progress(1, doc.note_count)
        cancel.wait(10)  # the user presses "Avbryt" meanwhile
        cancel.check()
        raise AssertionError("not cancelled")

    monkeypatch.setattr(export, "render", slow_render)
    dialog = _menu(window).open_case_export()
    assert dialog is not None
    dialog.format.setCurrentIndex(dialog.format.findData("docx"))
    target = tmp_path / "journal.docx"
    dialog.path.setText(str(target))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.progress.maximum() == 2 and dialog.progress.value() == 1,
                    timeout=10_000)
    assert not dialog.export_button.isEnabled()
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: not dialog.running, timeout=10_000)
    assert dialog.status.text() == "Exporten avbröts. Ingen fil skrevs."
    assert dialog.isVisible() and dialog.export_button.isEnabled()
    assert not target.exists() and list(tmp_path.glob(".samskriv-*")) == []


def test_the_unit_export_and_the_log_view(qtbot: QtBot, window: MainWindow,
                                          tmp_path: Path) -> None:
    _open_case(qtbot, window)
    menu = _menu(window)
    assert menu.unit_action is not None and menu.log_action is not None  # kim is an admin
    dialog = menu.open_unit_export()
    assert not dialog.whole.isChecked() and dialog.period_from.isEnabled()
    dialog.format.setCurrentIndex(dialog.format.findData("csv"))
    dialog.path.setText(str(tmp_path / "enheten.csv"))
    with qtbot.waitSignal(dialog.export_finished, timeout=30_000):
        dialog.export_button.click()
    assert (tmp_path / "enheten.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    dialog.close()

    log = menu.open_log()
    qtbot.waitUntil(lambda: log.report is not None, timeout=10_000)
    assert log.chain_label.text().startswith("Granskningsloggen är hel")
    actions = [_cell(log.table, r, 3) for r in range(log.table.rowCount())]
    assert "Exporterade journal" in actions and "Signerade" in actions
    log.kinds["signed"].setChecked(False)
    log.case.setText("2026-0500")
    log.refresh()
    qtbot.waitUntil(lambda: log.show_button.isEnabled(), timeout=10_000)
    shown = [_cell(log.table, r, 3) for r in range(log.table.rowCount())]
    assert "Signerade" not in shown and shown
    assert all(_cell(log.table, r, 4) == "2026-0500" for r in range(log.table.rowCount()))
    log.save("csv", tmp_path / "logg.csv")
    qtbot.waitUntil(lambda: "logg.csv" in log.saved_label.text(), timeout=10_000)
    assert (tmp_path / "logg.csv").exists()
    log.close()


def test_a_refused_export_says_why_in_swedish(qtbot: QtBot, window: MainWindow,
                                              tmp_path: Path, tasks: TaskManager) -> None:
    case_id = _open_case(qtbot, window)
    accounts.add_user(window.session.ctx, "bo", "Bo Handläggare", "caseworker", "bos-lösen-1")
    bo = accounts.login(DataPaths(window.session.ctx.paths.root), "bo", "bos-lösen-1",
                        kdf=FAST_TEST_KDF)
    try:
        dialog = ExportDialog(UiSession(bo, tasks), case_id, "2026-0500")
        qtbot.addWidget(dialog)
        dialog.path.setText(str(tmp_path / "x.pdf"))
        dialog.export_button.click()
        assert dialog.status.text() == "Du är inte tilldelad det här ärendet."
        assert dialog.export_button.isEnabled() and not (tmp_path / "x.pdf").exists()
    finally:
        bo.close()


def test_the_supervision_strings_translate_to_english(qapp: object) -> None:
    from PySide6.QtCore import QCoreApplication

    from ui.i18n import Translations

    translations = Translations()
    translations.apply("en")
    try:
        tr = QCoreApplication.translate
        assert tr("ExportDialog", "&Exportera") == "&Export"
        assert tr("AuditLogDialog", "Logguppföljning") == "Log follow-up"
        assert tr("SupervisionMenu", "&Uppföljning") == "&Follow-up"
    finally:
        translations.apply("sv")
