"""Settings page "Talmodeller": installed models (name, language, size, valid), the active one,
the built-in catalog (Swedish first) with download, cancel and resume, import from a zip file
or folder, and removal; below them the KB-Whisper models of the second pass
(``ui.visit.whisper_models``). Slow work runs on the task manager; progress via ``ProgressRelay``."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import model_admin
from app.model_admin import ModelListing
from app.settings import Settings
from speech.errors import mb
from speech.values import CatalogEntry, InstalledModel
from ui.errors import FieldErrorLabel, FormErrors
from ui.session import UiSession
from ui.visit.model_holder import SpeechModelHolder
from ui.visit.progress import ProgressRelay
from ui.visit.whisper_models import WhisperModelsWidget

__all__ = ["ModelListing", "ModelManagerWidget"]


class ModelManagerWidget(QWidget):
    """A ``SettingsPage``. ``models_changed`` after an install, import or removal."""

    models_changed = Signal()
    listing_loaded = Signal(object)  # ModelListing

    def __init__(self, session: UiSession, models: SpeechModelHolder,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.models = session, models
        self.listing = ModelListing((), (), None)
        self._cancel: threading.Event | None = None
        self.active = QComboBox()
        self.active.setAccessibleName(self.tr("Talmodell som används"))
        self.installed = _table([self.tr("Namn"), self.tr("Språk"), self.tr("Storlek"),
                                 self.tr("Status")])
        self.import_zip_button = QPushButton(self.tr("Importera från zip…"))
        self.import_folder_button = QPushButton(self.tr("Importera från mapp…"))
        self.remove_button = QPushButton(self.tr("Ta bort"))
        self.catalog = _table([self.tr("Namn"), self.tr("Språk"), self.tr("Storlek"), ""])
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("Avbryt"))
        self.cancel_button.hide()
        self.error = FieldErrorLabel()
        self.errors = FormErrors(self, general=self.error)
        self.relay = ProgressRelay(self)
        self.relay.progress_changed.connect(self.progress.setValue)
        form = QFormLayout()
        form.addRow(self.tr("Används"), self.active)
        row = QHBoxLayout()
        for button in (self.import_zip_button, self.import_folder_button, self.remove_button):
            row.addWidget(button)
        row.addStretch(1)
        down = QHBoxLayout()
        down.addWidget(self.progress, 1)
        down.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Installerade modeller")))
        layout.addWidget(self.installed)
        layout.addLayout(row)
        layout.addWidget(QLabel(self.tr("Ladda ned (kräver internet)")))
        layout.addWidget(self.catalog)
        layout.addLayout(down)
        layout.addWidget(self.error)
        # The second pass's models (KB-Whisper) below the live ones: same page, own lists.
        self.whisper = WhisperModelsWidget(session)
        self.whisper.models_changed.connect(self.models_changed)
        layout.addSpacing(12)
        layout.addWidget(self.whisper)
        self.import_zip_button.clicked.connect(lambda: self._choose(folder=False))
        self.import_folder_button.clicked.connect(lambda: self._choose(folder=True))
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.cancel_button.clicked.connect(self._on_cancel_clicked)
        self.refresh()

    # -- SettingsPage ------------------------------------------------------------------------

    def title(self) -> str:
        return self.tr("Talmodeller")

    def widget(self) -> QWidget:
        return self

    def apply(self, settings: Settings) -> Settings:
        chosen = self.active.currentData()
        if chosen:
            settings = model_admin.choose_model(settings, self.listing, str(chosen))
        return self.whisper.apply(settings)

    # -- listing -----------------------------------------------------------------------------

    def refresh(self) -> None:
        (self.session.tasks.op(model_admin.list_models, self.session.ctx)
         .success(self._on_listing_loaded).owned_by(self).run())

    @Slot(object)
    def _on_listing_loaded(self, listing: ModelListing) -> None:
        self.listing = listing
        self.active.clear()
        self.installed.setRowCount(len(listing.installed))
        for row, model in enumerate(listing.installed):
            status = self.tr("Giltig") if model.valid else self.tr("Ogiltig: saknar {what}").format(
                what=", ".join(model.missing))
            _fill(self.installed, row, [model.name,
                                        self.language_name(model.lang, model.lang_text),
                                        mb(model.size_bytes), status])
            if model.valid:
                self.active.addItem(model.name, model.name)
        self.active.setCurrentIndex(max(0, self.active.findData(listing.active)))
        self.catalog.setRowCount(len(listing.catalog))
        for row, entry in enumerate(listing.catalog):
            _fill(self.catalog, row, [entry.name, self.language_name(entry.lang, entry.lang_text),
                                      mb(entry.size), ""])
            installed = listing.is_installed(entry.name)
            button = QPushButton(self.tr("Installerad") if installed else self.tr("Ladda ned"))
            button.setEnabled(not installed)
            button.clicked.connect(lambda _=False, e=entry: self.download(e))
            self.catalog.setCellWidget(row, 3, button)
        self.remove_button.setEnabled(bool(listing.installed))
        self.listing_loaded.emit(listing)

    def language_name(self, code: str | None, fallback: str | None) -> str:
        """The model's language in the UI's language (the catalog names it in English)."""
        names = {
            "sv": self.tr("Svenska"), "en-us": self.tr("Engelska (USA)"),
            "en-gb": self.tr("Engelska (Storbritannien)"), "en-in": self.tr("Engelska (Indien)"),
            "de": self.tr("Tyska"), "fr": self.tr("Franska"), "es": self.tr("Spanska"),
            "it": self.tr("Italienska"), "nl": self.tr("Nederländska"), "pl": self.tr("Polska"),
            "ru": self.tr("Ryska"), "ar": self.tr("Arabiska"), "fa": self.tr("Persiska"),
            "tr": self.tr("Turkiska"),
        }
        return names.get((code or "").lower(), fallback or code or "?")

    # -- actions -----------------------------------------------------------------------------

    def download(self, entry: CatalogEntry) -> None:
        """Download, verify and install; a retry resumes where the broken download stopped."""
        self._cancel = cancel = threading.Event()
        # Closing the settings stops the download; the part file stays, so the next try resumes.
        self.destroyed.connect(lambda *_: cancel.set())
        self._busy(True)
        (self.session.background.op(model_admin.download_model, self.session.ctx, entry,
                                    self.relay.report_bytes, cancel)
         .success(self._on_model_added).failure(self._on_failed).owned_by(self).run())

    def import_from(self, path: Path) -> None:
        self._busy(True, determinate=False)
        (self.session.background.op(model_admin.import_model, self.session.ctx, path)
         .success(self._on_model_added).failure(self._on_failed).owned_by(self).run())

    def _choose(self, *, folder: bool) -> QFileDialog:
        dialog = QFileDialog(self, self.tr("Importera talmodell"))
        if folder:
            dialog.setFileMode(QFileDialog.FileMode.Directory)
        else:
            dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
            dialog.setNameFilter(self.tr("Zip-filer (*.zip)"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(lambda path: self.import_from(Path(path)))
        dialog.open()
        return dialog

    @Slot()
    def _on_remove_clicked(self) -> None:
        row = self.installed.currentRow()
        if 0 <= row < len(self.listing.installed):
            engine, name = self.listing.installed[row].engine, self.listing.installed[row].name
            (self.session.tasks.op(model_admin.remove_model, self.session.ctx, engine, name)
             .success(lambda _none: self._on_model_removed(name)).failure(self._on_failed)
             .owned_by(self).run())

    @Slot()
    def _on_cancel_clicked(self) -> None:
        if self._cancel is not None:
            self._cancel.set()

    @Slot(object)
    def _on_model_added(self, _model: InstalledModel) -> None:
        self._busy(False)
        self.error.clear_message()
        self.refresh()
        self.models_changed.emit()
        if not self.models.ready:
            self.models.reload()  # a model has arrived: load it (and offer the waiting work)

    def _on_model_removed(self, name: str) -> None:
        self.refresh()
        self.models_changed.emit()
        if self.models.model_id == name:
            self.models.reload()

    @Slot(object)
    def _on_failed(self, exc: BaseException) -> None:
        """The use cases raise Swedish user errors (shown under the lists); a bug goes to
        the presenter, which logs it and offers "Kopiera detaljer"."""
        self._busy(False)
        self.errors(exc)

    def _busy(self, busy: bool, *, determinate: bool = True) -> None:
        self.relay.reset()
        self.progress.setRange(0, 100 if determinate else 0)
        self.progress.setValue(0)
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy and determinate)
        for button in (self.import_zip_button, self.import_folder_button, self.remove_button):
            button.setEnabled(not busy)


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    # Whole model names ("vosk-model-small-sv-rhasspy-0.15"), never cut: the table scrolls.
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    table.setTextElideMode(Qt.TextElideMode.ElideNone)
    table.setWordWrap(False)
    table.setMinimumHeight(120)
    return table


def _fill(table: QTableWidget, row: int, values: list[str]) -> None:
    for column, value in enumerate(values):
        table.setItem(row, column, QTableWidgetItem(value))
