"""KB-Whisper (faster-whisper, CTranslate2 int8 on the CPU) as a ``FileTranscriber`` that
decodes in a worker process (``speech.whisper_worker``).

Why a process, not a thread: the model's memory is returned when the process ends, a crash
or an out-of-memory kill in native code cannot take the window (or a live recording) down,
and the process can run at a lower priority than the live recording. The price is the
start-up (about a second to import the libraries, plus loading the model, which a thread
would pay too).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import queue
import subprocess
import sys
import threading
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from speech.errors import TranscriptionCancelled, WorkerFailed
from speech.values import WHISPER, Segment, Word
from speech.whisper_model import WhisperModelInvalid, ensure_whisper_model, physical_cores

_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class WhisperOptions:
    """How the second pass decodes. ``threads=0`` means the physical core count.

    Greedy decoding (``beam_size=1``): on two cores beam 5 costs about 1.5× the time (research
    figures for small: RTF 0.19 greedy vs 0.28 beam 5) for a small gain; the merge offers
    every uncertain change as a suggestion anyway.
    """

    language: str | None = "sv"
    threads: int = 0
    beam_size: int = 1
    nice: int = 10
    piece_s: float = 120.0  # decoded in pieces this long (cut at pauses): bounds the memory

    @property
    def cpu_threads(self) -> int:
        return self.threads if self.threads > 0 else physical_cores()


class WhisperFileTranscriber:
    """A CTranslate2 Whisper model folder as a ``speech.engine.FileTranscriber``.

    Threading contract: ``transcribe`` blocks the calling thread (never the GUI thread) while
    a worker process decodes; ``progress`` is called on the calling thread; ``cancel`` is
    checked about ten times a second and then the worker is killed. Each call starts its own
    worker, so calls may overlap (each pays its own memory). ``worker_pid`` is the running
    worker's process id (tests kill it to play a crash).
    """

    engine = WHISPER

    def __init__(self, folder: str | Path, options: WhisperOptions = WhisperOptions()) -> None:
        self.folder = Path(folder)
        ensure_whisper_model(self.folder)
        self.options = options
        self.worker_pid: int | None = None
        self.last_worker_peak_kb = 0

    @property
    def model_id(self) -> str:
        return self.folder.name

    def transcribe(self, pcm: bytes, progress: Any, cancel: Any) -> list[Segment]:
        ensure_whisper_model(self.folder)  # it may have been removed since
        command = [sys.executable, "-m", "speech.whisper_worker"]
        env = dict(os.environ, HF_HUB_OFFLINE="1", PYTHONPATH=_import_root())
        proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, env=env)
        self.worker_pid = proc.pid
        messages: queue.Queue[dict[str, Any] | None] = queue.Queue()
        stderr_tail: deque[str] = deque(maxlen=20)
        threads = [
            threading.Thread(target=_feed, args=(proc.stdin, self._header(), pcm), daemon=True),
            threading.Thread(target=_read_messages, args=(proc.stdout, messages), daemon=True),
            threading.Thread(target=_read_tail, args=(proc.stderr, stderr_tail), daemon=True),
        ]
        for thread in threads:
            thread.start()
        try:
            return self._follow(proc, messages, progress, cancel, stderr_tail)
        finally:
            if proc.poll() is None:
                proc.kill()
            proc.wait()
            for thread in threads:
                thread.join(timeout=5)
            for pipe in (proc.stdin, proc.stdout, proc.stderr):
                if pipe is not None:
                    pipe.close()
            self.worker_pid = None

    def _header(self) -> bytes:
        options = {"folder": str(self.folder), "threads": self.options.cpu_threads,
                   "language": self.options.language, "beam_size": self.options.beam_size,
                   "nice": self.options.nice, "piece_s": self.options.piece_s}
        return (json.dumps(options) + "\n").encode("utf-8")

    def _follow(self, proc: subprocess.Popen[bytes], messages: queue.Queue[dict[str, Any] | None],
                progress: Any, cancel: Any, stderr_tail: deque[str]) -> list[Segment]:
        while True:
            if cancel.is_set():
                raise TranscriptionCancelled()
            try:
                message = messages.get(timeout=0.1)
            except queue.Empty:
                continue
            if message is None:  # stdout closed without a result: the worker died
                code = proc.wait()
                last = stderr_tail[-1][:200] if stderr_tail else ""
                _log.warning("whisper worker ended with code %s without a result (%s)",
                             code, last)
                raise WorkerFailed(f"whisper worker ended with code {code}")
            kind = message.get("kind")
            if kind == "loaded":
                progress(0.0)
            elif kind == "progress":
                progress(float(message["fraction"]))
            elif kind == "error":
                detail = str(message.get("detail", ""))
                if message.get("error") == "model":
                    raise WhisperModelInvalid([f"loadable model files ({detail})"],
                                              str(self.folder))
                raise WorkerFailed(f"whisper worker failed: {detail}")
            elif kind == "done":
                progress(1.0)
                return [_segment(s) for s in message["segments"]]


def _segment(raw: dict[str, Any]) -> Segment:
    words = tuple(Word(w["word"], float(w["start"]), float(w["end"]), float(w["conf"]))
                  for w in raw["words"])
    start = words[0].start if words else float(raw["start"])
    end = words[-1].end if words else float(raw["end"])
    return Segment(start, end, str(raw["text"]), words, float(raw["no_speech"]))


def _import_root() -> str:
    """The folder holding the ``speech`` package, first on the worker's import path."""
    root = str(Path(__file__).resolve().parent.parent)
    rest = os.environ.get("PYTHONPATH", "")
    return root if not rest else os.pathsep.join([root, rest])


def _feed(stdin: IO[bytes] | None, header: bytes, pcm: bytes) -> None:
    assert stdin is not None
    try:
        stdin.write(header)
        stdin.write(pcm)
    except (BrokenPipeError, OSError):
        pass  # the worker died or was killed; the reader reports it
    finally:
        with contextlib.suppress(OSError):
            stdin.close()


def _read_messages(stdout: IO[bytes] | None, out: queue.Queue[dict[str, Any] | None]) -> None:
    assert stdout is not None
    for line in stdout:
        try:
            out.put(json.loads(line))
        except ValueError:
            continue
    out.put(None)


def _read_tail(stderr: IO[bytes] | None, tail: deque[str]) -> None:
    assert stderr is not None
    for line in stderr:  # drained so a chatty library cannot block the worker on a full pipe
        tail.append(line.decode("utf-8", "replace").rstrip())
