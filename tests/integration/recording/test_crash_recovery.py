"""kill -9 of a recording process at random points, then recovery in the app."""

from __future__ import annotations

import json
import os
import queue
import random
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import pytest

from app import recording, transcripts
from app.audiofile import HEADER_SIZE, NONCE_SIZE, TAG_SIZE
from app.context import Context
from speech.batch import load_pcm
from tests.support.audio import DIALOG_WAV

pytestmark = [pytest.mark.vosk, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[3]
CHILD = Path(__file__).with_name("crash_child.py")
BLOCKS_PER_S = 10  # FileSource's default block is 100 ms
RECORD_SIZE = 4 + NONCE_SIZE + 1 + 32_000 + TAG_SIZE  # one second of PCM, sealed
TIMEOUT_S = 30.0
# Kill points: after this many 100 ms blocks (2.2-4 s of audio), chosen once with a fixed seed.
KILL_AFTER_BLOCKS = random.Random(20260302).sample(range(22, 41), 3)


class ChildLines:
    """The child's stdout, line by line, read on a thread so waits have a timeout."""

    def __init__(self, stream: IO[str]) -> None:
        self._lines: queue.Queue[str | None] = queue.Queue()
        self._thread = threading.Thread(target=self._read, args=(stream,), daemon=True)
        self._thread.start()

    def _read(self, stream: IO[str]) -> None:
        for line in stream:
            self._lines.put(line.rstrip("\n"))
        self._lines.put(None)

    def next(self, timeout: float = TIMEOUT_S) -> str | None:
        return self._lines.get(timeout=timeout)

    def join(self) -> None:
        """Wait for end of file (the child has exited)."""
        self._thread.join(TIMEOUT_S)
        assert not self._thread.is_alive()

    def rest(self) -> Iterator[str]:
        """What the child printed before it died (call after ``join``)."""
        while (line := self._lines.get_nowait()) is not None:
            yield line


def _tail(path: Path) -> str:
    return path.read_text(errors="replace")[-2000:]


def _segments(lines: list[str]) -> list[tuple[float, float, str]]:
    return [tuple(json.loads(line[len("segment "):]))
            for line in lines if line.startswith("segment ")]


@pytest.mark.parametrize("kill_after", KILL_AFTER_BLOCKS)
def test_kill_during_recording_then_recover(
    admin: Context, visit_id: str, ko_model_dir: Path, kill_after: int, tmp_path: Path
) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, str(CHILD), str(admin.paths.root), visit_id, str(ko_model_dir),
               str(DIALOG_WAV)]
    stderr_path = tmp_path / "child.stderr"
    with stderr_path.open("w") as stderr, subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=stderr, text=True
    ) as child:
        lines = ChildLines(child.stdout)  # type: ignore[arg-type]
        seen: list[str] = []
        try:
            while (line := lines.next()) != f"block {kill_after}":
                assert line is not None, f"child ended: {seen[-3:]} {_tail(stderr_path)}"
                seen.append(line)
            started_at = next(float(s.split()[2]) for s in seen if s.startswith("started"))
            killed_at = time.monotonic()
            child.send_signal(signal.SIGKILL)
        finally:
            child.kill()  # no-op when already dead; never leave it running on a failure
            child.wait(TIMEOUT_S)
            lines.join()
        seen += [f"block {kill_after}", *lines.rest()]
    assert child.returncode == -signal.SIGKILL
    assert "stopped" not in seen and not [s for s in seen if s.startswith("error")]
    recording_id = next(s.split()[1] for s in seen if s.startswith("started"))

    assert [r.id for r in recording.unfinished(admin)] == [recording_id]
    file_size = recording.audio_path(admin, recording_id).stat().st_size
    whole_seconds_on_disk = (file_size - HEADER_SIZE) // RECORD_SIZE
    info = recording.recover(admin, recording_id)

    assert info.state == "recovered"
    assert info.duration_s == whole_seconds_on_disk  # every complete record is kept
    # Block n reached the worker only after the capture thread had written it to the file.
    assert info.duration_s >= kill_after // BLOCKS_PER_S
    # At most the last second (plus scheduling slack) is lost, measured by the wall clock.
    assert info.duration_s >= (killed_at - started_at) - 1.0 - 0.5
    audio = recording.read_audio(admin, recording_id)
    assert len(audio) == info.duration_s * 32_000
    assert audio == load_pcm(DIALOG_WAV)[: len(audio)]

    printed = _segments(seen)  # each was printed only after it had been saved
    saved = [(s.start, s.end, s.text) for s in transcripts.transcript(admin, recording_id)]
    assert saved[: len(printed)] == printed and len(saved) <= len(printed) + 1
    assert recording.unfinished(admin) == []
    assert recording.for_visit(admin, visit_id)[0].segments == len(saved)
