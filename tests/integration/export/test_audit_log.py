"""Log follow-up: filters, flagged patterns, the chain check, permissions, CSV/PDF reports."""

from __future__ import annotations

import csv
import io
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest

from app import audit_log, audit_log_export, cases, notes, search
from app.audit_log import LogFilter
from app.context import Context
from app.errors import PermissionDenied
from tests.support.store import FixedClock, make_case, raw_connection


@pytest.fixture
def activity(admin: Context, caseworker: Context, supervisor: Context,
             clock: FixedClock) -> list[str]:
    """Twelve cases of the caseworker; the supervisor opens all of them within six minutes,
    the caseworker one, a day later, and searches."""
    ids = []
    for i in range(12):
        case = make_case(caseworker, f"2026-{i:04d}", f"Ärende {i}")
        notes.create_draft(caseworker, case.id, f"Anteckning {i}")
        ids.append(case.id)
    clock.advance(hours=1)
    for case_id in ids:
        cases.case_view(supervisor, case_id)
        clock.advance(seconds=30)
    clock.advance(days=1)
    cases.case_view(caseworker, ids[0])
    search.search(caseworker, "anteckning")
    return ids


def test_a_caseworker_is_refused_and_the_refusal_is_logged(caseworker: Context,
                                                           supervisor: Context) -> None:
    with pytest.raises(PermissionDenied, match="enhetschefer och administratörer"):
        audit_log.follow_up(caseworker, LogFilter())
    report = audit_log.follow_up(supervisor, LogFilter(categories=()))
    assert report.entries == ()  # no category chosen: nothing listed
    everything = audit_log.follow_up(supervisor, LogFilter(username="handlaggare"))
    assert all(e.username == "handlaggare" for e in everything.entries)


def test_filters_by_user_case_period_and_kind(supervisor: Context, activity: list[str],
                                              clock: FixedClock) -> None:
    by_user = audit_log.follow_up(supervisor, LogFilter(username="handlaggare",
                                                        categories=("opened", "searched")))
    assert [e.action for e in by_user.entries] == ["journal.read", "search"]
    assert by_user.entries[1].details == "sökord: anteckning · 12 träffar"
    by_case = audit_log.follow_up(supervisor, LogFilter(case_number="2026-0000",
                                                        categories=("opened",)))
    assert [(e.username, e.case_number) for e in by_case.entries] == [
        ("enhetschef", "2026-0000"), ("handlaggare", "2026-0000")]
    today = clock.now.astimezone().date()
    yesterday = audit_log.follow_up(supervisor, LogFilter(
        period_from=today - timedelta(days=1), period_to=today - timedelta(days=1),
        categories=("opened",)))
    assert {e.username for e in yesterday.entries} == {"enhetschef"}
    assert len(yesterday.entries) == 12


def test_a_burst_of_openings_and_unassigned_reads_are_flagged(supervisor: Context,
                                                              activity: list[str]) -> None:
    report = audit_log.follow_up(supervisor, LogFilter(categories=("opened",)))
    kinds = sorted((f.kind, f.username) for f in report.flags)
    assert ("burst", "enhetschef") in kinds
    assert ("burst", "handlaggare") not in kinds
    burst = next(f for f in report.flags if f.kind == "burst")
    assert len(burst.cases) == 12 and "12 olika journaler" in burst.description
    unassigned = [f for f in report.flags if f.kind == "unassigned"]
    assert {f.username for f in unassigned} == {"enhetschef"}  # the caseworker read her own
    assert len(unassigned) == 12
    flagged = [e for e in report.entries if e.username == "enhetschef"]
    assert all(set(e.flags) == {"burst", "unassigned"} for e in flagged)
    quiet = audit_log.follow_up(supervisor, LogFilter(categories=("opened",), burst_cases=13))
    assert not [f for f in quiet.flags if f.kind == "burst"]


def test_the_chain_check_is_shown_and_a_tampered_log_reported(supervisor: Context,
                                                              activity: list[str]) -> None:
    report = audit_log.follow_up(supervisor, LogFilter())
    assert report.chain.ok and "är hel" in audit_log_export.chain_text(report)
    with raw_connection(supervisor.paths.database, supervisor.data_key) as db:
        db.execute("DROP TRIGGER audit_events_no_update")
        db.execute("UPDATE audit_events SET username = 'någon' WHERE seq = 20")
    broken = audit_log.follow_up(supervisor, LogFilter())
    assert not broken.chain.ok
    assert "BRUTEN vid händelse 20" in audit_log_export.chain_text(broken)


def test_reports_as_csv_and_pdf(supervisor: Context, activity: list[str],
                                tmp_path: Path) -> None:
    report = audit_log.follow_up(supervisor, LogFilter(categories=("opened", "searched")))
    path = audit_log_export.export_report(supervisor, report, "csv", tmp_path / "logg.csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = raw.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("#;Granskningsloggen är hel")
    header = lines.index(";".join(audit_log_export.LOG_COLUMNS))
    rows = list(csv.DictReader(io.StringIO("\n".join(lines[header:])), delimiter=";"))
    assert len(rows) == len(report.entries)
    assert rows[-1]["händelse"] == "search"
    pdf = audit_log_export.export_report(supervisor, report, "pdf", tmp_path / "logg.pdf")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Logguppföljning" in text and "Många journaler på kort tid" in text
    after = audit_log.follow_up(supervisor, LogFilter(categories=("exported",)))
    assert [e.action for e in after.entries] == ["audit.export", "audit.export"]
