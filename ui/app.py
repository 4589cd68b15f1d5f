"""The GUI: QApplication, translations, first run or login, then the main window.

``run_gui(data_dir, lang, kdf=...)`` is what ``samskriv`` (``ui.main``) runs without a
subcommand. ``AppController`` holds the pieces for one process (task manager, translations, the
logged-in session) so tests and the screenshot script can drive the same code without
``exec()``; it installs the window's feature packages with ``install`` (by default
``ui.features.install_features``).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from dataclasses import replace
from types import TracebackType

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QApplication, QDialog

from app import accounts, settings, startup
from app.context import Context
from app.keys import KdfParams
from app.paths import DataPaths, resolve
from app.runtime import settle_after_startup
from ui.errors import present_error
from ui.features import install_features
from ui.i18n import Translations
from ui.login import FirstRunDialog, LoginDialog
from ui.main_window import MainWindow
from ui.session import UiSession
from ui.tasks import TaskManager

log = logging.getLogger(__name__)
BASE_FONT_PT = 11


class AppController(QObject):
    """Owns the task manager and the logged-in session; rebuilds the window on language change."""

    window_shown = Signal(object)  # MainWindow

    def __init__(self, paths: DataPaths, lang: str | None = None, *,
                 kdf: KdfParams | None = None, inline_tasks: bool = False,
                 install: Callable[[MainWindow], None] = install_features,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.paths, self.lang_override, self.kdf = paths, lang, kdf
        self.install = install
        self.tasks = TaskManager(self, inline=inline_tasks)
        self.long_tasks = TaskManager(self, inline=inline_tasks)
        self.translations = Translations()
        self.session: UiSession | None = None
        self.window: MainWindow | None = None
        self.dialog: QDialog | None = None

    def start(self) -> QDialog:
        """Apply the language and open the first-run or login dialog (non-blocking)."""
        prompt = startup.login_prompt(self.paths)
        self.translations.apply(self.lang_override or prompt.language)
        dialog: FirstRunDialog | LoginDialog
        if prompt.initialised:
            users = prompt.usernames
            dialog = LoginDialog(self.paths, self.tasks, self.kdf,
                                 username=users[0] if len(users) == 1 else "")
        else:
            dialog = FirstRunDialog(self.paths, self.tasks, self.kdf)
        dialog.logged_in.connect(self._on_dialog_logged_in)
        dialog.rejected.connect(self._on_dialog_rejected)
        self.dialog = dialog
        dialog.show()
        return dialog

    @Slot(object)
    def _on_dialog_logged_in(self, ctx: Context) -> None:
        self.session = UiSession(ctx, self.tasks, self.long_tasks)
        self.dialog = None
        self.show_main_window()

    @Slot()
    def _on_dialog_rejected(self) -> None:
        self.dialog = None
        app = QApplication.instance()
        if app is not None and self.window is None:
            app.quit()

    def show_main_window(self) -> MainWindow:
        assert self.session is not None
        old = self.window
        current = self.session.ctx.settings
        if self.lang_override is not None:
            # ``--lang`` speaks another language than the saved one: the settings show the
            # language in effect, and saving them keeps it.
            current = replace(current, language=self.translations.language)
        window = MainWindow(self.session, current)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.destroyed.connect(self._on_window_destroyed)
        window.settings_changed.connect(self._on_window_settings_changed)
        self.install(window)
        self.window = window
        if old is None:
            window.place.restore(window)
        else:
            window.setGeometry(old.geometry())
            editor = old.case_view.editor_state()
            if editor is not None:  # the open editor moves over with its unsaved text
                window.case_view.restore_editor(editor)
            if old.case_view.current_case_id:
                window.case_list.refresh(select_id=old.case_view.current_case_id)
            old.stop_background()
            old.hide()
            old.deleteLater()
        window.show()
        if old is None:
            window.show_login_notices()
            settle_after_startup()
        self.window_shown.emit(window)
        return window

    @Slot(QObject)
    def _on_window_destroyed(self, _obj: QObject | None = None) -> None:
        if self.window is not None and not shiboken6.isValid(self.window):
            self.window = None

    @Slot(object, object)
    def _on_window_settings_changed(self, old: settings.Settings, new: settings.Settings) -> None:
        if old.language != new.language:
            self.lang_override = None
            self.translations.apply(new.language)
            self.show_main_window()

    def shutdown(self) -> None:
        """Drain the worker, log out and close the store. Safe to call twice."""
        if self.window is not None and shiboken6.isValid(self.window):
            self.window.stop_background()
        self.long_tasks.shutdown()
        self.tasks.shutdown()
        if self.session is not None:
            session, self.session = self.session, None
            try:
                accounts.log_out(session.ctx)
            except Exception:  # noqa: BLE001 - closing anyway
                log.exception("log out failed")
                session.ctx.close()


def _install_excepthook() -> None:
    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if not isinstance(exc, Exception):
            sys.__excepthook__(kind, exc, tb)
            return
        present_error(QApplication.activeWindow(), exc)

    sys.excepthook = hook


def run_gui(data_dir: str | None, lang: str | None, *, kdf: KdfParams | None = None) -> int:
    """Start the desktop app on ``data_dir`` (default: the user's data folder); ``kdf`` only
    for tests (a cheap Argon2id)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv)
    app.setApplicationName("Samskriv")
    app.setApplicationDisplayName("Samskriv")
    app.setOrganizationName("Samskriv")
    font = app.font()
    if font.pointSizeF() < BASE_FONT_PT:
        font.setPointSizeF(BASE_FONT_PT)
        app.setFont(font)
    _install_excepthook()
    controller = AppController(resolve(data_dir), lang, kdf=kdf)
    controller.start()
    try:
        return app.exec()
    finally:
        controller.shutdown()
