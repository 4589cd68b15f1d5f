"""Screenshot of the visit page mid-recording, with invented data and a scripted recognizer.

Run under a virtual X server, for example::

    Xvfb :97 -screen 0 1366x768x24 &
    DISPLAY=:97 QT_QPA_PLATFORM=xcb python3 scripts/visit_screenshots.py

Writes ``docs/visit-recording.png``: black finished phrases, a grey unfinished one, the red
recording indicator, elapsed time and the level meter.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app import accounts, cases, keys, visits  # noqa: E402
from app.dto import PersonInput  # noqa: E402
from speech.audio import AudioCallback  # noqa: E402
from speech.values import Final, Partial, Word  # noqa: E402
from ui.session import UiSession  # noqa: E402
from ui.tasks import TaskManager  # noqa: E402
from ui.visit.model_holder import SpeechModelHolder  # noqa: E402
from ui.visit.visit_page import VisitPageWidget  # noqa: E402

SCRIPT: list[str | tuple[str]] = [
    ("hembesök hos familjen testsson i lägenheten på storgatan punkt",),
    ("kim visade sitt rum och berättade om skolan och kompisarna i klassen punkt",),
    ("mamma maria berättade att morgnarna har blivit lugnare sedan förra besöket punkt ny rad",),
    "kim går till skolan själv tillsammans med en",
]


class ScriptedRecognizer:
    """Each block gives the next scripted result: a tuple is a final phrase, a str a partial."""

    def __init__(self) -> None:
        self.items = list(SCRIPT)

    def accept(self, pcm: bytes) -> Partial | Final | None:
        if not self.items:
            return None
        item = self.items.pop(0)
        if isinstance(item, tuple):
            words = tuple(Word(w, 0.0, 0.1, 0.9) for w in item[0].split())
            return Final(item[0], words)
        return Partial(item)

    def finish(self) -> Final | None:
        return None


class ScriptedModel:
    def recognizer(self, sample_rate: int, *, partials: bool = True) -> ScriptedRecognizer:
        return ScriptedRecognizer()


class PushSource:
    def __init__(self) -> None:
        self.sample_rate = 16_000
        self.block_frames = 1600
        self.device_name: str | None = "screenshot"
        self.callback: AudioCallback | None = None

    def start(self, callback: AudioCallback) -> None:
        self.callback = callback

    def stop(self) -> None:
        self.callback = None

    def push(self, amplitude: int) -> None:
        if self.callback is not None:
            pcm = (amplitude.to_bytes(2, "little", signed=True)
                   + (-amplitude).to_bytes(2, "little", signed=True)) * 800
            self.callback(memoryview(pcm), 1600, None, None)


def settle(ms: int = 400) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main() -> None:
    app = QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as tmp:
        from app.paths import DataPaths

        ctx = accounts.initialise(DataPaths(Path(tmp)), "anna", "Anna Handläggare",
                                  "skarmbild-123", kdf=keys.FAST_TEST_KDF)
        case = cases.create_case(ctx, "IFO-2026-0042", "Kim Testsson", [
            PersonInput("child", "Kim Testsson"), PersonInput("guardian", "Maria Testsson")])
        visit = visits.create_visit(ctx, case.id, "hembesok", persons=[p.id for p in case.persons],
                                    with_child=True)
        visits.record_consent(ctx, visit.id, informed=["Kim Testsson", "Maria Testsson"],
                              agreed=["Kim Testsson", "Maria Testsson"])
        tasks = TaskManager(inline=True)
        session = UiSession(ctx, tasks)
        models = SpeechModelHolder(session)
        models.set_model(ScriptedModel(), "vosk-model-small-sv-rhasspy-0.15")
        source = PushSource()
        page = VisitPageWidget(session, visit.id, models, source_factory=lambda: source)
        page.setWindowTitle("Samskriv – Hembesök")
        page.resize(1366, 728)  # a 1366×768 laptop less its taskbar
        page.show()
        page.bar.record_button.click()
        settle(300)
        for amplitude in (2500, 6000, 9000, 7000):
            source.push(amplitude)
            settle(120)
        settle(300)
        page.bar.set_elapsed(12 * 60 + 34)
        path = ROOT / "docs" / "visit-recording.png"
        page.grab().save(str(path))
        print("wrote", path)
        page.shutdown()
        page.close()
        ctx.close()
    app.quit()


if __name__ == "__main__":
    main()
