"""A date-and-time field where typing a year (or any part) replaces that part, and where a
half-typed time is reported instead of silently dropped.

A plain ``QDateTimeEdit`` refuses digits typed in front of a complete part: clicking into
"2026" and typing "2023" changed nothing; and a half-typed part ("20") is put back to the old
value when the field loses focus. Here a digit typed into a complete part replaces that part,
and ``incomplete_dropped`` tells the form when Qt put back the old value, so it can say so."""

from __future__ import annotations

from PySide6.QtCore import QDateTime, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QDateTimeEdit, QWidget

DISPLAY_FORMAT = "yyyy-MM-dd HH:mm"
_WIDTH = {QDateTimeEdit.Section.YearSection: 4}  # every other part has two digits


class EventTimeEdit(QDateTimeEdit):
    incomplete_dropped = Signal()

    def __init__(self, value: QDateTime | None = None, parent: QWidget | None = None) -> None:
        super().__init__(value or QDateTime.currentDateTime(), parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat(DISPLAY_FORMAT)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        section = self.currentSection()
        if event.text().isdigit() and not self.lineEdit().hasSelectedText() \
                and len(self.sectionText(section)) >= _WIDTH.get(section, 2):
            # A digit typed into a complete part starts that part anew (Qt would refuse it).
            self.setSelectedSection(section)
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt API
        dropped = not self.is_complete()
        super().focusOutEvent(event)  # Qt puts the last valid time back
        if dropped:
            self.incomplete_dropped.emit()

    def is_complete(self) -> bool:
        """True when the text shown is the value (nothing half typed or out of range)."""
        return self.hasAcceptableInput() and \
            self.text() == self.dateTime().toString(DISPLAY_FORMAT)
