"""Reading aloud through the injected speaker, the no-voice message, text size and the
child-friendly variant."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tests.ui.review.conftest import CaseData, FakeSpeaker, unlock
from tests.ui.review.helpers import open_dialog, start_kiosk
from ui.review.style import CHILD_FACTOR, STEP_PT
from ui.tasks import TaskManager


def test_read_aloud_says_the_passage_and_marks_words(qtbot: QtBot, host: QWidget, data: CaseData,
                                                     tasks: TaskManager,
                                                     speaker: FakeSpeaker) -> None:
    flow, dialog = open_dialog(host, data.ctx, data.note.id, tasks, speaker)
    kiosk = start_kiosk(dialog, flow)
    page = kiosk.page
    page.read_button.click()
    assert speaker.said == [kiosk.session.passages[0].text]
    assert "Sluta" in page.read_button.text()
    speaker.word_reached.emit(9, 3)  # "Hembesök hos" -> "hos"
    marks = page.text_view.extraSelections()
    assert len(marks) == 1 and marks[0].cursor.selectedText() == "hos"
    speaker.finish()
    assert page.text_view.extraSelections() == [] and "Läs upp" in page.read_button.text()
    page.read_button.click()
    page.next_button.click()  # a new passage stops the reading
    assert speaker.stopped >= 1 and "Läs upp" in page.read_button.text()
    page.read_button.click()
    assert speaker.said[-1] == kiosk.session.passages[1].text
    unlock(qtbot, kiosk)


def test_no_voice_message(qtbot: QtBot, host: QWidget, data: CaseData, tasks: TaskManager) -> None:
    mute = FakeSpeaker(available=False)
    flow, dialog = open_dialog(host, data.ctx, data.note.id, tasks, mute)
    kiosk = start_kiosk(dialog, flow)
    kiosk.page.read_button.click()
    assert mute.said == []
    assert kiosk.page.status_label.text() == "Ingen röst för uppläsning finns på den här datorn."
    assert kiosk.page.status_label.isVisible()
    unlock(qtbot, kiosk)
    mute.deleteLater()


def test_text_size_buttons(qtbot: QtBot, host: QWidget, data: CaseData, tasks: TaskManager,
                           speaker: FakeSpeaker) -> None:
    flow, dialog = open_dialog(host, data.ctx, data.note.id, tasks, speaker)
    kiosk = start_kiosk(dialog, flow)
    start = kiosk.font_pt()
    assert start == data.ctx.settings.review_font_pt
    kiosk.page.larger_button.click()
    assert kiosk.font_pt() == start + STEP_PT
    assert f"font-size: {start + STEP_PT}pt" in kiosk.styleSheet()
    for _ in range(40):
        kiosk.page.smaller_button.click()
    assert kiosk.font_pt() >= 16
    unlock(qtbot, kiosk)


def test_child_variant(qtbot: QtBot, host: QWidget, data: CaseData, tasks: TaskManager,
                       speaker: FakeSpeaker) -> None:
    flow, dialog = open_dialog(host, data.ctx, data.note.id, tasks, speaker)
    dialog.set_audience("child")
    assert dialog.variant() == "child"
    kiosk = start_kiosk(dialog, flow)
    page = kiosk.page
    assert "👍" in page.agree_button.text() and "Ja, det stämmer" in page.agree_button.text()
    assert "👎" in page.disagree_button.text()
    assert "Nej, det stämmer inte" in page.disagree_button.text()
    assert "Läs för mig" in page.read_button.text()
    assert "Tillbaka" in page.previous_button.text() and "Nästa" in page.next_button.text()
    assert kiosk.font_pt() == round(data.ctx.settings.review_font_pt * CHILD_FACTOR)
    assert kiosk.font_pt() > data.ctx.settings.review_font_pt
    page.agree_button.click()
    for _ in kiosk.session.passages:
        page.next_button.click()
    assert "👍" in kiosk.summary_page.counts_label.text()
    assert kiosk.summary_page.done_button.text() == "Klar!"
    unlock(qtbot, kiosk)
