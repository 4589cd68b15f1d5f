"""The visit view inside the real main window: actions, "create note", crash recovery."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from app import cases, recording, transcripts, visits
from app.dto import PersonInput
from app.transcription import draft_text
from speech.values import Segment, Word
from ui.main_window import MainWindow
from ui.visit import VisitExtension
from ui.visit.visit_page import VisitPageWidget

SEGMENTS = [Segment(0.0, 1.0, "kim mår bra punkt", (Word("kim", 0, .3, 1), Word("mår", .3, .5, 1),
                                                     Word("bra", .5, .8, 1), Word("punkt", .8, 1, 1)))]


def _visit_with_recording(window: MainWindow, state: str = "complete") -> tuple[str, str, str]:
    ctx = window.session.ctx
    case = cases.create_case(ctx, "2026-0400", "Kim Testsson", [
        PersonInput("child", "Kim"), PersonInput("guardian", "Maria")])
    visit = visits.create_visit(ctx, case.id, "hembesok",
                                persons=[p.id for p in case.persons])
    visits.record_consent(ctx, visit.id, informed=["Kim"], agreed=["Kim"])
    info = recording.begin(ctx, visit.id, model_id="fake")
    with recording.open_sink(ctx, info.id) as sink:
        sink.write(b"\x00\x00" * 16_000)
    transcripts.save_segments(ctx, info.id, SEGMENTS)
    if state == "complete":
        recording.finish(ctx, info.id, 1.0)
    return case.id, visit.id, info.id


def test_open_visit_and_create_note_from_transcript(qtbot: QtBot, window: MainWindow) -> None:
    case_id, visit_id, _rec = _visit_with_recording(window)
    with qtbot.waitSignal(window.case_view.case_loaded, timeout=5_000):
        window.case_list.refresh(select_id=case_id)
    buttons = window.case_view.visits.action_buttons
    assert set(buttons) >= {"visit-open", "visit-import"}
    assert buttons["visit-open"].text() == "Öppna besöket"
    extension = VisitExtension.of(window)
    assert extension is not None
    page = extension.open_visit(visit_id)
    with qtbot.waitSignal(page.transcript_shown, timeout=5_000):
        pass
    assert window.case_view.stack.currentWidget() is page
    assert page.live.text() == "Kim mår bra."
    page.transcript.note_button.click()
    editor = window.case_view.editor
    assert editor is not None and editor.visit_id == visit_id
    assert editor.body.toPlainText() == draft_text(SEGMENTS) == "Kim mår bra."


def test_unfinished_recording_is_offered_for_recovery(qtbot: QtBot, window: MainWindow) -> None:
    _case, visit_id, rec_id = _visit_with_recording(window, state="recording")
    extension = VisitExtension.of(window)
    assert extension is not None
    extension.offers.check_unfinished()
    qtbot.waitUntil(lambda: extension.offers.question is not None, timeout=5_000)
    question = extension.offers.question
    assert question is not None
    assert question.text().startswith("En inspelning avbröts oväntat")
    assert "Vill du återställa den?" in question.text()
    with qtbot.waitSignal(extension.offers.recording_recovered, timeout=5_000):
        question.button(question.StandardButton.Yes).click()
    page = extension.pages[visit_id]
    assert isinstance(page, VisitPageWidget)
    qtbot.waitUntil(lambda: page.live.text() == "Kim mår bra.", timeout=5_000)
    assert recording.unfinished(window.session.ctx) == []
    assert [r.state for r in recording.for_visit(window.session.ctx, visit_id)] == ["recovered"]
