"""Take docs/statistics.png: the statistics view at 1366×768 on invented data.

    python3 scripts/stats_screenshot.py       # starts its own Xvfb when DISPLAY is unset

The data is the statistics benchmark's (bench/stats.py): invented caseworkers, visits, notes
and reviews over a year; the view shows its last twelve weeks.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from screenshots import _start_xvfb  # noqa: E402 - one virtual screen for every shot

DOCS = ROOT / "docs"

if TYPE_CHECKING:
    from ui.tasks import TaskManager


def _settle(app: object, tasks: TaskManager, seconds: float = 30.0) -> None:
    from PySide6.QtCore import QDeadlineTimer, QEventLoop

    deadline = time.monotonic() + seconds
    while tasks.busy and time.monotonic() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents,  # type: ignore[attr-defined]
                          QDeadlineTimer(50))
    for _ in range(5):
        app.processEvents()  # type: ignore[attr-defined]


def main() -> int:
    xvfb = _start_xvfb()
    try:
        with tempfile.TemporaryDirectory(prefix="samskriv-stats-shot-") as tmp:
            return _shoot(Path(tmp) / "data")
    finally:
        if xvfb is not None:
            xvfb.terminate()


def _shoot(data: Path) -> int:
    from PySide6.QtWidgets import QApplication

    from app import accounts
    from app.keys import FAST_TEST_KDF
    from app.paths import DataPaths
    from bench.stats import FIRST_MONDAY, PASSWORD, fill
    from ui.i18n import Translations
    from ui.session import UiSession
    from ui.supervision.dates import to_qdate
    from ui.supervision.stats_view import StatsDialog
    from ui.tasks import TaskManager

    os.environ.setdefault("QT_QPA_PLATFORM", "xcb")
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    translations = Translations()
    translations.apply(os.environ.get("SAMSKRIV_SHOT_LANG", "sv"))
    ctx = accounts.initialise(DataPaths(data), "chef", "Sune Enhetschef", PASSWORD,
                              kdf=FAST_TEST_KDF)
    tasks = TaskManager()
    try:
        fill(ctx, 5, 52, random.Random(7))
        last = FIRST_MONDAY + timedelta(weeks=52, days=-1)
        dialog = StatsDialog(UiSession(ctx, tasks))
        dialog.first.setDate(to_qdate(last - timedelta(weeks=12, days=-1)))
        dialog.last.setDate(to_qdate(last))
        dialog.resize(1300, 700)
        dialog.show()
        dialog.refresh()
        _settle(app, tasks)
        DOCS.mkdir(exist_ok=True)
        dialog.grab().save(str(DOCS / "statistics.png"))
        dialog.tabs.setCurrentIndex(1)
        _settle(app, tasks)
        dialog.grab().save(str(DOCS / "statistics-table.png"))
        dialog.close()
    finally:
        tasks.shutdown()
        ctx.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
