"""``ui.review.install``: note action, settings page and the dictation factory, wired typed."""

from __future__ import annotations

from typing import Any

import pytest

import ui.review
from app import cases, notes
from app.dto import PersonInput
from tests.ui.review.conftest import FakeDictation
from ui import settings_dialog
from ui.main_window import MainWindow
from ui.review import ReviewSettingsWidget


def test_install_adds_note_action_and_settings_page(window: MainWindow) -> None:
    actions = {a.key: a for a in window.note_actions}
    assert actions["review"].label() == "Gå igenom med familjen"
    pages = [f(window.session) for f in settings_dialog._PAGE_FACTORIES]
    review_pages = [p for p in pages if isinstance(p, ReviewSettingsWidget)]
    assert review_pages and review_pages[0].title() == "Genomgång med familjen"
    for page in pages:
        page.widget().deleteLater()


def test_the_visit_package_offers_its_dictation_to_reviews(window: MainWindow) -> None:
    """The production wiring (ui.features): reviews can dictate with the visit's speech model."""
    assert window.case_view.review_dictation is not None


def test_install_passes_the_dictation_factory_and_idle_lock_to_each_review(
        window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    def factory() -> FakeDictation:
        return FakeDictation()

    started: list[dict[str, Any]] = []
    monkeypatch.setattr(ui.review, "start_review_flow",
                        lambda *args, **kwargs: started.append(kwargs))
    ui.review.install(window, dictation=factory)
    ctx = window.session.ctx
    case = cases.create_case(ctx, "2026-0301", "Kim Testsson", [PersonInput("child", "Kim Testsson")])
    note = notes.create_draft(ctx, case.id, "Text.")
    action = {a.key: a for a in window.note_actions}["review"]
    action.run(window.session, note)
    assert started[0]["dictation_factory"] is factory
    assert started[0]["on_kiosk_shown"] == window.idle_lock.set_inhibited
    assert window.case_view.review_dictation is factory  # for reviews from the note editor
