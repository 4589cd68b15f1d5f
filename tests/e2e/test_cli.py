"""The real ``samskriv`` command: init, users, search and audit verification, end to end."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app import accounts, notes
from app.keys import FAST_TEST_KDF, KeyFile
from app.paths import DataPaths
from tests.support.store import make_case, raw_connection

PASSWORD = "admin-lösenord-1"


ROOT = Path(__file__).resolve().parents[2]


def _command() -> list[str]:
    # The entry point of ``[project.scripts]`` (``ui.main.main``), run from this checkout
    # (PYTHONPATH below) with the cheap test Argon2id, which only a test can hand it.
    return [sys.executable, "-m", "tests.support.fast_kdf_main"]


def samskriv(
    data: Path, *args: str, password: str = PASSWORD, **env: str
) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if not k.startswith("SAMSKRIV_")}
    environ |= {
        "SAMSKRIV_PASSWORD": password,
        "SAMSKRIV_USER": "admin",
        "PYTHONWARNINGS": "error",
        "PYTHONPATH": str(ROOT),
        **env,
    }
    return subprocess.run(
        [*_command(), "--data-dir", str(data), *args],
        env=environ,
        cwd=data.parent,
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store made with the CLI, with one note written through the Python API."""
    folder = tmp_path_factory.mktemp("cli") / "data"
    made = samskriv(folder, "init", "--username", "admin", "--name", "Astrid Admin")
    assert made.returncode == 0, made.stderr
    assert "administratören admin" in made.stdout
    ctx = accounts.login(DataPaths(folder), "admin", PASSWORD, kdf=FAST_TEST_KDF)
    try:
        case = make_case(ctx, "IFO-2026-7")
        notes.create_draft(ctx, case.id, "Hembesök hos familjen Trastvinge i Tallbacka.")
    finally:
        ctx.close()
    return folder


def test_user_add_then_the_new_user_logs_in(data: Path) -> None:
    added = samskriv(
        data,
        "user",
        "add",
        "bo",
        "--name",
        "Bo Handläggare",
        SAMSKRIV_NEW_PASSWORD="bos-lösenord-1",
    )
    assert added.returncode == 0, added.stderr
    assert "Kontot bo (handläggare) skapades." in added.stdout  # app.vocabulary's word
    as_bo = samskriv(data, "search", "tallbacka", password="bos-lösenord-1", SAMSKRIV_USER="bo")
    assert as_bo.returncode == 0, as_bo.stderr
    assert "0 träffar." in as_bo.stderr  # a caseworker does not see an unassigned case


def test_search_prints_hits(data: Path) -> None:
    found = samskriv(data, "search", "--json", "trastvinge")
    assert found.returncode == 0, found.stderr
    hit = json.loads(found.stdout.splitlines()[0])
    assert hit["case"] == "IFO-2026-7" and "*Trastvinge*" in hit["snippet"]


def test_a_wrong_password_is_a_swedish_message_without_traceback(data: Path) -> None:
    wrong = samskriv(data, "search", "x", password="fel-lösenord")
    assert wrong.returncode == 2
    assert wrong.stderr == "samskriv: Fel användarnamn eller lösenord.\n"
    assert wrong.stdout == ""


def test_a_missing_store_is_a_swedish_message(tmp_path: Path) -> None:
    missing = samskriv(tmp_path / "tom", "audit", "verify")
    assert missing.returncode == 2
    assert "Det finns ingen databas" in missing.stderr and "Traceback" not in missing.stderr


def test_audit_verify_finds_a_tampered_event(data: Path) -> None:
    intact = samskriv(data, "audit", "verify")
    assert intact.returncode == 0, intact.stderr
    assert "Granskningsloggen är hel" in intact.stdout
    key = KeyFile(DataPaths(data).keyfile).unwrap("admin", PASSWORD)
    with raw_connection(DataPaths(data).database, key) as db:
        db.execute("DROP TRIGGER audit_events_no_update")
        db.execute("UPDATE audit_events SET action = 'logout' WHERE seq = 3")
    broken = samskriv(data, "audit", "verify")
    assert broken.returncode not in (0, 2), broken.stderr
    assert "bruten vid händelse 3" in broken.stderr
    assert "Traceback" not in broken.stderr


def _with_stdin(data: Path, stdin: str, *args: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if not k.startswith("SAMSKRIV_")}
    environ |= {"SAMSKRIV_PASSWORD": PASSWORD, "SAMSKRIV_USER": "admin",
                "PYTHONWARNINGS": "error", "PYTHONPATH": str(ROOT)}
    return subprocess.run([*_command(), "--data-dir", str(data), *args], env=environ,
                          cwd=data.parent, capture_output=True, text=True, timeout=60,
                          input=stdin)


def test_users_are_run_from_a_script_without_prompts(data: Path) -> None:
    added = _with_stdin(data, "cillas-lösenord-1\n", "users", "add", "cilla", "--name",
                        "Cilla Handläggare", "--password-stdin")
    assert added.returncode == 0, added.stderr
    listed = samskriv(data, "users", "list", "--json")
    rows = {json.loads(line)["username"]: json.loads(line) for line in listed.stdout.splitlines()}
    assert (rows["cilla"]["role"], rows["cilla"]["active"]) == ("caseworker", True)
    as_cilla = samskriv(data, "users", "list", password="cillas-lösenord-1",
                        SAMSKRIV_USER="cilla")
    assert as_cilla.returncode == 2 and "Bara en administratör" in as_cilla.stderr
    reset = _with_stdin(data, "cillas-nya-lösen-2\n", "users", "reset-password", "cilla",
                        "--password-stdin")
    assert reset.returncode == 0, reset.stderr
    gone = samskriv(data, "users", "deactivate", "cilla")
    assert gone.returncode == 0, gone.stderr
    assert "cilla" not in KeyFile(data / "keys.json").usernames()
    refused = samskriv(data, "search", "x", password="cillas-nya-lösen-2", SAMSKRIV_USER="cilla")
    assert refused.returncode == 2 and "Fel användarnamn eller lösenord" in refused.stderr
    assert "Traceback" not in refused.stderr
