"""scripts/check_wheel.py (run by scripts/run-tests.sh on the built wheel) catches a wheel that
installs other top-level names or another entry point."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "check_wheel.py"
META = "samskriv-0.1.0.dist-info"
GOOD_TOP_LEVEL = "app\nmodels\nserver\nspeech\nui\n"


def _wheel(path: Path, files: list[str], top_level: str = GOOD_TOP_LEVEL,
           script: str = "ui.main:main") -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name in files:
            archive.writestr(name, "")
        archive.writestr(f"{META}/top_level.txt", top_level)
        archive.writestr(f"{META}/entry_points.txt", f"[console_scripts]\nsamskriv = {script}\n")
        archive.writestr(f"{META}/RECORD", "")
    return path


def _check(wheel: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(SCRIPT), str(wheel)], capture_output=True,
                          text=True, timeout=30)


PACKAGES = [f"{name}/__init__.py" for name in ("app", "models", "server", "speech", "ui")]


def test_a_wheel_of_the_five_packages_passes(tmp_path: Path) -> None:
    checked = _check(_wheel(tmp_path / "good.whl", [*PACKAGES, "ui/i18n/samskriv_en.ts"]))
    assert checked.returncode == 0, checked.stderr


def test_a_stray_top_level_name_fails(tmp_path: Path) -> None:
    checked = _check(_wheel(tmp_path / "stray.whl", [*PACKAGES, "tests/__init__.py",
                                                     "conftest.py"]))
    assert checked.returncode == 1
    assert "'conftest'" in checked.stderr and "'tests'" in checked.stderr


def test_a_wrong_top_level_txt_or_entry_point_fails(tmp_path: Path) -> None:
    checked = _check(_wheel(tmp_path / "bad.whl", PACKAGES, top_level=GOOD_TOP_LEVEL + "bench\n",
                            script="app.cli:main"))
    assert checked.returncode == 1
    assert "top_level.txt lists" in checked.stderr and "app.cli:main" in checked.stderr
