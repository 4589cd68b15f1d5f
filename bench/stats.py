"""Benchmark the statistics: 50 caseworkers × 52 weeks of visits, signed notes, reviews and
transcripts, then time ``app.stats.compute`` for the whole unit and year.

Usage: python3 bench/stats.py [--caseworkers N] [--weeks N] [--runs N]. JSON on the last line
with ``stats_s`` (median of the runs after the first; goal ≤ 1 s) and ``stats_first_s``: the
first run also compares every signed note with its transcript once and keeps the counts
(``note_word_counts``), as the first statistics view after a year of notes would.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert, update  # noqa: E402

from app import accounts, cases, stats  # noqa: E402
from app.context import Context  # noqa: E402
from app.dto import PersonInput  # noqa: E402
from app.keys import FAST_TEST_KDF  # noqa: E402
from app.paths import DataPaths  # noqa: E402
from bench import _text  # noqa: E402
from models.base import new_id  # noqa: E402
from models.journal import JournalNote, NoteRevision, Review, ReviewEntry  # noqa: E402
from models.staffing import Absence, WorkHours  # noqa: E402
from models.visits import Recording, Segment, Transcript, Visit  # noqa: E402

PASSWORD = "benchmark-lösenord"
FIRST_MONDAY = date(2025, 12, 1)


def fill(admin: Context, caseworkers: int, weeks: int, rng: random.Random) -> dict[str, int]:
    """Caseworkers, their hours and absence, visits, signed notes, transcripts and reviews."""
    user_ids = []
    for i in range(caseworkers):
        accounts.add_user(admin, f"hl{i}", f"Handläggare {i:02d}", "caseworker", PASSWORD)
    user_ids = [u.id for u in accounts.list_users(admin) if u.role == "caseworker"]
    case_ids = [cases.create_case(admin, f"B-{i:04d}", "Utredning",
                                  [PersonInput("child", "Barn Testsson")]).id
                for i in range(caseworkers)]
    rows: dict[str, list[dict[str, Any]]] = {k: [] for k in (
        "visits", "hours", "absences", "notes", "revisions", "recordings", "transcripts",
        "segments", "reviews", "entries")}
    fam = _text.family(rng)
    for uid, cid in zip(user_ids, case_ids, strict=True):
        rows["hours"].append({"id": new_id(), "user_id": uid, "valid_from": date(2025, 1, 1),
                              "weekly_hours": rng.choice((40.0, 40.0, 30.0, 20.0)),
                              "set_by": admin.actor.user_id, "set_at": datetime.now(UTC)})
        for week in range(weeks):
            monday = datetime.combine(FIRST_MONDAY + timedelta(weeks=week),
                                      datetime.min.time(), tzinfo=UTC)
            if rng.random() < 0.2:
                rows["absences"].append({"id": new_id(), "user_id": uid,
                                         "week": monday.date(), "hours": 8.0,
                                         "recorded_by": admin.actor.user_id,
                                         "recorded_at": datetime.now(UTC)})
            for _ in range(3):
                start = monday + timedelta(days=rng.randint(0, 6), hours=rng.randint(7, 20))
                end = start + timedelta(minutes=rng.randint(20, 150))
                vid = new_id()
                rows["visits"].append({"id": vid, "case_id": cid, "kind": "hembesok",
                                       "actual_start": start, "actual_end": end,
                                       "participants": [], "with_child": rng.random() < 0.8,
                                       "created_by": uid, "created_at": start})
                if rng.random() < 0.7:
                    _note(rows, rng, fam, uid, cid, vid, start, end)
    with admin.uow(write=True) as uow:
        s = uow.session
        for table, key in ((WorkHours, "hours"), (Absence, "absences"), (Visit, "visits"),
                           (Recording, "recordings"), (Transcript, "transcripts"),
                           (Segment, "segments"), (JournalNote, "notes"),
                           (NoteRevision, "revisions"), (Review, "reviews"),
                           (ReviewEntry, "entries")):
            if rows[key]:
                s.execute(insert(table), rows[key])
        for note in rows["notes"]:
            s.execute(update(JournalNote).where(JournalNote.id == note["id"]).values(
                state="signed", signed_at=note["created_at"], signed_by=note["author_id"]))
        uow.commit()
    return {"caseworkers": caseworkers, "weeks": weeks, "visits": len(rows["visits"]),
            "signed_notes": len(rows["notes"]), "reviews": len(rows["reviews"]),
            "transcripts": len(rows["transcripts"])}


def _note(rows: dict[str, list[dict[str, Any]]], rng: random.Random, fam: _text.Family,
          uid: str, cid: str, vid: str, start: datetime, end: datetime) -> None:
    section, body, child_voice = _text.note_text(fam, rng)
    signed_at = end + timedelta(minutes=rng.randint(-10, 60 * 48))
    nid, rid = new_id(), new_id()
    rows["notes"].append({"id": nid, "case_id": cid, "visit_id": vid, "author_id": uid,
                          "created_at": signed_at, "event_time": start, "state": "draft",
                          "current_revision_id": rid})
    rows["revisions"].append({"id": rid, "note_id": nid, "seq": 1, "kind": "signed",
                              "parent_hash": None, "hash": new_id() * 2, "section": section,
                              "body": body, "child_voice": child_voice, "event_time": start,
                              "author_id": uid, "created_at": signed_at, "reason": ""})
    rec, tid = new_id(), new_id()
    rows["recordings"].append({"id": rec, "visit_id": vid, "audio_file": f"{rec}.sam",
                               "duration_s": (end - start).total_seconds(),
                               "state": "audio-deleted", "started_at": start,
                               "created_by": uid})
    rows["transcripts"].append({"id": tid, "recording_id": rec, "engine": "vosk",
                                "model_id": "sv", "pass_kind": "live", "created_at": end,
                                "hash": new_id() * 2})
    rows["segments"].append({"id": new_id(), "transcript_id": tid, "seq": 0, "start_s": 0.0,
                             "end_s": 60.0, "text": body.lower(), "words": [],
                             "speaker": None})
    if rng.random() < 0.3:
        review_id = new_id()
        rows["reviews"].append({"id": review_id, "note_id": nid, "revision_id": rid,
                                "revision_hash": "0" * 64, "hash": new_id() * 2,
                                "audience": "child", "present": [],
                                "passages": [{"index": i, "part": "body", "shown": True,
                                              "hash": ""} for i in range(3)],
                                "variant": "child", "started_at": signed_at,
                                "started_by": uid})
        for seq, index in enumerate(range(3)):
            rows["entries"].append(_entry(review_id, seq, "outcome", index, uid, signed_at,
                                          rng.choice(("agrees", "agrees", "disagrees"))))
        rows["entries"].append(_entry(review_id, 3, "completed", None, uid, signed_at, None))


def _entry(review_id: str, seq: int, kind: str, index: int | None, uid: str, at: datetime,
           outcome: str | None) -> dict[str, Any]:
    return {"id": new_id(), "review_id": review_id, "seq": seq, "kind": kind,
            "passage_index": index, "outcome": outcome, "comment": "", "input_method": "typed",
            "recorded_at": at, "recorded_by": uid, "hash": new_id() * 2}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--caseworkers", type=int, default=50)
    parser.add_argument("--weeks", type=int, default=52)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    rng = random.Random(20261201)
    with tempfile.TemporaryDirectory(prefix="samskriv-bench-stats-") as tmp:
        paths = DataPaths(Path(tmp) / "data")
        admin = accounts.initialise(paths, "admin", "Bench Admin", PASSWORD, kdf=FAST_TEST_KDF)
        try:
            t0 = time.perf_counter()
            size = fill(admin, args.caseworkers, args.weeks, rng)
            fill_s = time.perf_counter() - t0
            last = FIRST_MONDAY + timedelta(weeks=args.weeks) - timedelta(days=1)
            times, result = [], None
            for _ in range(args.runs + 1):
                t0 = time.perf_counter()
                result = stats.compute(admin, FIRST_MONDAY, last, "week")
                times.append(time.perf_counter() - t0)
            assert result is not None and len(result.people) == args.caseworkers
            share = result.unit_total.share
        finally:
            admin.close()
    print(json.dumps({**size, "fill_s": round(fill_s, 2),
                      "stats_s": round(statistics.median(times[1:]), 3),
                      "stats_first_s": round(times[0], 3),
                      "stats_runs_s": [round(t, 3) for t in times],
                      "unit_share": round(share, 4) if share is not None else None}))


if __name__ == "__main__":
    main()
