"""Caseworker B, with only their own password and raw SQL through the store's own key path,
tries to forge or remove what caseworker A wrote. ``samskriv audit verify`` reports each try."""

from __future__ import annotations

import base64
import json
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import pytest
import sqlcipher3

from app.context import Context
from app.keys import FAST_TEST_KDF, KeyFile
from app.paths import DataPaths
from app.signing import hmac_hex
from models.audit import GENESIS_HASH
from models.base import new_id
from models.records import (
    AuditEventRecord,
    ReviewEntryRecord,
    RevisionRecord,
    UserRecord,
    encode,
    record_hash,
)
from tests.support.trust import (
    OTHER,
    OTHER_PASSWORD,
    World,
    as_attacker,
    problems,
    verify,
)

NOW = "2026-03-02T10:00:00.000000Z"



def _b_signs(paths: DataPaths, data: bytes) -> str:
    keys = KeyFile(paths.keyfile, FAST_TEST_KDF).unlock(OTHER, OTHER_PASSWORD).keys
    assert keys is not None
    return base64.b64encode(keys.sign.sign(data)).decode()


def _row(db: sqlcipher3.Connection, sql: str, *args: Any) -> dict[str, Any]:
    cur = db.execute(sql, args)
    names = [d[0] for d in cur.description]
    row = cur.fetchone()
    assert row is not None
    return dict(zip(names, row, strict=True))


def _t(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


@pytest.mark.parametrize("signer", ["as_a", "as_b"])
def test_a_forged_correction_of_a_signed_note_is_reported(
    world: tuple[World, Context], admin: Context, caseworker: Context, signer: str
) -> None:
    w, other = world
    a = caseworker.actor.user_id
    paths = admin.paths
    with as_attacker(paths) as db:
        note = _row(db, "SELECT * FROM journal_notes WHERE id = ?", w.note_id)
        cur = _row(db, "SELECT * FROM note_revisions WHERE id = ?", note["current_revision_id"])
        forged = RevisionRecord(
            id=new_id(), note_id=w.note_id, case_id=note["case_id"], visit_id=note["visit_id"],
            seq=cur["seq"] + 1, kind="correction", parent_hash=cur["hash"], section="",
            body="Påhittad rättelse.", child_voice="", event_time=_t(cur["event_time"]),
            author_id=a, created_at=_t(NOW), reason="Påhittat")
        signer_id = a if signer == "as_a" else other.actor.user_id
        db.execute(
            "INSERT INTO note_revisions (id, note_id, seq, kind, parent_hash, hash, section, "
            "body, child_voice, event_time, author_id, created_at, reason, signature, "
            "signer_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (forged.id, w.note_id, forged.seq, "correction", cur["hash"], record_hash(forged),
             "", forged.body, "", cur["event_time"], a, NOW, forged.reason,
             _b_signs(paths, encode(forged)), signer_id))
        db.execute("UPDATE journal_notes SET current_revision_id = ? WHERE id = ?",
                   (forged.id, w.note_id))
    report = verify(admin)
    assert ("revision", forged.id) in problems(report)


def test_a_forged_review_entry_in_a_childs_own_words_is_reported(
    world: tuple[World, Context], admin: Context, caseworker: Context
) -> None:
    w, _other = world
    paths = admin.paths
    with as_attacker(paths) as db:
        rv = _row(db, "SELECT hash FROM reviews WHERE id = ?", w.review_id)
        last = _row(db, "SELECT max(seq) AS seq FROM review_entries WHERE review_id = ?",
                    w.review_id)
        forged = ReviewEntryRecord(
            id=new_id(), review_id=w.review_id, review_hash=rv["hash"], seq=last["seq"] + 1,
            kind="outcome", passage_index=1, outcome="disagrees",
            comment="Påhittade egna ord.", input_method="typed", recorded_at=_t(NOW),
            recorded_by=caseworker.actor.user_id)
        db.execute(
            "INSERT INTO review_entries (id, review_id, seq, kind, passage_index, outcome, "
            "comment, input_method, recorded_at, recorded_by, hash, signature, signer_id) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (forged.id, w.review_id, forged.seq, "outcome", 1, "disagrees", forged.comment,
             "typed", NOW, caseworker.actor.user_id, record_hash(forged),
             _b_signs(paths, encode(forged)), caseworker.actor.user_id))
    assert ("review_entry", forged.id) in problems(verify(admin))


@pytest.mark.parametrize("resign", [False, True])
def test_raising_ones_own_role_is_reported(
    world: tuple[World, Context], admin: Context, resign: bool
) -> None:
    _w, other = world
    paths = admin.paths
    with as_attacker(paths) as db:
        db.execute("UPDATE users SET role = 'admin' WHERE id = ?", (other.actor.user_id,))
        if resign:  # and signs the new row with their own key, as themselves
            u = _row(db, "SELECT * FROM users WHERE id = ?", other.actor.user_id)
            record = UserRecord(id=u["id"], username=u["username"],
                                display_name=u["display_name"], role="admin", active=True,
                                created_at=_t(u["created_at"]), sign_pub=u["sign_pub"])
            db.execute("UPDATE users SET signature = ?, signer_id = ? WHERE id = ?",
                       (_b_signs(paths, encode(record)), u["id"], u["id"]))
    report = verify(admin)
    assert ("user", other.actor.user_id) in problems(report)
    assert not report.ok


def test_a_removed_revision_is_reported(
    world: tuple[World, Context], admin: Context
) -> None:
    w, _other = world
    with as_attacker(admin.paths) as db:
        signed = _row(db, "SELECT id FROM note_revisions WHERE note_id = ? AND kind = 'signed'",
                      w.note_id)
        db.execute("DELETE FROM note_revisions WHERE id = ?", (signed["id"],))
    report = verify(admin)
    assert {k for k, _ in problems(report)} >= {"revision", "audit_event"}
    assert not report.ok


def test_audit_events_edited_and_rehashed_with_the_chain_key_are_reported(
    world: tuple[World, Context], admin: Context, caseworker: Context
) -> None:
    """B holds the chain key too (it is in the store B can open): the links recompute, but
    every event after the edit carries its actor's signature, which B cannot make."""
    paths = admin.paths
    with as_attacker(paths) as db:
        chain_key = _row(db, "SELECT chain_key FROM installation")["chain_key"]
        events = [_row(db, "SELECT * FROM audit_events WHERE seq = ?", seq)
                  for (seq,) in db.execute("SELECT seq FROM audit_events ORDER BY seq")
                  .fetchall()]
        target = next(e for e in events if e["action"] == "note.sign")
        prev = GENESIS_HASH
        for e in events:
            record = AuditEventRecord(
                id=e["id"], device_id=e["device_id"], seq=e["seq"], ts=_t(e["ts"]),
                user_id=e["user_id"], username=e["username"], action=e["action"],
                object_type=e["object_type"], object_id=e["object_id"],
                details=json.loads(e["details"]), prev_hash=prev)
            if e["seq"] == target["seq"]:
                record = replace(record, action="note.read")
            new_hash = hmac_hex(chain_key, encode(record))
            if e["seq"] >= target["seq"]:
                db.execute("UPDATE audit_events SET action = ?, prev_hash = ?, hash = ?, "
                           "signature = ? WHERE seq = ?",
                           (record.action, prev, new_hash, _b_signs(paths, encode(record)),
                            e["seq"]))
            prev = new_hash
    report = verify(admin)
    assert report.chain.ok  # the links themselves were recomputed...
    assert ("audit_event", str(target["seq"])) in problems(report)  # ...the signatures fail
    assert not report.ok


def test_dropped_triggers_are_reported(world: tuple[World, Context], admin: Context) -> None:
    with as_attacker(admin.paths):
        pass  # dropping the guards is all it does
    found = problems(verify(admin))
    assert ("store", "note_revisions_no_update") in found
    assert ("store", "audit_events_no_delete") in found


def test_the_cli_names_what_is_wrong_without_any_note_text(
    world: tuple[World, Context], admin: Context, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from app.cli import main
    from tests.support.store import ADMIN, ADMIN_PASSWORD

    w, _other = world
    with as_attacker(admin.paths) as db:
        db.execute("UPDATE note_revisions SET body = 'Hemlig text.' WHERE note_id = ? "
                   "AND kind = 'signed'", (w.note_id,))
    monkeypatch.setenv("SAMSKRIV_PASSWORD", ADMIN_PASSWORD)
    monkeypatch.setenv("SAMSKRIV_USER", ADMIN)
    monkeypatch.setenv("SAMSKRIV_FAST_KDF", "1")
    code = main(["--data-dir", str(admin.paths.root), "audit", "verify"])
    out = capsys.readouterr()
    assert code == 3
    assert "FEL version (revision)" in out.err and "content does not match" in out.err
    assert "Hemlig" not in out.err + out.out and "stycket" not in out.err + out.out
