"""``samskriv models``: list, install, import and remove speech models from the command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, TextIO

from app import paths
from app.cli_text import plural
from speech.catalog import MODEL_LIST_URL, language_rank
from speech.download import fetch_model_list
from speech.errors import DownloadCancelled, SpeechError, user_message
from speech.errors import mb as _mb
from speech.modelstore import ModelStore
from speech.values import ENGINES, VOSK, InstalledModel

EXIT_OK, EXIT_ERROR, EXIT_INTERRUPTED = 0, 1, 130


class ProgressBar:
    """Text progress bar on a stream; redraws only when the shown value changes."""

    def __init__(self, stream: TextIO, width: int = 30) -> None:
        self.stream, self.width = stream, width
        self._shown: tuple[int, int] | None = None

    def __call__(self, done: int, total: int | None) -> None:
        if total:
            percent = min(100, 100 * done // total)
            shown = (percent, 0)
            if shown == self._shown:
                return
            filled = self.width * percent // 100
            bar = "#" * filled + "-" * (self.width - filled)
            line = f"\r[{bar}] {percent:3d} %  {_mb(done)} av {_mb(total)}"
        else:
            shown = (done // 1_000_000, -1)
            if shown == self._shown:
                return
            line = f"\r{_mb(done)}"
        self._shown = shown
        self.stream.write(line)
        self.stream.flush()

    def finish(self) -> None:
        if self._shown is not None:
            self.stream.write("\n")
            self.stream.flush()


def _store(args: argparse.Namespace) -> ModelStore:
    models_dir = paths.resolve(args.data_dir).models
    models_dir.mkdir(parents=True, exist_ok=True)
    return ModelStore(models_dir)


def _fail(exc: SpeechError) -> int:
    print(user_message(exc), file=sys.stderr)
    return EXIT_ERROR


def run_list(args: argparse.Namespace) -> int:
    store = _store(args)
    installed = {model.name: model for model in store.installed()}
    catalog = store.catalog.entries(include_obsolete=args.all)
    rows: list[tuple[tuple[tuple[int, str], int], list[str]]] = []
    for position, entry in enumerate(catalog):
        model = installed.pop(entry.name, None)
        size = model.size_bytes if model else entry.size
        row = [_mark(model), entry.name, entry.lang, entry.lang_text, _mb(size), _note(model)]
        rows.append(((language_rank(entry.lang), position), row))
    for model in installed.values():  # imported models that are not in the catalog
        row = [_mark(model), model.name, model.lang or "?", "", _mb(model.size_bytes)]
        rows.append(((language_rank(model.lang), len(catalog)), [*row, _note(model)]))
    table = [row for _key, row in sorted(rows, key=lambda item: item[0])]
    widths = [max(len(row[i]) for row in table) for i in range(5)] if table else []
    for row in table:
        cells = [row[i].ljust(widths[i]) if i != 4 else row[i].rjust(widths[i]) for i in range(5)]
        print(f"{'  '.join(cells)}  {row[5]}".rstrip())
    print("* = installerad, ! = installerad men ogiltig")
    return EXIT_OK


def _mark(model: InstalledModel | None) -> str:
    if model is None:
        return " "
    return "*" if model.valid else "!"


def _note(model: InstalledModel | None) -> str:
    if model is None or model.valid:
        return ""
    return f"(saknas: {', '.join(model.missing)})"


def run_install(args: argparse.Namespace) -> int:
    store = _store(args)
    bar = ProgressBar(sys.stderr)
    try:
        entry = store.catalog.get(args.engine, args.name)
        existing = next((m for m in store.installed(entry.engine) if m.name == entry.name), None)
        if existing is not None and existing.valid:
            print(f"{entry.name} är redan installerad.")
            return EXIT_OK
        print(f"Hämtar {entry.name} ({_mb(entry.size)}) …", file=sys.stderr)
        model = store.install(entry, progress=bar)
    except KeyboardInterrupt:
        bar.finish()
        print(user_message(DownloadCancelled()), file=sys.stderr)
        return EXIT_INTERRUPTED
    except SpeechError as exc:
        bar.finish()
        return _fail(exc)
    bar.finish()
    print(f"Installerade {model.name} ({_mb(model.size_bytes)}).")
    return EXIT_OK


def run_import(args: argparse.Namespace) -> int:
    try:
        model = _store(args).import_path(Path(args.path), name=args.name, engine=args.engine)
    except SpeechError as exc:
        return _fail(exc)
    print(f"Importerade {model.name} ({_mb(model.size_bytes)}).")
    return EXIT_OK


def run_remove(args: argparse.Namespace) -> int:
    try:
        _store(args).remove(args.engine, args.name)
    except SpeechError as exc:
        return _fail(exc)
    print(f"Tog bort {args.name}.")
    return EXIT_OK


def run_refresh(args: argparse.Namespace) -> int:
    store = _store(args)
    try:
        count = store.catalog.refresh_from(fetch_model_list(args.url))
    except SpeechError as exc:
        return _fail(exc)
    print(plural(count, "Modellistan uppdaterad: {n} modell.",
                 "Modellistan uppdaterad: {n} modeller."))
    return EXIT_OK


def register(subparsers: Any) -> None:
    """Add ``models`` and its subcommands to the main parser's subparsers."""
    parser = subparsers.add_parser("models", help="talmodeller: lista, installera, importera")
    commands = parser.add_subparsers(dest="models_command", required=True, metavar="KOMMANDO")
    listing = commands.add_parser("list", help="visa installerade och hämtbara modeller")
    listing.add_argument("--all", action="store_true", help="visa även föråldrade modeller")
    listing.set_defaults(func=run_list)
    install = commands.add_parser("install", help="hämta och installera en modell ur katalogen")
    install.add_argument("name", metavar="NAMN")
    _engine_option(install)
    install.set_defaults(func=run_install)
    importing = commands.add_parser("import", help="installera en modell från zip-fil eller mapp")
    importing.add_argument("path", metavar="SÖKVÄG")
    importing.add_argument("--name", metavar="NAMN", help="namn att installera modellen under")
    _engine_option(importing)
    importing.set_defaults(func=run_import)
    remove = commands.add_parser("remove", help="ta bort en installerad modell")
    remove.add_argument("name", metavar="NAMN")
    _engine_option(remove)
    remove.set_defaults(func=run_remove)
    refresh = commands.add_parser("refresh", help="uppdatera modellistan från internet")
    refresh.add_argument("--url", default=MODEL_LIST_URL, help=argparse.SUPPRESS)
    refresh.set_defaults(func=run_refresh)


def _engine_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--engine", choices=ENGINES, default=VOSK,
                        help="taligenkänningsmotor (standard: %(default)s)")
