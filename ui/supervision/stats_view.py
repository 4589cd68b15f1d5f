"""Statistik: the direct-contact share against the target, per caseworker and period, with the
figures of how notes are made; saved as PNG or CSV. Supervisors also enter working time here."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import stats
from app.stats import PeriodFigure, Statistics
from app.stats_export import period_label, statistics_csv
from app.stats_notes import NoteFigures
from ui.errors import FieldErrorLabel, FormErrors
from ui.session import UiSession
from ui.supervision.dates import to_date, to_qdate
from ui.supervision.staffing_page import StaffingPage
from ui.supervision.stats_chart import StatsChartView


def _number(value: float | None, decimals: int = 1) -> str:
    """In the UI language's own way (decimal comma in Swedish); "–" for no value."""
    return "–" if value is None else QLocale().toString(value, "f", decimals)


def _hours(minutes: float | None) -> str:
    return _number(None if minutes is None else minutes / 60)


def _share(value: float | None) -> str:
    return "–" if value is None else f"{_number(100 * value)} %"


class StatsDialog(QDialog):
    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.statistics: Statistics | None = None
        self.setWindowTitle(self.tr("Statistik"))
        self.resize(1040, 640)

        today = date.today()
        self.first = QDateEdit(to_qdate(today - timedelta(weeks=12)))
        self.last = QDateEdit(to_qdate(today))
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.grouping = QComboBox()
        self.grouping.addItem(self.tr("Per vecka"), "week")
        self.grouping.addItem(self.tr("Per månad"), "month")
        self.show_button = QPushButton(self.tr("&Visa"))
        self.show_button.setDefault(True)
        self.show_button.clicked.connect(self.refresh)
        controls = QHBoxLayout()
        for text, widget in ((self.tr("&Från"), self.first), (self.tr("&Till"), self.last)):
            label = QLabel(text)
            label.setBuddy(widget)
            controls.addWidget(label)
            controls.addWidget(widget)
        controls.addWidget(self.grouping)
        controls.addWidget(self.show_button)
        controls.addStretch(1)

        self.error = FieldErrorLabel()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.chart = StatsChartView()
        columns = self._columns()
        self.table = QTableWidget(0, len(columns))
        for i, (header, tip) in enumerate(columns):
            item = QTableWidgetItem(header)
            item.setToolTip(tip)
            self.table.setHorizontalHeaderItem(i, item)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.chart, self.tr("&Diagram"))
        self.tabs.addTab(self.table, self.tr("&Tabell"))
        self.by_period = QTableWidget(0, 0)
        self.by_period.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.tabs.addTab(self.by_period, self.tr("&Per period"))
        if session.ctx.actor.role in ("supervisor", "admin"):
            self.staffing = StaffingPage(session)
            self.staffing.changed.connect(self.refresh)
            self.tabs.addTab(self.staffing, self.tr("&Arbetstid"))

        self.save_png = QPushButton(self.tr("Spara diagram som &PNG…"))
        self.save_png.clicked.connect(self._save_png)
        self.save_csv = QPushButton(self.tr("Spara tabell som &CSV…"))
        self.save_csv.clicked.connect(self._save_csv)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.save_png, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_csv, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.error)
        layout.addWidget(self.status)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.errors = FormErrors(self, general=self.error, reenable=[self.show_button])
        self._set_result(None)
        self.refresh()

    def _columns(self) -> list[tuple[str, str]]:
        """(header, tooltip) of the summary table's columns."""
        return [
            (self.tr("Handläggare"), ""),
            (self.tr("Direkt tid\n(timmar)"),
             self.tr("Besök och samtal där barn, unga eller vårdnadshavare var med")),
            (self.tr("Arbetstid\n(timmar)"), self.tr("Avtalad arbetstid minus frånvaro")),
            (self.tr("Andel\ndirekt tid"), self.tr("Direkt tid av arbetstiden")),
            (self.tr("Signerade\nanteckningar"), ""),
            (self.tr("Signerade\npå plats"),
             self.tr("Signerade före besökets slut eller strax efter")),
            (self.tr("Till signering\nmedian (h)"), self.tr("Timmar från besökets slut")),
            (self.tr("Till signering\np90 (h)"),
             self.tr("9 av 10 anteckningar signerades inom så många timmar")),
            (self.tr("Genomgångna\nmed familjen"), ""),
            (self.tr("Familjen\ninstämde"), self.tr("Andel besvarade stycken där familjen "
                                                    "instämde")),
            (self.tr("Ord från\ntaligenkänning"),
             self.tr("Andel av de signerade orden som kom från utskriften")),
        ]

    def refresh(self) -> None:
        self.show_button.setEnabled(False)
        self.error.show_message("")
        self.status.setText(self.tr("Räknar…"))
        self.session.tasks.op(stats.compute, self.session.ctx, to_date(self.first.date()),
                              to_date(self.last.date()), self.grouping.currentData()) \
            .success(self._set_result).failure(self._failed).owned_by(self).run()

    def _failed(self, exc: BaseException) -> None:
        self.status.setText("")
        self.errors(exc)

    def _set_result(self, result: Statistics | None) -> None:
        self.statistics = result
        self.show_button.setEnabled(True)
        self.save_png.setEnabled(result is not None)
        self.save_csv.setEnabled(result is not None)
        self.chart.show_statistics(result)
        self.table.setRowCount(0)
        if result is None:
            return
        rows = [(p.display_name, p.total, p.notes) for p in result.people]
        rows.append((self.tr("Enheten"), result.unit_total, result.unit_notes))
        for name, total, notes in rows:
            self._add_row(name, total, notes)
        self._fill_by_period(result)
        self.status.setText(self.tr("Målet är {target} % av arbetstiden. Enheten: {share}.")
                            .format(target=result.target_percent,
                                    share=_share(result.unit_total.share)))

    def _fill_by_period(self, result: Statistics) -> None:
        """Share per caseworker (rows) and period (columns), the unit last."""
        series = [(p.display_name, p.periods) for p in result.people]
        series.append((self.tr("Enheten"), result.unit))
        self.by_period.clear()
        self.by_period.setRowCount(len(series))
        self.by_period.setColumnCount(len(result.unit))
        self.by_period.setHorizontalHeaderLabels(
            [period_label(f, result.grouping) for f in result.unit])
        self.by_period.setVerticalHeaderLabels([name for name, _ in series])
        for row, (_, figures) in enumerate(series):
            for column, figure in enumerate(figures):
                item = QTableWidgetItem(_share(figure.share))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                item.setToolTip(self.tr("{direct} h direkt tid av {working} h arbetstid").format(
                    direct=_hours(figure.direct_minutes), working=_hours(figure.working_minutes)))
                self.by_period.setItem(row, column, item)
        self.by_period.resizeColumnsToContents()

    def _add_row(self, name: str, total: PeriodFigure, notes: NoteFigures) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        median = notes.hours_to_sign_median
        p90 = notes.hours_to_sign_p90
        cells = [name, _hours(total.direct_minutes), _hours(total.working_minutes),
                 _share(total.share), str(notes.signed), _share(notes.on_site_share),
                 _number(median), _number(p90), str(notes.reviewed),
                 _share(notes.agreed_share), _share(notes.kept_share)]
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if column:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, column, item)

    def _ask_path(self, title: str, suggested: str, pattern: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(self, title, str(Path.home() / suggested), pattern)
        return Path(name) if name else None

    def _save_png(self) -> None:
        path = self._ask_path(self.tr("Spara diagram"), "statistik.png", "PNG (*.png)")
        if path is not None:
            self.save_chart_png(path)

    def save_chart_png(self, path: Path) -> bool:
        saved = self.chart.grab().save(str(path), "PNG")
        self.status.setText(self.tr("Diagrammet sparades i {path}.").format(path=path) if saved
                            else self.tr("Diagrammet kunde inte sparas i {path}.")
                            .format(path=path))
        return saved

    def _save_csv(self) -> None:
        path = self._ask_path(self.tr("Spara tabell"), "statistik.csv", "CSV (*.csv)")
        if path is not None:
            self.save_csv_file(path)

    def save_csv_file(self, path: Path) -> None:
        if self.statistics is None:
            return
        data = statistics_csv(self.statistics, self.tr("Enheten"))
        self.session.tasks.op(path.write_bytes, data) \
            .success(lambda _n: self.status.setText(
                self.tr("Tabellen sparades i {path}.").format(path=path))) \
            .failure(self.errors).owned_by(self).run()
