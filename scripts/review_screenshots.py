"""Screenshots of the review kiosk (adult and child variants) with invented data.

Run under a virtual X server, for example::

    Xvfb :98 -screen 0 1280x800x24 &
    DISPLAY=:98 QT_QPA_PLATFORM=xcb python3 scripts/review_screenshots.py

Writes ``docs/review-adult.png`` and ``docs/review-child.png``. Emoji on the child buttons need
a colour emoji font (Debian: fonts-noto-color-emoji).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app import accounts, cases, keys, notes, review  # noqa: E402
from app.dto import PersonInput  # noqa: E402
from app.review import PresentPerson  # noqa: E402
from ui.review.kiosk_window import ReviewKioskWindow  # noqa: E402
from ui.review.speech import Speaker  # noqa: E402
from ui.tasks import TaskManager  # noqa: E402

PASSWORD = "skarmbild-123"
BODY = (
    "Hembesök hos familjen Testsson i lägenheten på Storgatan. Kim, 9 år, visade sitt rum "
    "och berättade om skolan och om kompisarna i klassen.\n\n"
    "Maria Testsson berättade att morgnarna har blivit lugnare sedan förra besöket. Kim går "
    "till skolan själv tillsammans med en granne och kommer i tid de flesta dagar.\n\n"
    "Vi pratade om fritiden. Kim spelar fotboll två gånger i veckan och vill gärna börja på "
    "simskola till hösten.\n\n"
    "Nästa besök bokades till den 14 maj klockan 15."
)
CHILD_VOICE = "Kim säger att det bästa med veckan är fotbollen och att det är roligt i skolan."


def settle(app: QApplication, ms: int = 400) -> None:
    # One event loop run, not a processEvents() loop: PySide6 6.12 on Python 3.11 drops a
    # reference to None on every call of a void method, and a busy loop runs None out.
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def shoot(app: QApplication, kiosk: ReviewKioskWindow, path: Path) -> None:
    settle(app)
    kiosk.grab().save(str(path))
    print("wrote", path)


def main() -> None:
    app = QApplication(sys.argv)
    docs = ROOT / "docs"
    docs.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        ctx = accounts.initialise(accounts.DataPaths(Path(tmp)), "anna", "Anna Handläggare",
                                  PASSWORD, kdf=keys.FAST_TEST_KDF)
        case = cases.create_case(ctx, "IFO-0000-TEST", "Kim Testsson", [
            PersonInput("child", "Kim Testsson"), PersonInput("guardian", "Maria Testsson")])
        note = notes.create_draft(ctx, case.id, BODY, child_voice=CHILD_VOICE)
        tasks = TaskManager(inline=True)
        speaker = Speaker()

        adult = review.start(ctx, note.id, audience="guardian",
                             present=[PresentPerson("Maria Testsson", "guardian")],
                             shown={0, 1, 2, 3})
        kiosk = ReviewKioskWindow(ctx, adult, tasks, speaker=speaker, font_pt=30)
        kiosk.start()
        kiosk.page.agree_button.click()
        kiosk.page.next_button.click()
        kiosk.page.own_words_edit.setPlainText(
            "Det stämmer nästan, men Kim går själv bara på tisdagar och torsdagar.")
        kiosk.page.disagree_button.click()
        shoot(app, kiosk, docs / "review-adult.png")
        close(app, kiosk)

        child = review.start(ctx, note.id, audience="child",
                             present=[PresentPerson("Kim Testsson", "child")],
                             shown={0, 2, 4}, variant="child")
        kiosk = ReviewKioskWindow(ctx, child, tasks, speaker=speaker, font_pt=30)
        kiosk.start()
        kiosk.page.next_button.click()
        kiosk.page.agree_button.click()
        kiosk.page.set_speaking(True)
        text = kiosk.page.current_text
        kiosk.page.highlight(text.index("spelar"), len("spelar"))  # the word being read aloud
        shoot(app, kiosk, docs / "review-child.png")
        kiosk.page.set_speaking(False)
        close(app, kiosk)
        tasks.shutdown()
        ctx.close()


def close(app: QApplication, kiosk: ReviewKioskWindow) -> None:
    kiosk.exit_button.click()
    kiosk.overlay.secret_edit.setText(PASSWORD)
    kiosk.overlay.unlock_button.click()
    settle(app, 100)
    kiosk.deleteLater()


if __name__ == "__main__":
    main()
