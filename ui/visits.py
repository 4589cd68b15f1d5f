"""Visits of a case: the list, and the dialog that registers a planned visit.

The list emits ``visit_open_requested(visit_id)`` on double-click/Enter; extensions add
buttons for the selected visit through ``VisitAction`` (see ``ui.extensions``).
"""

from __future__ import annotations

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import visits, vocabulary
from app.dto import CaseDetail, Colleague, VisitInfo
from ui import formatting
from ui.errors import FieldErrorLabel, FormErrors
from ui.extensions import ActionRegistry, VisitAction
from ui.session import UiSession


class NewVisitDialog(QDialog):
    """Kind, planned time, who takes part (the case's persons and its caseworkers, ticked),
    child present. Emits ``visit_created(VisitInfo)``."""

    visit_created = Signal(object)

    def __init__(self, session: UiSession, case: CaseDetail,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.case_id = session, case.id
        self.setWindowTitle(self.tr("Registrera besök"))
        self.setMinimumWidth(460)
        form = QFormLayout(self)
        self.kind = QComboBox()
        for key in vocabulary.VISIT_KINDS:
            self.kind.addItem(formatting.visit_kind(key), key)
        self.kind.setAccessibleName(self.tr("Typ av besök"))
        self.planned = QDateTimeEdit(QDateTime.currentDateTime())
        self.planned.setCalendarPopup(True)
        self.planned.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.planned.setAccessibleName(self.tr("Planerad tid"))
        self.person_boxes: dict[str, QCheckBox] = {}
        people = QVBoxLayout()
        for person in case.persons:
            box = QCheckBox(f"{person.name} ({formatting.person_role(person.role)})")
            box.setChecked(True)
            box.setAccessibleName(self.tr("Deltar: {name}").format(name=person.name))
            self.person_boxes[person.id] = box
            people.addWidget(box)
        self.caseworker_boxes: dict[str, QCheckBox] = {}
        staff = QVBoxLayout()
        me = session.ctx.actor.user_id
        colleagues = list(case.assignees)
        if me not in {c.id for c in colleagues}:
            colleagues.insert(0, Colleague(me, session.ctx.actor.username,
                                           session.ctx.actor.display_name,
                                           session.ctx.actor.role))
        for colleague in colleagues:
            box = QCheckBox(colleague.display_name)
            box.setChecked(colleague.id == me)
            self.caseworker_boxes[colleague.id] = box
            staff.addWidget(box)
        self.with_child = QCheckBox(self.tr("Barnet är med"))
        self.error = FieldErrorLabel()
        form.addRow(self.tr("Typ"), self.kind)
        form.addRow(self.tr("Planerad tid"), self.planned)
        form.addRow(self.tr("Deltagare"), people)
        form.addRow(self.tr("Handläggare"), staff)
        form.addRow("", self.with_child)
        form.addRow(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Registrera"))
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.errors = FormErrors(self, general=self.error, reenable=(self.buttons,),
                                 fields={"participants": self.error})

    def _on_buttons_accepted(self) -> None:
        self.errors.clear()
        self.buttons.setEnabled(False)
        self.session.tasks.op(
            visits.create_visit, self.session.ctx, self.case_id, str(self.kind.currentData()),
            planned_start=formatting.from_qdatetime(self.planned.dateTime()),
            persons=[pid for pid, box in self.person_boxes.items() if box.isChecked()],
            caseworkers=[uid for uid, box in self.caseworker_boxes.items() if box.isChecked()],
            with_child=self.with_child.isChecked(),
        ).success(self._on_create_succeeded).failure(self.errors).owned_by(self).run()

    def _on_create_succeeded(self, info: VisitInfo) -> None:
        self.buttons.setEnabled(True)
        self.visit_created.emit(info)
        self.accept()


class VisitsWidget(QWidget):
    """The visits of the open case, newest first."""

    visit_open_requested = Signal(str)
    visit_created = Signal(object)

    def __init__(self, session: UiSession, actions: ActionRegistry[VisitAction],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.visit_actions = session, actions
        self.case_id: str | None = None
        self.case: CaseDetail | None = None
        self.visits: list[VisitInfo] = []
        layout = QVBoxLayout(self)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Besök"))
        self.list.itemActivated.connect(self._on_list_item_activated)
        self.list.currentRowChanged.connect(self._on_list_current_row_changed)
        self.empty_label = QLabel(self.tr("Inga besök registrerade."))
        layout.addWidget(self.empty_label)
        layout.addWidget(self.list, 1)
        self.button_row = QHBoxLayout()
        self.new_button = QPushButton(self.tr("&Registrera besök…"))
        self.new_button.clicked.connect(self._on_new_clicked)
        self.button_row.addWidget(self.new_button)
        self.button_row.addStretch(1)
        layout.addLayout(self.button_row)
        self.action_buttons: dict[str, QPushButton] = {}
        actions.subscribe(self._rebuild_action_buttons)
        self._rebuild_action_buttons()

    def set_case(self, case: CaseDetail) -> None:
        """The case whose persons and caseworkers a new visit can have."""
        self.case = case
        self.new_button.setEnabled(not case.is_closed)

    def set_visits(self, case_id: str, items: list[VisitInfo]) -> None:
        self.case_id, self.visits = case_id, list(items)
        self.list.clear()
        for visit in items:
            when = formatting.local(visit.actual_start or visit.planned_start)
            kind = formatting.visit_kind(visit.kind)
            who = ", ".join(visit.participants)
            child = self.tr(" · barnet med") if visit.with_child else ""
            item = QListWidgetItem(f"{when} · {kind}{child}" + (f" · {who}" if who else ""))
            item.setData(Qt.ItemDataRole.UserRole, visit.id)
            self.list.addItem(item)
        self.empty_label.setVisible(not items)
        self._on_list_current_row_changed(self.list.currentRow())

    def selected_visit(self) -> VisitInfo | None:
        row = self.list.currentRow()
        return self.visits[row] if 0 <= row < len(self.visits) else None

    def _rebuild_action_buttons(self) -> None:
        for button in self.action_buttons.values():
            button.deleteLater()
        self.action_buttons.clear()
        for action in self.visit_actions:
            button = QPushButton(action.label())
            button.clicked.connect(lambda _=False, a=action: self._run_action(a))
            self.button_row.addWidget(button)
            self.action_buttons[action.key] = button
        self._on_list_current_row_changed(self.list.currentRow())

    def _run_action(self, action: VisitAction) -> None:
        visit = self.selected_visit()
        if visit is not None:
            action.run(self.session, visit)

    def _on_list_current_row_changed(self, _row: int) -> None:
        visit = self.selected_visit()
        for action in self.visit_actions:
            button = self.action_buttons.get(action.key)
            if button is not None:
                button.setEnabled(visit is not None and action.applies(visit))

    def _on_list_item_activated(self, item: QListWidgetItem) -> None:
        self.visit_open_requested.emit(str(item.data(Qt.ItemDataRole.UserRole)))

    def _on_new_clicked(self) -> None:
        self.open_new_visit_dialog()

    def open_new_visit_dialog(self) -> NewVisitDialog | None:
        if self.case is None or self.case.id != self.case_id:
            return None
        dialog = NewVisitDialog(self.session, self.case, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.visit_created.connect(self.visit_created)
        dialog.open()
        self.new_visit_dialog = dialog
        return dialog
