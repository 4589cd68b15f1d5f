"""The composition root ``ui.main``: subcommands without Qt, and a loud refusal when one of the
top-level names (app, models, ui, speech, server) is not this project's."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_main(*args: str, pythonpath: list[Path] | None = None, importtime: bool = False,
             **env: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if not k.startswith("SAMSKRIV_")}
    environ |= {"PYTHONPATH": os.pathsep.join(str(p) for p in (pythonpath or [ROOT])),
                "PYTHONWARNINGS": "error", **env}
    flags = ["-X", "importtime"] if importtime else []
    return subprocess.run([sys.executable, *flags, "-m", "ui.main", *args], env=environ,
                          cwd=ROOT.parent, capture_output=True, text=True, timeout=60,
                          stdin=subprocess.DEVNULL)


def _imported(importtime_stderr: str) -> set[str]:
    """Module names from ``python -X importtime`` (``import time: self | cumulative | name``)."""
    return {line.rsplit("|", 1)[1].strip() for line in importtime_stderr.splitlines()
            if line.startswith("import time:") and line.count("|") == 2}


def test_a_subcommand_runs_without_loading_qt(tmp_path: Path) -> None:
    made = run_main("--data-dir", str(tmp_path / "data"), "init", "--username", "admin",
                    importtime=True, SAMSKRIV_PASSWORD="admin-lösenord-1")
    assert made.returncode == 0, made.stderr[-2000:]
    assert "administratören admin" in made.stdout
    imported = _imported(made.stderr)
    assert {"app.cli", "app.accounts"} <= imported  # the probe sees what was loaded
    assert not {m for m in imported if m.split(".")[0] in ("PySide6", "shiboken6", "ui")} - {
        "ui", "ui.main"}


def test_no_subcommand_starts_the_gui(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import ui.app
    from app.keys import FAST_TEST_KDF
    from ui.main import main

    started: list[tuple[str | None, str | None, object]] = []

    def run_gui(data_dir: str | None, lang: str | None, *, kdf: object) -> int:
        started.append((data_dir, lang, kdf))
        return 0

    monkeypatch.setattr(ui.app, "run_gui", run_gui)
    # Issue 9: the old test switch in the environment no longer reaches the app ...
    monkeypatch.setenv("SAMSKRIV_FAST_KDF", "1")
    assert main(["--data-dir", str(tmp_path), "--lang", "en"]) == 0
    # ... only a test, calling main itself, hands it the cheap Argon2id.
    assert main(["--data-dir", str(tmp_path)], kdf=FAST_TEST_KDF) == 0
    assert started == [(str(tmp_path), "en", None), (str(tmp_path), None, FAST_TEST_KDF)]


def test_the_shipped_command_ignores_the_old_fast_kdf_variable(tmp_path: Path) -> None:
    """The variable that once selected the test KDF writes no weak parameters into keys.json."""
    import json

    from app.keys import KdfParams

    made = run_main("--data-dir", str(tmp_path / "data"), "init", "--username", "admin",
                    SAMSKRIV_PASSWORD="admin-lösenord-1", SAMSKRIV_FAST_KDF="1")
    assert made.returncode == 0, made.stderr[-2000:]
    keys = json.loads((tmp_path / "data" / "keys.json").read_text(encoding="utf-8"))
    assert keys["users"]["admin"]["kdf"] == {"time_cost": KdfParams().time_cost,
                                             "memory_cost": KdfParams().memory_cost,
                                             "parallelism": KdfParams().parallelism}
    assert KdfParams().memory_cost >= 65536


def test_a_foreign_package_on_the_path_is_refused(tmp_path: Path) -> None:
    shadow = tmp_path / "shadow"
    (shadow / "models").mkdir(parents=True)
    (shadow / "models" / "__init__.py").write_text("SHADOW = True\n", encoding="utf-8")
    refused = run_main("--help", pythonpath=[shadow, ROOT])
    assert refused.returncode == 4
    assert "models" in refused.stderr and str(shadow / "models") in refused.stderr
    assert "Traceback" not in refused.stderr and refused.stdout == ""


def test_another_distribution_claiming_a_name_is_refused(tmp_path: Path) -> None:
    site = tmp_path / "site"
    info = site / "otherapp-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: otherapp\nVersion: 1.0\n",
                                   encoding="utf-8")
    (info / "top_level.txt").write_text("app\nrequests\n", encoding="utf-8")
    refused = run_main("--help", pythonpath=[ROOT, site])
    assert refused.returncode == 4
    assert "app: installeras också av otherapp" in refused.stderr


def test_this_checkout_passes_the_guard() -> None:
    helped = run_main("--help")
    assert helped.returncode == 0, helped.stderr
    assert "samskriv" in helped.stdout
