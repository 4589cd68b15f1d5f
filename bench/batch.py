"""Benchmark file transcription: ``samskriv transcribe`` on a batch of different files.

Usage: python3 bench/batch.py [--minutes 1] [--jobs N]. Prints JSON on the last line.

Six kinds of audio (``bench._audio.speech_file``: a conversation, fast speech, long
silences, loud noise, several voices, a distant quiet speaker), ``--minutes`` each. In one run:

* ``batch_s``: the CLI's default, the files decoded at once (one stream each, ``--jobs``
  files at a time; by default one per core), against ``sequential_s``: the same CLI with
  ``--jobs 1``, one file after the other. ``speedup`` is their ratio; both include the model
  load. CPU seconds beside them (other work on the same cores distorts wall time, not CPU).
* ``word_agreement`` of every file's batch words with ``vosk-transcriber``'s, and the
  engine's own noise floor on that file (the same stream fed 8000-byte blocks);
  ``word_agreement`` and ``noise_floor`` in the summary are the minima, and
  ``agreement_within_floor`` says whether every file reached its own floor.
* ``rss_*``: the CLI's peak resident memory, one stream and ``jobs`` streams at once;
  ``rss_per_stream_mb`` is what each stream beyond the first adds (the model is shared).
* ``split_*``: the opt-in split of one file into parts (``SplitOptions()``, ``--jobs``
  threads, in-process: decode time only), for comparison.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench._audio import KINDS, model_without_dither, print_result, speech_file  # noqa: E402

Words = list[str]
ALL_KINDS = ["conversation", *KINDS]


def _children_cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _timed(command: list[str], **kw: object) -> tuple[float, float, float]:
    """Run ``command``; (wall seconds, CPU seconds, peak RSS in MB, polled every 0.2 s)."""
    cpu, began = _children_cpu_s(), time.perf_counter()
    proc = subprocess.Popen(command, stderr=subprocess.DEVNULL, **kw)  # type: ignore[call-overload]
    peak = 0
    watched = psutil.Process(proc.pid)
    while proc.poll() is None:
        with contextlib.suppress(psutil.Error):  # it may just have ended
            peak = max(peak, watched.memory_info().rss)
        time.sleep(0.2)
    if proc.returncode != 0:
        raise SystemExit(f"{command[:4]} failed with {proc.returncode}")
    return time.perf_counter() - began, _children_cpu_s() - cpu, peak / 2**20


def _samskriv(files: list[Path], model: Path, out: Path, jobs: int | None
              ) -> tuple[float, float, float, dict[str, Words]]:
    command = [sys.executable, "-m", "app.cli", "transcribe", *map(str, files)]
    command += ["--model", str(model), "--format", "txt", "--output", str(out)]
    if jobs is not None:
        command += ["--jobs", str(jobs)]
    wall, cpu, rss = _timed(command, cwd=ROOT)
    words = {f.stem: (out / f"{f.stem}.txt").read_text(encoding="utf-8").split() for f in files}
    return wall, cpu, rss, words


def _vosk_transcriber(audio: Path, model: Path, out: Path) -> tuple[float, float, Words]:
    # txt, because vosk-transcriber's own json writer crashes (UnboundLocalError, vosk 0.3.45).
    target = out / f"vosk-{audio.stem}.txt"
    # The one next to this interpreter (a venv's bin/ is not always on PATH).
    beside = Path(sys.executable).parent / "vosk-transcriber"
    program = str(beside) if beside.exists() else "vosk-transcriber"
    command = [program, "-m", str(model), "-i", str(audio), "-t", "txt"]
    wall, cpu, _ = _timed([*command, "-o", str(target), "--log-level", "WARNING"])
    return wall, cpu, target.read_text(encoding="utf-8").split()


def _decode(audio: Path, model: object, block_bytes: int) -> Words:
    from speech.batch import load_pcm, transcribe_pcm

    segments = transcribe_pcm(model, load_pcm(audio), threads=1,  # type: ignore[arg-type]
                              block_bytes=block_bytes)
    return [w.text for s in segments for w in s.words]


def _split_decode(audio: Path, model: object, threads: int) -> tuple[float, Words]:
    from speech.batch import SplitOptions, load_pcm, transcribe_pcm

    pcm = load_pcm(audio)
    began = time.perf_counter()
    segments = transcribe_pcm(model, pcm, threads=threads,  # type: ignore[arg-type]
                              split=SplitOptions())
    return time.perf_counter() - began, [w.text for s in segments for w in s.words]


@dataclass(frozen=True)
class FileFigures:
    """One file's words against vosk-transcriber's."""

    file: str
    reference_words: int
    word_agreement: float
    noise_floor: float
    identical_to_one_stream: bool
    split_word_agreement: float


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
    from speech.engine import load_model
    from speech.files import default_jobs

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--minutes", type=float, default=1.0, help="length of each file")
    parser.add_argument("--jobs", type=int, default=None,
                        help="files at once in the batch (default: the CLI's own choice)")
    args = parser.parse_args()
    files, model = [speech_file(kind, args.minutes) for kind in ALL_KINDS], model_without_dither()
    jobs = args.jobs if args.jobs is not None else default_jobs(len(files))
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        batch_s, batch_cpu, batch_rss, batch = _samskriv(files, model, out / "batch", args.jobs)
        seq_s, seq_cpu, seq_rss, sequential = _samskriv(files, model, out / "seq", 1)
        theirs = {f.stem: _vosk_transcriber(f, model, out) for f in files}
    loaded = load_model(model)
    per_file: list[FileFigures] = []
    split_s = 0.0
    for f in files:
        reference = theirs[f.stem][2]
        took, split = _split_decode(f, loaded, max(2, jobs))
        split_s += took
        per_file.append(FileFigures(
            file=f.stem,
            reference_words=len(reference),
            word_agreement=round(agreement(batch[f.stem], reference), 4),
            noise_floor=round(agreement(_decode(f, loaded, 8000), reference), 4),
            identical_to_one_stream=batch[f.stem] == sequential[f.stem],
            split_word_agreement=round(agreement(split, reference), 4),
        ))
    theirs_s = sum(t[0] for t in theirs.values())
    print_result(
        {
            "files": len(files),
            "minutes_per_file": args.minutes,
            "jobs": jobs,
            "cores": os.cpu_count(),
            "batch_s": round(batch_s, 2),
            "sequential_s": round(seq_s, 2),
            "speedup": round(seq_s / batch_s, 3),
            "batch_cpu_s": round(batch_cpu, 2),
            "sequential_cpu_s": round(seq_cpu, 2),
            "vosk_transcriber_s": round(theirs_s, 2),
            "speedup_vs_vosk_transcriber": round(theirs_s / batch_s, 3),
            "word_agreement": min(p.word_agreement for p in per_file),
            "noise_floor": min(p.noise_floor for p in per_file),
            "agreement_within_floor": all(p.word_agreement >= p.noise_floor for p in per_file),
            "identical_to_one_stream": all(p.identical_to_one_stream for p in per_file),
            "rss_one_stream_mb": round(seq_rss),
            "rss_batch_mb": round(batch_rss),
            "rss_per_stream_mb": round((batch_rss - seq_rss) / max(1, jobs - 1)),
            "split_decode_s": round(split_s, 2),
            "split_word_agreement": min(p.split_word_agreement for p in per_file),
            "per_file": [asdict(p) for p in per_file],
        }
    )


if __name__ == "__main__":
    main()
