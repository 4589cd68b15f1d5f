"""The one route from an exception to the user, plus inline field-error labels.

``UserError.message`` is shown as it is (Swedish text written for caseworkers), in the place the
widget names (a field label, a status line, a signal: any ``MessageSink``). Anything else is a
bug: it is logged once with its traceback and the user sees "Ett oväntat fel inträffade" with
"Kopiera detaljer" for IT. Speech-layer errors never get here: the app's use cases turn them
into ``UserError``. Dialogs are opened with ``open()`` (never ``exec()``) so nothing typed is
lost and tests never block.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable, Iterable, Mapping

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QGuiApplication, QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError, ValidationError, reported
from app.scrub import scrub

log = logging.getLogger(__name__)
_OPEN: set[QDialog] = set()

MessageSink = Callable[[str], None]
"""Where a widget says a user error: ``label.setText``, ``page.set_status``, ``signal.emit``."""


def details_of(exc: BaseException, details: str | None = None) -> str:
    """The traceback text: ``details`` when the caller captured it (the task manager does, on
    the worker thread), else the exception's own traceback (which keeps the worker's frames);
    scrubbed either way (``app.scrub``)."""
    if not details:
        details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    # What "Kopiera detaljer" copies and the log keeps: no note text, name or personnummer.
    return scrub(details)


def user_message(exc: BaseException) -> str:
    exc = reported(exc)
    if isinstance(exc, UserError):
        return exc.message
    return QCoreApplication.translate("Errors", "Ett oväntat fel inträffade")


class ErrorMessageDialog(QDialog):
    """A small dialog for one error; unexpected errors get a "Kopiera detaljer" button."""

    def __init__(self, parent: QWidget | None, exc: BaseException, *,
                 details: str | None = None) -> None:
        super().__init__(parent)
        exc = reported(exc)  # a full disk or a locked database has its own Swedish message
        self.error = exc
        self.details = details_of(exc, details) if not isinstance(exc, UserError) else ""
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
        QGuiApplication.clipboard().setText(self.details)


def present_error(parent: QWidget | None, exc: BaseException, *,
                  details: str | None = None) -> ErrorMessageDialog:
    """Show ``exc`` to the user without blocking; returns the (already open) dialog. A bug is
    logged here, once, with ``details`` (a captured traceback) or its own traceback."""
    dialog = ErrorMessageDialog(parent, exc, details=details)
    if not isinstance(dialog.error, UserError):
        log.error("Unexpected error:\n%s", dialog.details)
    if parent is None:  # keep a parentless dialog alive until it is closed
        _OPEN.add(dialog)
        dialog.finished.connect(lambda _result: _OPEN.discard(dialog))
    dialog.open()
    return dialog


class FieldErrorLabel(QLabel):
    """A red message shown under a form field; empty and hidden when there is no error.

    It asks its layout for the height its whole message needs at the width it was given:
    grid and form layouts otherwise give a wrapped label one line, and a message is cut after
    a few words ("Personnumret är inte")."""

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
        self._relayout()

    def _relayout(self) -> None:
        """Tell every layout up to the window that this message needs room now: a widget in
        a layout in a widget (a form row) otherwise keeps its old height and cuts the text."""
        self.updateGeometry()
        widget = self.parentWidget()
        while widget is not None:
            widget.updateGeometry()
            layout = widget.layout()
            if layout is not None:
                layout.invalidate()
            if widget.isWindow():
                break
            widget = widget.parentWidget()

    # Qt gives a height-for-width widget its height only where the whole window follows
    # height-for-width, which a dialog does not: so this label says the height it needs at
    # its present width as a plain minimum, and asks again when its width changes.
    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt API
        return False

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        hint = super().minimumSizeHint()
        if self.text() and self.width() > 0:
            hint.setHeight(max(hint.height(), self.heightForWidth(self.width())))
        return hint

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        hint = super().sizeHint()
        if self.text() and self.width() > 0:
            hint.setHeight(max(hint.height(), self.heightForWidth(self.width())))
        return hint

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width() and self.text():
            self._relayout()  # another width: another height for the whole message

    def clear_message(self) -> None:
        self.show_message("")


def route_error(parent: QWidget | None, exc: BaseException,
                sink: FieldErrorLabel | MessageSink | None = None, *,
                bug_text: str | None = None) -> bool:
    """The one failure route: a user error's Swedish text goes to ``sink`` (True); a bug — or
    a user error with nowhere to go — goes to the presenter (False), which logs a bug once and
    offers "Kopiera detaljer". ``bug_text`` is what ``sink`` says meanwhile for a bug (a calm
    line where the user is looking), never the exception's own text."""
    target = _as_sink(sink) if sink is not None else None
    exc = reported(exc)
    if isinstance(exc, UserError) and target is not None:
        target(exc.message)
        return True
    present_error(parent, exc)
    if target is not None and bug_text is not None and not isinstance(exc, UserError):
        target(bug_text)
    return False


def _as_sink(target: FieldErrorLabel | MessageSink) -> MessageSink:
    return target.show_message if isinstance(target, FieldErrorLabel) else target


class FormErrors:
    """The one failure route of a form: re-enable its buttons, show a user error under the
    field it names (or in the form's general sink), and send anything else — a bug — to the
    presenter, which logs it and offers "Kopiera detaljer".

    A sink is a ``FieldErrorLabel`` or any ``MessageSink`` (a status line, a signal's ``emit``).
    Use it as an operation's failure callback: ``tasks.op(...).failure(self.errors).run()``.
    Without a ``general`` sink a user error without a matching field opens the dialog.
    """

    def __init__(self, parent: QWidget | None, *,
                 general: FieldErrorLabel | MessageSink | None = None,
                 fields: Mapping[str, FieldErrorLabel | MessageSink] | None = None,
                 reenable: Iterable[QWidget] = (), bug_text: str | None = None) -> None:
        self.parent = parent
        self.general = general
        self.fields = dict(fields or {})
        self.reenable = tuple(reenable)
        self.bug_text = bug_text

    def __call__(self, exc: BaseException) -> None:
        self.route(exc)

    def route(self, exc: BaseException) -> bool:
        """Route ``exc``; True when a user error was said in a sink, False for the dialog."""
        for widget in self.reenable:
            widget.setEnabled(True)
        field = exc.field if isinstance(exc, ValidationError) else None
        sink = self.fields.get(field or "", self.general)
        return route_error(self.parent, exc, sink, bug_text=self.bug_text)

    def clear(self) -> None:
        """Hide every message (call when the user fixes the input or submits again)."""
        for sink in (self.general, *self.fields.values()):
            if sink is not None:
                _as_sink(sink)("")
