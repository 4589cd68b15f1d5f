"""Make docs/export-pdf-page.png: page 1 of a PDF/A export of an invented journal (a correction,
a review with a hidden passage and own words), rendered by pdftoppm (poppler-utils).

Usage: python3 scripts/export_screenshot.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app import accounts, export  # noqa: E402
from app.keys import FAST_TEST_KDF  # noqa: E402
from app.paths import DataPaths  # noqa: E402
from tests.support.journal_data import make_journal  # noqa: E402
from tests.support.store import FixedClock  # noqa: E402


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        ctx = accounts.initialise(DataPaths(Path(tmp) / "data"), "cecilia",
                                  "Cecilia Handläggare", "skärmbild-lösen-1", kdf=FAST_TEST_KDF)
        clock = FixedClock()
        ctx.clock = clock
        try:
            journal = make_journal(ctx, clock)
            pdf = Path(tmp) / "journal.pdf"
            export.export_journal(ctx, export.ExportRequest("pdf", case_id=journal.case.id), pdf)
        finally:
            ctx.close()
        stem = Path(tmp) / "page"
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile",
                        str(pdf), str(stem)], check=True)
        target = ROOT / "docs" / "export-pdf-page.png"
        target.write_bytes(stem.with_suffix(".png").read_bytes())
        print(target)


if __name__ == "__main__":
    main()
