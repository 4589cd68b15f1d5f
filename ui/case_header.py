"""The open case's heading and what can be done to the case itself: change it, choose its
caseworkers (supervisors and admins), close it or open it again."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app import assignments, cases
from app.context import Context
from app.dto import CaseDetail, Colleague
from ui.case_edit import AssignDialog, CaseEditDialog, confirm
from ui.errors import route_error
from ui.session import UiSession


class CaseHeaderWidget(QWidget):
    """Emits ``case_changed(case_id)`` after any change was stored (the view reloads)."""

    case_changed = Signal(str)

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.case: CaseDetail | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        # A very long title wraps inside the view instead of widening the window.
        self.title.setMinimumWidth(200)
        layout.addWidget(self.title)
        row = QHBoxLayout()
        self.edit_button = QPushButton(self.tr("Ä&ndra ärende…"))
        self.edit_button.clicked.connect(self._on_edit_clicked)
        self.assign_button = QPushButton(self.tr("&Handläggare…"))
        self.assign_button.clicked.connect(self._on_assign_clicked)
        self.assign_button.setVisible(session.ctx.actor.role in ("admin", "supervisor"))
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self._on_close_clicked)
        for button in (self.edit_button, self.assign_button, self.close_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)

    def set_case(self, case: CaseDetail) -> None:
        self.case = case
        status = self.tr(" · Avslutat") if case.is_closed else ""
        names = ", ".join(case.assigned) or self.tr("ingen")
        self.title.setText(
            f"<span style='font-size:16pt; font-weight:600'>{html.escape(case.case_number)} – "
            f"{html.escape(case.title)}</span><br><span style='color:#555'>"
            + html.escape(self.tr("Handläggare: {names}").format(names=names) + status)
            + "</span>")
        self.edit_button.setEnabled(not case.is_closed)
        self.close_button.setText(self.tr("Öppna ärendet i&gen") if case.is_closed
                                  else self.tr("A&vsluta ärendet"))

    def _on_edit_clicked(self) -> None:
        if self.case is None:
            return
        dialog = CaseEditDialog(self.session, self.case, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.case_changed.connect(lambda c: self.case_changed.emit(c.id))
        dialog.open()
        self.edit_dialog = dialog

    def _on_assign_clicked(self) -> None:
        self.session.tasks.op(assignments.assignable, self.session.ctx) \
            .success(self._open_assign_dialog).failure(self._on_failed).owned_by(self).run()

    def _open_assign_dialog(self, colleagues: list[Colleague]) -> None:
        if self.case is None:
            return
        dialog = AssignDialog(self.session, self.case, colleagues, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        case_id = self.case.id
        dialog.assignments_changed.connect(lambda: self.case_changed.emit(case_id))
        dialog.open()
        self.assign_dialog = dialog

    def _on_close_clicked(self) -> None:
        case = self.case
        if case is None:
            return
        if case.is_closed:
            self._run(cases.reopen_case, case.id)
            return
        self.question = confirm(
            self, self.tr("Avsluta ärendet"),
            self.tr("Avsluta ärendet {number}? Ett avslutat ärende kan inte ändras förrän "
                    "det öppnas igen.").format(number=case.case_number),
            self.tr("Avsluta ärendet"), lambda: self._run(cases.close_case, case.id))

    def _run(self, fn: Callable[[Context, str], CaseDetail], case_id: str) -> None:
        self.session.tasks.op(fn, self.session.ctx, case_id) \
            .success(lambda detail: self.case_changed.emit(detail.id)) \
            .failure(self._on_failed).owned_by(self).run()

    def _on_failed(self, exc: BaseException) -> None:
        route_error(self, exc)
