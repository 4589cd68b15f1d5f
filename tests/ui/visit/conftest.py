"""Fixtures for the visit view tests: a real encrypted store, an inline task manager, a fake or
hand-driven audio source, the fake recognizer and the real ko model (the guards against
threads and Qt warnings left behind are shared: tests/ui/conftest.py)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator  # noqa: E402
from dataclasses import dataclass  # noqa: E402

import pytest  # noqa: E402
from pytestqt.qtbot import QtBot  # noqa: E402

from app import cases, visits  # noqa: E402
from app.context import Context  # noqa: E402
from app.dto import PersonInput, VisitInfo  # noqa: E402
from speech.audio import AudioSource  # noqa: E402
from tests.support.audio import FakeModel, ManualSource  # noqa: E402
from tests.support.vosk_models import ko_model, ko_model_dir  # noqa: E402, F401
from tests.ui.conftest import CASEWORKER_PASSWORD
from ui.session import UiSession  # noqa: E402
from ui.tasks import TaskManager  # noqa: E402
from ui.visit.model_holder import SpeechModelHolder  # noqa: E402
from ui.visit.visit_page import VisitPageWidget  # noqa: E402

PASSWORD = CASEWORKER_PASSWORD  # the shared ctx fixture's (tests/ui/conftest.py)


class FakePlayer:
    """Remembers what it was asked to play; ``fail`` makes it behave like a missing speaker."""

    def __init__(self, fail: Exception | None = None) -> None:
        self.played: list[bytes] = []
        self.stops = 0
        self.fail = fail

    def play(self, pcm: bytes) -> None:
        if self.fail is not None:
            raise self.fail
        self.played.append(pcm)

    def stop(self) -> None:
        self.stops += 1


@dataclass
class VisitData:
    ctx: Context
    session: UiSession
    visit: VisitInfo
    models: SpeechModelHolder




@pytest.fixture
def data(ctx: Context, tasks: TaskManager) -> Iterator[VisitData]:
    case = cases.create_case(ctx, "IFO-2026-0042", "Kim Testsson", [
        PersonInput("child", "Kim"), PersonInput("guardian", "Maria")])
    visit = visits.create_visit(ctx, case.id, "hembesok", persons=[p.id for p in case.persons],
                                with_child=True)
    session = UiSession(ctx, tasks)
    models = SpeechModelHolder(session)
    yield VisitData(ctx, session, visit, models)
    models.deleteLater()


def give_consent(data: VisitData) -> None:
    visits.record_consent(data.ctx, data.visit.id, informed=["Kim", "Maria"],
                          agreed=["Kim", "Maria"])


@pytest.fixture
def source() -> ManualSource:
    return ManualSource()


@pytest.fixture
def make_page(qtbot: QtBot, data: VisitData) -> Iterator[Callable[..., VisitPageWidget]]:
    made: list[VisitPageWidget] = []

    def make(source: AudioSource | None = None, **kwargs: object) -> VisitPageWidget:
        factory = (lambda: source) if source is not None else kwargs.pop("source_factory")
        page = VisitPageWidget(data.session, data.visit.id, data.models,
                               source_factory=factory, **kwargs)  # type: ignore[arg-type]
        qtbot.addWidget(page)
        page.resize(900, 700)
        page.show()
        made.append(page)
        return page

    yield make
    for page in made:
        page.shutdown()


@pytest.fixture
def fake_model() -> FakeModel:
    return FakeModel(final_every=3)
