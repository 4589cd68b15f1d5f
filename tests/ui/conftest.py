"""Fixtures for pytest-qt tests of the Samskriv GUI (offscreen, fast Argon2id, real store).

Every UI test fails on a Qt warning (``qt_log_level_fail`` in pyproject.toml), on an unexpected
error log (``tests.support.logfail``) and on a QThread, speech thread or QTimer it left running
(``tests.support.qt_guards``).

The offscreen screen is the smallest we design for: a 1366×768 laptop less its taskbar
(``tests/support/laptop_screen.json``), so windows and dialogs size themselves as they would
there."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if os.environ["QT_QPA_PLATFORM"] == "offscreen":
    _SCREEN = os.path.join(os.path.dirname(__file__), "..", "support", "laptop_screen.json")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={os.path.abspath(_SCREEN)}"

from collections.abc import Iterator  # noqa: E402 - the platform must be set before Qt loads
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QEvent  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from pytestqt.qtbot import QtBot  # noqa: E402

from app import accounts  # noqa: E402
from app.context import Context  # noqa: E402
from app.keys import FAST_TEST_KDF  # noqa: E402
from app.paths import DataPaths  # noqa: E402
from tests.support.qt_guards import (  # noqa: E402, F401 - autouse guards for every UI test
    _no_active_qtimers,
    _no_dangling_qthreads,
    _no_leaked_threads,
)
from ui.app import AppController  # noqa: E402
from ui.login import LoginDialog  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.tasks import TaskManager  # noqa: E402

PASSWORD = "hemligt-lösen-1"


@pytest.fixture(autouse=True, scope="session")
def _qm_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    os.environ["SAMSKRIV_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))


@pytest.fixture(autouse=True, scope="session")
def _swedish(_qm_cache: None, qapp: QApplication) -> Iterator[None]:
    """Swedish as the app starts it: its plural forms come from a translation file too."""
    from ui.i18n import Translations

    translations = Translations()
    translations.apply("sv")
    yield


@pytest.fixture
def data_paths(tmp_path: Path) -> DataPaths:
    return DataPaths(tmp_path / "data")


@pytest.fixture
def controller(qtbot: QtBot, data_paths: DataPaths) -> Iterator[AppController]:
    """An app controller on a fresh data folder, with the installed feature packages
    (ui.visit, ui.review) as in production; the worker is drained at teardown."""
    ctrl = AppController(data_paths, "sv", kdf=FAST_TEST_KDF)
    yield ctrl
    if ctrl.dialog is not None:
        ctrl.dialog.close()
    if ctrl.window is not None:
        ctrl.window.close()  # deletes it (WA_DeleteOnClose), its timers with it
    ctrl.shutdown()
    ctrl.translations.apply("sv")
    ctrl.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()


@pytest.fixture
def initialised(data_paths: DataPaths) -> DataPaths:
    """A data folder with an admin account "kim" (Kim Testsson)."""
    ctx = accounts.initialise(data_paths, "kim", "Kim Testsson", PASSWORD, kdf=FAST_TEST_KDF)
    ctx.close()
    return data_paths


@pytest.fixture
def window(qtbot: QtBot, controller: AppController, initialised: DataPaths) -> MainWindow:
    """Logged in as kim, main window shown and the (empty) case list loaded."""
    dialog = controller.start()
    assert isinstance(dialog, LoginDialog)  # the store exists: the login, not the first run
    dialog.password.setText(PASSWORD)
    with qtbot.waitSignal(controller.window_shown, timeout=10_000):
        dialog.buttons.accepted.emit()
    assert controller.window is not None
    win = controller.window
    qtbot.waitUntil(lambda: not controller.tasks.busy)
    return win


CASEWORKER_PASSWORD = "hemligt123"


@pytest.fixture
def ctx(tmp_path: Path) -> Iterator[Context]:
    """A logged-in caseworker (Anna) on a fresh store, for widget-level tests."""
    context = accounts.initialise(DataPaths(tmp_path / "data"), "anna", "Anna Handläggare",
                                  CASEWORKER_PASSWORD, kdf=FAST_TEST_KDF)
    yield context
    context.close()


@pytest.fixture
def tasks(qapp: QApplication) -> Iterator[TaskManager]:
    """A synchronous task manager: background operations run inline."""
    manager = TaskManager(inline=True)
    yield manager
    manager.shutdown()
    manager.deleteLater()
