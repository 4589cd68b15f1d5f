"""The "Nytt ärende" dialog: case number, title and the persons in the case.

Validation is the service's (``app.cases.create_case``); its Swedish message is shown next to
the field it names, and nothing typed is lost.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import cases, limits, vocabulary
from app.dto import CaseDetail, PersonInput
from ui import formatting
from ui.errors import FieldErrorLabel, FormErrors
from ui.fit import fit_placeholder
from ui.session import UiSession


class PersonRowWidget(QWidget):
    """One person: role, name, optional personnummer, each with room for an error."""

    def __init__(self, index: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.role = QComboBox()
        for key in vocabulary.PERSON_ROLES:
            self.role.addItem(formatting.person_role(key), key)
        self.role.setCurrentIndex(0 if index == 0 else 1)
        self.name = QLineEdit()
        self.name.setMaxLength(limits.PERSON_NAME.chars)
        self.name.setPlaceholderText(self.tr("Namn"))
        self.personnummer = QLineEdit()
        self.personnummer.setMaxLength(limits.PERSONNUMMER.chars)
        self.personnummer.setPlaceholderText(self.tr("ÅÅÅÅMMDD-NNNN (frivilligt)"))
        fit_placeholder(self.personnummer)
        n = index + 1
        self.role.setAccessibleName(self.tr("Roll, person {n}").format(n=n))
        self.name.setAccessibleName(self.tr("Namn, person {n}").format(n=n))
        self.personnummer.setAccessibleName(self.tr("Personnummer, person {n}").format(n=n))
        self.name_error = FieldErrorLabel()
        self.pnr_error = FieldErrorLabel()
        grid.addWidget(self.role, 0, 0)
        grid.addWidget(self.name, 0, 1)
        grid.addWidget(self.personnummer, 0, 2)
        # Errors take the row's whole width below it: a narrow column would cut them short.
        grid.addWidget(self.name_error, 1, 0, 1, 3)
        grid.addWidget(self.pnr_error, 2, 0, 1, 3)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(2, 2)

    def value(self) -> PersonInput:
        return PersonInput(str(self.role.currentData()), self.name.text(), self.personnummer.text())

    def fields(self) -> tuple[QWidget, ...]:
        """The row's inputs in the order Tab visits them."""
        return (self.role, self.name, self.personnummer)

    def is_blank(self) -> bool:
        return not self.name.text().strip() and not self.personnummer.text().strip()

    def clear_errors(self) -> None:
        self.name_error.clear_message()
        self.pnr_error.clear_message()


class NewCaseDialog(QDialog):
    """Emits ``case_created(CaseDetail)`` and closes when the service accepted the case."""

    case_created = Signal(object)

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Nytt ärende"))
        self.setMinimumWidth(640)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.case_number = QLineEdit()
        self.case_number.setMaxLength(limits.CASE_NUMBER.chars)
        self.case_number.setAccessibleName(self.tr("Ärendenummer"))
        self.title = QLineEdit()
        self.title.setMaxLength(limits.CASE_TITLE.chars)
        self.title.setAccessibleName(self.tr("Rubrik"))
        self.case_number_error = FieldErrorLabel()
        self.title_error = FieldErrorLabel()
        form.addRow(self._buddy(self.tr("Ä&rendenummer"), self.case_number), self.case_number)
        form.addRow("", self.case_number_error)
        form.addRow(self._buddy(self.tr("R&ubrik"), self.title), self.title)
        form.addRow("", self.title_error)
        layout.addLayout(form)
        persons = QGroupBox(self.tr("Personer i ärendet"))
        self.persons_layout = QVBoxLayout(persons)
        self.rows: list[PersonRowWidget] = []
        self.add_person_button = QPushButton(self.tr("&Lägg till person"))
        self.add_person_button.clicked.connect(self._on_add_person_clicked)
        self.persons_layout.addWidget(self.add_person_button)
        layout.addWidget(persons)
        self.form_error = FieldErrorLabel()
        layout.addWidget(self.form_error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Skapa ärende"))
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.add_person_row()
        self.add_person_row()

    def _buddy(self, text: str, edit: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(edit)
        return label

    def add_person_row(self) -> PersonRowWidget:
        row = PersonRowWidget(len(self.rows))
        self.persons_layout.insertWidget(len(self.rows), row)
        self.rows.append(row)
        self._set_tab_order()
        return row

    def _set_tab_order(self) -> None:
        """Number, title, every person row, "Lägg till person", then the buttons: Tab reaches
        the persons before "Skapa ärende"."""
        chain: list[QWidget] = [self.case_number, self.title]
        for row in self.rows:
            chain.extend(row.fields())
        chain.append(self.add_person_button)
        chain.extend(self.buttons.buttons())
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _on_add_person_clicked(self) -> None:
        self.add_person_row().name.setFocus()

    def _on_buttons_accepted(self) -> None:
        self.filled_rows = [row for row in self.rows if not row.is_blank()]
        self.errors = self._form_errors()
        self.errors.clear()
        for row in self.rows:
            row.clear_errors()
        self.buttons.setEnabled(False)
        self.session.tasks.op(
            cases.create_case, self.session.ctx, self.case_number.text(), self.title.text(),
            [row.value() for row in self.filled_rows],
        ).success(self._on_create_succeeded).failure(self.errors).owned_by(self).run()

    def _form_errors(self) -> FormErrors:
        """The service names the person by their place among the filled rows (``person1.name``)."""
        fields = {"case_number": self.case_number_error, "title": self.title_error,
                  "persons": self.form_error}
        for i, row in enumerate(self.filled_rows):
            fields |= {f"person{i}.name": row.name_error, f"person{i}.role": row.name_error,
                       f"person{i}.personnummer": row.pnr_error}
        return FormErrors(self, general=self.form_error, fields=fields, reenable=(self.buttons,))

    def _on_create_succeeded(self, detail: CaseDetail) -> None:
        self.buttons.setEnabled(True)
        self.case_created.emit(detail)
        self.accept()
