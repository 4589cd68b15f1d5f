"""Take the documentation screenshots on a throwaway data folder filled with invented data.

    python3 scripts/screenshots.py [--lang en]   # starts its own Xvfb when DISPLAY is unset

At the size of the most common caseworker laptop: a 1366×768 screen, the window 1366×728 (the
rest is the taskbar). Writes docs/main-window.png, docs/note-editor.png, docs/persons.png,
docs/new-case.png and docs/settings.png (with ``--lang en``: the same names in docs/en/). All
names and numbers are invented; 20121212-1212 is the classic test personnummer.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DOCS = ROOT / "docs"
PASSWORD = "skärmbild-lösen-1"


def _start_xvfb() -> subprocess.Popen[bytes] | None:
    if os.environ.get("DISPLAY") or not shutil.which("Xvfb"):
        return None
    display = ":99"
    proc = subprocess.Popen(["Xvfb", display, "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 10
    while not Path("/tmp/.X11-unix/X99").exists() and time.monotonic() < deadline:
        time.sleep(0.05)  # a separate process; nothing to wait on but its socket
    os.environ["DISPLAY"] = display
    return proc


def _fill(data: Path) -> tuple[object, str, str]:
    from app import accounts, cases, notes, visits
    from app.dto import PersonInput
    from app.keys import FAST_TEST_KDF
    from app.paths import DataPaths

    ctx = accounts.initialise(DataPaths(data), "kim", "Kim Testsson", PASSWORD, kdf=FAST_TEST_KDF)
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    at = [now - timedelta(days=9, hours=3)]
    ctx.clock = lambda: at[0]
    case = cases.create_case(ctx, "2026-0142", "Utredning Robin Provsson (11 år)", [
        PersonInput("child", "Robin Provsson", "20121212-1212"),
        PersonInput("guardian", "Alex Provsson"),
        PersonInput("guardian", "Sam Provsson"),
    ])
    cases.create_case(ctx, "2026-0139", "Bistånd Lo Exempelsdotter",
                      [PersonInput("child", "Lo Exempelsdotter")])
    cases.create_case(ctx, "2026-0121", "Uppföljning familjen Påhittad",
                      [PersonInput("guardian", "Eli Påhittad")])
    visits.create_visit(ctx, case.id, "hembesok", planned_start=now - timedelta(days=8),
                        persons=[p.id for p in case.persons[:2]], with_child=True)
    first = notes.create_draft(
        ctx, case.id, "Inledande samtal på kontoret med vårdnadshavarna om utredningens syfte "
        "och hur den går till. Båda vårdnadshavarna informerades om att Robin kommer att "
        "erbjudas ett eget samtal.", section="", event_time=now - timedelta(days=9, hours=4))
    notes.sign(ctx, first.id)
    at[0] = now - timedelta(days=7, hours=5)
    home = notes.create_draft(
        ctx, case.id, "Hembesök. Robin visade sitt rum och berättade om skolan och fotbollen. "
        "Robin säger att det är lugnt hemma på vardagarna.",
        section="Barnets utveckling – Utbildning",
        child_voice="Robin vill fortsätta i samma skola och träna fotboll två gånger i veckan.",
        event_time=now - timedelta(days=8, hours=2))
    notes.sign(ctx, home.id)
    at[0] = now - timedelta(days=6, hours=2)
    notes.correct(ctx, home.id, "Hembesök. Robin visade sitt rum och berättade om skolan och "
                  "handbollen. Robin säger att det är lugnt hemma på vardagarna.",
                  reason="Fel sport angiven; Robin spelar handboll.")
    at[0] = now - timedelta(hours=1)
    draft = notes.create_draft(
        ctx, case.id, "Samtal i skolan med mentor. Mentorn beskriver Robin som omtyckt i "
        "klassen men ofta trött på måndagar.", section="Föräldrarnas förmåga – Stabilitet",
        child_voice="Robin vill att mentorn ska vara med på nästa möte.",
        event_time=now - timedelta(hours=3))
    ctx.clock = lambda: datetime.now(UTC)
    return ctx, case.id, draft.id


def _wait(app: object, condition: Callable[[], bool], timeout: float = 10.0) -> None:
    from PySide6.QtCore import QDeadlineTimer, QEventLoop

    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not get ready")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, QDeadlineTimer(50))  # type: ignore[attr-defined]


WINDOW = (1366, 728)  # a 1366×768 laptop less its taskbar


def main() -> int:
    lang = "en" if "--lang" in sys.argv and sys.argv[-1] == "en" else "sv"
    xvfb = _start_xvfb()
    os.environ.setdefault("QT_QPA_PLATFORM", "xcb" if os.environ.get("DISPLAY") else "offscreen")
    try:
        with tempfile.TemporaryDirectory(prefix="samskriv-shots-") as tmp:
            os.environ["SAMSKRIV_CACHE_DIR"] = str(Path(tmp) / "cache")
            return _shoot(Path(tmp) / "data", lang)
    finally:
        if xvfb is not None:
            xvfb.terminate()
            xvfb.wait(10)


def _shoot(data: Path, lang: str) -> int:
    from PySide6.QtWidgets import QApplication

    from app.context import Context
    from app.paths import DataPaths
    from ui.app import BASE_FONT_PT, AppController
    from ui.session import UiSession

    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    font = app.font()
    font.setPointSizeF(max(font.pointSizeF(), BASE_FONT_PT))
    app.setFont(font)
    ctx, case_id, draft_id = _fill(data)
    assert isinstance(ctx, Context)
    controller = AppController(DataPaths(data), lang)
    controller.translations.apply(lang)
    controller.session = UiSession(ctx, controller.tasks)
    window = controller.show_main_window()
    window.resize(*WINDOW)
    window.case_list.refresh(select_id=case_id)
    _wait(app, lambda: window.case_view.case is not None and len(window.case_view.journal.cards) == 3)
    out = DOCS if lang == "sv" else DOCS / lang
    out.mkdir(parents=True, exist_ok=True)
    window.case_view.journal.verticalScrollBar().setValue(0)
    _wait(app, lambda: True, 0)
    app.processEvents()
    window.grab().save(str(out / "main-window.png"))
    window.case_view.tabs.setCurrentWidget(window.case_view.persons)
    _settle(app)
    window.grab().save(str(out / "persons.png"))
    window.case_view.tabs.setCurrentIndex(0)
    for name, dialog in (("new-case", window.open_new_case_dialog()),
                         ("settings", window.open_settings_dialog())):
        _settle(app)
        dialog.grab().save(str(out / f"{name}.png"))
        dialog.close()
    editor = window.case_view.open_note_editor(draft_id)
    assert editor is not None
    _wait(app, lambda: editor.isVisible())
    app.processEvents()
    window.grab().save(str(out / "note-editor.png"))
    controller.shutdown()
    window.close()
    print(f"wrote the screenshots in {out}")
    return 0


def _settle(app: object) -> None:
    for _ in range(5):
        _wait(app, lambda: True, 0)
        app.processEvents()  # type: ignore[attr-defined]


if __name__ == "__main__":
    raise SystemExit(main())
