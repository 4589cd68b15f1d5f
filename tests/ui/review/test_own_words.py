"""The person's own words are stored exactly as given, and the note itself never changes."""

from __future__ import annotations

import pytest
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app import notes, review
from tests.ui.review.conftest import CaseData, FakeDictation, FakeSpeaker, unlock
from tests.ui.review.helpers import open_dialog, start_kiosk
from ui.tasks import TaskManager


class _ShutDownRecorder(FakeDictation):
    was_shut_down = False

    def shutdown(self) -> None:
        self.was_shut_down = True


WORDS = {
    "emoji": "Det där stämmer inte alls 😡👎🏽 — jag var där!",
    "combining": "Jag sa e\u0301 och a\u0308, inte é och ä; A\u030a",
    "long": ("Min berättelse om hur det var. " * 1700)[:50_000],
    "empty": "",
    "spaces": "   mellanslag före och efter   ",
    "lines": "rad ett\nrad två\n\n  indrag\n",
    "odd": "a\u00a0b\u2028c\u200b\td\U0001F9D1\u200D\U0001F91D\u200D\U0001F9D1",
}


@pytest.mark.parametrize("key", list(WORDS))
def test_words_are_stored_verbatim(qtbot: QtBot, host: QWidget, data: CaseData, tasks: TaskManager,
                                   speaker: FakeSpeaker, key: str) -> None:
    words = WORDS[key]
    hash_before = notes.get_note(data.ctx, data.note.id).current.hash
    flow, dialog = open_dialog(host, data.ctx, data.note.id, tasks, speaker)
    kiosk = start_kiosk(dialog, flow)
    kiosk.page.own_words_edit.setPlainText(words)
    kiosk.page.disagree_button.click()
    stored = review.summary(data.ctx, kiosk.session.review_id).outcomes[0]
    assert stored.outcome == "disagrees"
    assert stored.comment == words
    assert stored.input_method == "typed"
    kiosk.page.next_button.click()
    kiosk.page.previous_button.click()
    assert kiosk.page.own_words() == words
    unlock(qtbot, kiosk)
    assert notes.get_note(data.ctx, data.note.id).current.hash == hash_before


def test_typed_keys_keep_their_spaces(qtbot: QtBot, host: QWidget, data: CaseData,
                                      tasks: TaskManager, speaker: FakeSpeaker) -> None:
    flow, dialog = open_dialog(host, data.ctx, data.note.id, tasks, speaker)
    kiosk = start_kiosk(dialog, flow)
    QTest.keyClicks(kiosk.page.own_words_edit, "  Nej, så var det inte.  ")
    kiosk.page.disagree_button.click()
    stored = review.summary(data.ctx, kiosk.session.review_id).outcomes[0]
    assert stored.comment == "  Nej, så var det inte.  "
    unlock(qtbot, kiosk)


def test_dictated_words_are_appended_and_marked(qtbot: QtBot, host: QWidget, data: CaseData,
                                                tasks: TaskManager, speaker: FakeSpeaker) -> None:
    dictation = FakeDictation()
    flow, dialog = open_dialog(host, data.ctx, data.note.id, tasks, speaker, dictation=dictation)
    kiosk = start_kiosk(dialog, flow)
    page = kiosk.page
    assert page.dictate_button is not None and page.dictate_button.isVisible()
    page.own_words_edit.setPlainText("Jag skrev")
    page.dictate_button.click()
    assert dictation.running and page.dictate_button.isChecked()
    dictation.partial_text_changed.emit("jag vill")
    assert page.partial_label.text() == "jag vill"
    dictation.text_recognized.emit("jag vill bo kvar hos mamma")
    assert page.own_words() == "Jag skrev jag vill bo kvar hos mamma"
    page.dictate_button.click()
    assert not dictation.running
    page.agree_button.click()
    stored = review.summary(data.ctx, kiosk.session.review_id).outcomes[0]
    assert (stored.comment, stored.input_method) == ("Jag skrev jag vill bo kvar hos mamma",
                                                     "dictated")
    page.dictate_button.click()
    page.next_button.click()  # moving on stops dictation
    assert not dictation.running and not page.dictate_button.isChecked()
    unlock(qtbot, kiosk)
    dictation.deleteLater()


def test_no_dictate_button_without_a_provider(qtbot: QtBot, host: QWidget, data: CaseData,
                                              tasks: TaskManager, speaker: FakeSpeaker) -> None:
    flow, dialog = open_dialog(host, data.ctx, data.note.id, tasks, speaker)
    kiosk = start_kiosk(dialog, flow)
    assert kiosk.page.dictate_button is None
    unlock(qtbot, kiosk)


def test_dictation_factory_reaches_the_kiosk_and_is_shut_down(
        qtbot: QtBot, host: QWidget, data: CaseData, tasks: TaskManager,
        speaker: FakeSpeaker) -> None:
    made: list[_ShutDownRecorder] = []

    def factory() -> FakeDictation:
        made.append(_ShutDownRecorder())
        return made[-1]

    flow, dialog = open_dialog(host, data.ctx, data.note.id, tasks, speaker,
                               dictation_factory=factory)
    kiosk = start_kiosk(dialog, flow)
    assert len(made) == 1 and kiosk.page.dictate_button is not None
    assert kiosk.page.dictate_button.isVisible()
    unlock(qtbot, kiosk)
    assert made[0].was_shut_down
    assert flow.dictation is None


def test_no_dictate_button_when_the_factory_has_no_model(
        qtbot: QtBot, host: QWidget, data: CaseData, tasks: TaskManager,
        speaker: FakeSpeaker) -> None:
    flow, dialog = open_dialog(host, data.ctx, data.note.id, tasks, speaker,
                               dictation_factory=lambda: None)
    kiosk = start_kiosk(dialog, flow)
    assert kiosk.page.dictate_button is None or not kiosk.page.dictate_button.isVisible()
    unlock(qtbot, kiosk)
