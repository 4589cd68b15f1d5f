"""Reviews with the family in the shell: shown on the journal card, started from the editor
(draft saved first), the journal refreshed afterwards, and the outcome in the signing dialog."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import shiboken6
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app import cases, notes, review
from app.dto import PersonInput
from app.review import PresentPerson
from tests.ui.review.conftest import FakeSpeaker
from ui.main_window import MainWindow
from ui.note_editor import NoteEditorWidget
from ui.review.flow import ReviewFlow

from .conftest import PASSWORD


@pytest.fixture
def speaker(monkeypatch: pytest.MonkeyPatch, window: MainWindow) -> Iterator[FakeSpeaker]:
    """Reviews started from the shell speak through a fake instead of the computer's voice."""
    fake = FakeSpeaker()
    monkeypatch.setattr("ui.review.flow.default_speaker", lambda: fake)
    yield fake
    if shiboken6.isValid(fake):  # a flow that made it (through the factory) deletes it
        fake.deleteLater()


def _open_case(qtbot: QtBot, window: MainWindow) -> str:
    case = cases.create_case(window.session.ctx, "2026-0042", "Kim Testsson", [
        PersonInput("child", "Kim Testsson"), PersonInput("guardian", "Maria Testsson")])
    with qtbot.waitSignal(window.case_view.case_loaded, timeout=5_000):
        window.case_list.refresh(select_id=case.id)
    return case.id


def _review_everything(qtbot: QtBot, flow: ReviewFlow) -> None:
    """The family says "Stämmer" to every passage; the caseworker unlocks."""
    qtbot.waitUntil(lambda: flow.dialog is not None, timeout=5_000)
    assert flow.dialog is not None
    flow.dialog.set_audience("both")
    flow.dialog.start_button.click()
    qtbot.waitUntil(lambda: flow.kiosk is not None, timeout=5_000)
    kiosk = flow.kiosk
    assert kiosk is not None
    for _passage in kiosk.session.passages:
        kiosk.page.agree_button.click()
        kiosk.page.next_button.click()
    qtbot.waitUntil(lambda: kiosk.stack.currentWidget() is kiosk.summary_page, timeout=5_000)
    kiosk.summary_page.done_button.click()
    kiosk.overlay.secret_edit.setText(PASSWORD)
    kiosk.overlay.unlock_button.click()


def _card_html(window: MainWindow, note_id: str) -> str:
    return window.case_view.journal.cards[note_id].text_label.text()


def test_card_shows_each_review_with_the_persons_words_escaped(qtbot: QtBot,
                                                               window: MainWindow) -> None:
    case_id = _open_case(qtbot, window)
    ctx = window.session.ctx
    note = notes.create_draft(ctx, case_id, "Första stycket.\n\nAndra stycket, hemligt.")
    other = notes.create_draft(ctx, case_id, "Ingen genomgång här.")
    session = review.start(ctx, note.id, audience="guardian", shown={0},
                           present=[PresentPerson("Maria Testsson", "guardian")])
    review.record_outcome(ctx, session.review_id, 0, "disagrees",
                          "<b>Nej</b> & det var\ninte så")
    review.complete(ctx, session.review_id)
    with qtbot.waitSignal(window.case_view.case_loaded, timeout=5_000):
        window.case_view.reload()

    html = _card_html(window, note.id)
    assert html.index("Första stycket.") < html.index("Genomgång med familjen")
    assert "Närvarande: Maria Testsson" in html and "Gäller: vårdnadshavare" in html
    assert "Visade stycken: 1 · dolda: 1" in html and "Stämmer inte" in html
    assert "«&lt;b&gt;Nej&lt;/b&gt; &amp; det var<br>inte så»" in html
    assert "<b>Nej</b>" not in html
    assert "Genomgång med familjen" not in _card_html(window, other.id)


def test_review_from_the_card_refreshes_the_journal(qtbot: QtBot, window: MainWindow,
                                                    speaker: FakeSpeaker) -> None:
    case_id = _open_case(qtbot, window)
    note = notes.create_draft(window.session.ctx, case_id, "Kim visade sitt rum.")
    with qtbot.waitSignal(window.case_view.case_loaded, timeout=5_000):
        window.case_view.reload()
    card = window.case_view.journal.cards[note.id]
    card.buttons["review"].click()
    flow = next(iter(_active_flows()))
    with qtbot.waitSignal(window.case_view.case_loaded, timeout=10_000):
        _review_everything(qtbot, flow)
    assert "Genomgång med familjen" in _card_html(window, note.id)
    assert "Närvarande: Kim Testsson, Maria Testsson" in _card_html(window, note.id)


def _active_flows() -> set[ReviewFlow]:
    from ui.review import flow

    return flow._active


def test_review_from_the_editor_saves_first_and_signing_shows_the_outcome(
        qtbot: QtBot, window: MainWindow, speaker: FakeSpeaker) -> None:
    _open_case(qtbot, window)
    editor = window.case_view.open_note_editor()
    assert editor is not None
    assert editor.review_button.text() == "Gå igenom med familjen"
    editor.body.setPlainText("Vi skrev anteckningen tillsammans.\n\nKim ville spela fotboll.")
    assert editor.is_dirty
    editor.review_button.click()
    qtbot.waitUntil(lambda: editor.review_flow is not None, timeout=5_000)
    assert editor.note is not None and not editor.is_dirty
    stored = notes.get_note(window.session.ctx, editor.note.id).current
    assert stored.body == "Vi skrev anteckningen tillsammans.\n\nKim ville spela fotboll."
    flow = editor.review_flow
    assert flow is not None
    qtbot.waitUntil(lambda: flow.kiosk is not None or flow.dialog is not None, timeout=5_000)

    with qtbot.waitSignal(editor.review_completed, timeout=10_000):
        _review_everything(qtbot, flow)
        assert window.idle_lock._inhibited  # no idle lock over the family's screen
    assert not window.idle_lock._inhibited
    qtbot.waitUntil(lambda: editor.note is not None
                    and "Genomgång med familjen" in _card_html(window, editor.note.id),
                    timeout=5_000)
    assert window.case_view.editor is editor and editor.isVisible()

    box = _sign_confirmation(qtbot, editor)
    assert "kan inte ändras" in box.text()
    assert "gåtts igenom med familjen 1 gång." in box.informativeText()
    assert "2 stycken stämmer, 0 stämmer inte" in box.informativeText()
    assert "Obs!" not in box.informativeText()
    box.button(QMessageBox.StandardButton.Cancel).click()

    editor.body.setPlainText(editor.body.toPlainText() + "\n\nTillägg efter genomgången.")
    box = _sign_confirmation(qtbot, editor)
    assert "Obs! Texten har ändrats efter genomgången." in box.informativeText()
    with qtbot.waitSignal(editor.note_signed, timeout=5_000):
        box.button(QMessageBox.StandardButton.Yes).click()


def _sign_confirmation(qtbot: QtBot, editor: NoteEditorWidget) -> QMessageBox:
    editor.sign_button.click()
    qtbot.waitUntil(lambda: editor.sign_confirmation is not None, timeout=5_000)
    box = editor.sign_confirmation
    assert box is not None and box.isVisible()
    return box


def test_signing_an_unreviewed_note_says_nothing_about_reviews(qtbot: QtBot,
                                                               window: MainWindow) -> None:
    case_id = _open_case(qtbot, window)
    note = notes.create_draft(window.session.ctx, case_id, "Kort samtal.")
    with qtbot.waitSignal(window.case_view.case_loaded, timeout=5_000):
        window.case_view.reload()
    editor = window.case_view.open_note_editor(note.id)
    assert editor is not None
    box = _sign_confirmation(qtbot, editor)
    assert box.informativeText() == ""
    box.button(QMessageBox.StandardButton.Cancel).click()
