"""The "Kunde inte synkroniseras" list: what the server refused, each with its Swedish reason.
Nothing here is ever deleted by sync: "Försök igen" puts the items back in the queue (after
the office has fixed, say, an assignment) and "Exportera krypterat…" saves them for IT."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import sync_failed
from app.errors import ValidationError
from app.sync_failed import MIN_PASSPHRASE, FailedItem
from ui import formatting
from ui.errors import FieldErrorLabel, FormErrors
from ui.fit import limit_to_screen
from ui.session import UiSession

EXPORT_NAME = "kunde-inte-synkroniseras.samskriv"


class FailedDialog(QDialog):
    """``retried(n)`` after "Försök igen" (the window then syncs)."""

    retried = Signal(int)

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.items: list[FailedItem] = []
        self.export_dialog: ExportFailedDialog | None = None
        self.setWindowTitle(self.tr("Kunde inte synkroniseras"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Servern tog inte emot det här. Det finns kvar på datorn och tas aldrig bort av "
            "synkroniseringen. Försök igen när felet är åtgärdat, eller exportera det krypterat "
            "till IT."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels([self.tr("Vad"), self.tr("Skapad"), self.tr("Orsak")])
        self.tree.header().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.tree.setAccessibleName(self.tr("Kunde inte synkroniseras"))
        layout.addWidget(self.tree, 1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.error = FieldErrorLabel()
        layout.addWidget(self.error)
        row = QHBoxLayout()
        self.retry_button = QPushButton(self.tr("Försök igen"))
        self.retry_button.clicked.connect(self._on_retry_clicked)
        self.export_button = QPushButton(self.tr("Exportera krypterat…"))
        self.export_button.clicked.connect(self.open_export_dialog)
        close = QPushButton(self.tr("Stäng"))
        close.clicked.connect(self.accept)
        row.addWidget(self.retry_button)
        row.addWidget(self.export_button)
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        self.errors = FormErrors(self, general=self.error, reenable=(self.retry_button,))
        self.resize(820, 420)
        limit_to_screen(self)
        self.reload()

    def reload(self) -> None:
        self.session.tasks.op(sync_failed.list_failed, self.session.ctx) \
            .success(self._on_loaded).owned_by(self).run()

    def _on_loaded(self, items: list[FailedItem]) -> None:
        self.items = items
        self.tree.clear()
        for item in items:
            row = QTreeWidgetItem([self._kind(item.kind), formatting.local(item.created_at),
                                   item.reason])
            row.setToolTip(2, item.reason)
            self.tree.addTopLevelItem(row)
        self.retry_button.setEnabled(bool(items))
        self.export_button.setEnabled(bool(items))
        if not items:
            self.message.setText(self.tr("Allt har kunnat synkroniseras."))

    def _kind(self, kind: str) -> str:
        return {"revision": self.tr("Anteckning"), "case": self.tr("Ärende"),
                "person": self.tr("Person"), "visit": self.tr("Besök"),
                "consent": self.tr("Samtycke"), "review": self.tr("Genomgång"),
                "review_entry": self.tr("Synpunkt"), "transcript": self.tr("Utskrift"),
                }.get(kind, kind)

    def _on_retry_clicked(self) -> None:
        self.errors.clear()
        self.retry_button.setEnabled(False)
        self.session.tasks.op(sync_failed.retry_failed, self.session.ctx) \
            .success(self._on_retried).failure(self.errors).owned_by(self).run()

    def _on_retried(self, n: int) -> None:
        self.message.setText(self.tr("Lagt tillbaka i kön. Det skickas vid nästa "
                                     "synkronisering."))
        self.retried.emit(n)
        self.reload()

    def open_export_dialog(self) -> ExportFailedDialog:
        dialog = ExportFailedDialog(self.session, self)
        dialog.exported.connect(self._on_exported)
        dialog.open()
        self.export_dialog = dialog
        return dialog

    def _on_exported(self, path: str) -> None:
        self.message.setText(self.tr("Sparat krypterat i {path}. Lämna filen och lösenfrasen "
                                     "till IT på olika sätt.").format(path=path))


class ExportFailedDialog(QDialog):
    """The passphrase twice and where to save; ``exported(path)`` once the file is written."""

    exported = Signal(str)

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Exportera krypterat"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Välj en lösenfras på minst {n} tecken. IT behöver den för att "
                               "öppna filen.").format(n=MIN_PASSPHRASE))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Lösenfras"))
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setAccessibleName(self.tr("Lösenfrasen igen"))
        self.passphrase_error = FieldErrorLabel()
        path_row = QHBoxLayout()
        self.path = QLineEdit(str(Path.home() / EXPORT_NAME))
        self.path.setAccessibleName(self.tr("Spara som"))
        choose = QPushButton(self.tr("Välj…"))
        choose.clicked.connect(self._on_choose_clicked)
        path_row.addWidget(self.path, 1)
        path_row.addWidget(choose)
        form.addRow(self.tr("&Lösenfras:"), self.passphrase)
        form.addRow(self.tr("&Samma igen:"), self.repeat)
        form.addRow("", self.passphrase_error)
        form.addRow(self.tr("Spara &som:"), path_row)
        layout.addLayout(form)
        self.error = FieldErrorLabel()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._on_accepted)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.errors = FormErrors(self, general=self.error,
                                 fields={"passphrase": self.passphrase_error},
                                 reenable=(self.buttons,))
        self.resize(560, self.sizeHint().height())

    def _on_choose_clicked(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(self, self.tr("Spara export"),
                                                      self.path.text())
        if chosen:
            self.path.setText(chosen)

    def _on_accepted(self) -> None:
        self.errors.clear()
        if self.passphrase.text() != self.repeat.text():
            self.errors(ValidationError(self.tr("Lösenfraserna är inte lika."),
                                        field="passphrase"))
            return
        target = self.path.text().strip()
        if not target:
            self.errors(ValidationError(self.tr("Välj var filen ska sparas.")))
            return
        path = Path(target).expanduser()
        if not path.parent.is_dir():
            self.errors(ValidationError(self.tr("Mappen finns inte.")))
            return
        self.buttons.setEnabled(False)
        self.session.tasks.op(sync_failed.export_failed, self.session.ctx, path,
                              self.passphrase.text()) \
            .success(lambda _n: self._on_exported(path)).failure(self.errors) \
            .owned_by(self).run()

    def _on_exported(self, path: Path) -> None:
        self.passphrase.clear()
        self.repeat.clear()
        self.exported.emit(str(path))
        self.accept()
