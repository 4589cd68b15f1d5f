"""The visit's consent to recording on the review start dialog; records it when missing."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import visits
from app.context import Context
from app.dto import ConsentInfo
from ui import formatting
from ui.errors import FieldErrorLabel, FormErrors
from ui.tasks import TaskManager


def _names(text: str) -> list[str]:
    return [n.strip() for n in text.split(",") if n.strip()]


class ConsentWidget(QGroupBox):
    """Shows who was informed and who agreed; without a consent, a small form to record it."""

    consent_recorded = Signal(object)  # ConsentInfo

    def __init__(self, ctx: Context, tasks: TaskManager, visit_id: str | None,
                 consent: ConsentInfo | None, suggested: list[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Samtycke till inspelning"), parent)
        self.ctx, self.tasks, self.visit_id = ctx, tasks, visit_id
        layout = QVBoxLayout(self)
        self.info_label = QLabel()
        self.info_label.setWordWrap(True)
        layout.addWidget(self.info_label)
        self.form = QWidget()
        form = QFormLayout(self.form)
        form.setContentsMargins(0, 0, 0, 0)
        self.informed_edit = QLineEdit(", ".join(suggested))
        self.agreed_edit = QLineEdit()
        self.refused_edit = QLineEdit()
        for edit in (self.informed_edit, self.agreed_edit, self.refused_edit):
            edit.setPlaceholderText(self.tr("Namn, skilda med komma"))
        form.addRow(self.tr("Informerade:"), self.informed_edit)
        form.addRow(self.tr("Samtycker:"), self.agreed_edit)
        form.addRow(self.tr("Avböjer:"), self.refused_edit)
        self.error_label = FieldErrorLabel()
        form.addRow(self.error_label)
        self.save_button = QPushButton(self.tr("Spara samtycket"))
        self.save_button.clicked.connect(self._on_save_button_clicked)
        form.addRow(self.save_button)
        self.errors = FormErrors(self, general=self.error_label, reenable=[self.save_button])
        layout.addWidget(self.form)
        self.show_consent(consent)

    def show_consent(self, consent: ConsentInfo | None) -> None:
        self.form.setVisible(consent is None and self.visit_id is not None)
        if self.visit_id is None:
            self.info_label.setText(self.tr("Anteckningen hör inte till något besök."))
        elif consent is None:
            self.info_label.setText(self.tr("Inget samtycke är registrerat för besöket. "
                                            "Registrera det här om ni har pratat om det."))
        else:
            none = self.tr("ingen")
            self.info_label.setText(self.tr(
                "Informerade: {informed}\nSamtycker: {agreed}\nAvböjer: {refused}\n"
                "Registrerat {when} av {who}.").format(
                informed=", ".join(consent.informed) or none,
                agreed=", ".join(consent.agreed) or none,
                refused=", ".join(consent.refused) or none,
                when=formatting.local(consent.recorded_at), who=consent.recorded_by))

    def _on_save_button_clicked(self) -> None:
        assert self.visit_id is not None
        self.error_label.clear_message()
        self.save_button.setEnabled(False)
        (self.tasks.op(visits.record_consent, self.ctx, self.visit_id,
                       informed=_names(self.informed_edit.text()),
                       agreed=_names(self.agreed_edit.text()),
                       refused=_names(self.refused_edit.text()))
         .success(self._on_consent_saved).failure(self.errors).owned_by(self).run())

    def _on_consent_saved(self, consent: ConsentInfo) -> None:
        self.save_button.setEnabled(True)
        self.show_consent(consent)
        self.consent_recorded.emit(consent)
