"""Recording on the visit page through the real pipeline callback path with a hand-driven
source and the fake recognizer: consent gate, partials grey and finals black, stop saves what
is shown, F9, pause/resume, no model, no microphone."""

from __future__ import annotations

import errno
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from app import diskspace, recording, transcription, transcripts
from app.audiofile import EncryptedAudioWriter
from speech.errors import NoInputDevice
from speech.values import Final, Word
from tests.support.audio import FakeModel, ManualSource, tone_block
from ui.visit.live_transcript import FINAL_COLOR, PARTIAL_COLOR
from ui.visit.startup_offers import StartupOffers
from ui.visit.visit_page import VisitPageWidget

from .conftest import VisitData, give_consent

MakePage = Callable[..., VisitPageWidget]


def _start(qtbot: QtBot, page: VisitPageWidget) -> None:
    with qtbot.waitSignal(page.recorder.recording_started, timeout=5_000):
        page.bar.record_button.click()


def _stop(qtbot: QtBot, page: VisitPageWidget) -> None:
    with qtbot.waitSignal(page.transcript_shown, timeout=5_000):
        page.bar.stop_button.click()


def test_missing_consent_blocks_recording(qtbot: QtBot, data: VisitData, source: ManualSource,
                                          make_page: MakePage) -> None:
    page = make_page(source)
    page.bar.record_button.click()
    assert page.message.isVisible()
    assert page.message.text().startswith("Samtycke till inspelning saknas")
    assert page.recorder.state == "idle"
    assert recording.for_visit(data.ctx, data.visit.id) == []
    dialog = page.consent_dialog
    assert dialog is not None and [r.name for r in dialog.rows] == ["Kim", "Maria"]
    dialog.row("Kim").informed.setChecked(True)
    dialog.row("Kim").agrees.setChecked(True)
    dialog.row("Maria").informed.setChecked(True)
    dialog.row("Maria").refuses.setChecked(True)
    dialog.buttons.accepted.emit()
    assert "Nej till inspelning: Maria" in page.consent_label.text()
    page.bar.record_button.click()
    assert "Någon har sagt nej till inspelning: Maria" in page.message.text()
    assert page.recorder.state == "idle"


def test_partials_grey_finals_black_and_stop_saves_what_is_shown(
        qtbot: QtBot, data: VisitData, source: ManualSource, make_page: MakePage,
        fake_model: FakeModel) -> None:
    give_consent(data)
    data.models.set_model(fake_model, "fake")
    page = make_page(source)
    _start(qtbot, page)
    assert "Spelar in" in page.bar.indicator.text() and page.bar.meter.isVisible()
    for i in range(1, 5):  # b1 b2 b3 become final; b4 stays a partial
        source.push(tone_block(i * 1000))
    qtbot.waitUntil(lambda: page.live.partial_text() == " b4000", timeout=5_000)
    assert page.live.text() == "B1000 b2000 b3000"
    runs = page.live.fragments()
    assert runs == [("B1000 b2000 b3000", FINAL_COLOR.name()), (" b4000", PARTIAL_COLOR.name())]
    qtbot.waitUntil(lambda: page.bar.meter.value() > -60, timeout=2_000)
    _stop(qtbot, page)
    assert "Sparad" in page.bar.indicator.text()
    assert page.live.text() == "B1000 b2000 b3000 b4000"  # stop decoded the tail
    assert page.live.partial_text() == ""
    rec = recording.for_visit(data.ctx, data.visit.id)[-1]
    stored = transcripts.transcript(data.ctx, rec.id)
    assert transcription.draft_text(stored) == page.live.text()
    assert page.transcript.isVisible() and len(page.transcript.words) == 4


def test_dictation_commands_apply_live(qtbot: QtBot, data: VisitData, source: ManualSource,
                                       make_page: MakePage) -> None:
    give_consent(data)
    data.models.set_model(_PhraseModel(["hej kim punkt", "nu ny rad", "fel ångra"]), "phrases")
    page = make_page(source)
    _start(qtbot, page)
    for i in range(3):
        source.push(tone_block(i))
    _stop(qtbot, page)
    assert page.live.text() == "Hej kim. Nu\n"  # "fel ångra" removed its own phrase
    page.live.commands.setChecked(False)
    assert page.live.text() == "Hej kim punkt nu ny rad fel ångra"
    assert page.note_text() == "Hej kim punkt nu ny rad fel ångra"


def test_f9_toggles_and_pause_resume(qtbot: QtBot, data: VisitData, source: ManualSource,
                                     make_page: MakePage, fake_model: FakeModel) -> None:
    give_consent(data)
    data.models.set_model(fake_model, "fake")
    page = make_page(source)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    with qtbot.waitSignal(page.recorder.recording_started, timeout=5_000):
        QTest.keyClick(page, Qt.Key.Key_F9)
    source.push(tone_block(1))
    with qtbot.waitSignal(page.recorder.pause_confirmed, timeout=5_000):
        page.bar.pause_button.click()
    assert page.recorder.state == "paused" and "Pausad" in page.bar.indicator.text()
    assert page.bar.pause_button.text() == "Fortsätt"
    source.push(tone_block(99))  # not recorded while paused
    with qtbot.waitSignal(page.recorder.resume_confirmed, timeout=5_000):
        page.bar.pause_button.click()
    assert page.recorder.state == "recording"
    source.push(tone_block(2))
    with qtbot.waitSignal(page.transcript_shown, timeout=5_000):
        QTest.keyClick(page, Qt.Key.Key_F9)
    assert page.recorder.state == "saved"
    assert page.live.text() == "B1 b2"  # the pause finished the first phrase
    assert "b99" not in page.live.text()


def test_without_model_audio_is_kept_and_transcribed_later(
        qtbot: QtBot, data: VisitData, source: ManualSource, make_page: MakePage,
        fake_model: FakeModel) -> None:
    give_consent(data)
    page = make_page(source)
    assert data.models.state == "missing"
    _start(qtbot, page)
    assert page.message.text() == ("Ingen talmodell är installerad – ljudet sparas och skrivs ut "
                                   "när en modell finns")
    for i in range(1, 11):
        source.push(tone_block(i))
    _stop(qtbot, page)
    waiting = recording.awaiting_transcription(data.ctx)
    assert [r.visit_id for r in waiting] == [data.visit.id]
    assert page.live.text() == ""
    offers = StartupOffers(data.session, data.models, page)
    offers.waiting_transcribed.connect(lambda _done: page.reload())
    data.models.set_model(fake_model, "fake")  # a model arrives
    assert offers.question is not None and "1 inspelning som väntar" in offers.question.text()
    with qtbot.waitSignal(page.transcript_shown, timeout=5_000):
        offers.question.button(offers.question.StandardButton.Yes).click()
    assert recording.awaiting_transcription(data.ctx) == []
    stored = transcripts.transcript(data.ctx, waiting[0].id)
    assert stored and page.live.text() == transcription.draft_text(stored)
    assert not page.message.isVisible()


class _NoMicrophone(ManualSource):
    def start(self, callback: object) -> None:
        raise NoInputDevice("no default input device")


def test_no_microphone_shows_the_swedish_message(qtbot: QtBot, data: VisitData,
                                                 make_page: MakePage) -> None:
    give_consent(data)
    page = make_page(_NoMicrophone())
    with qtbot.waitSignal(page.recorder.recording_failed, timeout=5_000):
        page.bar.record_button.click()
    assert page.message.text().startswith("Ingen mikrofon hittades")
    assert page.recorder.state == "idle" and page.bar.record_button.isEnabled()


class _PhraseRecognizer:
    """Each block finishes the next scripted phrase."""

    def __init__(self, phrases: list[str]) -> None:
        self.phrases = list(phrases)

    def accept(self, pcm: bytes) -> Final:
        text = self.phrases.pop(0) if self.phrases else ""
        return Final(text, tuple(Word(w, 0.0, 0.1, 1.0) for w in text.split()))

    def finish(self) -> Final | None:
        return None


class _PhraseModel(FakeModel):
    """Says the given phrases, one per audio block (a file is transcribed the same way)."""

    def __init__(self, phrases: list[str]) -> None:
        super().__init__()
        self.phrases = phrases

    def recognizer(self, sample_rate: int, *, partials: bool = True) -> _PhraseRecognizer:
        return _PhraseRecognizer(self.phrases)




class _DiskFillsAfter(EncryptedAudioWriter):
    """The real audio file, on a disk that fills after ``records`` records."""

    records = 3

    def _durable_write(self, data: bytes) -> None:
        if self._good_size and _DiskFillsAfter.records <= 0:
            raise OSError(errno.ENOSPC, "No space left on device")
        _DiskFillsAfter.records -= 1
        super()._durable_write(data)


def test_low_space_is_warned_and_a_full_disk_stops_the_recording_with_its_audio_kept(
        qtbot: QtBot, data: VisitData, source: ManualSource, make_page: MakePage,
        monkeypatch: pytest.MonkeyPatch) -> None:
    give_consent(data)
    monkeypatch.setattr(diskspace, "recording_room",
                        lambda folder: diskspace.RecordingRoom(10**8, 42))
    monkeypatch.setattr(recording, "EncryptedAudioWriter", _DiskFillsAfter)
    page = make_page(source)
    _start(qtbot, page)
    assert "ungefär 42 minuters inspelning" in page.message.text()
    with qtbot.waitSignal(page.recorder.recording_stopped, timeout=5_000):
        for i in range(1, 41):  # 4 s; the disk is full after the header and 2 s
            source.push(tone_block(i))
    assert page.recorder.state == "saved"
    assert page.message.text().startswith("Disken blev full, så inspelningen stoppades")
    saved = recording.for_visit(data.ctx, data.visit.id)
    assert [(r.state, r.duration_s) for r in saved] == [("complete", 2.0)]
    assert recording.read_audio(data.ctx, saved[0].id) == b"".join(
        tone_block(i) for i in range(1, 21))
