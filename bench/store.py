"""Benchmark the encrypted store: fill 100,000 notes, then time open, search, timeline, sign
and a full ``audit verify`` (every chain link, hash and signature: ``verify_100k_s``).

Usage: python3 bench/store.py [--notes N] [--cases N] [--refill]. Prints JSON on the last line.
The filled store is cached in bench/out/ by its parameters; each run measures a fresh copy.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import func, insert, inspect, select, update  # noqa: E402

from app import accounts, assignments, cases, notes, search, trust_report  # noqa: E402
from app.audit import PREV_MINE, device_id  # noqa: E402
from app.context import Context  # noqa: E402
from app.dto import PersonInput  # noqa: E402
from app.keys import FAST_TEST_KDF  # noqa: E402
from app.paths import DataPaths  # noqa: E402
from app.personnummer import luhn_ok  # noqa: E402
from app.runtime import settle_after_startup  # noqa: E402
from app.signing import Signer, chain_hash  # noqa: E402
from app.store import Store  # noqa: E402
from bench import _text  # noqa: E402
from models.audit import AuditEvent  # noqa: E402
from models.base import new_id  # noqa: E402
from models.journal import JournalNote, NoteRevision  # noqa: E402
from models.people import User  # noqa: E402
from models.records import encode, record_hash  # noqa: E402

OUT = Path(__file__).resolve().parent / "out"
# 2: revisions and events signed, keyed chain; 3: events cover revisions; 4: events in login
# sessions (a login event, then runs of the session's own events naming their predecessor)
FILL_VERSION = 5  # 5: events keep their stored details (the session link) when written in bulk
SESSION_NOTES = (1, 10)  # notes a caseworker writes in one login session
PASSWORD = "benchmark-lösenord"
CASEWORKERS = ("hl1", "hl2", "hl3", "hl4", "hl5")
TIMELINE_NOTES = 1000
BATCH = 10_000
START = datetime(2023, 1, 2, 8, 0, tzinfo=UTC)


def _pnr(rng: random.Random) -> str:
    nine = f"{rng.randint(10, 22):02d}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}" + (
        f"{rng.randint(0, 999):03d}"
    )
    digits = next(nine + d for d in "0123456789" if luhn_ok(nine + d))
    return f"20{digits[:6]}-{digits[6:]}"


def _make_cases(ctx: Context, n: int, rng: random.Random) -> list[tuple[str, str, _text.Family]]:
    """Cases through the real use cases: (case id, author username, family)."""
    out = []
    for i in range(n):
        fam = _text.family(rng)
        persons = [
            PersonInput("child", f"{fam.child} {fam.surname}", _pnr(rng)),
            PersonInput("guardian", f"{fam.adult} {fam.surname}"),
        ]
        case = cases.create_case(
            ctx, f"IFO-{2023 + i % 3}-{i:05d}", f"Utredning {fam.child}", persons
        )
        worker = CASEWORKERS[i % len(CASEWORKERS)]
        assignments.assign(ctx, case.id, worker)
        out.append((case.id, worker, fam))
    return out


def _kinds(rng: random.Random) -> list[str]:
    """Revision kinds of one note: ~15% drafts, ~80% signed, ~5% corrected."""
    r = rng.random()
    drafts = ["draft"] * rng.choice((1, 1, 1, 2, 3))
    if r < 0.15:
        return drafts
    return drafts + (["signed"] if r < 0.95 else ["signed", "correction"])


def _note_rows(
    case_id: str, author: str, fam: _text.Family, when: datetime, rng: random.Random,
    signer: Signer,
) -> tuple[dict[str, Any], list[dict[str, Any]], dict[str, Any]]:
    note_id = new_id()
    note = {
        "id": note_id,
        "case_id": case_id,
        "visit_id": None,
        "author_id": author,
        "created_at": when + timedelta(hours=2),
        "event_time": when,
        "state": "draft",
        "current_revision_id": None,
        "signed_at": None,
        "signed_by": None,
    }
    section, body, voice = _text.note_text(fam, rng)
    revs: list[dict[str, Any]] = []
    parent: str | None = None
    for seq, kind in enumerate(_kinds(rng), start=1):
        text = _text.corrected(body, rng) if kind == "correction" else body
        rev = NoteRevision(
            id=new_id(),
            note_id=note_id,
            seq=seq,
            kind=kind,
            parent_hash=parent,
            section=section,
            body=text,
            child_voice=voice,
            event_time=when,
            author_id=author,
            created_at=when + timedelta(hours=2, minutes=seq),
            reason="Fel uppgift" if kind == "correction" else "",
        )
        record = rev.to_record(JournalNote(id=note_id, case_id=case_id))
        rev.hash = parent = record_hash(record)
        rev.signature, rev.signer_id = signer.sign_bytes(encode(record)), signer.user_id
        revs.append({c.key: getattr(rev, c.key) for c in NoteRevision.__table__.columns})
    signed = revs[-1]["kind"] != "draft"
    final = {
        "id": note_id,
        "current_revision_id": revs[-1]["id"],
        "state": "signed" if signed else "draft",
        "signed_at": revs[-1]["created_at"] if signed else None,
        "signed_by": author if signed else None,
    }
    return note, revs, final


# One event to write: user id, action, object type, object id, time, details, and whether it
# follows the session's own previous event (``audit.PREV_MINE``).
_Event = tuple[str, str, str, str, datetime, dict[str, Any], bool]


def _audit_rows(session: Any, items: list[_Event], signers: dict[str, Signer],
                chain_key: bytes) -> list[dict[str, Any]]:
    """Keyed, signed events continuing the stored chain, as ``audit.record`` writes them."""
    seq, prev = session.execute(
        select(AuditEvent.seq, AuditEvent.hash).order_by(AuditEvent.seq.desc()).limit(1)
    ).one()
    rows: list[dict[str, Any]] = []
    for user_id, action, object_type, object_id, ts, details, mine in items:
        seq += 1
        if mine:
            details = {**details, PREV_MINE: rows[-1]["signature"]}
        ev = AuditEvent(
            seq=seq,
            id=new_id(),
            device_id=device_id(session),
            ts=ts,
            user_id=user_id,
            username="",
            action=action,
            object_type=object_type,
            object_id=object_id,
            details=details,
            prev_hash=prev,
        )
        record = ev.to_record()
        ev.hash = prev = chain_hash(chain_key, record)
        ev.signature, ev.signer_id = signers[user_id].sign_bytes(encode(record)), user_id
        # By mapped attribute, not by column: ``details`` is the view without the session
        # link, the column's attribute is ``stored_details``.
        rows.append({a.key: getattr(ev, a.key) for a in inspect(AuditEvent).column_attrs})
    return rows


def _plan(n_notes: int, n_cases: int) -> list[int]:
    """Notes per case: the first case gets the timeline's 1,000, the rest share the others."""
    first = min(TIMELINE_NOTES, n_notes)
    rest, others = n_notes - first, max(n_cases - 1, 1)
    return [first] + [rest // others + (1 if i < rest % others else 0) for i in range(others)]


def fill(paths: DataPaths, n_notes: int, n_cases: int, seed: int) -> None:
    rng = random.Random(seed)
    ctx = accounts.initialise(paths, "admin", "Bench Admin", PASSWORD, kdf=FAST_TEST_KDF)
    try:
        for name in CASEWORKERS:
            accounts.add_user(ctx, name, f"Handläggare {name}", "caseworker", PASSWORD)
        with ctx.uow() as uow:
            ids = {name: uid for name, uid in uow.session.execute(select(User.username, User.id))}
        signers = {}
        for name in CASEWORKERS:  # each author's own key signs their notes, as in the app
            worker = accounts.login(paths, name, PASSWORD, kdf=FAST_TEST_KDF)
            assert worker.signer is not None
            signers[worker.actor.user_id] = worker.signer
            worker.close()
        jobs = [
            (cid, ids[w], fam)
            for (cid, w, fam), k in zip(
                _make_cases(ctx, n_cases, rng), _plan(n_notes, n_cases), strict=False
            )
            for _ in range(k)
        ]
        for i in range(0, len(jobs), BATCH):
            _fill_batch(ctx, jobs[i : i + BATCH], i, rng, signers)
            print(f"  {min(i + BATCH, len(jobs))} notes", file=sys.stderr)
        with ctx.store.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        ctx.close()


def _fill_batch(
    ctx: Context, jobs: list[tuple[str, str, _text.Family]], offset: int, rng: random.Random,
    signers: dict[str, Signer],
) -> None:
    note_rows, rev_rows, finals = [], [], []
    events: list[_Event] = []
    session_of, left = "", 0
    for j, (case_id, author, fam) in enumerate(jobs):
        when = START + timedelta(minutes=53 * (offset + j))  # ~100k notes over ~10 years
        note, revs, final = _note_rows(case_id, author, fam, when, rng, signers[author])
        note_rows.append(note)
        rev_rows.extend(revs)
        finals.append(final)
        # As the app writes them: a login event (signed outside any session's run), then the
        # session's events, each but the first naming its predecessor as the session's own.
        first = revs[0]
        mine = session_of == author and left > 0
        if not mine:
            session_of, left = author, rng.randint(*SESSION_NOTES)
            events.append((author, "login", "user", author, first["created_at"],
                           {"failed_since_last": 0},
                           False))
        left -= 1
        # What app.notes writes: each revision's event names its hash and signature.
        events.append((author, "note.create", "note", note["id"], first["created_at"],
                       {"case": case_id, "hash": first["hash"], "sig": first["signature"]},
                       mine))
        for r in revs[1:]:
            covers = {"hash": r["hash"], "sig": r["signature"]}
            if r["kind"] == "draft":
                action, details = "note.edit", {"revision": r["seq"], **covers}
            else:
                action = "note.sign" if r["kind"] == "signed" else "note.correct"
                details = covers
            events.append((author, action, "note", note["id"], r["created_at"], details, True))
    with ctx.uow(write=True) as uow:
        s = uow.session
        s.execute(insert(JournalNote), note_rows)
        s.execute(insert(NoteRevision), rev_rows)
        s.execute(update(JournalNote), finals)  # fires the FTS trigger for every note
        s.execute(insert(AuditEvent), _audit_rows(s, events, signers, ctx.store.chain_key))
        uow.commit()


def _ms(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {
        "p50": round(statistics.median(ordered) * 1000, 2),
        "p95": round(ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))] * 1000, 2),
    }


def _cpu() -> float:
    """CPU seconds of this process and of its finished children (verify's worker processes)."""
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + kids.ru_utime + kids.ru_stime


def _timed(fn: Any, items: list[Any]) -> list[float]:
    out = []
    for item in items:
        began = time.perf_counter()
        fn(item)
        out.append(time.perf_counter() - began)
    return out


def measure(paths: DataPaths, args: argparse.Namespace) -> dict[str, float]:
    rng = random.Random(args.seed + 1)
    admin = accounts.login(paths, "admin", PASSWORD, kdf=FAST_TEST_KDF)
    worker = accounts.login(paths, CASEWORKERS[0], PASSWORD, kdf=FAST_TEST_KDF)
    settle_after_startup()  # as the app does once its window is up
    try:
        opens = []
        for _ in range(5):
            began = time.perf_counter()
            Store.open(paths.database, admin.data_key).close()
            opens.append(time.perf_counter() - began)
        queries = _text.queries(rng, args.queries)
        for q in queries[:10]:  # warm the page cache as a running app would have it
            search.search(admin, q)
        found = _ms(_timed(lambda q: search.search(admin, q), queries))
        found_cw = _ms(_timed(lambda q: search.search(worker, q), queries))
        with admin.uow() as uow:
            big = uow.session.scalar(
                select(JournalNote.case_id)
                .group_by(JournalNote.case_id)
                .order_by(func.count().desc())
                .limit(1)
            )
            assert big is not None, "the store has no notes"
            drafts = list(
                uow.session.scalars(
                    select(JournalNote.id)
                    .where(
                        JournalNote.state == "draft", JournalNote.author_id == worker.actor.user_id
                    )
                    .limit(args.sign)
                )
            )
        notes.timeline(admin, big)
        lines = _ms(_timed(lambda _: notes.timeline(admin, big), list(range(args.timeline_runs))))
        signed = _ms(_timed(lambda n: notes.sign(worker, n), drafts))
        began, cpu = time.perf_counter(), _cpu()
        report = trust_report.check(admin, full=True)  # cold: every hash and signature
        verify_s, verify_cpu = time.perf_counter() - began, _cpu() - cpu
        notes.timeline(admin, big)  # a little new work (audited reads) since the checkpoint
        began, cpu = time.perf_counter(), _cpu()
        warm = trust_report.check(admin)  # from the admin's signed checkpoint
        warm_s, warm_cpu = time.perf_counter() - began, _cpu() - cpu
    finally:
        admin.close()
        worker.close()
    return {
        "open_ms": _ms(opens)["p50"],
        "search_p50_ms": found["p50"],
        "search_p95_ms": found["p95"],
        "timeline_p95_ms": lines["p95"],
        "sign_p95_ms": signed["p95"],
        "search_caseworker_p95_ms": found_cw["p95"],
        "timeline_p50_ms": lines["p50"],
        "sign_p50_ms": signed["p50"],
        "signed_drafts": len(drafts),
        "verify_100k_s": round(verify_s, 1),
        "verify_100k_cpu_s": round(verify_cpu, 1),
        "verify_100k_warm_s": round(warm_s, 1),
        "verify_100k_warm_cpu_s": round(warm_cpu, 1),
        "verify_ok": report.ok and warm.ok,
        "verify_signatures": report.signed,
        "verify_revisions_covered": report.covered,
        "verify_events": report.chain.events,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--notes", type=int, default=100_000)
    parser.add_argument("--cases", type=int, default=100)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--timeline-runs", type=int, default=30)
    parser.add_argument("--sign", type=int, default=100)
    parser.add_argument("--refill", action="store_true", help="fill again even if cached")
    args = parser.parse_args(argv)
    cached = DataPaths(OUT / f"store-n{args.notes}-c{args.cases}-s{args.seed}-v{FILL_VERSION}")
    done = cached.root / "filled.json"
    if args.refill or not done.exists():
        shutil.rmtree(cached.root, ignore_errors=True)
        began = time.perf_counter()
        fill(cached, args.notes, args.cases, args.seed)
        done.write_text(json.dumps({"fill_s": round(time.perf_counter() - began, 1)}))
    print(
        f"fill_s={json.loads(done.read_text())['fill_s']} (cached in {cached.root})",
        file=sys.stderr,
    )
    work = DataPaths(OUT / "work")
    shutil.rmtree(work.root, ignore_errors=True)
    shutil.copytree(cached.root, work.root)
    print(f"db_mb={work.database.stat().st_size / 1e6:.1f}", file=sys.stderr)
    try:
        figures = measure(work, args)
    finally:
        shutil.rmtree(work.root, ignore_errors=True)  # the measured copy was changed by signing
    print(json.dumps({"notes": args.notes, **figures}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
