"""Speech audio for engine tests: espeak-ng text to 16 kHz mono int16 PCM (no network)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from speech.batch import load_pcm


def espeak_pcm(text: str, voice: str = "sv", speed: int = 150) -> bytes:
    """``text`` spoken by espeak-ng; the test is skipped where espeak-ng is missing."""
    if shutil.which("espeak-ng") is None:
        pytest.skip("espeak-ng is not installed")
    with tempfile.TemporaryDirectory() as tmp:
        wav = Path(tmp) / "speech.wav"
        subprocess.run(["espeak-ng", "-v", voice, "-s", str(speed), "-w", str(wav), text],
                       check=True, capture_output=True)
        return load_pcm(wav)  # ffmpeg converts espeak's 22 kHz to 16 kHz
