"""The conflict view: a draft (or case, person, visit) changed on this laptop and elsewhere.
Both versions side by side with the differences highlighted; the user keeps one of them or
writes the merged text. Nothing is merged without them (``app.sync_resolve``)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app import sync_conflicts, sync_resolve
from app.sync_conflicts import ConflictInfo
from app.sync_resolve import Choice
from ui import formatting
from ui.errors import FieldErrorLabel, FormErrors
from ui.fit import limit_to_screen
from ui.session import UiSession
from ui.sync.diff import side_by_side


class ConflictDialog(QDialog):
    """Every open conflict (or only those of ``note_id``); ``resolved(object_id)`` after each."""

    resolved = Signal(str)

    def __init__(self, session: UiSession, note_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.note_id = session, note_id
        self.conflicts: list[ConflictInfo] = []
        self.setWindowTitle(self.tr("Konflikter vid synkronisering"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Det här har ändrats både på den här datorn och på en annan. Inget har slagits ihop "
            "av sig självt: välj vilken version som ska gälla, eller skriv ihop dem. Ett utkast "
            "kan inte signeras förrän det är gjort."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Konflikter"))
        self.list.setMaximumHeight(110)
        self.list.currentRowChanged.connect(self._show_row)
        layout.addWidget(self.list)
        grid = QGridLayout()
        self.mine_label = QLabel(self.tr("Min version"))
        self.theirs_label = QLabel()
        self.mine = QTextBrowser()
        self.theirs = QTextBrowser()
        self.mine.setAccessibleName(self.tr("Min version"))
        self.theirs.setAccessibleName(self.tr("Den andra versionen"))
        grid.addWidget(self.mine_label, 0, 0)
        grid.addWidget(self.theirs_label, 0, 1)
        grid.addWidget(self.mine, 1, 0)
        grid.addWidget(self.theirs, 1, 1)
        layout.addLayout(grid, 1)
        self.merged_label = QLabel(self.tr("&Sammanslagen text"))
        self.merged = QPlainTextEdit()
        self.merged_label.setBuddy(self.merged)
        self.merged.setAccessibleName(self.tr("Sammanslagen text"))
        self.save_merged = QPushButton(self.tr("Spara sammanslagen text"))
        self.save_merged.clicked.connect(self._on_save_merged_clicked)
        for widget in (self.merged_label, self.merged, self.save_merged):
            layout.addWidget(widget)
            widget.hide()
        self.error = FieldErrorLabel()
        layout.addWidget(self.error)
        row = QHBoxLayout()
        self.keep_mine = QPushButton(self.tr("Behåll min"))
        self.keep_theirs = QPushButton(self.tr("Behåll serverns"))
        self.write_merged = QPushButton(self.tr("Skriv sammanslagen text"))
        self.close_button = QPushButton(self.tr("Stäng"))
        self.keep_mine.clicked.connect(lambda: self._resolve("mine"))
        self.keep_theirs.clicked.connect(lambda: self._resolve("theirs"))
        self.write_merged.clicked.connect(self._on_write_merged_clicked)
        self.close_button.clicked.connect(self.accept)
        for button in (self.keep_mine, self.keep_theirs, self.write_merged):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.close_button)
        layout.addLayout(row)
        self.errors = FormErrors(self, general=self.error,
                                 reenable=(self.keep_mine, self.keep_theirs, self.save_merged))
        self.resize(900, 600)
        limit_to_screen(self)
        self.reload()

    @property
    def current(self) -> ConflictInfo | None:
        row = self.list.currentRow()
        return self.conflicts[row] if 0 <= row < len(self.conflicts) else None

    def reload(self) -> None:
        self.session.tasks.op(sync_conflicts.list_conflicts, self.session.ctx) \
            .success(self._on_loaded).owned_by(self).run()

    def _on_loaded(self, conflicts: list[ConflictInfo]) -> None:
        if self.note_id is not None:
            conflicts = [c for c in conflicts if c.object_id == self.note_id]
        self.conflicts = conflicts
        self.list.clear()
        for c in conflicts:
            item = QListWidgetItem(f"{self._kind(c.kind)}: {c.title} · "
                                   f"{formatting.local(c.detected_at)}")
            item.setData(Qt.ItemDataRole.UserRole, c.id)
            self.list.addItem(item)
        for button in (self.keep_mine, self.keep_theirs, self.write_merged):
            button.setEnabled(bool(conflicts))
        if conflicts:
            self.list.setCurrentRow(0)
        else:
            self.mine.setPlainText(self.tr("Inga konflikter kvar."))
            self.theirs.setHtml("")
            self.theirs_label.setText("")

    def _kind(self, kind: str) -> str:
        return {"revision": self.tr("Utkast"), "case": self.tr("Ärende"),
                "person": self.tr("Person"), "visit": self.tr("Besök")}.get(kind, kind)

    def _text(self, fields: dict[str, str]) -> str:
        """A version as text: a note's body (and the child's voice); a row's fields by name."""
        names = {"section": self.tr("Avsnitt"), "child_voice": self.tr("Barnets röst"),
                 "case_number": self.tr("Ärendenummer"), "title": self.tr("Rubrik"),
                 "status": self.tr("Status"), "name": self.tr("Namn"), "role": self.tr("Roll"),
                 "personnummer": self.tr("Personnummer"), "note": self.tr("Anteckning"),
                 "kind": self.tr("Typ")}
        if "body" in fields:
            text = fields["body"]
            if fields.get("child_voice"):
                text += f"\n\n{names['child_voice']}:\n{fields['child_voice']}"
            return text
        return "\n".join(f"{names.get(k, k)}: {v}" for k, v in fields.items())

    def _show_row(self, _row: int) -> None:
        c = self.current
        self.errors.clear()
        self._show_merged(False)
        if c is None:
            return
        mine_html, theirs_html = side_by_side(self._text(c.mine), self._text(c.theirs))
        self.mine.setHtml(mine_html)
        self.theirs.setHtml(theirs_html)
        self.theirs_label.setText(
            self.tr("Serverns version (från {author})").format(author=c.theirs_author)
            if c.theirs_author else self.tr("Serverns version"))
        self.write_merged.setEnabled(c.kind == "revision")
        self.write_merged.setToolTip("" if c.kind == "revision" else self.tr(
            "Bara text i ett utkast kan skrivas ihop; välj en av versionerna."))

    def _show_merged(self, on: bool) -> None:
        for widget in (self.merged_label, self.merged, self.save_merged):
            widget.setVisible(on)

    def _on_write_merged_clicked(self) -> None:
        c = self.current
        if c is None:
            return
        if not self.merged.isVisible():
            self.merged.setPlainText(c.mine.get("body", ""))
        self._show_merged(True)
        self.merged.setFocus()

    def _on_save_merged_clicked(self) -> None:
        self._resolve("merged", self.merged.toPlainText())

    def _resolve(self, choice: Choice, merged: str | None = None) -> None:
        c = self.current
        if c is None:
            return
        self.errors.clear()
        for button in (self.keep_mine, self.keep_theirs, self.save_merged):
            button.setEnabled(False)
        self.session.tasks.op(sync_resolve.resolve, self.session.ctx, c.id, choice, merged) \
            .success(lambda _none: self._on_resolved(c)).failure(self.errors) \
            .owned_by(self).run()

    def _on_resolved(self, c: ConflictInfo) -> None:
        for button in (self.keep_mine, self.keep_theirs, self.save_merged):
            button.setEnabled(True)
        self.merged.clear()
        self.resolved.emit(c.object_id)
        self.reload()
