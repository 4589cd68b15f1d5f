"""Log follow-up (logguppföljning) for supervisors and admins: filters, the audit chain's state,
flagged patterns, the events; saved as CSV or PDF. Reads through ``app.audit_log`` only."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import audit_log, audit_log_export
from app.audit_log import CATEGORIES, LogFilter, LogReport
from app.review_text import local_time
from app.vocabulary import QT_TRANSLATE_NOOP
from ui.errors import FieldErrorLabel, FormErrors
from ui.session import UiSession

_CATEGORY_TEXTS = {
    "opened": QT_TRANSLATE_NOOP("AuditLogDialog", "Öppnade"),
    "searched": QT_TRANSLATE_NOOP("AuditLogDialog", "Sökte"),
    "exported": QT_TRANSLATE_NOOP("AuditLogDialog", "Exporterade"),
    "signed": QT_TRANSLATE_NOOP("AuditLogDialog", "Signerade"),
    "corrected": QT_TRANSLATE_NOOP("AuditLogDialog", "Rättade"),
    "reviewed": QT_TRANSLATE_NOOP("AuditLogDialog", "Genomgångar"),
    "refused": QT_TRANSLATE_NOOP("AuditLogDialog", "Nekades"),
}
# The flags' names (app.audit_log.FLAG_LABELS holds the Swedish ones for files and the CLI).
_FLAG_TEXTS = {
    "burst": QT_TRANSLATE_NOOP("AuditLogDialog", "Många journaler på kort tid"),
    "unassigned": QT_TRANSLATE_NOOP("AuditLogDialog", "Inte tilldelad ärendet"),
}
_COLUMNS = (
    QT_TRANSLATE_NOOP("AuditLogDialog", "#"), QT_TRANSLATE_NOOP("AuditLogDialog", "Tid"),
    QT_TRANSLATE_NOOP("AuditLogDialog", "Användare"),
    QT_TRANSLATE_NOOP("AuditLogDialog", "Händelse"),
    QT_TRANSLATE_NOOP("AuditLogDialog", "Ärende"),
    QT_TRANSLATE_NOOP("AuditLogDialog", "Detaljer"),
    QT_TRANSLATE_NOOP("AuditLogDialog", "Flaggor"),
)
_FLAG_COLOUR = QColor("#fff0d6")


class AuditLogDialog(QDialog):
    """A window over the log; ``refresh()`` runs the follow-up with the chosen filters."""

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.report: LogReport | None = None
        self.setWindowTitle(self.tr("Logguppföljning"))
        self.resize(1000, 640)
        layout = QVBoxLayout(self)
        filters = QGridLayout()
        self.user = QComboBox()
        self.user.setEditable(True)
        self.user.addItem("")
        self.user.setAccessibleName(self.tr("Användare"))
        self.case = QLineEdit()
        self.case.setPlaceholderText(self.tr("Ärendenummer"))
        self.case.setAccessibleName(self.tr("Ärende"))
        self.all_time = QCheckBox(self.tr("&Hela tiden"))
        self.all_time.setChecked(True)
        today = QDate.currentDate()
        self.period_from = QDateEdit(today.addDays(-30))
        self.period_to = QDateEdit(today)
        for edit in (self.period_from, self.period_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.all_time.toggled.connect(self._on_all_time_toggled)
        self._on_all_time_toggled(True)
        filters.addWidget(QLabel(self.tr("Användare")), 0, 0)
        filters.addWidget(self.user, 0, 1)
        filters.addWidget(QLabel(self.tr("Ärende")), 0, 2)
        filters.addWidget(self.case, 0, 3)
        filters.addWidget(self.all_time, 1, 0)
        filters.addWidget(self.period_from, 1, 1)
        filters.addWidget(self.period_to, 1, 2)
        self.kinds: dict[str, QCheckBox] = {}
        kinds_row = QHBoxLayout()
        for key in CATEGORIES:
            box = QCheckBox(self.tr(_CATEGORY_TEXTS[key]))
            box.setChecked(True)
            self.kinds[key] = box
            kinds_row.addWidget(box)
        kinds_row.addStretch(1)
        self.show_button = QPushButton(self.tr("&Visa"))
        self.show_button.clicked.connect(self.refresh)
        kinds_row.addWidget(self.show_button)
        layout.addLayout(filters)
        layout.addLayout(kinds_row)
        self.chain_label = QLabel()
        self.chain_label.setWordWrap(True)
        layout.addWidget(self.chain_label)
        self.flags = QListWidget()
        self.flags.setMaximumHeight(110)
        self.flags.setAccessibleName(self.tr("Mönster att titta närmare på"))
        layout.addWidget(self.flags)
        self.table = QTableWidget(0, len(_COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in _COLUMNS])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.status = FieldErrorLabel()
        layout.addWidget(self.status)
        bottom = QHBoxLayout()
        self.saved_label = QLabel()
        bottom.addWidget(self.saved_label, 1)
        self.csv_button = QPushButton(self.tr("Spara som &CSV…"))
        self.pdf_button = QPushButton(self.tr("Spara som &PDF…"))
        self.csv_button.clicked.connect(lambda: self._on_save_clicked("csv"))
        self.pdf_button.clicked.connect(lambda: self._on_save_clicked("pdf"))
        for button in (self.csv_button, self.pdf_button):
            button.setEnabled(False)
            bottom.addWidget(button)
        layout.addLayout(bottom)
        self.errors = FormErrors(self, general=self.status, reenable=(self.show_button,))

    def _on_all_time_toggled(self, checked: bool) -> None:
        self.period_from.setEnabled(not checked)
        self.period_to.setEnabled(not checked)

    def log_filter(self) -> LogFilter:
        whole = self.all_time.isChecked()
        return LogFilter(
            username=self.user.currentText().strip(), case_number=self.case.text().strip(),
            period_from=None if whole else _day(self.period_from),
            period_to=None if whole else _day(self.period_to),
            categories=tuple(k for k, box in self.kinds.items() if box.isChecked()))

    def refresh(self) -> None:
        self.errors.clear()
        self.show_button.setEnabled(False)
        self.session.tasks.op(audit_log.follow_up, self.session.ctx, self.log_filter()) \
            .success(self._on_report_loaded).failure(self.errors).owned_by(self).run()

    def _on_report_loaded(self, report: LogReport) -> None:
        self.show_button.setEnabled(True)
        self.report = report
        ok = report.chain.ok
        self.chain_label.setText(audit_log_export.chain_text(report))
        self.chain_label.setStyleSheet("color: #1e6b34;" if ok else
                                       "color: #b00020; font-weight: bold;")
        if self.user.count() <= 1:
            self.user.addItems(list(report.users))
        self.flags.clear()
        for flag in report.flags:
            self.flags.addItem(f"{self.tr(_FLAG_TEXTS[flag.kind])}: {flag.description}")
        if not report.flags:
            self.flags.addItem(self.tr("Inga ovanliga mönster under perioden."))
        self.table.setRowCount(len(report.entries))
        for row, e in enumerate(report.entries):
            values = (str(e.seq), local_time(e.ts), f"{e.user_name} ({e.username})",
                      e.action_label, e.case_number, e.details,
                      ", ".join(self.tr(_FLAG_TEXTS[f]) for f in e.flags))
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                if e.flags:
                    item.setBackground(_FLAG_COLOUR)
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()
        for button in (self.csv_button, self.pdf_button):
            button.setEnabled(True)

    def _on_save_clicked(self, fmt: str) -> None:
        suffix = f".{fmt}"
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Spara loggen"), str(Path.home() / f"logguppfoljning{suffix}"))
        if chosen:
            self.save(fmt, Path(chosen))

    def save(self, fmt: str, target: Path) -> None:
        """Write the report shown now to ``target`` (in the background)."""
        if self.report is None:
            return
        self.session.tasks.op(audit_log_export.export_report, self.session.ctx, self.report,
                              fmt, target) \
            .success(self._on_report_saved).failure(self.errors).owned_by(self).run()

    def _on_report_saved(self, path: Path) -> None:
        self.saved_label.setText(self.tr("Sparad i {path}").format(path=str(path)))
        self.saved_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)


def _day(edit: QDateEdit) -> date:
    chosen = edit.date()
    return date(chosen.year(), chosen.month(), chosen.day())
