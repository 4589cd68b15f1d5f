"""``samskriv-server`` administration subcommands on the embedded SQLite database."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from server.cli import main

PASSWORD = "ett-långt-lösenord-1"


def _run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, data: Path,
         *args: str, stdin: str = "") -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main([args[0], "--data-dir", str(data), *args[1:]])
    out, err = capsys.readouterr()
    return code, out.strip(), err.strip()


def test_units_users_cases_tokens_and_the_audit_chain(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    def run(*args: str, stdin: str = "") -> tuple[int, str, str]:
        return _run(capsys, monkeypatch, tmp_path, *args, stdin=stdin)

    assert run("unit-create", "Norr")[0] == 0
    assert run("unit-create", "Norr")[0] == 1  # exists
    assert "Norr" in run("unit-list")[1]
    code, user_id, _ = run("user-create", "anna", "--unit", "Norr", "--role", "caseworker",
                           "--password-stdin", stdin=PASSWORD + "\n")
    assert code == 0 and len(user_id) == 32
    code, _, err = run("user-create", "kort", "--unit", "Norr", "--role", "caseworker",
                       "--password-stdin", stdin="kort\n")
    assert code == 1 and "minst 10" in err
    assert run("user-create", "x", "--unit", "Ingen", "--role", "admin", "--password-stdin",
               stdin=PASSWORD + "\n")[2] == "Enheten finns inte."
    assert run("case-create", "2026-7", "--unit", "Norr", "--title", "Utredning")[0] == 0
    assert run("case-assign", "2026-7", "anna") == (0, "ok", "")
    assert run("case-assign", "2026-7", "anna")[1] == "unchanged"
    assert run("case-unassign", "2026-7", "anna")[1] == "ok"
    assert run("user-reset-password", "anna", "--password-stdin",
               stdin="ett-annat-lösenord-2\n")[0] == 0
    assert run("token-list") == (0, "", "")
    assert run("token-revoke", "finnsinte")[0] == 1
    assert run("user-deactivate", "anna")[1] == "tokens revoked: 0"
    code, out, _ = run("audit-verify")
    assert code == 0 and out.startswith("ok: ")


def test_the_database_must_be_named(capsys: pytest.CaptureFixture[str],
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SAMSKRIV_DATABASE_URL", raising=False)
    assert main(["unit-list"]) == 2
    assert "--data-dir" in capsys.readouterr().err


def test_serve_refuses_a_certificate_without_its_key(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--data-dir", str(tmp_path), "--certfile", "c.pem"]) == 2


@pytest.mark.slow
def test_serve_starts_a_working_server_on_an_embedded_database(tmp_path: Path) -> None:
    import socket
    import subprocess
    import sys
    import time

    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    root = Path(__file__).resolve().parents[3]
    proc = subprocess.Popen([sys.executable, "-m", "server", "serve", "--data-dir",
                             str(tmp_path), "--port", str(port)], cwd=root,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                resp = httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=2)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline and proc.poll() is None
                time.sleep(0.2)
        assert resp.json() == {"status": "ready"}
        assert (tmp_path / "samskriv-server.sqlite3").exists()
    finally:
        proc.terminate()
        proc.wait(30)
