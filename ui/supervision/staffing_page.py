"""Arbetstid: a supervisor enters each caseworker's contracted hours and weekly absence, which
the statistics count as working time."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import staffing
from app.staffing import MAX_WEEKLY_HOURS, StaffingRow
from ui.errors import FieldErrorLabel, FormErrors
from ui.session import UiSession
from ui.supervision.dates import to_date


def _spin(value: float) -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setRange(0, MAX_WEEKLY_HOURS)
    spin.setDecimals(1)
    spin.setSuffix(" h")
    spin.setValue(value)
    return spin


def _date_edit() -> QDateEdit:
    edit = QDateEdit(QDate.currentDate())
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


class StaffingPage(QWidget):
    changed = Signal()

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Handläggare"), self.tr("Timmar/vecka"),
                                              self.tr("Gäller från")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()

        self.person = QComboBox()
        self.hours = _spin(40)
        self.valid_from = _date_edit()
        self.save_hours = QPushButton(self.tr("Spara arbetstid"))
        self.save_hours.clicked.connect(self._on_save_hours)
        hours_box = QGroupBox(self.tr("Avtalad arbetstid"))
        hours_form = QFormLayout(hours_box)
        hours_form.addRow(self.tr("Timmar per vecka"), self.hours)
        hours_form.addRow(self.tr("Gäller från"), self.valid_from)
        hours_form.addRow(self.save_hours)

        self.absence = _spin(0)
        self.week = _date_edit()
        self.save_absence = QPushButton(self.tr("Spara frånvaro"))
        self.save_absence.clicked.connect(self._on_save_absence)
        absence_box = QGroupBox(self.tr("Frånvaro en vecka"))
        absence_form = QFormLayout(absence_box)
        absence_form.addRow(self.tr("En dag i veckan"), self.week)
        absence_form.addRow(self.tr("Timmar frånvaro"), self.absence)
        absence_form.addRow(self.save_absence)

        self.error = FieldErrorLabel()
        self.done = QLabel()
        self.done.setWordWrap(True)
        person_row = QHBoxLayout()
        label = QLabel(self.tr("&Handläggare"))
        label.setBuddy(self.person)
        person_row.addWidget(label)
        person_row.addWidget(self.person, 1)
        boxes = QHBoxLayout()
        boxes.addWidget(hours_box)
        boxes.addWidget(absence_box)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(person_row)
        layout.addLayout(boxes)
        layout.addWidget(self.error)
        layout.addWidget(self.done)
        self.errors = FormErrors(self, general=self.error,
                                 fields={"weekly_hours": self.error,
                                         "absence_hours": self.error},
                                 reenable=[self.save_hours, self.save_absence])
        self.reload()

    def reload(self) -> None:
        self.session.tasks.op(staffing.overview, self.session.ctx, date.today()) \
            .success(self._show).failure(self.errors).owned_by(self).run()

    def _show(self, rows: list[StaffingRow]) -> None:
        chosen = self.person.currentData()
        self.person.clear()
        self.table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            self.person.addItem(row.display_name, row.user_id)
            hours = "–" if row.weekly_hours is None else f"{row.weekly_hours:g}"
            since = "" if row.valid_from is None else row.valid_from.isoformat()
            for column, text in enumerate((row.display_name, hours, since)):
                self.table.setItem(i, column, QTableWidgetItem(text))
        if chosen is not None and (index := self.person.findData(chosen)) >= 0:
            self.person.setCurrentIndex(index)

    def _begin(self) -> str | None:
        self.error.show_message("")
        self.done.setText("")
        user_id = self.person.currentData()
        if user_id is None:
            self.error.show_message(self.tr("Välj en handläggare."))
            return None
        self.save_hours.setEnabled(False)
        self.save_absence.setEnabled(False)
        return str(user_id)

    def _saved(self, message: str) -> None:
        self.save_hours.setEnabled(True)
        self.save_absence.setEnabled(True)
        self.done.setText(message)
        self.reload()
        self.changed.emit()

    def _on_save_hours(self) -> None:
        user_id = self._begin()
        if user_id is None:
            return
        name = self.person.currentText()
        self.session.tasks.op(staffing.set_weekly_hours, self.session.ctx, user_id,
                              self.hours.value(), to_date(self.valid_from.date())) \
            .success(lambda _r: self._saved(self.tr("Arbetstiden för {name} sparades.")
                                            .format(name=name))) \
            .failure(self.errors).owned_by(self).run()

    def _on_save_absence(self) -> None:
        user_id = self._begin()
        if user_id is None:
            return
        name = self.person.currentText()
        self.session.tasks.op(staffing.set_absence, self.session.ctx, user_id,
                              to_date(self.week.date()), self.absence.value()) \
            .success(lambda week: self._saved(
                self.tr("Frånvaron för {name} vecka {week} sparades.")
                .format(name=name, week=week.isocalendar()[1]))) \
            .failure(self.errors).owned_by(self).run()
