"""A writer process killed with SIGKILL leaves a readable file missing at most the last second."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest

from app.audiofile import EncryptedAudioReader

KEY = bytes(range(32))
RATE = 16000
BLOCK = RATE * 2  # one second of 16-bit mono
REPO = Path(__file__).resolve().parents[3]

CHILD = f"""
import sys
from app.audiofile import EncryptedAudioWriter
writer = EncryptedAudioWriter(sys.argv[1], bytes(range(32)), {RATE})
index = 0
while True:
    writer.write(bytes([index % 256]) * {BLOCK})
    print(index, flush=True)
    index += 1
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_sigkill_while_writing_loses_at_most_a_second(tmp_path: Path, seed: int) -> None:
    path = tmp_path / "crash.skaudio"
    kill_after = random.Random(seed).randint(1, 6)
    with subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path)], cwd=REPO, stdout=subprocess.PIPE, text=True
    ) as child:
        assert child.stdout is not None
        confirmed = 0
        for _line in child.stdout:
            confirmed += 1
            if confirmed == kill_after:
                child.kill()  # SIGKILL: no close(), no flush, no atexit
                break
        child.wait()
    reader = EncryptedAudioReader(path, KEY)
    assert not reader.complete
    # Every write() that returned was fsynced; what came after may or may not be there.
    assert reader.duration_s >= confirmed
    audio = reader.read_pcm()
    assert len(audio) % BLOCK == 0
    for index in range(len(audio) // BLOCK):
        assert audio[index * BLOCK : (index + 1) * BLOCK] == bytes([index % 256]) * BLOCK
