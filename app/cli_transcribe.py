"""The ``samskriv transcribe`` subcommand: transcribe audio files offline with a Vosk model or a
KB-Whisper model (``--engine whisper``: the accuracy pass, in its own worker process)."""

from __future__ import annotations

import argparse
import os
import sys
import threading
from pathlib import Path

from app import paths
from speech.batch import load_pcm
from speech.engine import FileTranscriber, load_file_transcriber
from speech.errors import AudioFileError, ModelInvalid, SpeechError
from speech.formats import FORMATS, render
from speech.modelstore import ModelStore
from speech.values import ENGINES, VOSK, WHISPER


class _Failure(Exception):
    """A message for the user (Swedish) and the exit code."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "transcribe", help="Transkribera ljudfiler", description="Transkribera ljudfiler offline."
    )
    parser.add_argument("files", nargs="+", metavar="FILE", type=Path, help="ljudfil(er)")
    parser.add_argument("--model", help="modellmapp eller namn på en modell i datamappen")
    parser.add_argument("--engine", choices=ENGINES, default=VOSK,
                        help="taligenkänningsmotor (standard: %(default)s)")
    parser.add_argument("--format", choices=sorted(FORMATS), default="txt", help="utdataformat")
    parser.add_argument(
        "--threads", type=int, default=None,
        help="antal trådar (standard: alla kärnor för vosk, de fysiska kärnorna för whisper)",
    )
    parser.add_argument("--output", type=Path, help="mapp för resultaten (annars stdout)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Transcribe each file; print results or write ``<output>/<name>.<format>``."""
    try:
        missing = [path for path in args.files if not path.is_file()]
        if missing:  # before the slow model load
            raise _Failure(f"Filen kunde inte läsas: {missing[0]} (filen finns inte)")
        transcriber = _load(args.engine, _model_dir(args), _threads(args))
        if args.output is not None:
            args.output.mkdir(parents=True, exist_ok=True)
        for path in args.files:
            _transcribe_one(transcriber, path, args)
    except _Failure as failure:
        print(failure.message, file=sys.stderr)
        return failure.code
    return 0


def _threads(args: argparse.Namespace) -> int:
    if args.threads is not None:
        return max(1, int(args.threads))
    # Whisper: 0 lets the engine take the physical cores (hyper-threads only slow it down).
    return 0 if args.engine == WHISPER else max(1, os.cpu_count() or 1)


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


def _transcribe_one(transcriber: FileTranscriber, path: Path, args: argparse.Namespace) -> None:
    def progress(fraction: float) -> None:
        percent = int(fraction * 100)
        if percent % 10 == 0 or sys.stderr.isatty():
            end = "\r" if sys.stderr.isatty() and percent < 100 else "\n"
            print(f"{path.name}: {percent} %", end=end, file=sys.stderr, flush=True)

    try:
        pcm = load_pcm(path)
        segments = transcriber.transcribe(pcm, progress, threading.Event())
    except AudioFileError as exc:
        raise _Failure(f"Filen kunde inte läsas: {path} ({exc})") from exc
    except ModelInvalid as exc:
        raise _Failure(f"Modellmappen är ogiltig: {transcriber.model_id} ({exc})") from exc
    except SpeechError as exc:  # e.g. the Whisper worker died: nothing was written
        raise _Failure(f"{path.name}: {exc.message}") from exc
    text = render(segments, args.format)
    if args.output is None:
        sys.stdout.write(text)
        return
    target = args.output / f"{path.stem}.{args.format}"
    try:
        target.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise _Failure(f"Resultatet kunde inte sparas: {target} ({exc})") from exc
    print(f"Sparade {target}", file=sys.stderr)
