"""Full reviews for each audience, secrecy of hidden passages, and the note left untouched."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app import notes, review
from app.review import ReviewSummary
from tests.ui.review.conftest import (
    CHILD_SECRET,
    GUARDIAN_SECRET,
    CaseData,
    FakeSpeaker,
    unlock,
)
from tests.ui.review.helpers import open_dialog, shown_anywhere, start_kiosk
from ui.tasks import TaskManager

# audience, persons ticked by default, extra names typed, hidden passages, secret, variant
CASES = [
    ("child", ["Kim Testsson"], "", {1}, GUARDIAN_SECRET, "child"),
    ("guardian", ["Maria Testsson", "Jonas Testsson"], "", {4}, CHILD_SECRET, "adult"),
    ("both", ["Kim Testsson", "Maria Testsson", "Jonas Testsson"], "", set(), None, "adult"),
    ("named", [], "Lisa Lärare, Bo Testsson", {1, 4}, GUARDIAN_SECRET, "adult"),
]


@pytest.mark.parametrize(("audience", "ticked", "others", "hidden", "secret", "variant"), CASES)
def test_full_review_for_each_audience(
    qtbot: QtBot, host: QWidget, data: CaseData, tasks: TaskManager, speaker: FakeSpeaker,
    audience: str, ticked: list[str], others: str, hidden: set[int], secret: str | None,
    variant: str,
) -> None:
    ctx = data.ctx
    hash_before = notes.get_note(ctx, data.note.id).current.hash
    completed: list[ReviewSummary] = []
    flow, dialog = open_dialog(host, ctx, data.note.id, tasks, speaker,
                               on_completed=completed.append)
    dialog.set_audience(audience)
    assert [p.name for p in dialog.present()] == ticked
    assert dialog.variant() == variant
    assert dialog.shown() == {0, 1, 2, 3, 4}  # every passage by default
    dialog.others_edit.setText(others)
    dialog.set_shown({0, 1, 2, 3, 4} - hidden)
    kiosk = start_kiosk(dialog, flow)
    assert flow.dialog is None and not dialog.isVisible()
    assert kiosk.isFullScreen() and kiosk.isVisible()

    shown = kiosk.session.passages
    assert [p.index for p in shown] == sorted({0, 1, 2, 3, 4} - hidden)
    answers = ["agrees", "disagrees", None, "agrees", "disagrees"]
    for position, passage in enumerate(shown):
        assert kiosk.page.text_view.toPlainText() == passage.text
        assert kiosk.page.progress_label.text().endswith(f"{position + 1} av {len(shown)}")
        if secret:
            assert not shown_anywhere(secret, kiosk)
        outcome = answers[position]
        if outcome == "disagrees":
            kiosk.page.own_words_edit.setPlainText(f"Det stämmer inte, stycke {position + 1}.")
            kiosk.page.disagree_button.click()
        elif outcome == "agrees":
            kiosk.page.agree_button.click()
        kiosk.page.next_button.click()

    assert kiosk.stack.currentWidget() is kiosk.summary_page
    assert kiosk.isVisible()
    if secret:
        assert not shown_anywhere(secret, kiosk)
    summary_html = kiosk.summary_page.text_view.toPlainText()
    assert "Det stämmer inte, stycke 2." in summary_html

    kiosk.summary_page.done_button.click()
    assert kiosk.overlay.isVisible()
    unlock(qtbot, kiosk)
    qtbot.waitUntil(lambda: bool(completed))
    assert not kiosk.isVisible()

    result = completed[0]
    assert result.completed and result.audience == audience
    expected_present = ticked + [n.strip() for n in others.split(",") if n.strip()]
    assert list(result.present) == expected_present
    assert result.hidden_count == len(hidden)
    assert [o.index for o in result.outcomes] == [p.index for p in shown]
    assert [o.outcome for o in result.outcomes] == answers[: len(shown)]
    assert result.outcomes[1].comment == "Det stämmer inte, stycke 2."
    assert review.for_note(ctx, data.note.id)[-1].review_id == result.review_id
    assert notes.get_note(ctx, data.note.id).current.hash == hash_before


def test_cancelled_dialog_starts_nothing(host: QWidget, data: CaseData, tasks: TaskManager,
                                         speaker: FakeSpeaker) -> None:
    cancelled: list[bool] = []
    flow, dialog = open_dialog(host, data.ctx, data.note.id, tasks, speaker,
                               on_cancelled=lambda: cancelled.append(True))
    dialog.reject()
    assert cancelled == [True] and flow.kiosk is None
    assert review.for_note(data.ctx, data.note.id) == []


def test_no_passage_shown_is_refused_in_the_dialog(host: QWidget, data: CaseData, tasks: TaskManager,
                                                   speaker: FakeSpeaker) -> None:
    flow, dialog = open_dialog(host, data.ctx, data.note.id, tasks, speaker)
    dialog.set_shown(set())
    assert dialog.count_label.text() == "0 av 5 stycken visas"
    dialog.start_button.click()
    assert flow.kiosk is None
    assert "minst ett stycke" in dialog.error_label.text()
    assert dialog.start_button.isEnabled()
    dialog.reject()


def test_back_and_forth_keeps_answers(qtbot: QtBot, host: QWidget, data: CaseData, tasks: TaskManager,
                                      speaker: FakeSpeaker) -> None:
    flow, dialog = open_dialog(host, data.ctx, data.note.id, tasks, speaker)
    kiosk = start_kiosk(dialog, flow)
    page = kiosk.page
    assert not page.previous_button.isEnabled()
    page.own_words_edit.setPlainText("mina ord")
    page.disagree_button.click()
    page.next_button.click()
    assert page.own_words() == "" and not page.disagree_button.isChecked()
    page.previous_button.click()
    assert page.own_words() == "mina ord" and page.disagree_button.isChecked()
    page.agree_button.click()  # changing one's mind is stored as a later entry
    stored = review.summary(data.ctx, kiosk.session.review_id).outcomes[0]
    assert (stored.outcome, stored.comment) == ("agrees", "mina ord")
    unlock(qtbot, kiosk)
