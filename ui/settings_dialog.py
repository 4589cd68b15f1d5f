"""Settings: language and idle-lock minutes, plus pages that other packages register.

Extension point: ``register_page(factory)`` where ``factory(session) -> SettingsPage`` (a
QWidget with ``title()`` and ``apply(settings) -> settings``). The review package uses it for
the review PIN. The dialog saves through ``app.preferences.save_settings`` (checks, stores and
refreshes the context's cached settings) on the worker thread and emits
``settings_saved(old, new)``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Protocol

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app import preferences
from app.settings import Settings, int_range
from ui.errors import FieldErrorLabel, FormErrors
from ui.fit import limit_to_screen, scrolling
from ui.session import UiSession


class SettingsPage(Protocol):
    """A group of extra settings; ``apply`` returns the settings with its values filled in
    (raise ``app.errors.ValidationError`` for bad input)."""

    def title(self) -> str: ...

    def widget(self) -> QWidget: ...

    def apply(self, settings: Settings) -> Settings: ...


PageFactory = Callable[[UiSession], SettingsPage]
_PAGE_FACTORIES: list[PageFactory] = []


def register_page(factory: PageFactory) -> None:
    if factory not in _PAGE_FACTORIES:
        _PAGE_FACTORIES.append(factory)


class SettingsDialog(QDialog):
    settings_saved = Signal(object, object)  # old Settings, new Settings

    def __init__(self, session: UiSession, current: Settings,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.current = session, current
        self.setWindowTitle(self.tr("Inställningar"))
        self.setMinimumWidth(440)
        # The groups scroll and the buttons stay below them: on a 1366×768 laptop the
        # settings pages are taller than the screen.
        content = QWidget()
        layout = QVBoxLayout(content)
        general = QGroupBox(self.tr("Allmänt"))
        form = QFormLayout(general)
        self.language = QComboBox()
        self.language.addItem("Svenska", "sv")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(current.language)))
        self.language.setAccessibleName(self.tr("Språk"))
        self.idle_minutes = QSpinBox()
        self.idle_minutes.setRange(*int_range("idle_lock_minutes"))
        self.idle_minutes.setSuffix(self.tr(" min"))
        self.idle_minutes.setValue(current.idle_lock_minutes)
        self.idle_minutes.setAccessibleName(self.tr("Lås efter inaktivitet i minuter"))
        form.addRow(self._buddy(self.tr("&Språk"), self.language), self.language)
        form.addRow(self._buddy(self.tr("&Lås efter inaktivitet"), self.idle_minutes),
                    self.idle_minutes)
        layout.addWidget(general)
        # What is wrong in a hand-edited settings file (the app's Swedish lines; each says which
        # default replaced the bad value), read in the background. Saving writes a valid file.
        self.file_problems = QLabel()
        self.file_problems.setWordWrap(True)
        self.file_problems.setStyleSheet("color: #6a4a00; background: #fff4d6; padding: 6px;")
        self.file_problems.hide()
        layout.addWidget(self.file_problems)
        self.pages: list[SettingsPage] = [factory(session) for factory in _PAGE_FACTORIES]
        for page in self.pages:
            box = QGroupBox(page.title())
            QVBoxLayout(box).addWidget(page.widget())
            layout.addWidget(box)
        layout.addStretch(1)
        outer = QVBoxLayout(self)
        self.scroll_area = scrolling(content)
        outer.addWidget(self.scroll_area, 1)
        self.error = FieldErrorLabel()
        outer.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        # As tall as the content, but never taller than the screen (then it scrolls).
        self.resize(max(760, content.sizeHint().width() + 40), content.sizeHint().height() + 120)
        limit_to_screen(self)
        self.errors = FormErrors(self, general=self.error, reenable=(self.buttons,))
        session.tasks.op(preferences.settings_problems, session.ctx) \
            .success(self._on_problems_read).owned_by(self).run()

    def _on_problems_read(self, problems: tuple[str, ...]) -> None:
        self.file_problems.setText("\n".join(problems))
        self.file_problems.setVisible(bool(problems))

    def _buddy(self, text: str, widget: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(widget)
        return label

    def value(self) -> Settings:
        value = replace(self.current, language=str(self.language.currentData()),
                        idle_lock_minutes=self.idle_minutes.value())
        for page in self.pages:
            value = page.apply(value)
        return value

    def _on_buttons_accepted(self) -> None:
        self.errors.clear()
        try:
            value = self.value()
        except Exception as exc:  # noqa: BLE001 - a page's bad input: shown, the dialog stays
            self.errors(exc)
            return
        self.buttons.setEnabled(False)
        self.session.tasks.op(preferences.save_settings, self.session.ctx, value) \
            .success(self._on_save_done).failure(self.errors).owned_by(self).run()

    def _on_save_done(self, saved: Settings) -> None:
        self.buttons.setEnabled(True)
        old, self.current = self.current, saved
        self.accept()
        self.settings_saved.emit(old, saved)
