"""With the audience "Båda" the kiosk asks, calmly, who answers, and the review records who
said what; an answer given before anyone said who they are becomes theirs."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app import review
from app.review import ReviewSummary
from tests.ui.review.conftest import CaseData, FakeSpeaker, unlock
from tests.ui.review.helpers import open_dialog, start_kiosk
from ui.tasks import TaskManager


def test_child_and_guardian_answer_each_for_themselves(
        qtbot: QtBot, host: QWidget, data: CaseData, tasks: TaskManager,
        speaker: FakeSpeaker) -> None:
    completed: list[ReviewSummary] = []
    flow, dialog = open_dialog(host, data.ctx, data.note.id, tasks, speaker,
                               on_completed=completed.append)
    dialog.set_audience("both")
    kiosk = start_kiosk(dialog, flow)
    page = kiosk.page
    assert [b.text() for b in page.respondent_buttons] == [
        "Kim Testsson", "Maria Testsson", "Jonas Testsson"]
    assert page.respondent_label.isVisible() and page.respondent_label.text() == "Vem svarar?"

    page.agree_button.click()  # nobody has said who they are: saved, then asked gently
    assert page.respondent_label.text() == "Vem svarade? Tryck på ditt namn."
    page.respondent_buttons[0].click()  # Kim: the answer becomes Kim's
    assert page.respondent_label.text() == "Vem svarar?" and page.agree_button.isChecked()
    page.respondent_buttons[1].click()  # Maria answers the same passage for herself
    assert not page.agree_button.isChecked() and page.own_words() == ""
    page.disagree_button.click()
    page.own_words_edit.setPlainText("Det var inte så.")
    page.next_button.click()
    assert page.respondent_buttons[1].isChecked()  # Maria goes on answering
    page.agree_button.click()
    unlock(qtbot, kiosk)
    qtbot.waitUntil(lambda: bool(completed))

    outcomes = review.summary(data.ctx, kiosk.session.review_id).outcomes
    first = [(o.respondent.name if o.respondent else None, o.outcome, o.comment)
             for o in outcomes if o.index == 0]
    assert first == [("Kim Testsson", "agrees", ""),
                     ("Maria Testsson", "disagrees", "Det var inte så.")]
    second = [(o.respondent.name if o.respondent else None, o.outcome)
              for o in outcomes if o.index == 1]
    assert second == [("Maria Testsson", "agrees")]


def test_one_voice_is_not_asked_who_answers(qtbot: QtBot, host: QWidget, data: CaseData,
                                            tasks: TaskManager, speaker: FakeSpeaker) -> None:
    flow, dialog = open_dialog(host, data.ctx, data.note.id, tasks, speaker)
    dialog.set_audience("guardian")
    kiosk = start_kiosk(dialog, flow)
    assert kiosk.page.respondent_buttons == [] and not kiosk.page.respondent_label.isVisible()
    kiosk.page.agree_button.click()
    assert not kiosk.page.respondent_label.isVisible()
    unlock(qtbot, kiosk)
