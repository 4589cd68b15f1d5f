"""The KB-Whisper second pass's worker process: ``python -m speech.whisper_worker``.

Runs apart from the app so that its memory (a model of 0.1–1.5 GB plus decoding buffers) goes
back to the system when it ends, a crash in CTranslate2 cannot take the window down, and it
runs at a lower priority than the live recording.

Protocol (``speech.whisper`` is the other side): stdin carries one JSON line of options, then
the 16 kHz mono int16 PCM to its end (through a pipe: the audio is confidential and is never
written to disk unencrypted); stdout carries JSON lines ``{"kind": "loaded"}``,
``{"kind": "progress", "fraction": f}``, ``{"kind": "done", "segments": [...]}`` or
``{"kind": "error", "error": "model" | "failed", "detail": "..."}``.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from pathlib import Path
from typing import IO, Any

from speech.whisper_model import validate_whisper_model


def main() -> int:
    # The protocol owns the real stdout; anything a library prints goes to stderr instead.
    proto = os.fdopen(os.dup(1), "w", encoding="utf-8", buffering=1)
    os.dup2(2, 1)
    options = json.loads(sys.stdin.buffer.readline())
    pcm = sys.stdin.buffer.read()
    _lower_priority(int(options.get("nice", 10)))
    os.environ["HF_HUB_OFFLINE"] = "1"  # a local folder only: never reach the network
    folder = Path(options["folder"])
    missing = validate_whisper_model(folder)
    if missing:
        _send(proto, {"kind": "error", "error": "model", "detail": ", ".join(missing)})
        return 2
    try:
        from faster_whisper import WhisperModel

        model = WhisperModel(str(folder), device="cpu", compute_type="int8",
                             cpu_threads=int(options["threads"]), local_files_only=True)
    except Exception as exc:  # CTranslate2 raises RuntimeError/ValueError for a bad model
        _send(proto, {"kind": "error", "error": "model", "detail": _short(exc)})
        return 2
    _send(proto, {"kind": "loaded"})
    try:
        segments = _transcribe(model, pcm, options, proto)
    except Exception as exc:
        _send(proto, {"kind": "error", "error": "failed", "detail": _short(exc)})
        return 3
    _send(proto, {"kind": "done", "segments": segments})
    return 0


# faster-whisper computes the features of the whole audio before decoding: for 10 minutes
# that is a few hundred MB of spectrogram buffers. Pieces of about two minutes, cut at quiet
# stretches, keep the worker's peak near the model's own size; Whisper decodes 30-second
# windows anyway, so a cut at a pause costs no accuracy.
PIECE_S = 120.0


def _transcribe(model: Any, pcm: bytes, options: dict[str, Any], proto: IO[str]
                ) -> list[dict[str, Any]]:
    import numpy as np

    from speech.batch import SplitOptions, cut_points

    rate = 16_000
    samples = len(pcm) // 2
    duration = max(samples / rate, 1e-6)
    piece_s = float(options.get("piece_s", PIECE_S))
    split = SplitOptions(target_s=piece_s, min_s=min(20.0, piece_s / 2), search_s=piece_s / 15)
    cuts = cut_points(pcm, split)
    bounds = [0, *cuts, samples]
    out: list[dict[str, Any]] = []
    last = 0.0
    for start, end in zip(bounds, bounds[1:], strict=False):
        piece = np.frombuffer(pcm, dtype=np.int16, count=end - start, offset=start * 2)
        offset = start / rate
        parts, _info = model.transcribe(
            piece.astype(np.float32) / 32768.0,
            language=options.get("language") or None,
            beam_size=int(options.get("beam_size", 1)),
            word_timestamps=True,
            vad_filter=True,
            # Whisper's own context carries a hallucination from one window into the next.
            condition_on_previous_text=False,
        )
        for part in parts:
            words = [{"word": w.word.strip(), "start": round(offset + float(w.start), 3),
                      "end": round(offset + float(w.end), 3), "conf": round(float(w.probability), 4)}
                     for w in (part.words or ()) if w.word.strip()]
            out.append({"start": offset + float(part.start), "end": offset + float(part.end),
                        "text": part.text.strip(), "words": words,
                        "no_speech": float(part.no_speech_prob)})
            fraction = min(1.0, (offset + float(part.end)) / duration)
            if fraction > last:
                last = fraction
                _send(proto, {"kind": "progress", "fraction": fraction})
    return out


def _lower_priority(step: int) -> None:
    """Below the live recording (which must never lag): nice on POSIX; a no-op elsewhere."""
    if step > 0 and hasattr(os, "nice"):
        with contextlib.suppress(OSError):
            os.nice(step)


def _short(exc: BaseException) -> str:
    # The exception of a model load names files, never transcript text; kept short for logs.
    return f"{type(exc).__name__}: {str(exc)[:300]}"


def _send(proto: IO[str], message: dict[str, Any]) -> None:
    proto.write(json.dumps(message) + "\n")
    proto.flush()


if __name__ == "__main__":
    sys.exit(main())
