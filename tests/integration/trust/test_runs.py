"""An audit event proven by the next event of its login session (``app.trust_runs``): what a
session writes, and that the shortcut proves nothing more than the event's own signature would.
Each attack by B (raw SQL with B's own password, the chain key, B's own signing key) on an event
inside A's run is reported."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

import pytest
import sqlcipher3
from sqlalchemy import select

from app import assignments, cases, notes, trust, trust_report
from app.audit import PREV_MINE
from app.context import Context
from app.dto import PersonInput
from app.keys import FAST_TEST_KDF, KeyFile
from app.paths import DataPaths
from app.signing import hmac_hex
from app.trust_cover import event_bytes
from models.audit import GENESIS_HASH, AuditEvent
from models.journal import Review, ReviewEntry
from models.visits import Consent
from tests.support.store import CASEWORKER, CASEWORKER_PASSWORD
from tests.support.trust import (
    OTHER,
    OTHER_PASSWORD,
    World,
    as_attacker,
    problems,
    verify,
)

Row = dict[str, Any]



def _events(ctx: Context) -> list[AuditEvent]:
    with ctx.uow() as uow:
        rows = list(uow.session.scalars(select(AuditEvent).order_by(AuditEvent.seq)))
        uow.session.expunge_all()
    return rows


def _inside_run(ctx: Context) -> tuple[AuditEvent, AuditEvent, AuditEvent]:
    """Three events of one run of A's session: E, the N that vouches for it, and N's
    successor M (which vouches for N)."""
    events = _events(ctx)
    for e, n, m in zip(events, events[1:], events[2:], strict=False):
        if (e.user_id == ctx.actor.user_id and n.prev_mine == e.signature
                and m.prev_mine == n.signature):
            return e, n, m
    raise AssertionError("no run of three events")


def _rows(db: sqlcipher3.Connection) -> list[Row]:
    cur = db.execute("SELECT * FROM audit_events ORDER BY seq")
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def _relink(db: sqlcipher3.Connection, edit: Callable[[Row], None]) -> None:
    """Apply ``edit`` to the event rows, then re-hash the whole chain with the chain key (B has
    it); signatures stay as they are unless ``edit`` replaced one."""
    chain_key = db.execute("SELECT chain_key FROM installation").fetchone()[0]
    prev = GENESIS_HASH
    for row in _rows(db):
        row["details"] = json.loads(row["details"])
        edit(row)
        row["prev_hash"] = prev
        row["hash"] = prev = hmac_hex(chain_key, event_bytes(SimpleNamespace(**row)))
        db.execute("UPDATE audit_events SET action = ?, details = ?, prev_hash = ?, hash = ?, "
                   "signature = ?, user_id = ?, signer_id = ? WHERE seq = ?",
                   (row["action"], json.dumps(row["details"]), row["prev_hash"], row["hash"],
                    row["signature"], row["user_id"], row["signer_id"], row["seq"]))


def _b_signs(paths: DataPaths, row: Row) -> str:
    keys = KeyFile(paths.keyfile, FAST_TEST_KDF).unlock(OTHER, OTHER_PASSWORD).keys
    assert keys is not None
    return base64.b64encode(keys.sign.sign(event_bytes(SimpleNamespace(**row)))).decode()


def test_a_session_names_its_own_previous_event_and_verify_checks_one_signature_per_run(
    world: tuple[World, Context], admin: Context, caseworker: Context
) -> None:
    events = _events(admin)
    by_seq = {e.seq: e for e in events}
    vouching = [e for e in events if e.prev_mine is not None]
    assert len(vouching) > 5
    for e in vouching:
        before = by_seq[e.seq - 1]
        assert (before.user_id, before.signature) == (e.user_id, e.prev_mine)
    report = trust_report.check(admin, full=True)  # not from the fixture's checkpoint
    assert report.ok and report.chained == len(vouching)
    with admin.uow() as uow:  # the other signed rows, each checked on its own
        others = sum(len(uow.session.scalars(select(m.id)).all())
                     for m in (Review, ReviewEntry, Consent))
    assert report.signed == len(events) - len(vouching) + others


def test_the_first_event_after_login_names_no_predecessor(
    admin: Context, caseworker: Context, login: Callable[[str, str], Context]
) -> None:
    case_id = _case(admin, caseworker)
    notes.create_draft(caseworker, case_id, "Första.")
    notes.create_draft(caseworker, case_id, "Andra.")
    assert _events(admin)[-1].prev_mine is not None
    again = login(CASEWORKER, CASEWORKER_PASSWORD)  # the same user, a new login
    login_event = _events(admin)[-1]
    assert login_event.action == "login" and login_event.prev_mine is None
    notes.create_draft(again, case_id, "Tredje.")
    first, = _events(admin)[-1:]
    assert first.user_id == login_event.user_id and first.prev_mine is None
    notes.create_draft(again, case_id, "Fjärde.")
    assert _events(admin)[-1].prev_mine == first.signature
    # The first session's last event is no longer the chain's last: it starts anew.
    notes.create_draft(caseworker, case_id, "Femte.")
    assert _events(admin)[-1].prev_mine is None
    assert verify(admin).ok


def _case(admin: Context, caseworker: Context) -> str:
    case = cases.create_case(admin, "IFO-2026-0202", "Utredning Ekorre",
                             [PersonInput("child", "Sixten")])
    assignments.assign(admin, case.id, caseworker.actor.username)
    return case.id


@pytest.mark.parametrize("attack", ["edited", "edited_rehashed", "signature_swapped"])
def test_an_event_edited_inside_a_run_is_reported(
    world: tuple[World, Context], admin: Context, caseworker: Context, attack: str
) -> None:
    e, n, _m = _inside_run(caseworker)
    with as_attacker(admin.paths) as db:
        if attack == "edited":  # no re-hash: the link breaks
            db.execute("UPDATE audit_events SET object_id = 'x' WHERE seq = ?", (e.seq,))
        elif attack == "edited_rehashed":
            _relink(db, lambda r: r.update(action="note.read") if r["seq"] == e.seq else None)
        else:  # another genuine signature of A's in its place
            db.execute("UPDATE audit_events SET signature = ? WHERE seq = ?",
                       (n.signature, e.seq))
    report = verify(admin)
    assert ("audit_event", str(e.seq)) in problems(report)
    assert not report.ok


def test_an_event_forged_inside_a_run_is_reported(
    world: tuple[World, Context], admin: Context, caseworker: Context
) -> None:
    """B replaces N (which vouches for E) with an event claiming to be A's that names E as its
    session's own, signed with B's key: N is reported, so is its successor (whose link B had to
    re-hash), and E, vouched for by nothing, is checked on its own signature (it holds)."""
    e, n, m = _inside_run(caseworker)
    paths = admin.paths

    def forge(row: Row) -> None:
        if row["seq"] == n.seq:
            row.update(action="note.read", details={PREV_MINE: e.signature})

    with as_attacker(paths) as db:
        _relink(db, forge)
        row = _rows(db)[n.seq - 1]
        row["details"] = json.loads(row["details"])
        db.execute("UPDATE audit_events SET signature = ? WHERE seq = ?",
                   (_b_signs(paths, row), n.seq))
    report = verify(admin)
    assert report.chain.ok  # the links were recomputed...
    found = problems(report)
    assert ("audit_event", str(n.seq)) in found and ("audit_event", str(m.seq)) in found
    assert ("audit_event", str(e.seq)) not in found  # ...E's own signature holds
    assert not report.ok


def test_a_forged_successor_does_not_vouch_for_an_edited_event(
    world: tuple[World, Context], admin: Context, caseworker: Context
) -> None:
    """E's signature replaced by garbage and N forged to name that garbage as its own: both
    are reported."""
    e, n, _m = _inside_run(caseworker)
    garbage = base64.b64encode(bytes(64)).decode()

    def forge(row: Row) -> None:
        if row["seq"] == e.seq:
            row["signature"] = garbage
        if row["seq"] == n.seq:
            row["details"] = {**row["details"], PREV_MINE: garbage}

    with as_attacker(admin.paths) as db:
        _relink(db, forge)
    found = problems(verify(admin))
    assert ("audit_event", str(e.seq)) in found and ("audit_event", str(n.seq)) in found


def test_prev_mine_after_another_users_event_proves_nothing(
    world: tuple[World, Context], admin: Context, caseworker: Context
) -> None:
    """A's last event with a broken signature, then B's session (made to believe it wrote it)
    names it as its own: B's genuine signature vouches for nothing of A's."""
    world_, other = world
    notes.create_draft(caseworker, world_.case_id, "Cecilias anteckning.")
    last = _events(admin)[-1]
    assert last.user_id == caseworker.actor.user_id
    garbage = base64.b64encode(bytes(64)).decode()
    with as_attacker(admin.paths) as db:
        db.execute("UPDATE audit_events SET signature = ? WHERE seq = ?", (garbage, last.seq))
    assert other.signer is not None and other.user_keys is not None
    other._run.remember(other.user_keys.sign, other.actor.user_id, last.seq, last.hash, garbage)
    notes.create_draft(other, world_.case_id, "Bertils andra anteckning.")
    after = _events(admin)[last.seq]
    assert after.seq == last.seq + 1 and after.prev_mine == garbage
    found = problems(verify(admin))
    assert ("audit_event", str(last.seq)) in found
    assert ("audit_event", str(after.seq)) not in found


@pytest.mark.parametrize("flip", ["removed", "added"])
def test_a_flipped_prev_mine_breaks_that_events_signature(
    world: tuple[World, Context], admin: Context, caseworker: Context, flip: str
) -> None:
    events = _events(admin)
    if flip == "removed":
        target = _inside_run(caseworker)[1]
    else:  # an event of the same user as its predecessor that names none (a new session)
        target = next(e for p, e in zip(events, events[1:], strict=False)
                      if e.user_id == p.user_id and e.prev_mine is None
                      and p.user_id is not None)
    before = events[target.seq - 2]
    assert before.seq == target.seq - 1

    def flipped(row: Row) -> None:
        if row["seq"] == target.seq:
            if flip == "removed":
                row["details"].pop(PREV_MINE)
            else:
                row["details"][PREV_MINE] = before.signature

    with as_attacker(admin.paths) as db:
        _relink(db, flipped)
    report = verify(admin)
    assert report.chain.ok
    assert ("audit_event", str(target.seq)) in problems(report)
    assert any(f.id == str(target.seq) and "signature" in f.problem for f in report.findings)


@pytest.mark.parametrize("change", ["signature = NULL", "signer_id = user_id || 'x'"])
def test_an_event_whose_successor_cannot_vouch_is_checked_on_its_own(
    world: tuple[World, Context], admin: Context, caseworker: Context, change: str
) -> None:
    """N unsigned, or signed by someone it does not name: N is reported; E, which N would
    have vouched for, has its own signature checked (its bytes rebuilt for that) and holds."""
    e, n, _m = _inside_run(caseworker)
    with as_attacker(admin.paths) as db:
        db.execute(f"UPDATE audit_events SET {change} WHERE seq = ?", (n.seq,))
    report = trust_report.check(admin, full=True)
    found = problems(report)
    assert ("audit_event", str(n.seq)) in found
    assert ("audit_event", str(e.seq)) not in found
    assert report.chain.ok


def test_the_worker_processes_find_in_runs_what_the_check_in_process_finds(
    world: tuple[World, Context], admin: Context, caseworker: Context,
    monkeypatch: pytest.MonkeyPatch
) -> None:
    """Events encoded in the workers, which leave out the bytes of events the next one vouches
    for: the same findings as in process, for edits inside and at the ends of runs."""
    e, n, m = _inside_run(caseworker)
    last = _events(admin)[-1]
    with as_attacker(admin.paths) as db:
        db.execute("UPDATE audit_events SET object_id = 'x' WHERE seq = ?", (e.seq,))
        db.execute("UPDATE audit_events SET signature = NULL WHERE seq = ?", (m.seq,))
        db.execute("UPDATE audit_events SET details = '[1]' WHERE seq = ?", (last.seq,))
    in_process = trust_report.check(admin, full=True)
    monkeypatch.setattr(trust, "POOL_AFTER", 0)  # a pool even for this small store
    pooled = trust_report.check(admin, full=True)
    assert problems(pooled) == problems(in_process)
    assert {("audit_event", str(s)) for s in (e.seq, m.seq, last.seq)} <= problems(pooled)
    assert (pooled.signed, pooled.chained) == (in_process.signed, in_process.chained)
