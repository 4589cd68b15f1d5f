"""The KB-Whisper part of the model page: the catalog's sizes, import of a real model folder
(Whisper base from PyPI: no download), the second-pass model chosen, a broken folder's Swedish
message, install with progress, and the calibration's recommendation."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QPushButton, QTableWidget
from pytestqt.qtbot import QtBot

from app import second_pass, whisper_models
from app.context import Context
from app.settings import Settings
from speech.values import InstalledModel
from tests.support.whisper_models import whisper_base_dir  # noqa: F401 - a fixture
from ui.i18n import Translations
from ui.visit.model_manager import ModelManagerWidget
from ui.visit.whisper_models import WhisperModelsWidget

from .conftest import VisitData


def _column(table: QTableWidget, column: int) -> list[str]:
    out = []
    for row in range(table.rowCount()):
        item = table.item(row, column)
        assert item is not None
        out.append(item.text())
    return out


def _page(qtbot: QtBot, data: VisitData) -> ModelManagerWidget:
    page = ModelManagerWidget(data.session, data.models)
    qtbot.addWidget(page)
    return page


def test_the_page_lists_the_kb_sizes_with_sizes_and_the_default(qtbot: QtBot,
                                                                data: VisitData) -> None:
    whisper = _page(qtbot, data).whisper
    assert _column(whisper.catalog, 0) == [
        "kb-whisper-tiny", "kb-whisper-base (rekommenderad)", "kb-whisper-small",
        "kb-whisper-medium"]
    assert _column(whisper.catalog, 1) == [
        "ca 80,0 MB", "ca 150,0 MB", "ca 490,0 MB", "ca 1530,0 MB"]
    assert _column(whisper.catalog, 2)[1] == "9,1 %"
    buttons = [whisper.catalog.cellWidget(r, 3) for r in range(4)]
    assert all(isinstance(b, QPushButton) and b.isEnabled() and b.text() == "Installera"
               for b in buttons)
    assert whisper.installed.rowCount() == 0 and whisper.model.count() == 1
    assert "Inte mätt än" in whisper.recommendation.text()


def test_importing_the_real_model_folder_lists_it_and_it_can_be_chosen(
        qtbot: QtBot, data: VisitData, whisper_base_dir: Path) -> None:  # noqa: F811
    page = _page(qtbot, data)
    whisper = page.whisper
    with qtbot.waitSignal(whisper.models_changed, timeout=60_000):
        whisper.import_from(whisper_base_dir)
    qtbot.waitUntil(lambda: whisper.installed.rowCount() == 1, timeout=10_000)
    assert not whisper.error.isVisible()
    assert _column(whisper.installed, 0) == ["whisper-base"]
    assert _column(whisper.installed, 2) == ["Giltig · används"]  # the only one: in use
    assert second_pass.second_pass_model(data.ctx).name == "whisper-base"
    # The live (Vosk) list never offers a file-only model for recording.
    assert page.installed.rowCount() == 0 and page.active.count() == 0

    whisper.model.setCurrentIndex(whisper.model.findData("whisper-base"))
    chosen = page.apply(data.ctx.settings)
    assert chosen.second_pass_model == "whisper-base"
    assert chosen.model_name == data.ctx.settings.model_name  # the live choice untouched
    unchanged = WhisperModelsWidget(data.session)
    qtbot.addWidget(unchanged)
    kept = Settings(second_pass_model="whisper-base")
    assert unchanged.apply(kept) == kept  # not touched here: nothing overwritten

    whisper.installed.selectRow(0)
    with qtbot.waitSignal(whisper.models_changed, timeout=10_000):
        whisper.remove_button.click()
    qtbot.waitUntil(lambda: whisper.installed.rowCount() == 0, timeout=10_000)
    assert whisper_models.list_whisper_models(data.ctx).in_use is None


def test_a_broken_folder_gets_the_swedish_message_and_installs_nothing(
        qtbot: QtBot, data: VisitData, tmp_path: Path) -> None:
    broken = tmp_path / "kb-whisper-trasig"
    broken.mkdir()
    (broken / "config.json").write_text("{}")
    (broken / "model.bin").write_bytes(b"\0" * 1000)  # a stub, not weights
    whisper = _page(qtbot, data).whisper
    whisper.import_from(broken)
    qtbot.waitUntil(lambda: whisper.error.isVisible() or not whisper.error.isHidden(),
                    timeout=10_000)
    text = whisper.error.text()
    assert text.startswith("Modellen är ogiltig – följande saknas:")
    assert "tokenizer.json" in text and "model.bin (truncated)" in text
    assert whisper.installed.rowCount() == 0
    assert whisper.import_zip_button.isEnabled()  # not stuck busy


def test_install_shows_progress_and_lists_the_model(
        qtbot: QtBot, data: VisitData, whisper_base_dir: Path,  # noqa: F811
        monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []

    def fake_install(ctx: Context, name: str, progress: whisper_models.ByteProgress,
                     cancel: threading.Event) -> InstalledModel:
        # The network part is the catalog's (tested against a local server); here the page's
        # wiring: progress is reported, cancel is handed over, the folder lands in the store.
        seen.append(name)
        assert not cancel.is_set()
        progress(50, 100)
        return whisper_models.import_whisper_model(ctx, whisper_base_dir)

    monkeypatch.setattr(whisper_models, "install_size", fake_install)
    whisper = _page(qtbot, data).whisper
    button = whisper.catalog.cellWidget(1, 3)
    assert isinstance(button, QPushButton)
    with qtbot.waitSignal(whisper.models_changed, timeout=60_000):
        button.click()
    assert seen == ["kb-whisper-base"]
    qtbot.waitUntil(lambda: whisper.installed.rowCount() == 1, timeout=10_000)
    assert whisper.progress.isHidden()


def test_calibration_shows_and_stores_the_recommendation(
        qtbot: QtBot, data: VisitData, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(whisper_models, "calibrate_here", lambda ctx: "kb-whisper-small")
    page = _page(qtbot, data)
    whisper = page.whisper
    with qtbot.waitSignal(whisper.calibrated, timeout=10_000):
        whisper.calibrate_button.click()
    assert "kb-whisper-small (mätt här)" in whisper.recommendation.text()
    assert _column(whisper.catalog, 0)[2] == "kb-whisper-small (rekommenderad)"
    assert page.apply(data.ctx.settings).second_pass_recommended == "kb-whisper-small"


def test_calibration_without_a_recording_is_a_swedish_message(qtbot: QtBot,
                                                              data: VisitData) -> None:
    whisper = _page(qtbot, data).whisper
    whisper.calibrate_button.click()
    qtbot.waitUntil(lambda: not whisper.error.isHidden(), timeout=10_000)
    assert whisper.error.text() == whisper_models.NO_RECORDING
    assert whisper.calibrate_button.isEnabled()


def test_the_kb_part_translates(qapp: object) -> None:
    english = Translations()
    english.apply("en")
    try:
        tr = QCoreApplication.translate
        assert tr("WhisperModelsWidget", "Mät den här datorn") == "Measure this computer"
        assert tr("WhisperModelsWidget", "Installera") == "Install"
    finally:
        english.apply("sv")
