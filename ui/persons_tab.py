"""The "Personer" tab of a case: the persons, and adding, changing or removing one."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import persons
from app.dto import CaseDetail, PersonInfo
from ui import formatting
from ui.case_edit import PersonDialog, confirm
from ui.errors import route_error
from ui.session import UiSession


class PersonsWidget(QWidget):
    """Emits ``persons_changed(case_id)`` after a change was stored."""

    persons_changed = Signal(str)

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.case: CaseDetail | None = None
        layout = QVBoxLayout(self)
        self.empty_label = QLabel(self.tr("Inga personer registrerade."))
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Personer"))
        self.list.setWordWrap(True)
        self.list.itemActivated.connect(lambda _item: self._on_edit_clicked())
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        layout.addWidget(self.empty_label)
        layout.addWidget(self.list, 1)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Lägg till person…"))
        self.add_button.clicked.connect(self._on_add_clicked)
        self.edit_button = QPushButton(self.tr("Ä&ndra…"))
        self.edit_button.clicked.connect(self._on_edit_clicked)
        self.remove_button = QPushButton(self.tr("&Ta bort från ärendet"))
        self.remove_button.clicked.connect(self._on_remove_clicked)
        for button in (self.add_button, self.edit_button, self.remove_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)

    def set_case(self, case: CaseDetail) -> None:
        self.case = case
        self.list.clear()
        for p in case.persons:
            parts = [p.name, formatting.person_role(p.role)]
            if p.personnummer:
                parts.append(p.personnummer)
            item = QListWidgetItem(" · ".join(parts))
            item.setData(Qt.ItemDataRole.UserRole, p.id)
            self.list.addItem(item)
        self.empty_label.setVisible(not case.persons)
        self._update_buttons()

    def text(self) -> str:
        """Everything the tab lists, one person a line (what a reader of the tab sees)."""
        return "\n".join(self.list.item(i).text() for i in range(self.list.count()))

    def selected(self) -> PersonInfo | None:
        row = self.list.currentRow()
        return self.case.persons[row] if self.case and 0 <= row < len(self.case.persons) \
            else None

    def _update_buttons(self) -> None:
        open_case = self.case is not None and not self.case.is_closed
        chosen = self.selected() is not None
        self.add_button.setEnabled(open_case)
        self.edit_button.setEnabled(open_case and chosen)
        self.remove_button.setEnabled(open_case and chosen)

    def open_person_dialog(self, person: PersonInfo | None = None) -> PersonDialog | None:
        if self.case is None:
            return None
        dialog = PersonDialog(self.session, self.case.id, person, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        case_id = self.case.id
        dialog.person_saved.connect(lambda _p: self.persons_changed.emit(case_id))
        dialog.open()
        self.dialog = dialog
        return dialog

    def _on_add_clicked(self) -> None:
        self.open_person_dialog()

    def _on_edit_clicked(self) -> None:
        person = self.selected()
        if person is not None and self.case is not None and not self.case.is_closed:
            self.open_person_dialog(person)

    def _on_remove_clicked(self) -> None:
        person, case = self.selected(), self.case
        if person is None or case is None:
            return
        self.question = confirm(
            self, self.tr("Ta bort person"),
            self.tr("Ta bort {name} från ärendet? Besök och genomgångar där personen var med "
                    "visar fortfarande namnet.").format(name=person.name),
            self.tr("Ta bort"), lambda: self._remove(case.id, person.id))

    def _remove(self, case_id: str, person_id: str) -> None:
        self.session.tasks.op(persons.remove_person, self.session.ctx, person_id) \
            .success(lambda _r: self.persons_changed.emit(case_id)) \
            .failure(self._on_failed).owned_by(self).run()

    def _on_failed(self, exc: BaseException) -> None:
        route_error(self, exc)
