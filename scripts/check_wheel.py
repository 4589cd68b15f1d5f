"""Check a built Samskriv wheel: it installs exactly the five top-level packages, and
``samskriv`` is the composition root ``ui.main:main``.

Usage: python scripts/check_wheel.py dist/samskriv-*.whl  (exit 1 with the reasons otherwise)
The names are generic, so a stray top-level module (a ``tests`` or ``conftest`` swept into the
wheel) would collide with other distributions; ``ui.main`` refuses to start on such a clash.
"""

from __future__ import annotations

import configparser
import sys
import zipfile
from pathlib import Path

EXPECTED = {"app", "models", "server", "speech", "ui"}
ENTRY_POINT = "ui.main:main"


def problems(wheel: Path) -> list[str]:
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        info = {n.split("/")[0] for n in names if n.split("/")[0].endswith(".dist-info")}
        if len(info) != 1:
            return [f"{wheel.name}: expected one .dist-info folder, found {sorted(info)}"]
        meta = info.pop()
        found: list[str] = []
        top_level_txt = f"{meta}/top_level.txt"
        if top_level_txt in names:
            listed = set(archive.read(top_level_txt).decode().split())
            if listed != EXPECTED:
                found.append(f"top_level.txt lists {sorted(listed)}, expected {sorted(EXPECTED)}")
        else:
            found.append("no top_level.txt")
        installed = {n.split("/")[0].removesuffix(".py") for n in names
                     if not n.split("/")[0].endswith((".dist-info", ".data"))}
        if installed != EXPECTED:
            found.append(f"the wheel installs {sorted(installed)}, expected {sorted(EXPECTED)}")
        entry_points = configparser.ConfigParser()
        entry_points.read_string(archive.read(f"{meta}/entry_points.txt").decode()
                                 if f"{meta}/entry_points.txt" in names else "")
        script = entry_points.get("console_scripts", "samskriv", fallback=None)
        if script != ENTRY_POINT:
            found.append(f"console script samskriv = {script!r}, expected {ENTRY_POINT!r}")
        return found


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    found = problems(Path(argv[0]))
    for line in found:
        print(f"check_wheel: {line}", file=sys.stderr)
    if not found:
        print(f"check_wheel: {Path(argv[0]).name} installs {', '.join(sorted(EXPECTED))}")
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
