"""Benchmark journal export: one case of 1,000 notes (every fifth corrected, every tenth reviewed
with the family, own words included) to PDF/A and DOCX through the real use case.

Usage: python3 bench/export.py [--notes N] [--keep DIR]. Prints JSON on the last line:
``pdf_1000_s``, ``docx_1000_s`` (read + render + atomic write + audit) and ``pdf_pages``. The
store is filled through the real use cases first (not timed). With ``--keep`` the PDF and DOCX
stay in DIR (``docs/`` takes its screenshot page from such a run).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pypdf import PdfReader  # noqa: E402

from app import accounts, cases, export, notes, review  # noqa: E402
from app.context import Context  # noqa: E402
from app.dto import PersonInput  # noqa: E402
from app.keys import FAST_TEST_KDF  # noqa: E402
from app.paths import DataPaths  # noqa: E402
from bench import _text  # noqa: E402

START = datetime(2025, 1, 7, 8, 0, tzinfo=UTC)


class _Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now


def fill(ctx: Context, clock: _Clock, n: int, rng: random.Random) -> str:
    fam = _text.family(rng)
    case = cases.create_case(ctx, "BENCH-0001", f"Utredning {fam.surname}", [
        PersonInput("child", f"{fam.child} {fam.surname}", "20150412-2381"),
        PersonInput("guardian", f"{fam.adult} {fam.surname}")])
    for i in range(n):
        clock.now += timedelta(hours=7)
        section, body, voice = _text.note_text(fam, rng)
        note = notes.create_draft(ctx, case.id, body, section=section, child_voice=voice)
        notes.sign(ctx, note.id)
        if i % 5 == 0:
            clock.now += timedelta(minutes=40)
            notes.correct(ctx, note.id, _text.corrected(body, rng), reason="Fel uppgift.")
        if i % 10 == 0:
            session = review.start(ctx, note.id, audience="guardian",
                                   present=[review.PresentPerson(fam.adult, "guardian")],
                                   shown=None)
            for p in session.passages[:3]:
                agrees = rng.random() < 0.8
                review.record_outcome(ctx, session.review_id, p.index,
                                      "agrees" if agrees else "disagrees",
                                      "" if agrees else "Så sa jag inte, det var i fredags 😊")
            review.complete(ctx, session.review_id)
    return case.id


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--notes", type=int, default=1000)
    parser.add_argument("--keep", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        ctx = accounts.initialise(DataPaths(root / "data"), "bench", "Bänk Handläggare",
                                  "benchmark-lösenord", kdf=FAST_TEST_KDF)
        clock = _Clock()
        ctx.clock = clock
        try:
            t0 = time.perf_counter()
            case_id = fill(ctx, clock, args.notes, random.Random(12))
            fill_s = time.perf_counter() - t0
            out = args.keep or root
            out.mkdir(parents=True, exist_ok=True)
            timings = {}
            for fmt in ("pdf", "docx"):
                target = out / f"bench-journal.{fmt}"
                t0 = time.perf_counter()
                result = export.export_journal(ctx, export.ExportRequest(fmt, case_id=case_id),
                                               target)
                timings[fmt] = round(time.perf_counter() - t0, 3)
                print(f"{fmt}: {result.notes} notes, {result.size / 1e6:.1f} MB, "
                      f"{timings[fmt]} s", file=sys.stderr)
            pages = len(PdfReader(out / "bench-journal.pdf").pages)
        finally:
            ctx.close()
    print(json.dumps({"notes": args.notes, "fill_s": round(fill_s, 1),
                      f"pdf_{args.notes}_s": timings["pdf"],
                      f"docx_{args.notes}_s": timings["docx"], "pdf_pages": pages}))


if __name__ == "__main__":
    main()
