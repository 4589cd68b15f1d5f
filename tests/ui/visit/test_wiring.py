"""Typed wiring of the visit package: ``install`` returns the extension whose
``review_dictation`` feeds the review kiosk, and ui/visit reaches speech only through
``speech.values`` and ``speech.errors`` (never models or SQLAlchemy)."""

from __future__ import annotations

import ast
from pathlib import Path

from pytestqt.qtbot import QtBot

import ui.visit
from tests.support.audio import FakeModel, ManualSource, tone_block
from ui.main_window import MainWindow
from ui.visit import VisitExtension
from ui.visit.review_dictation import VoskDictationProvider

from .conftest import VisitData

ALLOWED_SPEECH = {"speech.values", "speech.errors"}


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names
                         if node.module == "speech")
    return names


def test_ui_visit_imports_only_speech_values_and_errors() -> None:
    package = Path(ui.visit.__file__).parent
    for path in sorted(package.glob("*.py")):
        for name in _imports(path):
            top = name.split(".")[0]
            assert top not in ("models", "sqlalchemy"), f"{path.name} imports {name}"
            if top == "speech":
                assert name in ALLOWED_SPEECH, f"{path.name} imports {name}"


def test_install_returns_the_extension_and_its_review_dictation(window: MainWindow) -> None:
    extension = VisitExtension.of(window)
    assert isinstance(extension, VisitExtension) and extension.window is window
    extension.models.set_model(None)
    assert extension.review_dictation() is None  # no model: the kiosk offers typing only
    extension.models.set_model(FakeModel(), "fake")
    provider = extension.review_dictation()
    assert isinstance(provider, VoskDictationProvider)
    provider.deleteLater()
    # The production wiring hands this bound method to the review package.
    assert window.case_view.review_dictation == extension.review_dictation


def test_kiosk_dictation_relays_the_session_through_the_real_callback(
        qtbot: QtBot, data: VisitData) -> None:
    data.models.set_model(FakeModel(final_every=2), "fake")
    source = ManualSource()
    provider = VoskDictationProvider(data.models, lambda: source)
    texts: list[str] = []
    partials: list[str] = []
    provider.text_recognized.connect(texts.append)
    provider.partial_text_changed.connect(partials.append)
    with qtbot.waitSignal(provider.dictation_started, timeout=5_000):
        provider.start()
    assert provider.listening
    for i in (1, 2, 3):
        source.push(tone_block(i))
    with qtbot.waitSignal(provider.dictation_stopped, timeout=5_000):
        provider.stop()
    assert texts == ["b1 b2", "b3"] and "b1" in partials
    assert not provider.listening
    provider.deleteLater()


def test_kiosk_dictation_shutdown_joins_the_thread(qtbot: QtBot, data: VisitData) -> None:
    data.models.set_model(FakeModel(), "fake")
    source = ManualSource()
    provider = VoskDictationProvider(data.models, lambda: source)
    with qtbot.waitSignal(provider.dictation_started, timeout=5_000):
        provider.start()
    provider.shutdown()  # closing the kiosk mid-sentence
    assert not provider.listening and source.stopped
    provider.deleteLater()
