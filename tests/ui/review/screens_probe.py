"""Run as a program under ``QT_QPA_PLATFORM=offscreen:configfile=<two screens>``: opens a real
review kiosk (Swedish or English) and prints, as JSON, what covers which screen and what text is
cut off. ``test_kiosk_screens`` starts it in a child process (the screens of a Qt process are
fixed when it starts). Usage: python -m tests.ui.review.screens_probe DATA_DIR LANGUAGE
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel

from app import accounts, cases, notes, review
from app.dto import PersonInput
from app.keys import FAST_TEST_KDF
from app.paths import DataPaths
from tests.ui.review.clipping import clipped
from ui.i18n import Translations
from ui.review.kiosk_window import ReviewKioskWindow
from ui.review.speech import NoVoiceSpeaker
from ui.tasks import TaskManager

PASSWORD = "probe-lösenord-1"
BODY = "Första stycket om besöket.\n\nAndra stycket, hemligt för barnet.\n\nTredje stycket."


def _rect(r: QRect) -> list[int]:
    return [r.x(), r.y(), r.width(), r.height()]


def main(data_dir: str, language: str) -> dict[str, object]:
    app = QApplication.instance() or QApplication([])
    translations = Translations()
    translations.apply(language)
    ctx = accounts.initialise(DataPaths(Path(data_dir)), "anna", "Anna Handläggare", PASSWORD,
                              kdf=FAST_TEST_KDF)
    case = cases.create_case(ctx, "2026-0042", "Kim Testsson", [
        PersonInput("child", "Kim Testsson"), PersonInput("guardian", "Maria Testsson")])
    note = notes.create_draft(ctx, case.id, BODY)
    tasks = TaskManager(inline=True)
    speaker = NoVoiceSpeaker()
    # The caseworker's main window, with the whole note, on the second screen.
    main_window = QLabel(BODY)
    screens = QGuiApplication.screens()
    main_window.setGeometry(screens[-1].availableGeometry().adjusted(0, 0, -200, -200))
    main_window.show()
    result: dict[str, object] = {"screens": [[s.name(), *_rect(s.geometry())] for s in screens]}
    persons = [review.PresentPerson("Kim Testsson", "child", case.persons[0].id),
               review.PresentPerson("Maria Testsson", "guardian", case.persons[1].id)]
    for variant, audience in (("adult", "both"), ("child", "child")):
        session = review.start(ctx, note.id, audience=audience, variant=variant,
                               present=persons if audience == "both" else persons[:1])
        kiosk = ReviewKioskWindow(ctx, session, tasks, speaker=speaker)
        kiosk.start()
        app.processEvents()
        if variant == "adult":
            result["kiosk"] = [kiosk.screen().name(), *_rect(kiosk.geometry()),
                               kiosk.isVisible(), kiosk.isFullScreen()]
            result["covers"] = [[c.screen().name(), *_rect(c.geometry()), c.isVisible(),
                                 c.isFullScreen(), BODY.splitlines()[0] in c.label.text()]
                                for c in kiosk.covers.covers]
        kiosk.page.agree_button.click()  # "both": the kiosk asks who answered
        for _ in range(3):
            app.processEvents()
        result[f"clipped_page_{variant}"] = clipped(kiosk)
        for _ in session.passages:
            kiosk.page.next_button.click()
        for _ in range(3):
            app.processEvents()
        result[f"clipped_summary_{variant}"] = clipped(kiosk)
        kiosk.exit_button.click()
        for _ in range(3):  # the layout settles on posted events
            app.processEvents()
        result[f"clipped_unlock_{variant}"] = clipped(kiosk.overlay)
        kiosk.overlay.secret_edit.setText(PASSWORD)
        kiosk.overlay.unlock_button.click()
        app.processEvents()
        result[f"unlocked_{variant}"] = kiosk.unlocked
    result["covers_after"] = len([w for w in QApplication.topLevelWidgets()
                                  if w.objectName() == "reviewScreenCover" and w.isVisible()])
    tasks.shutdown()
    ctx.close()
    return result


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1], sys.argv[2])))
