"""The saved transcript: uncertain words marked, a click plays the word's audio, Ctrl+Space
plays and pauses, and a missing loudspeaker gives the Swedish message."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from app import notes, recording, transcripts
from speech.errors import NoOutputDevice
from speech.values import Segment, Word
from tests.support.audio import ManualSource
from ui.visit.transcript_widget import LOW_CONFIDENCE_COLOR, TranscriptWidget
from ui.visit.visit_page import VisitPageWidget

from .conftest import FakePlayer, VisitData, give_consent

SEGMENTS = [
    Segment(0.0, 0.5, "kim berättar", (Word("kim", 0.0, 0.2, 0.95), Word("berättar", 0.2, 0.5, 0.4))),
    Segment(0.6, 1.0, "om skolan", (Word("om", 0.6, 0.7, 0.9), Word("skolan", 0.7, 1.0, 0.99))),
]


def _stored_recording(data: VisitData) -> str:
    give_consent(data)
    info = recording.begin(data.ctx, data.visit.id, model_id="fake")
    with recording.open_sink(data.ctx, info.id) as sink:
        sink.write(b"\x01\x00" * 16_000)  # one second
    transcripts.save_segments(data.ctx, info.id, SEGMENTS)
    recording.finish(data.ctx, info.id, 1.0)
    return info.id


def _word_position(widget: TranscriptWidget, word: str) -> QTextCursor:
    cursor = widget.view.document().find(word)
    assert not cursor.isNull()
    cursor.setPosition(cursor.selectionStart() + 1)
    return cursor


def test_uncertain_words_are_marked(qtbot: QtBot, data: VisitData) -> None:
    widget = TranscriptWidget(data.session, low_confidence=0.6, player=FakePlayer())
    qtbot.addWidget(widget)
    widget.set_transcript("rec", SEGMENTS)
    assert widget.uncertain_words() == ["berättar"]
    unsure = _word_position(widget, "berättar").charFormat()
    assert unsure.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
    assert unsure.underlineColor() == LOW_CONFIDENCE_COLOR
    assert unsure.toolTip() == "Osäker igenkänning – kontrollera"
    sure = _word_position(widget, "skolan").charFormat()
    assert sure.underlineStyle() == QTextCharFormat.UnderlineStyle.NoUnderline
    assert sure.toolTip() == ""


def test_click_a_word_plays_it_and_ctrl_space_toggles(qtbot: QtBot, data: VisitData) -> None:
    rec_id = _stored_recording(data)
    player = FakePlayer()
    widget = TranscriptWidget(data.session, player=player)
    qtbot.addWidget(widget)
    widget.resize(600, 300)
    widget.show()
    widget.set_transcript(rec_id, transcripts.transcript(data.ctx, rec_id))
    rect = widget.view.cursorRect(_word_position(widget, "berättar"))
    QTest.mouseClick(widget.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert widget.current_word == 1
    assert len(player.played) == 1 and len(player.played[0]) == int(0.3 * 16_000) * 2
    assert widget.playing and widget.play_button.text() == "Pausa"
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    QTest.keyClick(widget.view, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    assert not widget.playing and player.stops == 1
    QTest.keyClick(widget.view, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    assert widget.playing and len(player.played[1]) == int(0.8 * 16_000) * 2  # to the end
    widget.toggle_playback()


def test_no_loudspeaker_gives_the_swedish_message(qtbot: QtBot, data: VisitData) -> None:
    rec_id = _stored_recording(data)
    widget = TranscriptWidget(data.session, player=FakePlayer(NoOutputDevice("none")))
    qtbot.addWidget(widget)
    widget.set_transcript(rec_id, SEGMENTS)
    with qtbot.waitSignal(widget.playback_failed) as blocker:
        widget.play_word(0)
    assert blocker.args == ["Ingen högtalare hittades, så ljudet kan inte spelas upp."]
    assert not widget.playing


def test_after_signing_deleted_audio_is_not_offered(
    qtbot: QtBot, data: VisitData, source: ManualSource,
    make_page: Callable[..., VisitPageWidget],
) -> None:
    rec_id = _stored_recording(data)
    note = notes.create_draft(data.ctx, data.visit.case_id, "Anteckning.", visit_id=data.visit.id)
    notes.sign(data.ctx, note.id)  # the default policy deletes the visit's audio
    assert recording.for_visit(data.ctx, data.visit.id)[0].state == "audio-deleted"
    page = make_page(source, player=FakePlayer())
    qtbot.waitUntil(lambda: page.transcript.recording_id == rec_id, timeout=5_000)
    widget = page.transcript
    assert not widget.play_button.isVisible() and widget.audio_gone_label.isVisible()
    player = widget.player
    assert isinstance(player, FakePlayer)
    widget.toggle_playback()
    widget.play_word(0)
    assert player.played == []
    assert not page.improve.button.isEnabled()  # no audio to transcribe again
