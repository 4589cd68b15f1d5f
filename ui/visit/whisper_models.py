"""The KB-Whisper part of the "Talmodeller" page: the catalog's sizes (tiny, base, small,
medium) with their sizes and the size recommended for this laptop by a short calibration run,
install (download with progress, cancel and resume), import from a zip file or folder, removal,
and the choice of the model "Förbättra utskriften" uses. Slow work runs on the task manager."""

from __future__ import annotations

import threading
from dataclasses import replace
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

from app import whisper_models
from app.settings import Settings
from app.whisper_models import KbSize, WhisperListing
from speech.errors import mb
from speech.values import InstalledModel
from ui.errors import FieldErrorLabel, FormErrors
from ui.session import UiSession
from ui.visit.progress import ProgressRelay

# What the second pass falls back to before a calibration (the research's balance).
DEFAULT_SIZE = "kb-whisper-base"


class WhisperModelsWidget(QWidget):
    """Part of ``ModelManagerWidget``; its ``apply`` writes the second-pass model (when the
    caseworker changed it) and the measured recommendation."""

    models_changed = Signal()
    listing_loaded = Signal(object)  # WhisperListing
    calibrated = Signal(str)

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.listing = WhisperListing((), (), "", None, "")
        self._initial_choice: str | None = None
        self._measured: str | None = None
        self._cancel: threading.Event | None = None
        self.model = QComboBox()
        self.model.setAccessibleName(self.tr("Modell för förbättrad utskrift"))
        self.recommendation = QLabel()
        self.recommendation.setWordWrap(True)
        self.calibrate_button = QPushButton(self.tr("Mät den här datorn"))
        self.calibrate_button.setToolTip(self.tr(
            "Skriver ut de första 30 sekunderna av din senaste inspelning och mäter tiden"))
        self.installed = _table([self.tr("Namn"), self.tr("Storlek"), self.tr("Status")])
        self.catalog = _table([self.tr("Namn"), self.tr("Storlek"), self.tr("Ordfel"), ""])
        self.import_zip_button = QPushButton(self.tr("Importera KB-Whisper från zip…"))
        self.import_folder_button = QPushButton(self.tr("Importera KB-Whisper från mapp…"))
        self.remove_button = QPushButton(self.tr("Ta bort"))
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("Avbryt"))
        self.cancel_button.hide()
        self.error = FieldErrorLabel()
        self.errors = FormErrors(self, general=self.error)
        self.relay = ProgressRelay(self)
        self.relay.progress_changed.connect(self.progress.setValue)
        self._lay_out()
        self.import_zip_button.clicked.connect(lambda: self._choose(folder=False))
        self.import_folder_button.clicked.connect(lambda: self._choose(folder=True))
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.cancel_button.clicked.connect(self._on_cancel_clicked)
        self.calibrate_button.clicked.connect(self.calibrate)
        self.refresh()

    def _lay_out(self) -> None:
        heading = QLabel(self.tr("Förbättrad utskrift (KB-Whisper)"))
        heading.setStyleSheet("font-weight: bold")
        form = QFormLayout()
        form.addRow(self.tr("Modell"), self.model)
        measure = QHBoxLayout()
        measure.addWidget(self.recommendation, 1)
        measure.addWidget(self.calibrate_button)
        buttons = QHBoxLayout()
        for button in (self.import_zip_button, self.import_folder_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        down = QHBoxLayout()
        down.addWidget(self.progress, 1)
        down.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addLayout(measure)
        layout.addWidget(self.installed)
        layout.addLayout(buttons)
        layout.addWidget(QLabel(self.tr("KB-Whisper att ladda ned (kräver internet)")))
        layout.addWidget(self.catalog)
        layout.addLayout(down)
        layout.addWidget(self.error)

    # -- settings ------------------------------------------------------------------------------

    def apply(self, settings: Settings) -> Settings:
        """The model choice only when changed here (the "Förbättrad utskrift" page chooses it
        too), and a recommendation measured while the page was open."""
        chosen = str(self.model.currentData() or "")
        if self._initial_choice is not None and chosen != self._initial_choice:
            settings = whisper_models.choose(settings, self.listing, chosen)
        if self._measured is not None:
            settings = replace(settings, second_pass_recommended=self._measured)
        return settings

    @property
    def recommended(self) -> str:
        return self._measured or self.listing.recommended

    # -- listing -------------------------------------------------------------------------------

    def refresh(self) -> None:
        (self.session.tasks.op(whisper_models.list_whisper_models, self.session.ctx)
         .success(self._on_listing_loaded).failure(self.errors).owned_by(self).run())

    @Slot(object)
    def _on_listing_loaded(self, listing: WhisperListing) -> None:
        self.listing = listing
        keep = (str(self.model.currentData() or "") if self._initial_choice is not None
                else listing.chosen)
        self.model.clear()
        self.model.addItem(self.tr("Den rekommenderade"), "")
        for m in listing.installed:
            if m.valid:
                self.model.addItem(m.name, m.name)
        self.model.setCurrentIndex(max(0, self.model.findData(keep)))
        if self._initial_choice is None:
            self._initial_choice = str(self.model.currentData() or "")
        self.installed.setRowCount(len(listing.installed))
        for row, m in enumerate(listing.installed):
            _fill(self.installed, row, [m.name, mb(m.size_bytes), self._status(m)])
        self._fill_catalog()
        self._show_recommendation()
        self.remove_button.setEnabled(bool(listing.installed))
        self.listing_loaded.emit(listing)

    def _status(self, m: InstalledModel) -> str:
        if not m.valid:
            return self.tr("Ogiltig: saknar {what}").format(what=", ".join(m.missing))
        if m.name == self.listing.in_use:
            return self.tr("Giltig · används")
        return self.tr("Giltig")

    def _fill_catalog(self) -> None:
        self.catalog.setRowCount(len(self.listing.catalog))
        for row, size in enumerate(self.listing.catalog):
            name = size.name
            if name == (self.recommended or DEFAULT_SIZE):
                name = self.tr("{name} (rekommenderad)").format(name=size.name)
            _fill(self.catalog, row, [name, self.tr("ca {size}").format(size=mb(size.approx_bytes)),
                                      f"{size.wer:.1f} %".replace(".", ","), ""])
            installed = self.listing.is_installed(size.name)
            button = QPushButton(self.tr("Installerad") if installed else self.tr("Installera"))
            button.setEnabled(not installed)
            button.clicked.connect(lambda _=False, s=size: self.install(s))
            self.catalog.setCellWidget(row, 3, button)

    def _show_recommendation(self) -> None:
        if self.recommended:
            text = self.tr("Rekommenderad storlek för den här datorn: {name} (mätt här).").format(
                name=self.recommended)
        else:
            text = self.tr("Inte mätt än: {name} är förvalet. Mät datorn när en modell är "
                           "installerad och det finns en inspelning.").format(name=DEFAULT_SIZE)
        self.recommendation.setText(text)

    # -- actions -------------------------------------------------------------------------------

    def install(self, size: KbSize) -> None:
        """Download, check and install; a retry resumes where a broken download stopped."""
        self._cancel = cancel = threading.Event()
        # Closing the settings stops the download; the part files stay, so the next try resumes.
        self.destroyed.connect(lambda *_: cancel.set())
        self._busy(True)
        (self.session.background.op(whisper_models.install_size, self.session.ctx, size.name,
                                    self.relay.report_bytes, cancel)
         .success(self._on_model_added).failure(self._on_failed).owned_by(self).run())

    def import_from(self, path: Path) -> None:
        self._busy(True, determinate=False)
        (self.session.background.op(whisper_models.import_whisper_model, self.session.ctx, path)
         .success(self._on_model_added).failure(self._on_failed).owned_by(self).run())

    def calibrate(self) -> None:
        self._busy(True, determinate=False)
        (self.session.background.op(whisper_models.calibrate_here, self.session.ctx)
         .success(self._on_calibrated).failure(self._on_failed).owned_by(self).run())

    def _choose(self, *, folder: bool) -> QFileDialog:
        dialog = QFileDialog(self, self.tr("Importera KB-Whisper-modell"))
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
            name = self.listing.installed[row].name
            (self.session.tasks.op(whisper_models.remove_whisper_model, self.session.ctx, name)
             .success(lambda _none: self._on_changed()).failure(self._on_failed)
             .owned_by(self).run())

    @Slot()
    def _on_cancel_clicked(self) -> None:
        if self._cancel is not None:
            self._cancel.set()

    @Slot(object)
    def _on_model_added(self, _model: InstalledModel) -> None:
        self._on_changed()

    def _on_changed(self) -> None:
        self._busy(False)
        self.error.clear_message()
        self.refresh()
        self.models_changed.emit()

    @Slot(object)
    def _on_calibrated(self, size: str) -> None:
        self._busy(False)
        self.error.clear_message()
        self._measured = size
        self._fill_catalog()
        self._show_recommendation()
        self.calibrated.emit(size)

    @Slot(object)
    def _on_failed(self, exc: BaseException) -> None:
        """Swedish user errors are shown under the lists; a bug goes to the presenter."""
        self._busy(False)
        self.errors(exc)

    def _busy(self, busy: bool, *, determinate: bool = True) -> None:
        self.relay.reset()
        self.progress.setRange(0, 100 if determinate else 0)
        self.progress.setValue(0)
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy and determinate)
        for button in (self.import_zip_button, self.import_folder_button, self.remove_button,
                       self.calibrate_button):
            button.setEnabled(not busy)


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    table.setTextElideMode(Qt.TextElideMode.ElideNone)
    table.setWordWrap(False)
    table.setMinimumHeight(110)
    return table


def _fill(table: QTableWidget, row: int, values: list[str]) -> None:
    for column, value in enumerate(values):
        table.setItem(row, column, QTableWidgetItem(value))
