"""Dialogs that change a case after it was made: its heading, one person, its caseworkers.

Every check is the service's (``app.cases``, ``app.persons``, ``app.assignments``); its Swedish
message is shown next to the field it names and nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app import assignments, cases, persons, vocabulary
from app.dto import CaseDetail, Colleague, PersonInfo, PersonInput
from ui import formatting
from ui.errors import FieldErrorLabel, FormErrors
from ui.session import UiSession


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                           | QDialogButtonBox.StandardButton.Cancel)
    box.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    box.rejected.connect(dialog.reject)
    return box


def _buddy(text: str, edit: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(edit)
    return label


class CaseEditDialog(QDialog):
    """Case number, title and retention class. Emits ``case_changed(CaseDetail)``."""

    case_changed = Signal(object)

    def __init__(self, session: UiSession, case: CaseDetail,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.case = session, case
        self.setWindowTitle(self.tr("Ändra ärende"))
        self.setMinimumWidth(520)
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.case_number = QLineEdit(case.case_number)
        self.case_number.setAccessibleName(self.tr("Ärendenummer"))
        self.title = QLineEdit(case.title)
        self.title.setAccessibleName(self.tr("Rubrik"))
        self.retention = QComboBox()
        self.retention.setAccessibleName(self.tr("Gallring"))
        self.retention.addItem(self.tr("Gallras enligt standard (efter 5 år)"), "standard")
        self.retention.addItem(self.tr("Bevaras (placering, faderskap, adoption)"), "keep")
        self.retention.setCurrentIndex(max(0, self.retention.findData(case.retention_class)))
        self.case_number_error, self.title_error = FieldErrorLabel(), FieldErrorLabel()
        self.error = FieldErrorLabel()
        form.addRow(_buddy(self.tr("Ä&rendenummer"), self.case_number), self.case_number)
        form.addRow("", self.case_number_error)
        form.addRow(_buddy(self.tr("R&ubrik"), self.title), self.title)
        form.addRow("", self.title_error)
        form.addRow(_buddy(self.tr("&Gallring"), self.retention), self.retention)
        form.addRow(self.error)
        self.buttons = _buttons(self, self.tr("Spara"))
        self.buttons.accepted.connect(self._on_buttons_accepted)
        form.addRow(self.buttons)
        self.errors = FormErrors(self, general=self.error, reenable=(self.buttons,), fields={
            "case_number": self.case_number_error, "title": self.title_error,
            "retention_class": self.error})

    def _on_buttons_accepted(self) -> None:
        self.errors.clear()
        self.buttons.setEnabled(False)
        self.session.tasks.op(
            cases.update_case, self.session.ctx, self.case.id,
            case_number=self.case_number.text(), title=self.title.text(),
            retention_class=str(self.retention.currentData()),
        ).success(self._on_saved).failure(self.errors).owned_by(self).run()

    def _on_saved(self, detail: CaseDetail) -> None:
        self.buttons.setEnabled(True)
        self.case_changed.emit(detail)
        self.accept()


class PersonDialog(QDialog):
    """Add a person to a case, or change one (``person`` given). Emits ``person_saved``."""

    person_saved = Signal(object)

    def __init__(self, session: UiSession, case_id: str, person: PersonInfo | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.case_id, self.person = session, case_id, person
        self.setWindowTitle(self.tr("Ändra person") if person else self.tr("Lägg till person"))
        self.setMinimumWidth(480)
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.role = QComboBox()
        for key in vocabulary.PERSON_ROLES:
            self.role.addItem(formatting.person_role(key), key)
        self.role.setAccessibleName(self.tr("Roll"))
        self.name = QLineEdit(person.name if person else "")
        self.name.setAccessibleName(self.tr("Namn"))
        self.personnummer = QLineEdit(person.personnummer or "" if person else "")
        self.personnummer.setAccessibleName(self.tr("Personnummer"))
        self.personnummer.setPlaceholderText(self.tr("ÅÅÅÅMMDD-NNNN (frivilligt)"))
        if person is not None:
            self.role.setCurrentIndex(max(0, self.role.findData(person.role)))
        self.name_error, self.pnr_error, self.error = (FieldErrorLabel(), FieldErrorLabel(),
                                                       FieldErrorLabel())
        form.addRow(_buddy(self.tr("&Roll"), self.role), self.role)
        form.addRow(_buddy(self.tr("&Namn"), self.name), self.name)
        form.addRow("", self.name_error)
        form.addRow(_buddy(self.tr("&Personnummer"), self.personnummer), self.personnummer)
        form.addRow("", self.pnr_error)
        form.addRow(self.error)
        self.buttons = _buttons(self, self.tr("Spara"))
        self.buttons.accepted.connect(self._on_buttons_accepted)
        form.addRow(self.buttons)
        self.errors = FormErrors(self, general=self.error, reenable=(self.buttons,), fields={
            "person.name": self.name_error, "person.role": self.name_error,
            "person.personnummer": self.pnr_error})

    def value(self) -> PersonInput:
        return PersonInput(str(self.role.currentData()), self.name.text(),
                           self.personnummer.text())

    def _on_buttons_accepted(self) -> None:
        self.errors.clear()
        self.buttons.setEnabled(False)
        ctx = self.session.ctx
        op: Any
        if self.person is None:
            op = self.session.tasks.op(persons.add_person, ctx, self.case_id, self.value())
        else:
            op = self.session.tasks.op(persons.update_person, ctx, self.person.id, self.value())
        op.success(self._on_saved).failure(self.errors).owned_by(self).run()

    def _on_saved(self, info: PersonInfo) -> None:
        self.buttons.setEnabled(True)
        self.person_saved.emit(info)
        self.accept()


class AssignDialog(QDialog):
    """Which colleagues the case is assigned to (supervisors and admins). Emits
    ``assignments_changed`` once every change is stored."""

    assignments_changed = Signal()

    def __init__(self, session: UiSession, case: CaseDetail, colleagues: list[Colleague],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.case = session, case
        self.setWindowTitle(self.tr("Handläggare för ärendet"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Bocka för de kollegor som ska arbeta med ärendet."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        assigned = {c.id for c in case.assignees}
        self.boxes: dict[str, QCheckBox] = {}
        for colleague in colleagues:
            box = QCheckBox(f"{colleague.display_name} ({colleague.username})")
            box.setChecked(colleague.id in assigned)
            self.boxes[colleague.username] = box
            layout.addWidget(box)
        self.initial = {name for name, box in self.boxes.items() if box.isChecked()}
        self.error = FieldErrorLabel()
        layout.addWidget(self.error)
        self.buttons = _buttons(self, self.tr("Spara"))
        self.buttons.accepted.connect(self._on_buttons_accepted)
        layout.addWidget(self.buttons)
        self.errors = FormErrors(self, general=self.error, reenable=(self.buttons,),
                                 fields={"username": self.error})

    def _on_buttons_accepted(self) -> None:
        chosen = {name for name, box in self.boxes.items() if box.isChecked()}
        self.errors.clear()
        self.buttons.setEnabled(False)
        self.session.tasks.op(
            assignments.change, self.session.ctx, self.case.id,
            add=sorted(chosen - self.initial), remove=sorted(self.initial - chosen),
        ).success(self._on_saved).failure(self.errors).owned_by(self).run()

    def _on_saved(self, _result: None) -> None:
        self.buttons.setEnabled(True)
        self.assignments_changed.emit()
        self.accept()


def confirm(parent: QWidget, title: str, text: str, yes: str,
            then: Callable[[], object]) -> QDialog:
    """A non-blocking yes/cancel question; ``then`` runs on yes."""
    from PySide6.QtWidgets import QMessageBox
    box = QMessageBox(QMessageBox.Icon.Question, title, text,
                      QMessageBox.StandardButton.Cancel, parent)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.buttonClicked.connect(lambda b: then() if b is yes_button else None)
    box.open()
    return box
