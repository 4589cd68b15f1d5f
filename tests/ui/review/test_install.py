"""The shell loads the review package as an extension: note action and settings page."""

from __future__ import annotations

from ui import settings_dialog
from ui.review import ReviewSettingsWidget


def test_install_adds_note_action_and_settings_page(window) -> None:  # type: ignore[no-untyped-def]
    actions = {a.key: a for a in window.note_actions}
    assert actions["review"].label() == "Gå igenom med familjen"
    pages = [f(window.session) for f in settings_dialog._PAGE_FACTORIES]
    review_pages = [p for p in pages if isinstance(p, ReviewSettingsWidget)]
    assert review_pages and review_pages[0].title() == "Genomgång med familjen"
    for page in pages:
        page.widget().deleteLater()
