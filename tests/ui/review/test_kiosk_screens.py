"""With two screens the kiosk covers both (the main window with the whole note stays hidden),
and no kiosk text is cut off at 1366×768, in Swedish and English.

The screens of a Qt process are fixed when it starts, so the kiosk runs in a child process on
the offscreen platform with a two-screen configuration (``screens_probe``)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
# The offscreen plugin's configuration: one screen per entry, placed side by side.
TWO_SCREENS = {
    "synchronousWindowSystemEvents": True,
    "windowFrameMargins": False,
    "screens": [
        {"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768,
         "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1},
        {"name": "projector", "x": 1366, "y": 0, "width": 1920, "height": 1080,
         "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1},
    ],
}


def _probe(tmp_path: Path, language: str) -> dict[str, object]:
    config = tmp_path / "screens.json"
    config.write_text(json.dumps(TWO_SCREENS), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
           "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "tests.ui.review.screens_probe", str(tmp_path / "data"),
         language], cwd=ROOT, env=env, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr[-2000:]
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


@pytest.mark.parametrize("language", ["sv", "en"])
def test_every_screen_is_covered_and_nothing_is_clipped(tmp_path: Path, language: str) -> None:
    result = _probe(tmp_path, language)
    assert result["screens"] == [["laptop", 0, 0, 1366, 768],
                                 ["projector", 1366, 0, 1920, 1080]]
    # The kiosk fills the laptop screen; a calm cover fills the projector, over the main
    # window that shows the whole note there, and shows none of the note itself.
    assert result["kiosk"] == ["laptop", 0, 0, 1366, 768, True, True]
    assert result["covers"] == [["projector", 1366, 0, 1920, 1080, True, True, False]]
    for key in ("clipped_page_adult", "clipped_summary_adult", "clipped_unlock_adult",
                "clipped_page_child", "clipped_summary_child", "clipped_unlock_child"):
        assert result[key] == [], key
    assert result["unlocked_adult"] and result["unlocked_child"]
    assert result["covers_after"] == 0  # unlocking takes the covers away
