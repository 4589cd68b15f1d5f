"""The second pass in the UI: its suggestions in a note's text (accept, reject, accept all, one
undo step, click to hear) and "Förbättra utskriften" with progress, time left and cancel."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QPlainTextEdit
from pytestqt.qtbot import QtBot

from app import notes, second_pass, transcription
from app.context import Context
from app.dto import TranscriptInfo
from app.errors import ModelError
from speech.engine import CancelCheck, Progress
from speech.values import Segment, Word
from speech.wavio import write_wav
from ui.i18n import Translations
from ui.note_editor import NoteEditorWidget
from ui.suggestions import SuggestionsWidget
from ui.visit.second_pass import ImproveTranscriptWidget, SecondPassSettingsPage

from .conftest import FakePlayer, VisitData, give_consent

LIVE = "hej jag heter ana och jag bor i göteborg"
BETTER = "Hej, jag heter Anna och jag bor i Göteborg."


def _words(text: str, conf: float = 0.9) -> tuple[Word, ...]:
    return tuple(Word(t, round(k * 0.4, 2), round(k * 0.4 + 0.3, 2), conf)
                 for k, t in enumerate(text.split()))


class Scripted:
    def __init__(self, engine: str, words: tuple[Word, ...]) -> None:
        self.engine, self.model_id, self.words = engine, f"{engine}-test", words

    def transcribe(self, pcm: bytes, progress: Progress, cancel: CancelCheck) -> list[Segment]:
        return [Segment(self.words[0].start, self.words[-1].end, "", self.words)]


def _note_with_merge(data: VisitData, tmp_path: Path, draft: str) -> tuple[str, str]:
    """(note id, recording id): a draft from a live transcript, and an accuracy pass."""
    give_consent(data)
    wav = tmp_path / "a.wav"
    write_wav(wav, b"\0\1" * 16_000 * 5)
    live_words = tuple(Word(w.text, w.start, w.end, 0.3 if w.text == "ana" else 0.9)
                       for w in _words(LIVE))
    rec = transcription.import_recording(data.ctx, data.visit.id, wav,
                                         Scripted("vosk", live_words)).recording
    note = notes.create_draft(data.ctx, data.visit.case_id, draft, visit_id=data.visit.id)
    assert second_pass.link_note_to_visit_speech(data.ctx, note.id, data.visit.id, LIVE)
    second_pass.improve_recording(data.ctx, rec.id, Scripted("whisper", _words(BETTER)))
    return note.id, rec.id


def _widget(qtbot: QtBot, data: VisitData, text: str) -> tuple[QPlainTextEdit, SuggestionsWidget,
                                                                   FakePlayer]:
    editor = QPlainTextEdit()
    editor.setPlainText(text)
    player = FakePlayer()
    widget = SuggestionsWidget(data.session, editor, player=player)
    qtbot.addWidget(editor)
    qtbot.addWidget(widget)
    return editor, widget, player


def test_a_merge_is_one_undo_step_and_its_suggestions_can_be_taken(
        qtbot: QtBot, data: VisitData, tmp_path: Path) -> None:
    edited = LIVE.replace(" i ", " i centrala ")
    note_id, recording_id = _note_with_merge(data, tmp_path, edited)
    editor, widget, player = _widget(qtbot, data, edited)
    result = second_pass.merge_into_note(data.ctx, note_id, recording_id, edited)
    assert widget.apply_merge(result, recording_id)
    assert editor.toPlainText() == "Hej, jag heter Anna och jag bor i centrala göteborg"
    assert widget.list.count() == 1 and not widget.isHidden()
    label = widget.list.itemWidget(widget.list.item(0))
    assert isinstance(label, QLabel)
    assert "<u>Göteborg.</u>" in label.text() and "<s>göteborg</s>" in label.text()
    editor.undo()  # the whole merge at once
    assert editor.toPlainText() == edited
    editor.redo()
    with qtbot.waitSignal(widget.play_requested) as played:  # click a suggestion: hear it
        widget.list.itemClicked.emit(widget.list.item(0))
    assert played.args == [result.suggestions[0].start_s, result.suggestions[0].end_s]
    assert len(player.played) == 1
    widget.accept(0)
    assert editor.toPlainText() == "Hej, jag heter Anna och jag bor i centrala Göteborg."
    assert widget.list.count() == 0
    editor.undo()
    assert editor.toPlainText() == "Hej, jag heter Anna och jag bor i centrala göteborg"


def test_reject_and_accept_all_follow_the_text_as_it_is_edited(
        qtbot: QtBot, data: VisitData, tmp_path: Path) -> None:
    edited = "EGEN " + LIVE.replace("ana", "Ana-Maria")
    note_id, recording_id = _note_with_merge(data, tmp_path, edited)
    editor, widget, _player = _widget(qtbot, data, edited)
    result = second_pass.merge_into_note(data.ctx, note_id, recording_id, edited)
    assert widget.apply_merge(result, recording_id)
    count = widget.list.count()
    assert count >= 2 and "Ana-Maria" in editor.toPlainText() and "EGEN" in editor.toPlainText()
    cursor = editor.textCursor()  # typing elsewhere does not lose a suggestion's place
    cursor.setPosition(len(editor.toPlainText()))
    cursor.insertText(" Slut.")
    rejected = widget.pending[0].change
    widget.reject(0)
    assert widget.list.count() == count - 1
    before = editor.toPlainText()
    widget.accept_all()
    after = editor.toPlainText()
    assert widget.list.count() == 0 and after.endswith(" Slut.") and after.startswith("EGEN ")
    assert "Anna" in after and "Ana-Maria" not in after  # accepted: the caseworker chose it
    assert rejected.old in after  # the rejected one stays as it was
    editor.undo()  # accept all is one step too
    assert editor.toPlainText() == before


def test_machine_words_keep_their_audio_link_marks_and_provenance_in_the_note(
        qtbot: QtBot, data: VisitData, tmp_path: Path) -> None:
    note_id, _recording_id = _note_with_merge(data, tmp_path, LIVE)
    editor, widget, player = _widget(qtbot, data, LIVE + " och något jag skrev")
    widget.set_sources(second_pass.note_sources(data.ctx, note_id))
    assert not widget.provenance_label.isHidden()
    assert widget.provenance_label.text() == "Skriven med stöd av taligenkänning"
    wavy = [s for s in editor.extraSelections()
            if s.format.underlineStyle() == s.format.UnderlineStyle.WaveUnderline]
    assert [editor.toPlainText()[s.cursor.selectionStart():s.cursor.selectionEnd()]
            for s in wavy] == ["ana"]  # the uncertain live word stays marked
    editor.show()
    qtbot.waitExposed(editor)
    where = editor.cursorRect(_cursor_at(editor, LIVE.index("heter") + 2)).center()
    with qtbot.waitSignal(widget.play_requested) as played:
        QTest.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.ControlModifier, where)
    assert played.args == [0.8, 1.1] and len(player.played) == 1
    typed = editor.cursorRect(_cursor_at(editor, len(LIVE) + 6)).center()
    QTest.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.ControlModifier, typed)
    assert len(player.played) == 1  # typed text has no audio


def _cursor_at(editor: QPlainTextEdit, position: int) -> QTextCursor:
    cursor = editor.textCursor()
    cursor.setPosition(position)
    return cursor


def _runner(steps: list[float], fail: Exception | None = None,
            during: Callable[[], None] | None = None) -> Callable[..., TranscriptInfo | None]:
    def run(ctx: Context, recording_id: str, progress: Callable[[float], None],
            cancel: threading.Event) -> TranscriptInfo | None:
        for step in steps:
            progress(step)
            if during is not None:
                during()
        if fail is not None:
            raise fail
        return None
    return run


def test_improve_shows_progress_and_tells_when_done(qtbot: QtBot, data: VisitData) -> None:
    widget = ImproveTranscriptWidget(data.session, runner=_runner([0.0, 0.2, 0.6]))
    qtbot.addWidget(widget)
    widget.set_recording("rec-1")
    with qtbot.waitSignal(widget.improved) as done:
        widget.button.click()
    assert done.args == ["rec-1"] and widget.bar.value() == 60
    assert widget.message.text() == "Utskriften är förbättrad." and not widget.running


def test_time_left_comes_from_the_pace(qtbot: QtBot, data: VisitData) -> None:
    now = [0.0]
    widget = ImproveTranscriptWidget(data.session, clock=lambda: now[0])
    qtbot.addWidget(widget)
    assert widget.estimate(0) == "Läser in modellen …"
    assert widget.estimate(10) == "Beräknar tid kvar …"
    now[0] = 60.0
    assert widget.estimate(20) == "Cirka 8 min kvar"
    now[0] = 470.0
    assert widget.estimate(95) == "Under en minut kvar"


def test_cancel_and_a_failure_leave_a_swedish_message(qtbot: QtBot, data: VisitData) -> None:
    holder: list[ImproveTranscriptWidget] = []

    def press_cancel() -> None:
        holder[0].cancel()

    cancelled = ModelError("Utskriften avbröts. Ljudet finns kvar och kan skrivas ut senare.")
    widget = ImproveTranscriptWidget(data.session, runner=_runner([0.1], cancelled, press_cancel))
    holder.append(widget)
    qtbot.addWidget(widget)
    widget.set_recording("rec-1")
    widget.start()
    assert widget.cancel_event.is_set()
    assert widget.message.text().startswith("Utskriften avbröts") and not widget.running
    assert widget.button.isEnabled()


def test_it_starts_by_itself_after_stop_only_when_chosen(qtbot: QtBot, data: VisitData) -> None:
    calls: list[str] = []

    def run(ctx: Context, recording_id: str, progress: Callable[[float], None],
            cancel: threading.Event) -> None:
        calls.append(recording_id)

    widget = ImproveTranscriptWidget(data.session, runner=run)
    qtbot.addWidget(widget)
    widget.start_after_stop("rec-1")
    assert calls == []
    data.ctx.save_settings(replace(data.ctx.settings, second_pass_auto=True))
    widget.start_after_stop("rec-2")
    assert calls == ["rec-2"]


def test_no_model_is_a_clear_message(qtbot: QtBot, data: VisitData) -> None:
    widget = ImproveTranscriptWidget(data.session)  # the real runner: nothing installed
    qtbot.addWidget(widget)
    widget.set_recording("rec-1")
    widget.start()
    assert widget.message.text() == second_pass.NO_MODEL



def test_the_second_pass_speaks_english_too(qapp: QApplication) -> None:
    translations = Translations()
    translations.apply("en")
    try:
        tr = QCoreApplication.translate
        assert tr("ImproveTranscriptWidget", "Förbättra utskriften") == "Improve the transcript"
        assert tr("ImproveTranscriptWidget", "Cirka %n min kvar", "", 3) == "About 3 min left"
        assert tr("SuggestionsWidget", "Godta alla") == "Accept all"
        assert tr("SuggestionsWidget", "Skriven med stöd av taligenkänning") == (
            "Written with the help of speech recognition")
    finally:
        translations.apply("sv")


def test_a_draft_from_a_transcript_keeps_its_audio_link_after_saving(
        qtbot: QtBot, data: VisitData, tmp_path: Path) -> None:
    give_consent(data)
    wav = tmp_path / "a.wav"
    write_wav(wav, b"\0\1" * 16_000 * 5)
    transcription.import_recording(data.ctx, data.visit.id, wav, Scripted("vosk", _words(LIVE)))
    editor = NoteEditorWidget(data.session, data.visit.case_id, visit_id=data.visit.id,
                              body=LIVE + " och egen text")
    qtbot.addWidget(editor)
    assert editor.suggestions.provenance_label.isHidden()
    editor.save_button.click()
    assert editor.note is not None
    assert not editor.suggestions.provenance_label.isHidden()  # "Skriven med stöd av …"
    assert not editor.suggestions.merge_button.isHidden()
    spans = editor.suggestions.spans
    assert [editor.body.toPlainText()[s.start:s.end] for s in spans] == LIVE.split()
    reopened = NoteEditorWidget(data.session, data.visit.case_id, editor.note)
    qtbot.addWidget(reopened)
    assert len(reopened.suggestions.spans) == len(spans)  # still linked when opened again


def test_the_settings_page_chooses_the_model_and_auto_start(
        qtbot: QtBot, data: VisitData, tmp_path: Path) -> None:
    page = SecondPassSettingsPage(data.session)
    qtbot.addWidget(page)
    assert page.model.count() == 1 and page.model.currentData() == ""  # the recommended one
    page.auto.setChecked(True)
    chosen = page.apply(data.ctx.settings)
    assert chosen.second_pass_auto and chosen.second_pass_model == ""
