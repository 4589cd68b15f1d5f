"""Consent before the first recording of a visit: who is present, who was informed, and who
agreed or said no. Saved with ``app.visits.record_consent`` on the task manager."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app import limits, visits
from app.dto import ConsentInfo
from ui.errors import FieldErrorLabel, FormErrors
from ui.session import UiSession


def _tr(text: str) -> str:
    return QCoreApplication.translate("ConsentDialog", text)


class _PersonRow:
    """The controls of one person: informed, agrees, says no."""

    def __init__(self, name: str, grid: QGridLayout, row: int, parent: QWidget) -> None:
        self.name = name
        self.label = QLabel(name)
        self.informed = QCheckBox(_tr("Informerad"))
        self.agrees = QRadioButton(_tr("Samtycker"))
        self.refuses = QRadioButton(_tr("Säger nej"))
        self.group = QButtonGroup(parent)
        self.group.addButton(self.agrees)
        self.group.addButton(self.refuses)
        for widget in (self.informed, self.agrees, self.refuses):
            widget.setAccessibleName(f"{widget.text()}: {name}")
        self.informed.toggled.connect(self._on_informed_toggled)
        self._on_informed_toggled(False)
        cells: tuple[QWidget, ...] = (self.label, self.informed, self.agrees, self.refuses)
        for column, cell in enumerate(cells):
            grid.addWidget(cell, row, column)

    def _on_informed_toggled(self, checked: bool) -> None:
        self.agrees.setEnabled(checked)
        self.refuses.setEnabled(checked)
        if not checked:
            self.group.setExclusive(False)
            self.agrees.setChecked(False)
            self.refuses.setChecked(False)
            self.group.setExclusive(True)


class ConsentDialog(QDialog):
    """Emits ``consent_recorded(ConsentInfo)`` once saved."""

    consent_recorded = Signal(object)

    def __init__(self, session: UiSession, visit_id: str, people: list[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.visit_id = session, visit_id
        self.setWindowTitle(self.tr("Samtycke till inspelning"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Berätta för alla som är med att samtalet spelas in, varför, att ljudet sparas "
            "krypterat och raderas när anteckningen signeras, och att de kan säga nej eller "
            "be dig stänga av när som helst. Markera vad var och en svarade."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.grid = QGridLayout()
        layout.addLayout(self.grid)
        self.rows: list[_PersonRow] = []
        for name in people:
            self.add_person(name)
        add_row = QHBoxLayout()
        self.new_name = QLineEdit()
        self.new_name.setMaxLength(limits.PARTICIPANT_NAME.chars)
        self.new_name.setPlaceholderText(self.tr("Fler närvarande (namn)"))
        self.new_name.setAccessibleName(self.tr("Namn på fler närvarande"))
        self.add_button = QPushButton(self.tr("Lägg till"))
        self.add_button.clicked.connect(self._on_add_clicked)
        self.new_name.returnPressed.connect(self._on_add_clicked)
        add_row.addWidget(self.new_name, 1)
        add_row.addWidget(self.add_button)
        layout.addLayout(add_row)
        self.error = FieldErrorLabel()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(
            self.tr("Registrera samtycke"))
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.errors = FormErrors(self, general=self.error, reenable=[self.buttons])

    def add_person(self, name: str) -> _PersonRow:
        row = _PersonRow(name.strip(), self.grid, len(self.rows), self)
        self.rows.append(row)
        return row

    def row(self, name: str) -> _PersonRow:
        return next(r for r in self.rows if r.name == name)

    def answers(self) -> tuple[list[str], list[str], list[str]]:
        informed = [r.name for r in self.rows if r.informed.isChecked()]
        agreed = [r.name for r in self.rows if r.informed.isChecked() and r.agrees.isChecked()]
        refused = [r.name for r in self.rows if r.informed.isChecked() and r.refuses.isChecked()]
        return informed, agreed, refused

    @Slot()
    def _on_add_clicked(self) -> None:
        name = self.new_name.text().strip()
        if name and all(r.name != name for r in self.rows):
            self.add_person(name).informed.setFocus()
        self.new_name.clear()

    @Slot()
    def _on_buttons_accepted(self) -> None:
        self.error.clear_message()
        informed, agreed, refused = self.answers()
        unanswered = [n for n in informed if n not in agreed and n not in refused]
        if unanswered:
            self.error.show_message(self.tr("Markera om {names} samtycker eller säger nej.")
                                    .format(names=", ".join(unanswered)))
            return
        self.buttons.setEnabled(False)
        (self.session.tasks.op(visits.record_consent, self.session.ctx, self.visit_id,
                               informed=informed, agreed=agreed, refused=refused)
         .success(self._on_save_succeeded).failure(self.errors).owned_by(self).run())

    @Slot(object)
    def _on_save_succeeded(self, info: ConsentInfo) -> None:
        self.buttons.setEnabled(True)
        self.consent_recorded.emit(info)
        self.accept()
