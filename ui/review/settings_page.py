"""The review page of the settings dialog: text size and idle lock of the kiosk, and the
user's own review PIN."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QFormLayout, QSpinBox, QVBoxLayout, QWidget

from app.context import Context
from app.settings import Settings, int_range
from ui.review.pin_widget import ReviewPinWidget
from ui.tasks import TaskManager


class ReviewSettingsWidget(QWidget):
    """A ``ui.settings_dialog.SettingsPage``: ``title``, ``widget`` and ``apply``."""

    def __init__(self, ctx: Context, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.font_spin = QSpinBox()
        self.font_spin.setRange(*int_range("review_font_pt"))
        self.font_spin.setSuffix(" pt")
        self.font_spin.setValue(ctx.settings.review_font_pt)
        form.addRow(self.tr("Textstorlek vid genomgång:"), self.font_spin)
        self.idle_spin = QSpinBox()
        self.idle_spin.setRange(*int_range("review_idle_lock_minutes"))
        self.idle_spin.setSuffix(self.tr(" min"))
        self.idle_spin.setValue(ctx.settings.review_idle_lock_minutes)
        self.idle_spin.setAccessibleName(self.tr("Lås efter så här lång tid utan aktivitet "
                                                 "vid genomgång"))
        form.addRow(self.tr("Lås genomgången efter:"), self.idle_spin)
        layout.addLayout(form)
        self.pin = ReviewPinWidget(ctx, tasks)
        layout.addWidget(self.pin)

    def title(self) -> str:
        return self.tr("Genomgång med familjen")

    def widget(self) -> QWidget:
        return self

    def apply(self, settings: Settings) -> Settings:
        # The PIN is saved by its own button, in the store (it is not a setting).
        return replace(settings, review_font_pt=self.font_spin.value(),
                       review_idle_lock_minutes=self.idle_spin.value())
