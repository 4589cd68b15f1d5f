"""The one route from an exception to the user, plus inline field-error labels.

``UserError.message`` is shown as it is (Swedish text written for caseworkers). Anything else
is a bug: the user sees "Ett oväntat fel inträffade" and can copy the details (traceback) for
IT. Dialogs are opened with ``open()`` (never ``exec()``) so nothing typed is lost and tests
never block.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Iterable, Mapping

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError, ValidationError

log = logging.getLogger(__name__)
_OPEN: set[QDialog] = set()


def details_of(exc: BaseException) -> str:
    """The traceback text, also for exceptions that crossed from the worker thread."""
    captured = getattr(exc, "samskriv_traceback", None)
    if isinstance(captured, str):
        return captured
    return "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))


def user_message(exc: BaseException) -> str:
    if isinstance(exc, UserError):
        return exc.message
    return QCoreApplication.translate("Errors", "Ett oväntat fel inträffade")


class ErrorMessageDialog(QDialog):
    """A small dialog for one error; unexpected errors get a "Kopiera detaljer" button."""

    def __init__(self, parent: QWidget | None, exc: BaseException) -> None:
        super().__init__(parent)
        self.error = exc
        self.setWindowTitle("Samskriv")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        layout = QVBoxLayout(self)
        self.message_label = QLabel(user_message(exc))
        self.message_label.setWordWrap(True)
        self.message_label.setAccessibleName(self.tr("Felmeddelande"))
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        self.copy_button: QPushButton | None = None
        if not isinstance(exc, UserError):
            hint = QLabel(self.tr("Det du har skrivit finns kvar. Kopiera detaljerna och skicka "
                                  "dem till IT."))
            hint.setWordWrap(True)
            layout.addWidget(hint)
            self.copy_button = QPushButton(self.tr("Kopiera detaljer"))
            self.copy_button.clicked.connect(self._on_copy_clicked)
            buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout.addWidget(buttons)
        self.setMinimumWidth(380)

    def _on_copy_clicked(self) -> None:
        QGuiApplication.clipboard().setText(details_of(self.error))


def present_error(parent: QWidget | None, exc: BaseException) -> ErrorMessageDialog:
    """Show ``exc`` to the user without blocking; returns the (already open) dialog."""
    if not isinstance(exc, UserError):
        log.error("Unexpected error:\n%s", details_of(exc))
    dialog = ErrorMessageDialog(parent, exc)
    if parent is None:  # keep a parentless dialog alive until it is closed
        _OPEN.add(dialog)
        dialog.finished.connect(lambda _result: _OPEN.discard(dialog))
    dialog.open()
    return dialog


class FieldErrorLabel(QLabel):
    """A red message shown under a form field; empty and hidden when there is no error."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setObjectName("fieldError")
        self.setStyleSheet("color: #b00020;")
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def show_message(self, message: str) -> None:
        self.setText(message)
        self.setAccessibleName(message)
        self.setVisible(bool(message))

    def clear_message(self) -> None:
        self.show_message("")


class FormErrors:
    """The one failure route of a form: re-enable its buttons, show a user error under the
    field it names (or in the form's general label), and send anything else — a bug — to the
    presenter, which logs it and offers "Kopiera detaljer".

    Use it as an operation's failure callback: ``tasks.op(...).failure(self.errors).run()``.
    Without a ``general`` label a user error without a matching field opens the dialog.
    """

    def __init__(self, parent: QWidget, *, general: FieldErrorLabel | None = None,
                 fields: Mapping[str, FieldErrorLabel] | None = None,
                 reenable: Iterable[QWidget] = ()) -> None:
        self.parent = parent
        self.general = general
        self.fields = dict(fields or {})
        self.reenable = tuple(reenable)

    def __call__(self, exc: BaseException) -> None:
        for widget in self.reenable:
            widget.setEnabled(True)
        if not isinstance(exc, UserError):
            present_error(self.parent, exc)
            return
        field = exc.field if isinstance(exc, ValidationError) else None
        label = self.fields.get(field or "", self.general)
        if label is None:
            present_error(self.parent, exc)
        else:
            label.show_message(exc.message)

    def clear(self) -> None:
        """Hide every message (call when the user fixes the input or submits again)."""
        for label in (self.general, *self.fields.values()):
            if label is not None:
                label.clear_message()
