"""Who may export what, every export and refusal audited, periods, cancellation and atomic
writes."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from app import export, notes
from app.cancel import Cancelled, CancelToken
from app.context import Context
from app.errors import NotFound, PermissionDenied, ValidationError
from models.audit import AuditEvent
from tests.support.journal_data import Journal, make_journal
from tests.support.store import FixedClock, make_case


@pytest.fixture
def journal(caseworker: Context, clock: FixedClock) -> Journal:
    return make_journal(caseworker, clock)


def _events(ctx: Context, action: str) -> list[AuditEvent]:
    with ctx.uow() as uow:
        rows = uow.session.scalars(select(AuditEvent).where(AuditEvent.action == action)
                                   .order_by(AuditEvent.seq)).all()
        uow.session.expunge_all()
        return list(rows)


def test_every_export_is_an_audit_event(caseworker: Context, journal: Journal,
                                        tmp_path: Path) -> None:
    result = export.export_journal(caseworker, export.ExportRequest("csv", case_id=journal.case.id),
                                   tmp_path / "j.csv")
    (event,) = _events(caseworker, "journal.export")
    assert (event.username, event.object_type, event.object_id) == (
        "handlaggare", "case", journal.case.id)
    assert event.details["format"] == "csv" and event.details["notes"] == 3
    assert event.details["sha256"] == result.sha256


def test_a_caseworker_exports_only_assigned_cases(admin: Context, caseworker: Context,
                                                  tmp_path: Path) -> None:
    other = make_case(admin, "2026-0099", "Annat ärende")
    notes.create_draft(admin, other.id, "Anteckning i ett ärende hon inte har.")
    target = tmp_path / "x.pdf"
    with pytest.raises(PermissionDenied) as denied:
        export.export_journal(caseworker, export.ExportRequest("pdf", case_id=other.id), target)
    assert denied.value.message == "Du är inte tilldelad det här ärendet."
    assert not target.exists()
    (event,) = _events(caseworker, "access.denied")
    assert event.username == "handlaggare" and event.object_id == other.id
    assert event.details["permission"] == "READ_CASE"
    assert _events(caseworker, "journal.export") == []


def test_a_caseworker_cannot_export_the_unit(caseworker: Context, journal: Journal,
                                             tmp_path: Path) -> None:
    with pytest.raises(PermissionDenied) as denied:
        export.export_journal(caseworker, export.ExportRequest("pdf"), tmp_path / "u.pdf")
    assert "Bara enhetschefer" in denied.value.message
    assert [(e.object_type, e.object_id, e.details) for e in _events(caseworker, "access.denied")
            ] == [("export", "unit", {"permission": "EXPORT_UNIT", "action": "journal.export"})]


def test_an_unknown_case_number_is_not_found_and_audited(supervisor: Context,
                                                         tmp_path: Path) -> None:
    with pytest.raises(NotFound):
        export.export_journal(supervisor, export.ExportRequest("pdf", case_number="nej"),
                              tmp_path / "n.pdf")
    assert len(_events(supervisor, "journal.export_denied")) == 1


def test_a_supervisor_exports_the_unit_for_a_period(supervisor: Context, caseworker: Context,
                                                    journal: Journal, clock: FixedClock,
                                                    tmp_path: Path) -> None:
    later = make_case(caseworker, "2026-0100", "Senare ärende")
    clock.advance(days=30)
    notes.create_draft(caseworker, later.id, "En anteckning en månad senare.")
    everything = export.read_export(supervisor, export.ExportRequest("json"))
    assert [c.case_number for c in everything.cases] == ["2026-0042", "2026-0100"]
    day = clock.now.astimezone().date()
    recent = export.read_export(supervisor, export.ExportRequest(
        "json", period_from=day - timedelta(days=2), period_to=day))
    assert [c.case_number for c in recent.cases] == ["2026-0100"]
    assert recent.note_count == 1
    result = export.export_journal(supervisor, export.ExportRequest("pdf"), tmp_path / "u.pdf")
    assert (result.cases, result.notes) == (2, 4)
    assert _events(supervisor, "journal.export")[0].object_type == "unit"


def test_a_period_running_backwards_is_refused(supervisor: Context, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="början ligger efter"):
        export.export_journal(supervisor, export.ExportRequest(
            "pdf", period_from=date(2026, 3, 2), period_to=date(2026, 3, 1)), tmp_path / "p.pdf")
    with pytest.raises(ValidationError, match="format"):
        export.export_journal(supervisor, export.ExportRequest("odt"), tmp_path / "p.odt")


def test_cancel_writes_nothing_and_keeps_the_old_file(caseworker: Context, journal: Journal,
                                                      tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "j.docx"
    target.write_bytes(b"tidigare export")
    token = CancelToken()
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        seen.append((done, total))
        if done == 2:
            token.cancel()  # the user presses Avbryt while the second note is written

    with pytest.raises(Cancelled):
        export.export_journal(caseworker, export.ExportRequest("docx", case_id=journal.case.id),
                              target, cancel=token, progress=progress)
    assert seen == [(0, 0), (1, 3), (2, 3)]
    assert target.read_bytes() == b"tidigare export"
    assert sorted(p.name for p in target.parent.iterdir()) == ["j.docx"]  # no temporary file
    assert _events(caseworker, "journal.export") == []


def test_the_file_is_replaced_whole(caseworker: Context, journal: Journal,
                                    tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "j.json"
    target.write_text("gammalt", "utf-8")
    export.export_journal(caseworker, export.ExportRequest("json", case_id=journal.case.id),
                          target)
    assert target.read_text("utf-8").startswith("{")
    assert sorted(p.name for p in target.parent.iterdir()) == ["j.json"]


def test_a_failed_write_leaves_no_temporary_file(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    def broken_replace(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("os.replace", broken_replace)
    with pytest.raises(OSError):
        export.write_atomically(tmp_path / "f.pdf", b"data")
    assert list(tmp_path.iterdir()) == []
