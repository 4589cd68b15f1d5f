"""Fixtures for the sync UI: the real server in-process (ASGI over SQLite), a main window
logged in as the caseworker anna on a real encrypted store, and a second laptop of hers."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app import accounts, sync
from app.context import Context
from app.keys import FAST_TEST_KDF
from app.paths import DataPaths
from server import security
from server.security import FAST_TEST_HASHER
from server.settings import sqlite_url
from tests.integration.sync.conftest import URL, ServerTransport
from tests.integration.syncserver.helpers import PASSWORD, World, make_world
from tests.ui.conftest import PASSWORD as LOCAL_PASSWORD
from ui.app import AppController
from ui.login import LoginDialog
from ui.main_window import MainWindow
from ui.sync import SyncFeature, set_transport_factory

__all__ = ["URL", "PASSWORD", "feature", "idle", "run_sync"]


@pytest.fixture(autouse=True)
def _fast_password_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(security, "_hasher", FAST_TEST_HASHER)


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    (tmp_path / "server").mkdir()
    w = make_world(sqlite_url(tmp_path / "server"))
    yield w
    w.client.close()


@pytest.fixture
def server(world: World) -> Iterator[World]:
    """The window's sync talks to ``world`` in-process instead of over the network."""
    set_transport_factory(lambda: ServerTransport(world))
    yield world
    set_transport_factory(None)


def feature(window: MainWindow) -> SyncFeature:
    found = window.sync  # type: ignore[attr-defined]
    assert isinstance(found, SyncFeature)
    return found


def idle(qtbot: QtBot, controller: AppController) -> None:
    """Nothing queued on either worker and no sync under way."""
    window = controller.window
    assert window is not None
    qtbot.waitUntil(lambda: not controller.tasks.busy and not controller.long_tasks.busy
                    and not feature(window).controller.running, timeout=15_000)


def run_sync(qtbot: QtBot, controller: AppController) -> None:
    """Press the sync button and wait for the sync and the status read after it."""
    window = controller.window
    assert window is not None
    sync_feature = feature(window)
    idle(qtbot, controller)
    with qtbot.waitSignal(sync_feature.controller.finished, timeout=15_000):
        sync_feature.status_widget.sync_button.click()
    idle(qtbot, controller)


@pytest.fixture
def anna_paths(data_paths: DataPaths) -> DataPaths:
    """A store with the admin kim and the caseworker anna (local accounts)."""
    ctx = accounts.initialise(data_paths, "kim", "Kim Testsson", LOCAL_PASSWORD,
                              kdf=FAST_TEST_KDF)
    accounts.add_user(ctx, "anna", "Anna Testsson", "caseworker", LOCAL_PASSWORD)
    ctx.close()
    return data_paths


@pytest.fixture
def anna(qtbot: QtBot, controller: AppController, anna_paths: DataPaths,
         server: World) -> MainWindow:
    """anna's main window (not yet connected to the server)."""
    dialog = controller.start()
    assert isinstance(dialog, LoginDialog)
    dialog.username.setText("anna")
    dialog.password.setText(LOCAL_PASSWORD)
    with qtbot.waitSignal(controller.window_shown, timeout=10_000):
        dialog.buttons.accepted.emit()
    assert controller.window is not None
    idle(qtbot, controller)
    return controller.window


@pytest.fixture
def connected(qtbot: QtBot, controller: AppController, anna: MainWindow,
              server: World) -> MainWindow:
    """anna's window, connected to her server account (as "Anslut till servern" does)."""
    sync.connect(anna.session.ctx, URL, "anna", PASSWORD, transport=ServerTransport(server))
    f = feature(anna)
    f.connection_changed(sync.status(anna.session.ctx))
    idle(qtbot, controller)
    return anna


OtherLaptop = Callable[[], Context]


@pytest.fixture
def other_laptop(tmp_path: Path, server: World) -> Iterator[OtherLaptop]:
    """anna's second laptop (a plain store, no window), connected to the same server account."""
    opened: list[Context] = []

    def make() -> Context:
        paths = DataPaths(tmp_path / "laptop-2")
        first = accounts.initialise(paths, "admin", "Admin", LOCAL_PASSWORD, kdf=FAST_TEST_KDF)
        accounts.add_user(first, "anna", "Anna Testsson", "caseworker", LOCAL_PASSWORD)
        first.close()
        ctx = accounts.login(paths, "anna", LOCAL_PASSWORD, kdf=FAST_TEST_KDF)
        opened.append(ctx)
        sync.connect(ctx, URL, "anna", PASSWORD, transport=ServerTransport(server))
        return ctx

    yield make
    for ctx in opened:
        ctx.close()
