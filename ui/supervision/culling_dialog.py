"""Gallring: the admin sees closed cases past their retention age, with the exceptions marked,
and culls the chosen ones after a confirmation; the list of what was culled is saved."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import culling
from app.culling import CulledRow, CullingRow
from app.export import write_atomically
from ui.errors import FieldErrorLabel, FormErrors
from ui.session import UiSession


def _cull_and_save(session: UiSession, case_ids: list[str], today: date, path: Path
                   ) -> list[CulledRow]:
    """Worker side: cull, then write the list (atomically) where the admin chose."""
    culled = culling.cull(session.ctx, case_ids, today, confirmed=True)
    write_atomically(path, culling.culled_csv(culled))
    return culled


class CullingDialog(QDialog):
    def __init__(self, session: UiSession, parent: QWidget | None = None,
                 today: date | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.today = today or date.today()
        self.rows: list[CullingRow] = []
        self.setWindowTitle(self.tr("Gallring"))
        self.resize(900, 560)
        intro = QLabel(self.tr(
            "Stängda ärenden som är äldre än gallringsfristen ({years} år) kan gallras. "
            "Ärenden med placering, faderskap eller adoption är undantagna och bevaras. "
            "Inget tas bort förrän du bekräftar.").format(
                years=session.ctx.settings.retention_years))
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([
            self.tr("Ärende"), self.tr("Stängt"), self.tr("Får gallras från"),
            self.tr("Anteckningar"), self.tr("Status")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.itemChanged.connect(self._update_button)
        self.error = FieldErrorLabel()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.cull_button = QPushButton(self.tr("&Gallra markerade…"))
        self.cull_button.setEnabled(False)
        self.cull_button.clicked.connect(self._on_cull)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.cull_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.errors = FormErrors(self, general=self.error, reenable=[self.cull_button])
        self.reload()

    def reload(self) -> None:
        self.session.tasks.op(culling.report, self.session.ctx, self.today) \
            .success(self._show).failure(self.errors).owned_by(self).run()

    def _state_text(self, state: str) -> str:
        return {"due": self.tr("Kan gallras"), "keep": self.tr("Undantag – bevaras"),
                "later": self.tr("Inte än")}[state]

    def _show(self, rows: list[CullingRow]) -> None:
        self.rows = rows
        self.table.blockSignals(True)
        self.table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            number = QTableWidgetItem(row.case_number)
            if row.state == "due":
                number.setFlags(number.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                number.setCheckState(Qt.CheckState.Unchecked)
            cells = [number, QTableWidgetItem(f"{row.closed_at.astimezone():%Y-%m-%d}"),
                     QTableWidgetItem(row.due.isoformat()), QTableWidgetItem(str(row.notes)),
                     QTableWidgetItem(self._state_text(row.state))]
            for column, item in enumerate(cells):
                self.table.setItem(i, column, item)
        self.table.blockSignals(False)
        due = sum(r.state == "due" for r in rows)
        self.status.setText(self.tr("Stängda ärenden: {total}. Kan gallras nu: {due}.")
                            .format(due=due, total=len(rows)))
        self._update_button()

    def checked_case_ids(self) -> list[str]:
        out = []
        for i, row in enumerate(self.rows):
            item = self.table.item(i, 0)
            if item is not None and item.checkState() == Qt.CheckState.Checked:
                out.append(row.case_id)
        return out

    def _update_button(self) -> None:
        self.cull_button.setEnabled(bool(self.checked_case_ids()))

    def confirm(self, count: int) -> bool:
        answer = QMessageBox.warning(
            self, self.tr("Gallra ärenden"),
            self.tr("Innehållet i de valda ärendena ({n} st.) tas bort för alltid: anteckningar, genomgångar, "
                    "besök, personer och inspelningar. Ärendenumren och gallringen finns kvar i "
                    "loggen. Vill du gallra?").format(n=count),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes

    def ask_list_path(self) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Spara förteckning över det gallrade"),
            str(Path.home() / f"gallring-{self.today.isoformat()}.csv"), "CSV (*.csv)")
        return Path(name) if name else None

    def _on_cull(self) -> None:
        case_ids = self.checked_case_ids()
        if not case_ids or not self.confirm(len(case_ids)):
            return
        path = self.ask_list_path()
        if path is None:
            return
        self.cull_button.setEnabled(False)
        self.error.show_message("")
        self.session.tasks.op(_cull_and_save, self.session, case_ids, self.today, path) \
            .success(lambda culled: self._culled(culled, path)) \
            .failure(self.errors).owned_by(self).run()

    def _culled(self, culled: list[CulledRow], path: Path) -> None:
        self.reload()
        self.status.setText(self.tr("Gallrade ärenden: {n}. Förteckningen sparades i {path}.")
                            .format(n=len(culled), path=path))
