"""The kiosk empties the clipboard when it opens, and its fields refuse every paste and drop:
text copied from the note (passages hidden from this family) cannot reach the screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QContextMenuEvent, QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.review.conftest import GUARDIAN_SECRET, CaseData, FakeSpeaker, unlock
from tests.ui.review.helpers import open_dialog, start_kiosk
from ui.review.kiosk_window import ReviewKioskWindow
from ui.tasks import TaskManager

COPIED = f"Kopierat ur anteckningen: {GUARDIAN_SECRET}"


@pytest.fixture
def kiosk(qtbot: QtBot, host: QWidget, data: CaseData, tasks: TaskManager,
          speaker: FakeSpeaker) -> ReviewKioskWindow:
    QGuiApplication.clipboard().setText(COPIED)  # the caseworker copied from the note
    flow, dialog = open_dialog(host, data.ctx, data.note.id, tasks, speaker)
    return start_kiosk(dialog, flow)


def _menu_event() -> QContextMenuEvent:
    return QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(5, 5), QPoint(5, 5),
                             Qt.KeyboardModifier.NoModifier)


def _drop(target: QWidget) -> tuple[bool, bool]:
    """Drag text over ``target`` and drop it: (enter accepted, drop accepted)."""
    mime = QMimeData()
    mime.setText(COPIED)
    where = QPoint(5, 5)
    enter = QDragEnterEvent(where, Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, enter)
    drop = QDropEvent(QPointF(where), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, drop)
    return enter.isAccepted(), drop.isAccepted()


def test_the_clipboard_is_emptied_when_the_kiosk_opens(qtbot: QtBot,
                                                       kiosk: ReviewKioskWindow) -> None:
    assert QGuiApplication.clipboard().text() == ""
    mime = QGuiApplication.clipboard().mimeData()
    assert mime is None or not mime.formats()
    unlock(qtbot, kiosk)


def test_own_words_refuse_every_paste_and_drop(qtbot: QtBot, kiosk: ReviewKioskWindow) -> None:
    QGuiApplication.clipboard().setText(COPIED)  # something put text there while it is open
    edit = kiosk.page.own_words_edit
    edit.setFocus()
    QTest.keyClicks(edit, "Mina ord")
    QTest.keyClick(edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(edit, Qt.Key.Key_Insert, Qt.KeyboardModifier.ShiftModifier)
    edit.paste()  # what the context menu's "Klistra in" would do
    QTest.mouseClick(edit.viewport(), Qt.MouseButton.MiddleButton)  # X11's selection paste
    assert edit.contextMenuPolicy() == Qt.ContextMenuPolicy.NoContextMenu
    QApplication.sendEvent(edit.viewport(), _menu_event())
    assert not [m for m in QApplication.topLevelWidgets()
                if isinstance(m, QMenu) and m.isVisible()]
    assert _drop(edit.viewport()) == (False, False)
    assert not edit.canPaste()
    assert edit.toPlainText() == "Mina ord"
    assert GUARDIAN_SECRET not in kiosk.page.own_words()
    unlock(qtbot, kiosk)


def test_the_unlock_field_refuses_paste_and_drop(qtbot: QtBot, kiosk: ReviewKioskWindow) -> None:
    kiosk.exit_button.click()
    field = kiosk.overlay.secret_edit
    QGuiApplication.clipboard().setText("hemligt-lösen-från-urklipp")
    field.setFocus()
    QTest.keyClick(field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(field, Qt.Key.Key_Insert, Qt.KeyboardModifier.ShiftModifier)
    QTest.mouseClick(field, Qt.MouseButton.MiddleButton)
    QApplication.sendEvent(field, _menu_event())
    assert not [m for m in QApplication.topLevelWidgets()
                if isinstance(m, QMenu) and m.isVisible()]
    assert _drop(field) == (False, False)
    assert field.text() == ""
    unlock(qtbot, kiosk)
