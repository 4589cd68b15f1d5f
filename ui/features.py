"""The feature packages of the main window, wired explicitly (no dynamic loading).

The composition root (``ui.app``) calls ``install_features`` once per main window; the window is
rebuilt when the language changes, so this runs again then.
"""

from __future__ import annotations

import ui.review
import ui.visit
from ui.main_window import MainWindow


def install_features(window: MainWindow) -> None:
    """Visits (recording, live transcript, model manager) first: the review kiosk's dictated
    comments come from the speech model the visit package holds."""
    # At merge, with the review helper's ``install(window, *, dictation=...)``, this becomes
    #     visit = ui.visit.install(window)
    #     ui.review.install(window, dictation=visit.review_dictation)
    # and ui.visit.install stops registering visit.review_dictation itself.
    ui.visit.install(window)
    ui.review.install(window)
