"""``samskriv export`` and ``samskriv audit log`` end to end, through the real command."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from app import accounts, notes
from app.keys import FAST_TEST_KDF
from app.paths import DataPaths
from tests.e2e.test_cli import PASSWORD, samskriv
from tests.support.store import make_case


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli-export") / "data"
    made = samskriv(folder, "init", "--username", "admin", "--name", "Astrid Admin")
    assert made.returncode == 0, made.stderr
    ctx = accounts.login(DataPaths(folder), "admin", PASSWORD, kdf=FAST_TEST_KDF)
    try:
        case = make_case(ctx, "IFO-2026-9")
        note = notes.create_draft(ctx, case.id, "Samtal med Åsa om skolan 😊.")
        notes.sign(ctx, note.id)
    finally:
        ctx.close()
    added = samskriv(folder, "user", "add", "bo", "--role", "caseworker",
                     SAMSKRIV_NEW_PASSWORD="bos-lösenord-1")
    assert added.returncode == 0, added.stderr
    return folder


def test_export_a_case_to_pdf(data: Path, tmp_path: Path) -> None:
    target = tmp_path / "journal.pdf"
    done = samskriv(data, "export", "--case", "IFO-2026-9", "--format", "pdf", "-o", str(target))
    assert done.returncode == 0, done.stderr
    assert "Exporterade 1 anteckningar i 1 ärenden" in done.stdout
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Samtal med Åsa om skolan 😊." in text


def test_export_the_unit_for_a_period_to_csv(data: Path, tmp_path: Path) -> None:
    target = tmp_path / "enheten.csv"
    done = samskriv(data, "export", "--unit", "--from", "2020-01-01", "--to", "2099-12-31",
                    "--format", "csv", "-o", str(target))
    assert done.returncode == 0, done.stderr
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")


def test_a_caseworker_is_refused_in_swedish(data: Path, tmp_path: Path) -> None:
    refused = samskriv(data, "export", "--case", "IFO-2026-9", "--format", "docx", "-o",
                       str(tmp_path / "x.docx"), password="bos-lösenord-1", SAMSKRIV_USER="bo")
    assert refused.returncode == 2
    assert refused.stderr == "samskriv: Du är inte tilldelad det här ärendet.\n"
    assert not (tmp_path / "x.docx").exists()


def test_a_bad_date_is_a_usage_error(data: Path, tmp_path: Path) -> None:
    bad = samskriv(data, "export", "--unit", "--from", "igår", "--format", "csv", "-o",
                   str(tmp_path / "x.csv"))
    assert bad.returncode == 2 and "ogiltigt datum" in bad.stderr


def test_audit_log_lists_exports_and_denials_and_saves_a_report(data: Path,
                                                                tmp_path: Path) -> None:
    samskriv(data, "export", "--case", "IFO-2026-9", "--format", "json", "-o",
             str(tmp_path / "j.json"))
    samskriv(data, "export", "--unit", "--format", "json", "-o", str(tmp_path / "u.json"),
             password="bos-lösenord-1", SAMSKRIV_USER="bo")
    report = tmp_path / "logg.pdf"
    log = samskriv(data, "audit", "log", "--kind", "exported", "--kind", "refused", "--format",
                   "pdf", "-o", str(report))
    assert log.returncode == 0, log.stderr
    assert log.stdout.startswith("Granskningsloggen är hel")
    assert "Exporterade journal\tIFO-2026-9" in log.stdout
    assert "\tbo\tNekades åtkomst" in log.stdout
    assert report.read_bytes().startswith(b"%PDF")
    only_bo = samskriv(data, "audit", "log", "--log-user", "bo")
    assert "\tadmin\t" not in only_bo.stdout and "\tbo\t" in only_bo.stdout
    refused = samskriv(data, "audit", "log", password="bos-lösenord-1", SAMSKRIV_USER="bo")
    assert refused.returncode == 2 and "enhetschefer och administratörer" in refused.stderr
