"""The feature packages of the main window, wired explicitly (no dynamic loading).

The composition root (``ui.app.AppController``) calls ``install_features`` once per main window;
the window is rebuilt when the language changes, so this runs again then.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

import ui.review
import ui.supervision
import ui.sync
import ui.visit
from ui.main_window import MainWindow

log = logging.getLogger(__name__)

Feature = Callable[[MainWindow], object]  # what install returns is the feature's own business


def install_visits_then_reviews(window: MainWindow) -> None:
    """The production features. Visits (recording, live transcript, model manager) first: the
    review kiosk's dictated own words come from the speech model the visit package holds."""
    visit = ui.visit.install(window)
    ui.review.install(window, dictation=visit.review_dictation)


FEATURES: tuple[Feature, ...] = (install_visits_then_reviews, ui.supervision.install,
                                 ui.sync.install)


def install_features(window: MainWindow, features: Sequence[Feature] = FEATURES) -> None:
    """Install each feature on ``window``. One that fails is logged (a bug, with its
    traceback) and left out, so a broken feature never keeps the journal from opening."""
    for install in features:
        try:
            install(window)
        except Exception:  # noqa: BLE001 - the journal must open without the feature
            log.exception("feature %s.%s failed to install", install.__module__,
                          getattr(install, "__qualname__", "install"))
