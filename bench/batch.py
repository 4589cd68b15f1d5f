"""Benchmark file transcription: ``samskriv transcribe`` against ``vosk-transcriber``.

Usage: python3 bench/batch.py [--minutes 5]. Prints JSON on the last line.

``word_agreement`` is the CLI's default (one stream per file) against vosk-transcriber;
``noise_floor`` is the same stream fed 8000-byte blocks. ``split_*`` is the opt-in split
(``SplitOptions()``, ``--threads`` threads, in-process: decode time only), for comparison.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench._audio import conversation, model_without_dither, print_result  # noqa: E402

Words = list[str]


def _children_cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _timed(command: list[str], **kw: object) -> tuple[float, float]:
    """Run ``command``; (wall seconds, CPU seconds). CPU time is what a loaded machine (other
    work on the same cores) does not distort."""
    cpu, began = _children_cpu_s(), time.perf_counter()
    subprocess.run(command, check=True, stderr=subprocess.DEVNULL, **kw)  # type: ignore[call-overload]
    return time.perf_counter() - began, _children_cpu_s() - cpu

def _samskriv(audio: Path, model: Path, out: Path, threads: int) -> tuple[float, float, Words]:
    command = [sys.executable, "-m", "app.cli", "transcribe", str(audio), "--model", str(model)]
    command += ["--format", "txt", "--threads", str(threads), "--output", str(out)]
    wall, cpu = _timed(command, cwd=ROOT)
    return wall, cpu, (out / f"{audio.stem}.txt").read_text(encoding="utf-8").split()


def _vosk_transcriber(audio: Path, model: Path, out: Path) -> tuple[float, float, Words]:
    # txt, because vosk-transcriber's own json writer crashes (UnboundLocalError, vosk 0.3.45).
    target = out / "vosk.txt"
    # The one next to this interpreter (a venv's bin/ is not always on PATH).
    beside = Path(sys.executable).parent / "vosk-transcriber"
    program = str(beside) if beside.exists() else "vosk-transcriber"
    command = [program, "-m", str(model), "-i", str(audio), "-t", "txt"]
    wall, cpu = _timed([*command, "-o", str(target), "--log-level", "WARNING"])
    return wall, cpu, target.read_text(encoding="utf-8").split()


def _plain_decode(audio: Path, model: Path, block_bytes: int) -> Words:
    from speech.batch import load_pcm, transcribe_pcm
    from speech.engine import load_model

    segments = transcribe_pcm(load_model(model), load_pcm(audio), threads=1, block_bytes=block_bytes)
    return [w.text for s in segments for w in s.words]


def _split_decode(audio: Path, model: Path, threads: int) -> tuple[float, Words]:
    from speech.batch import SplitOptions, load_pcm, transcribe_pcm
    from speech.engine import load_model

    loaded, pcm = load_model(model), load_pcm(audio)
    began = time.perf_counter()
    segments = transcribe_pcm(loaded, pcm, threads=threads, split=SplitOptions())
    return time.perf_counter() - began, [w.text for s in segments for w in s.words]


def agreement(hypothesis: Words, reference: Words) -> float:
    """1 - word edit distance / reference length."""
    hyp, ref = hypothesis, reference
    previous = list(range(len(hyp) + 1))
    for i, word in enumerate(ref, start=1):
        current = [i]
        for j, other in enumerate(hyp, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (word != other)))
        previous = current
    return 1 - previous[-1] / max(1, len(ref))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--minutes", type=float, default=5.0)
    parser.add_argument("--threads", type=int, default=os.cpu_count() or 2)
    args = parser.parse_args()
    audio, model = conversation(args.minutes), model_without_dither()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        theirs_s, theirs_cpu, reference = _vosk_transcriber(audio, model, out)
        ours_s, ours_cpu, ours = _samskriv(audio, model, out / "parallel", args.threads)
        single_s, _, single = _samskriv(audio, model, out / "single", 1)
    coarse = _plain_decode(audio, model, 8000)
    split_s, split = _split_decode(audio, model, args.threads)
    print_result(
        {
            "minutes": args.minutes,
            "threads": args.threads,
            "ours_s": round(ours_s, 2),
            "vosk_transcriber_s": round(theirs_s, 2),
            "single_thread_s": round(single_s, 2),
            "speedup": round(theirs_s / ours_s, 3),
            "ours_cpu_s": round(ours_cpu, 2),
            "vosk_transcriber_cpu_s": round(theirs_cpu, 2),
            "cpu_speedup": round(theirs_cpu / ours_cpu, 3),
            "reference_words": len(reference),
            "word_agreement": round(agreement(ours, reference), 4),
            "noise_floor": round(agreement(coarse, reference), 4),
            "single_thread_identical": single == reference,
            "split_decode_s": round(split_s, 2),
            "split_word_agreement": round(agreement(split, reference), 4),
        }
    )


if __name__ == "__main__":
    main()
