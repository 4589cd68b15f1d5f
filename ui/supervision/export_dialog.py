"""Export a case journal or the unit's journals: format, period, personnummer, file; a progress
bar and "Avbryt" while it runs; where the file went when it is done.

Threading contract: the export runs on the session's background task manager. The worker calls
``_ProgressBox.put`` (any thread, just stores the latest numbers); a 20 Hz timer on the GUI
thread shows them, only while an export runs. "Avbryt" sets the app's ``CancelToken``; the use
case stops at the next note and writes nothing.
"""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import export
from app.cancel import Cancelled, CancelToken
from ui.errors import FieldErrorLabel, FormErrors
from ui.session import UiSession


class _ProgressBox:
    """The latest (done, total) from the worker; read by the GUI thread's timer."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._value = (0, 0)

    def put(self, done: int, total: int) -> None:
        with self._lock:
            self._value = (done, total)

    def get(self) -> tuple[int, int]:
        with self._lock:
            return self._value


class ExportDialog(QDialog):
    """``case_id`` None: every case the user sees (the unit), for a period."""

    export_finished = Signal(object)  # app.export.ExportResult

    def __init__(self, session: UiSession, case_id: str | None = None, case_number: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.case_id = case_id
        self.case_number = case_number
        self.token: CancelToken | None = None
        self.last_result: export.ExportResult | None = None
        self._box = _ProgressBox()
        self.setWindowTitle(self.tr("Exportera journal") if case_id else
                            self.tr("Exportera enhetens journaler"))
        layout = QVBoxLayout(self)
        intro = (self.tr("Ärende {number}").format(number=case_number) if case_id else
                 self.tr("Alla ärenden du ser, med anteckningar under perioden."))
        layout.addWidget(QLabel(intro))
        form = QFormLayout()
        self.format = QComboBox()
        for key, text in (("pdf", self.tr("PDF/A (för arkiv och myndigheter)")),
                          ("docx", self.tr("Word (DOCX)")),
                          ("csv", self.tr("CSV (för verksamhetssystemet)")),
                          ("json", self.tr("JSON (för verksamhetssystemet)"))):
            self.format.addItem(text, key)
        self.format.currentIndexChanged.connect(self._on_format_current_index_changed)
        form.addRow(self.tr("&Format"), self.format)
        self.whole = QCheckBox(self.tr("&Hela journalen"))
        self.whole.setChecked(case_id is not None)
        self.whole.toggled.connect(self._on_whole_toggled)
        form.addRow("", self.whole)
        today = QDate.currentDate()
        self.period_from = QDateEdit(today.addMonths(-1))
        self.period_to = QDateEdit(today)
        for edit in (self.period_from, self.period_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        form.addRow(self.tr("Från"), self.period_from)
        form.addRow(self.tr("Till"), self.period_to)
        self.period_error = FieldErrorLabel()
        form.addRow("", self.period_error)
        self.full_pnr = QCheckBox(self.tr("Visa &hela personnummer (annars maskerade)"))
        form.addRow("", self.full_pnr)
        path_row = QHBoxLayout()
        self.path = QLineEdit()
        self.path.setAccessibleName(self.tr("Fil att spara"))
        self.choose = QPushButton(self.tr("&Välj…"))
        self.choose.clicked.connect(self._on_choose_clicked)
        path_row.addWidget(self.path, 1)
        path_row.addWidget(self.choose)
        form.addRow(self.tr("&Spara som"), path_row)
        self.target_error = FieldErrorLabel()
        form.addRow("", self.target_error)
        layout.addLayout(form)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Förlopp"))
        self.progress.hide()
        layout.addWidget(self.progress)
        self.status = FieldErrorLabel()
        layout.addWidget(self.status)
        self.done_label = QLabel()
        self.done_label.setWordWrap(True)
        layout.addWidget(self.done_label)
        buttons = QDialogButtonBox()
        self.export_button = buttons.addButton(self.tr("&Exportera"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = buttons.addButton(self.tr("&Avbryt"),
                                               QDialogButtonBox.ButtonRole.RejectRole)
        self.export_button.clicked.connect(self.start_export)
        self.cancel_button.clicked.connect(self._on_cancel_clicked)
        layout.addWidget(buttons)
        self.timer = QTimer(self)
        self.timer.setInterval(50)  # 20 Hz: the bar follows without flooding the GUI thread
        self.timer.timeout.connect(self._on_timer_timeout)
        self.errors = FormErrors(self, general=self.status,
                                 fields={"period": self.period_error,
                                         "target": self.target_error},
                                 reenable=(self.export_button,))
        self._on_whole_toggled(self.whole.isChecked())
        self._suggest_path()

    # -- input -------------------------------------------------------------------------------

    def _suggest_path(self) -> None:
        fmt = str(self.format.currentData())
        name = export.default_filename(export.ExportRequest(fmt, case_id=self.case_id),
                                       self.case_number or None, date.today())
        current = Path(self.path.text()) if self.path.text() else Path.home() / name
        self.path.setText(str(current.with_name(name)))

    @Slot(int)
    def _on_format_current_index_changed(self, _index: int) -> None:
        self._suggest_path()

    @Slot(bool)
    def _on_whole_toggled(self, whole: bool) -> None:
        self.period_from.setEnabled(not whole)
        self.period_to.setEnabled(not whole)

    def _on_choose_clicked(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(self, self.tr("Spara export"),
                                                      self.path.text())
        if chosen:
            self.path.setText(chosen)

    def request(self) -> export.ExportRequest:
        whole = self.whole.isChecked()
        return export.ExportRequest(
            str(self.format.currentData()), case_id=self.case_id,
            period_from=None if whole else _day(self.period_from),
            period_to=None if whole else _day(self.period_to),
            full_personnummer=self.full_pnr.isChecked())

    # -- running -----------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self.token is not None

    def start_export(self) -> None:
        if self.running:
            return
        self.errors.clear()
        self.done_label.clear()
        if not self.path.text().strip():
            self.target_error.show_message(self.tr("Välj var filen ska sparas."))
            return
        self.token = CancelToken()
        self.export_button.setEnabled(False)
        self._box.put(0, 0)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.timer.start()
        target = Path(self.path.text().strip()).expanduser()
        self.session.background.op(export.export_journal, self.session.ctx, self.request(),
                                   target, cancel=self.token, progress=self._box.put) \
            .success(self._on_export_succeeded).failure(self._on_export_failed) \
            .owned_by(self).run()

    def _finish(self) -> None:
        self.timer.stop()
        self.token = None
        self.progress.hide()
        self.export_button.setEnabled(True)

    def _on_export_succeeded(self, result: export.ExportResult) -> None:
        self._finish()
        self.last_result = result
        self.done_label.setText(self.tr("Klart: {notes} anteckningar sparades i {path}").format(
            notes=result.notes, path=str(result.path)))
        self.cancel_button.setText(self.tr("&Stäng"))
        self.export_finished.emit(result)

    def _on_export_failed(self, exc: BaseException) -> None:
        self._finish()
        if isinstance(exc, Cancelled):
            self.status.show_message(self.tr("Exporten avbröts. Ingen fil skrevs."))
            return
        self.errors(exc)

    @Slot()
    def _on_timer_timeout(self) -> None:
        done, total = self._box.get()
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _on_cancel_clicked(self) -> None:
        if self.token is not None:
            self.token.cancel()  # the worker stops at the next note; failure() follows
            return
        self.reject()

    def reject(self) -> None:
        if self.token is not None:  # Escape while running cancels first
            self.token.cancel()
            return
        self.timer.stop()
        super().reject()


def _day(edit: QDateEdit) -> date:
    chosen = edit.date()
    return date(chosen.year(), chosen.month(), chosen.day())
