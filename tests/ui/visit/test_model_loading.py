"""Loading the speech model runs on the long-work queue: a case query queued after a model
load that is still busy runs at once, and the load's result still reaches the holder."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app import cases, speech_models
from app.context import Context
from app.dto import CaseSummary
from app.speech_models import LoadedModel
from tests.support.audio import FakeModel
from ui.session import UiSession
from ui.tasks import TaskManager
from ui.visit.model_holder import SpeechModelHolder


@pytest.fixture
def threaded_session(qapp: QApplication, ctx: Context) -> Iterator[UiSession]:
    """Real worker threads: the serial queue and the long-work queue, as in the app."""
    session = UiSession(ctx, TaskManager(), TaskManager())
    yield session
    assert session.long_tasks is not None
    for manager in (session.tasks, session.long_tasks):
        manager.shutdown()
        manager.deleteLater()


def test_a_case_query_does_not_wait_behind_a_model_load(
        qtbot: QtBot, threaded_session: UiSession, monkeypatch: pytest.MonkeyPatch) -> None:
    release, loading = threading.Event(), threading.Event()
    threads: dict[str, threading.Thread] = {}

    def slow_load(_ctx: Context) -> LoadedModel:
        threads["load"] = threading.current_thread()
        loading.set()
        assert release.wait(10), "the test never released the load"
        return LoadedModel("fake", FakeModel())

    monkeypatch.setattr(speech_models, "load_active", slow_load)
    holder = SpeechModelHolder(threaded_session)
    holder.reload()
    assert loading.wait(5) and holder.state == "loading"
    found: list[list[CaseSummary]] = []

    def query(ctx: Context) -> list[CaseSummary]:
        threads["query"] = threading.current_thread()
        return cases.list_cases(ctx)

    threaded_session.tasks.op(query, threaded_session.ctx).success(found.append).run()
    qtbot.waitUntil(lambda: bool(found), timeout=5_000)  # while the load is still blocked
    assert found == [[]] and holder.state == "loading" and not release.is_set()
    assert threads["query"] is not threads["load"]
    with qtbot.waitSignal(holder.model_loaded, timeout=5_000) as loaded:
        release.set()
    assert loaded.args == ["fake"] and holder.ready and holder.model_id == "fake"
    holder.deleteLater()
