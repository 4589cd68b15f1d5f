"""Child process for the kill -9 tests: records a visit live in real time until it is killed.

Usage: crash_child.py DATA_DIR VISIT_ID MODEL_DIR WAV

Prints, one line each and flushed: ``started <recording id>``, then ``block <n>`` after the
n-th block has been written to the audio file (the worker sees a block only after the capture
thread has handed it to the sink) and ``segment <json>`` after a segment was autosaved.
"""

from __future__ import annotations

import json
import sys
import threading
import time
from pathlib import Path

from app import accounts
from app.keys import FAST_TEST_KDF
from app.paths import DataPaths
from app.transcription import LiveRecording
from speech.audio import FileSource
from speech.engine import load_model
from speech.values import ErrorEvent, Event, LevelEvent, SegmentEvent
from tests.support.store import ADMIN, ADMIN_PASSWORD

_print_lock = threading.Lock()


def _say(line: str) -> None:
    with _print_lock:
        print(line, flush=True)


def main(data_dir: str, visit_id: str, model_dir: str, wav: str) -> int:
    ctx = accounts.login(DataPaths(Path(data_dir)), ADMIN, ADMIN_PASSWORD, kdf=FAST_TEST_KDF)
    model = load_model(model_dir)
    blocks = 0

    def on_event(event: Event) -> None:
        nonlocal blocks
        if isinstance(event, LevelEvent):
            blocks += 1
            _say(f"block {blocks}")
        elif isinstance(event, SegmentEvent):
            seg = event.segment
            _say("segment " + json.dumps([seg.start, seg.end, seg.text]))
        elif isinstance(event, ErrorEvent):
            _say(f"error {event.exc!r}")

    source = FileSource(wav, realtime=True)
    live = LiveRecording(ctx, visit_id, source, on_event, model, model_id="ko")
    info = live.start()
    _say(f"started {info.id} {time.monotonic()}")
    source.finished.wait()  # the parent kills us long before the file ends
    live.stop()
    ctx.close()
    _say("stopped")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
