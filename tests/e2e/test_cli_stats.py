"""The real ``samskriv stats``, ``arbetstid`` and ``gallring`` commands, end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.e2e.test_cli import samskriv

CASEWORKER_PW = "handlaggare-lösen-1"


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli-stats") / "data"
    made = samskriv(folder, "init", "--username", "admin", "--name", "Astrid Admin")
    assert made.returncode == 0, made.stderr
    return folder


def test_hours_then_stats_as_json_and_csv(data: Path, tmp_path: Path) -> None:
    added = samskriv(data, "user", "add", "cecilia", "--name", "Cecilia Cederberg",
                     SAMSKRIV_NEW_PASSWORD=CASEWORKER_PW)
    assert added.returncode == 0, added.stderr
    hours = samskriv(data, "arbetstid", "timmar", "cecilia", "40", "--from", "2026-01-01")
    assert hours.returncode == 0, hours.stderr
    assert "40 timmar i veckan" in hours.stdout
    absence = samskriv(data, "arbetstid", "franvaro", "cecilia", "--week", "2026-11-25",
                       "--hours", "8")
    assert absence.returncode == 0 and "vecka 48" in absence.stdout
    out = samskriv(data, "stats", "--from", "2026-11-23", "--to", "2026-11-29", "--json")
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    person = result["people"][0]
    assert person["name"] == "Cecilia Cederberg"
    assert person["periods"] == [{"period": "2026-V48", "direct_minutes": 0.0,
                                  "working_minutes": 1920.0, "share": 0.0}]
    assert result["target_percent"] == 20
    csv_path = tmp_path / "stats.csv"
    saved = samskriv(data, "stats", "--from", "2026-11-23", "--to", "2026-11-29", "--csv",
                     str(csv_path))
    assert saved.returncode == 0, saved.stderr
    text = csv_path.read_bytes()
    assert text.startswith(b"\xef\xbb\xbf")
    assert "Cecilia Cederberg;2026-V48;0;1920;0,0;20" in text.decode("utf-8-sig")
    # A caseworker asking for someone else's figures gets a Swedish refusal, no traceback.
    denied = samskriv(data, "stats", "--caseworker", "admin", SAMSKRIV_USER="cecilia",
                      password=CASEWORKER_PW)
    assert denied.returncode == 2
    assert "bara se din egen statistik" in denied.stderr and "Traceback" not in denied.stderr


def test_culling_report_and_a_cull_that_needs_confirmation(data: Path, tmp_path: Path) -> None:
    report = samskriv(data, "gallring", "rapport")
    assert report.returncode == 0, report.stderr
    assert "Stängda ärenden: 0. Kan gallras nu: 0." in report.stderr
    unconfirmed = samskriv(data, "gallring", "gallra", "2019-0001", "-o",
                           str(tmp_path / "list.csv"))
    assert unconfirmed.returncode == 2 and "--yes" in unconfirmed.stderr
    unknown = samskriv(data, "gallring", "gallra", "2019-0001", "-o",
                       str(tmp_path / "list.csv"), "--yes")
    assert unknown.returncode == 2 and "finns inte" in unknown.stderr
    assert not (tmp_path / "list.csv").exists()
