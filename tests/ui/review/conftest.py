"""Fixtures for the review UI tests: a real encrypted store, an inline task manager, fakes for
speech and dictation, and a guard that no kiosk is left open."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator  # noqa: E402
from dataclasses import dataclass  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402
from pytestqt.qtbot import QtBot

from app import cases, notes, visits  # noqa: E402
from app.context import Context  # noqa: E402
from app.dto import NoteInfo, PersonInput, VisitInfo  # noqa: E402
from tests.ui.conftest import CASEWORKER_PASSWORD
from ui.review.dictation import DictationProvider  # noqa: E402
from ui.review.kiosk_window import ReviewKioskWindow  # noqa: E402
from ui.review.speech import Speaker  # noqa: E402

PASSWORD = CASEWORKER_PASSWORD  # the shared ctx fixture's (tests/ui/conftest.py)
BODY = (
    "Hembesök hos familjen Testsson. Kim visade sitt rum och berättade om skolan.\n\n"
    "Mamma har berättat om sin oro för pappans nya sambo och vill inte att Kim får veta.\n\n"
    "Vi pratade om fritiden: Kim spelar fotboll två gånger i veckan.\n\n"
    "Nästa besök bokades till den 14 maj."
)
CHILD_VOICE = "Kim säger att det bästa med veckan är fotbollen och att hen ibland är ledsen."
GUARDIAN_SECRET = "pappans nya sambo"  # in passage 1: must never be shown to the child
CHILD_SECRET = "ibland är ledsen"  # in passage 4 (Barnets röst): hidden from guardians


class FakeSpeaker(Speaker):
    """Remembers what it was asked to say; finishes only when told to."""

    def __init__(self, available: bool = True) -> None:
        super().__init__()
        self.available = available
        self.said: list[str] = []
        self.stopped = 0

    def is_available(self) -> bool:
        return self.available

    def reports_words(self) -> bool:
        return True

    def say(self, text: str) -> None:
        self.said.append(text)
        self.speaking_started.emit()

    def stop(self) -> None:
        self.stopped += 1

    def finish(self) -> None:
        self.speaking_finished.emit()


class FakeDictation(DictationProvider):
    def __init__(self) -> None:
        super().__init__()
        self.running = False

    def start(self) -> None:
        self.running = True
        self.dictation_started.emit()

    def stop(self) -> None:
        self.running = False
        self.dictation_stopped.emit()


@dataclass
class CaseData:
    ctx: Context
    case_id: str
    visit: VisitInfo
    note: NoteInfo



@pytest.fixture
def data(ctx: Context) -> CaseData:
    case = cases.create_case(ctx, "IFO-2024-0042", "Kim Testsson", [
        PersonInput("child", "Kim Testsson"), PersonInput("guardian", "Maria Testsson"),
        PersonInput("guardian", "Jonas Testsson")])
    visit = visits.create_visit(ctx, case.id, "hembesok", persons=[p.id for p in case.persons[:2]],
                                with_child=True)
    note = notes.create_draft(ctx, case.id, BODY, child_voice=CHILD_VOICE, visit_id=visit.id)
    return CaseData(ctx, case.id, visit, note)



@pytest.fixture
def speaker(qapp: QApplication) -> Iterator[FakeSpeaker]:
    fake = FakeSpeaker()
    yield fake
    fake.deleteLater()


@pytest.fixture
def host(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def unlock(qtbot: QtBot, kiosk: ReviewKioskWindow, secret: str = PASSWORD) -> None:
    """The caseworker's way out: the discreet button, then the password in the overlay."""
    if not kiosk.overlay.isVisible():
        kiosk.exit_button.click()
    kiosk.overlay.secret_edit.setText(secret)
    kiosk.overlay.unlock_button.click()


@pytest.fixture(autouse=True)
def _no_kiosk_left_open(qapp: QApplication) -> Iterator[None]:
    yield
    for widget in qapp.topLevelWidgets():
        if isinstance(widget, ReviewKioskWindow) and not widget.unlocked:
            if widget.isVisible():
                widget.overlay.secret_edit.setText(PASSWORD)
                if not widget.overlay.isVisible():
                    widget.exit_button.click()
                    widget.overlay.secret_edit.setText(PASSWORD)
                widget.overlay.unlock_button.click()
            widget.deleteLater()
