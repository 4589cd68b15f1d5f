"""Culling (gallring): the report, the admin action, what it removes and what it refuses."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, select, text

from app import accounts, audit, cases, culling, notes, search, trust_report
from app.context import Context
from app.dto import PersonInput
from app.errors import PermissionDenied, ValidationError
from app.recording import audio_path
from models.audit import AuditEvent, OutboxItem
from models.journal import JournalNote, NoteRevision
from models.people import Case, Person
from models.staffing import CulledCase
from models.visits import Recording, Visit
from tests.support.store import personnummer, raw_connection

TODAY = date(2026, 12, 1)


def close(ctx: Context, case_id: str, when: datetime, retention: str = "standard") -> None:
    with ctx.uow(write=True) as uow:
        case = uow.session.get(Case, case_id)
        assert case is not None
        case.status, case.closed_at, case.retention_class = "closed", when, retention
        uow.commit()


def case_with_content(ctx: Context, number: str, word: str) -> str:
    case = cases.create_case(ctx, number, "Utredning", [
        PersonInput("child", "Kim Testsson", personnummer("150101"))])
    with ctx.uow(write=True) as uow:
        visit = Visit(case_id=case.id, kind="hembesok", created_by=ctx.actor.user_id)
        uow.session.add(visit)
        uow.session.flush()
        rec = Recording(visit_id=visit.id, audio_file="", state="complete",
                        created_by=ctx.actor.user_id)
        uow.session.add(rec)
        uow.commit()
        visit_id, rec_id = visit.id, rec.id
    note = notes.create_draft(ctx, case.id, f"Samtal om {word}.", visit_id=visit_id)
    notes.sign(ctx, note.id)
    audio_path(ctx, rec_id).write_bytes(b"ciphertext")  # as if the policy kept the audio
    notes.correct(ctx, note.id, f"Samtal om {word} i skolan.", reason="Förtydligande")
    return case.id


@pytest.fixture
def old_cases(admin: Context) -> dict[str, str]:
    out = {
        "due": case_with_content(admin, "2019-0001", "gallringsord"),
        "keep": case_with_content(admin, "2019-0002", "placeringsord"),
        "recent": case_with_content(admin, "2024-0003", "nyligenord"),
        "open": case_with_content(admin, "2019-0004", "pågåendeord"),
    }
    close(admin, out["due"], datetime(2020, 6, 1, tzinfo=UTC))
    close(admin, out["keep"], datetime(2020, 6, 1, tzinfo=UTC), retention="keep")
    close(admin, out["recent"], datetime(2024, 6, 1, tzinfo=UTC))
    return out


def test_the_report_lists_closed_cases_with_due_dates_and_marks_exceptions(
        admin: Context, old_cases: dict[str, str]) -> None:
    rows = {r.case_number: r for r in culling.report(admin, TODAY)}
    assert set(rows) == {"2019-0001", "2019-0002", "2024-0003"}  # the open case is not there
    assert rows["2019-0001"].state == "due" and rows["2019-0001"].due == date(2025, 6, 1)
    assert rows["2019-0002"].state == "keep"
    assert rows["2024-0003"].state == "later" and rows["2024-0003"].due == date(2029, 6, 1)
    assert rows["2019-0001"].notes == 1


def test_culling_removes_the_content_keeps_a_trace_and_the_chain_stays_whole(
        admin: Context, old_cases: dict[str, str]) -> None:
    due = old_cases["due"]
    culled = culling.cull(admin, [due], TODAY, confirmed=True)
    assert [(r.case_number, r.notes, r.recordings) for r in culled] == [("2019-0001", 1, 1)]
    with admin.uow() as uow:
        s = uow.session
        assert s.get(Case, due) is None
        assert s.scalar(select(func.count()).select_from(Person)
                        .where(Person.case_id == due)) == 0
        assert s.scalar(select(func.count()).select_from(JournalNote)
                        .where(JournalNote.case_id == due)) == 0
        assert s.scalar(select(func.count()).select_from(Visit).where(Visit.case_id == due)) == 0
        assert s.scalar(select(func.count()).select_from(OutboxItem)
                        .where(OutboxItem.object_id == due)) == 0
        trace = s.get(CulledCase, due)
        assert trace is not None and trace.case_number == "2019-0001"
        action = s.scalar(select(AuditEvent.action).order_by(AuditEvent.seq.desc()))
        assert action == "culling.cull"
        assert audit.verify(s).ok
        # Other cases are untouched.
        assert s.scalar(select(func.count()).select_from(NoteRevision)) == 3 * 3  # draft, signed, correction
    # The full trust check (signatures, references) knows these records were culled.
    report = trust_report.check(admin, full=True)
    assert report.ok, report.findings
    assert len(list(admin.paths.audio.glob("*.sam"))) == 3  # the culled case's audio is gone
    assert search.search(admin, "gallringsord") == []
    assert len(search.search(admin, "placeringsord")) == 1
    csv_bytes = culling.culled_csv(culled)
    assert csv_bytes.startswith(b"\xef\xbb\xbf")
    assert "2019-0001;2020-06-01;1;1;" in csv_bytes.decode("utf-8-sig")


def test_culling_refuses_exceptions_cases_not_yet_due_open_cases_and_no_confirmation(
        admin: Context, old_cases: dict[str, str]) -> None:
    for key in ("keep", "recent", "open"):
        with pytest.raises(ValidationError):
            culling.cull(admin, [old_cases["due"], old_cases[key]], TODAY, confirmed=True)
    with pytest.raises(ValidationError):
        culling.cull(admin, [old_cases["due"]], TODAY, confirmed=False)
    with pytest.raises(ValidationError):
        culling.cull(admin, [], TODAY, confirmed=True)
    with admin.uow() as uow:  # nothing at all was removed by a refused request
        assert uow.session.get(Case, old_cases["due"]) is not None


def test_only_an_admin_culls_or_sees_the_report(
        admin: Context, login: Callable[[str, str], Context], old_cases: dict[str, str]) -> None:
    accounts.add_user(admin, "chef", "Cissi Chef", "supervisor", "chef-lösen-12")
    chef = login("chef", "chef-lösen-12")
    with pytest.raises(PermissionDenied):
        culling.report(chef, TODAY)
    with pytest.raises(PermissionDenied):
        culling.cull(chef, [old_cases["due"]], TODAY, confirmed=True)
    with chef.uow() as uow:
        action = uow.session.scalar(select(AuditEvent.action).order_by(AuditEvent.seq.desc()))
    assert action == "access.denied"


def test_the_triggers_still_refuse_deleting_a_signed_note_of_a_case_not_culled(
        admin: Context, old_cases: dict[str, str]) -> None:
    culling.cull(admin, [old_cases["due"]], TODAY, confirmed=True)
    with raw_connection(admin.paths.database, admin.data_key) as conn:
        for sql in ("DELETE FROM note_revisions", "DELETE FROM journal_notes",
                    "DELETE FROM culled_cases", "UPDATE culled_cases SET case_number = 'x'"):
            with pytest.raises(Exception, match="append-only|immutable"):
                conn.execute(sql)
        assert conn.execute(text("SELECT 1").text).fetchone() == (1,)


def test_a_colleague_cannot_hide_a_deletion_behind_a_forged_culling_event(
        admin: Context, login: Callable[[str, str], Context],
        old_cases: dict[str, str]) -> None:
    """A caseworker with the data key writes a 'culling' event naming another case's revisions
    and deletes them: verify still reports the revisions as missing."""
    from app import audit as audit_mod
    from app.dto import Actor

    accounts.add_user(admin, "bertil", "Bertil Berg", "caseworker", "bertils-lösen-1")
    bertil = login("bertil", "bertils-lösen-1")
    victim = old_cases["recent"]
    with bertil.uow(write=True) as uow:
        s = uow.session
        hashes = list(s.scalars(select(NoteRevision.hash).join(
            JournalNote, JournalNote.id == NoteRevision.note_id).where(
            JournalNote.case_id == victim)))
        me = Actor(bertil.actor.user_id, "bertil", "Bertil Berg", "caseworker")
        audit_mod.record(s, me, "culling.cull", details={"removed": {"revision_hashes": hashes}})
        uow.commit()
    with raw_connection(admin.paths.database, admin.data_key) as conn:
        conn.execute("DROP TRIGGER note_revisions_no_delete")
        conn.execute("DELETE FROM note_revisions WHERE note_id IN "
                     "(SELECT id FROM journal_notes WHERE case_id = ?)", (victim,))
    report = trust_report.check(admin, full=True)
    assert not report.ok
    assert any("revision that is missing" in f.problem for f in report.findings)
