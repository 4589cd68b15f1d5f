"""A stop with a long backlog: the page shows how far the tail has come, and the caseworker can
leave it saving in the background while the window stays usable."""

from __future__ import annotations

import threading

from pytestqt.qtbot import QtBot

from app import recording, transcripts
from app.context import Context
from speech.engine import Recognizer
from speech.values import Final, Partial
from tests.support.audio import FakeModel, FakeRecognizer, ManualSource, tone_block
from ui.main_window import MainWindow
from ui.visit import install
from ui.visit.visit_page import VisitPageWidget

from .conftest import VisitData, give_consent


class _GatedRecognizer(FakeRecognizer):
    """Decodes a block only when the test lets one through: a machine too slow for the audio."""

    def __init__(self, sample_rate: int, gate: threading.Semaphore) -> None:
        super().__init__(sample_rate)
        self.gate = gate

    def accept(self, pcm: bytes) -> Partial | Final | None:
        self.gate.acquire(timeout=30)
        return super().accept(pcm)


class _GatedModel(FakeModel):
    def __init__(self) -> None:
        super().__init__()
        self.gate = threading.Semaphore(0)

    def recognizer(self, sample_rate: int, *, partials: bool = True) -> Recognizer:
        return _GatedRecognizer(sample_rate, self.gate)

    def open(self) -> None:
        self.gate.release(1000)


def test_a_long_tail_shows_progress_and_can_be_left(qtbot: QtBot, data: VisitData,
                                                   source: ManualSource) -> None:
    give_consent(data)
    model = _GatedModel()
    data.models.set_model(model, "gated")
    page = VisitPageWidget(data.session, data.visit.id, data.models,
                           source_factory=lambda: source)
    qtbot.addWidget(page)
    page.show()
    try:
        with qtbot.waitSignal(page.recorder.recording_started, timeout=5_000):
            page.bar.record_button.click()
        for i in range(60):  # six seconds of audio, none of it decoded yet
            source.push(tone_block(i))
        page.recorder.stop()
        assert page.recorder.state == "stopping"
        assert page.back_button.isEnabled()  # the caseworker is not locked in
        model.gate.release(10)  # one second of the six decoded: the page says what is left
        qtbot.waitUntil(page.tail_bar.isVisible, timeout=10_000)
        qtbot.waitUntil(lambda: page.tail_bar.value() == 1, timeout=5_000)
        assert page.tail_bar.maximum() == 6
        assert "5 sekunder kvar" in page.tail_label.text()
        with qtbot.waitSignal(page.recorder.recording_stopped, timeout=10_000):
            model.open()
        assert not page.tail_bar.isVisible()
    finally:
        model.open()
        page.shutdown()


def test_leaving_while_saving_keeps_the_recording_going(qtbot: QtBot, window: MainWindow,
                                                       ) -> None:
    ctx: Context = window.session.ctx
    from app import cases, visits
    from app.dto import PersonInput

    case = cases.create_case(ctx, "2026-0600", "Utredning", [PersonInput("child", "Kim")])
    visit = visits.create_visit(ctx, case.id, "hembesok", persons=[case.persons[0].id])
    visits.record_consent(ctx, visit.id, informed=["Kim"], agreed=["Kim"])
    source = ManualSource()
    extension = install(window)
    extension.source_factory = lambda: source
    model = _GatedModel()
    extension.models.set_model(model, "gated")
    with qtbot.waitSignal(window.case_view.case_loaded, timeout=5_000):
        window.case_list.refresh(select_id=case.id)
    page = extension.open_visit(visit.id)
    try:
        with qtbot.waitSignal(page.recorder.recording_started, timeout=5_000):
            page.bar.record_button.click()
        for i in range(30):
            source.push(tone_block(i))
        page.recorder.stop()
        page.back_button.click()
        assert not window.case_view.is_showing(page)  # back at the case, window usable
        assert window.case_view.new_note_button.isEnabled()
        assert "bakgrunden" in window.statusBar().currentMessage()
        model.open()
        qtbot.waitUntil(lambda: "sparad" in window.statusBar().currentMessage(), timeout=10_000)
        rec = recording.for_visit(ctx, visit.id)[-1]
        assert rec.state == "complete"
        assert transcripts.transcript(ctx, rec.id)  # every decoded word was kept
    finally:
        model.open()
        extension.shutdown()
