"""Settings → Server: "Skicka även inspelningarnas ljud till servern", off by default, saved
as a setting (not in the store), and its English translation."""

from __future__ import annotations

import json

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from tests.integration.syncserver.helpers import World
from tests.ui.sync.conftest import idle
from ui.app import AppController
from ui.main_window import MainWindow
from ui.settings_dialog import SettingsDialog
from ui.sync.server_page import ServerSettingsWidget

LABEL = "Skicka även inspelningarnas &ljud till servern"


def _page(qtbot: QtBot, controller: AppController, window: MainWindow
          ) -> tuple[SettingsDialog, ServerSettingsWidget]:
    dialog = window.open_settings_dialog()
    page = next(p for p in dialog.pages if isinstance(p, ServerSettingsWidget))
    idle(qtbot, controller)
    return dialog, page


def test_audio_upload_is_off_until_ticked_and_then_saved(
        qtbot: QtBot, controller: AppController, anna: MainWindow, server: World) -> None:
    ctx = anna.session.ctx
    dialog, page = _page(qtbot, controller, anna)
    assert page.upload_audio.text() == LABEL
    assert not page.upload_audio.isChecked() and page.upload_audio.isEnabled()
    assert "stannar på datorn" in page.upload_audio_hint.text()
    page.upload_audio.setChecked(True)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        ok.click()
    idle(qtbot, controller)
    assert ctx.settings.sync_upload_audio
    saved = json.loads((ctx.paths.root / "settings.json").read_text(encoding="utf-8"))
    assert saved["sync_upload_audio"] is True
    again, page = _page(qtbot, controller, anna)
    assert page.upload_audio.isChecked()
    page.upload_audio.setChecked(False)
    with qtbot.waitSignal(again.accepted, timeout=10_000):
        again.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    idle(qtbot, controller)
    assert not ctx.settings.sync_upload_audio


def test_the_audio_setting_translates(controller: AppController, anna: MainWindow) -> None:
    controller.translations.apply("en")
    try:
        assert QCoreApplication.translate("ServerSettingsWidget", LABEL) == \
            "Also send the recordings' &audio to the server"
        assert QCoreApplication.translate(
            "TranscriptWidget", "Ljudet finns på kollegans dator. Här visas bara utskriften."
        ) == "The audio is on your colleague's computer. Only the transcript is shown here."
    finally:
        controller.translations.apply("sv")
