"""The ``samskriv transcribe`` subcommand: transcribe audio files offline with a Vosk model
(several files at once, each file one stream) or a KB-Whisper model (``--engine whisper``:
the accuracy pass, in its own worker process, one file at a time)."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import threading
from pathlib import Path

from app import paths
from speech.engine import FileTranscriber, load_file_transcriber
from speech.errors import AudioFileError, ModelInvalid, TranscriptionCancelled
from speech.files import FileOutcome, default_jobs, transcribe_files
from speech.formats import FORMATS, render
from speech.modelstore import ModelStore
from speech.values import ENGINES, VOSK, WHISPER

CANCELLED = 130  # the shell's code for Ctrl-C


class _Failure(Exception):
    """A message for the user (Swedish) and the exit code."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "transcribe", help="Transkribera ljudfiler",
        description="Transkribera ljudfiler offline. Med vosk transkriberas flera filer "
                    "samtidigt, varje fil som en enda ström (samma ord som en fil i taget).",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", type=Path, help="ljudfil(er)")
    parser.add_argument("--model", help="modellmapp eller namn på en modell i datamappen")
    parser.add_argument("--engine", choices=ENGINES, default=VOSK,
                        help="taligenkänningsmotor (standard: %(default)s)")
    parser.add_argument("--format", choices=sorted(FORMATS), default="txt", help="utdataformat")
    parser.add_argument(
        "--jobs", "-j", type=int, default=None, metavar="N",
        help="antal filer som transkriberas samtidigt med vosk (standard: en per kärna, "
             "högst så många som minnet räcker till); whisper tar en fil i taget",
    )
    parser.add_argument(
        "--threads", type=int, default=None,
        help="antal trådar: för vosk en tråd per fil, som --jobs; för whisper trådarna för "
             "varje fil (standard: alla kärnor för vosk, de fysiska kärnorna för whisper)",
    )
    parser.add_argument("--output", type=Path, help="mapp för resultaten (annars stdout)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Transcribe each file; print results (in the order given) or write
    ``<output>/<name>.<format>`` as each file is done. A file that fails is reported and the
    others go on (exit 1); Ctrl-C stops every file (exit 130), results already written stay."""
    try:
        files = _readable(args.files)
        _check_targets(files, args)
        transcriber = _load(args.engine, _model_dir(args), _threads(args))
        if args.output is not None:
            args.output.mkdir(parents=True, exist_ok=True)
        failed = _transcribe_all(transcriber, files, args) + len(args.files) - len(files)
    except _Failure as failure:
        print(failure.message, file=sys.stderr)
        return failure.code
    if failed:
        print(f"{failed} av {len(args.files)} filer kunde inte transkriberas.", file=sys.stderr)
        return 1
    return 0


def _readable(files: list[Path]) -> list[Path]:
    """The files that exist; each missing one is reported before the slow model load."""
    for path in files:
        if not path.is_file():
            print(f"Filen kunde inte läsas: {path} (filen finns inte)", file=sys.stderr)
    present = [path for path in files if path.is_file()]
    if not present:
        raise _Failure("Ingen av filerna kunde läsas.")
    return present


def _check_targets(files: list[Path], args: argparse.Namespace) -> None:
    """Two inputs with one name would overwrite each other's result in ``--output``."""
    if args.output is None:
        return
    seen: dict[str, Path] = {}
    for path in files:
        name = f"{path.stem}.{args.format}"
        if name in seen and seen[name] != path:
            raise _Failure(f"{seen[name]} och {path} skulle båda sparas som {name}; "
                           "byt namn på en av dem eller kör dem var för sig.", 2)
        seen[name] = path


def _threads(args: argparse.Namespace) -> int:
    """Threads inside one file: only Whisper uses them (a Vosk file is one stream)."""
    if args.engine != WHISPER:
        return 1
    # 0 lets the engine take the physical cores (hyper-threads only slow it down).
    return max(1, int(args.threads)) if args.threads is not None else 0


def _jobs(args: argparse.Namespace, files: int) -> int:
    """Files at once: one for Whisper (it takes every core for one file), else ``--jobs``,
    else ``--threads``, else one per core within the memory cap."""
    if args.engine == WHISPER:
        return 1
    asked = args.jobs if args.jobs is not None else args.threads
    if asked is not None:
        return max(1, min(files, int(asked)))
    return default_jobs(files)


def _model_dir(args: argparse.Namespace) -> Path:
    models = paths.resolve(getattr(args, "data_dir", None)).models
    store = ModelStore(models)
    if args.model:
        given = Path(args.model)
        if given.is_dir() or os.sep in args.model:
            return given
        return store.folder_of(args.engine, args.model)
    installed = store.installed(args.engine)
    if len(installed) != 1:
        raise _Failure(f"Ange en modell med --model (installerade modeller finns i {models}).", 2)
    return installed[0].path


def _load(engine: str, folder: Path, threads: int) -> FileTranscriber:
    print(f"Läser in modellen {folder} …", file=sys.stderr)
    try:
        return load_file_transcriber(engine, folder, threads=threads)
    except ModelInvalid as exc:
        raise _Failure(f"Modellmappen saknas eller är ogiltig: {folder} ({exc})") from exc


class _Progress:
    """``name: 40 %`` lines on stderr, every 10 % (on a terminal, one overwritten line while
    a single file runs); called from the worker threads."""

    def __init__(self, files: list[Path], jobs: int) -> None:
        self._files = files
        self._lock = threading.Lock()
        self._overwrite = jobs == 1 and sys.stderr.isatty()

    def __call__(self, index: int, fraction: float) -> None:
        percent = int(fraction * 100)
        if percent % 10 != 0 and not self._overwrite:
            return
        end = "\r" if self._overwrite and percent < 100 else "\n"
        with self._lock:
            print(f"{self._files[index].name}: {percent} %", end=end, file=sys.stderr, flush=True)


def _transcribe_all(transcriber: FileTranscriber, files: list[Path], args: argparse.Namespace
                    ) -> int:
    """Run the batch; the number of files that failed."""
    jobs = _jobs(args, len(files))
    if jobs > 1:
        print(f"Transkriberar {len(files)} filer, {jobs} åt gången …", file=sys.stderr)
    waiting: dict[int, str] = {}  # stdout: texts done before an earlier file
    printed, failed, done = 0, 0, 0
    batch = transcribe_files(transcriber, files, jobs=jobs, progress=_Progress(files, jobs))
    try:
        with contextlib.closing(batch):  # however the loop ends, the workers stop with it
            for outcome in batch:
                done += 1
                if outcome.error is not None:
                    failed += 1
                    print(_failure_text(outcome, transcriber), file=sys.stderr)
                    waiting[outcome.index] = ""
                elif args.output is not None:
                    failed += not _save(outcome, args)
                else:
                    waiting[outcome.index] = render(outcome.segments, args.format)
                while printed in waiting:  # keep the order the files were given in
                    sys.stdout.write(waiting.pop(printed))
                    printed += 1
                sys.stdout.flush()
    except KeyboardInterrupt:
        raise _Failure(f"Avbrutet: {done} av {len(files)} filer blev klara.", CANCELLED) from None
    return failed


def _failure_text(outcome: FileOutcome, transcriber: FileTranscriber) -> str:
    exc = outcome.error
    if isinstance(exc, AudioFileError):
        return f"Filen kunde inte läsas: {outcome.path} ({exc})"
    if isinstance(exc, ModelInvalid):
        return f"Modellmappen är ogiltig: {transcriber.model_id} ({exc})"
    if isinstance(exc, TranscriptionCancelled):
        return f"{outcome.path.name}: avbröts"
    message = exc.message if exc is not None else ""
    return f"{outcome.path.name}: {message}"  # e.g. the Whisper worker died: nothing written


def _save(outcome: FileOutcome, args: argparse.Namespace) -> bool:
    target = args.output / f"{outcome.path.stem}.{args.format}"
    try:
        target.write_text(render(outcome.segments, args.format), encoding="utf-8")
    except OSError as exc:
        print(f"Resultatet kunde inte sparas: {target} ({exc})", file=sys.stderr)
        return False
    print(f"Sparade {target}", file=sys.stderr)
    return True
