"""The ``samskriv`` command, and the one composition root at the top of the layers.

``main`` first checks that the top-level packages ``app``, ``models``, ``ui``, ``speech`` and
``server`` are this project's (the names are generic: another installed distribution, or a
folder on ``sys.path``, could own one, and Samskriv would then run foreign code on the
caseworkers' records). Then it parses with ``app.cli``'s parser and runs a subcommand without
loading Qt, or starts the GUI when none is given. ``python -m ui.main`` works the same.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only a type here: ``app`` is imported after the foreign-package check
    from app.keys import KdfParams

TOP_LEVEL_PACKAGES = ("app", "models", "ui", "speech", "server")
DISTRIBUTION = "samskriv"
EXIT_FOREIGN_PACKAGES = 4


def project_root() -> Path:
    """The folder holding this project's top-level packages (a checkout or site-packages)."""
    return Path(__file__).resolve().parent.parent


def foreign_packages(root: Path | None = None) -> list[str]:
    """One line per top-level name that is not this project's: a package found outside
    ``root``, or another installed distribution claiming the name. Empty when all is well."""
    root = project_root() if root is None else root
    problems: list[str] = []
    for name in TOP_LEVEL_PACKAGES:
        spec = importlib.util.find_spec(name)
        origin = spec.origin if spec is not None else None
        if origin is None or spec is None or spec.submodule_search_locations is None:
            problems.append(f"{name}: finns inte som paket i {root}")
        elif Path(origin).resolve().parent.parent != root:
            problems.append(f"{name}: {Path(origin).parent}")
    problems.extend(f"{name}: installeras också av {owner}"
                    for name, owner in _other_claims(frozenset(TOP_LEVEL_PACKAGES)))
    return problems


def _other_claims(names: frozenset[str]) -> list[tuple[str, str]]:
    """(name, distribution) for every other installed distribution whose ``top_level.txt``
    lists one of ``names`` (such a package would share our folder in site-packages). Only
    ``top_level.txt`` is read, the cheap part of each distribution's metadata."""
    claims: list[tuple[str, str]] = []
    for dist in importlib.metadata.distributions():
        listed = names.intersection((dist.read_text("top_level.txt") or "").split())
        if not listed:
            continue
        owner = dist.metadata["Name"] or "?"
        if owner.lower() != DISTRIBUTION:
            claims.extend((name, owner) for name in sorted(listed))
    return claims


def _refuse(problems: list[str]) -> int:
    print("samskriv: installationen går inte att lita på – paket med Samskrivs namn kommer "
          f"från något annat än Samskriv ({project_root()}):", file=sys.stderr)
    for line in problems:
        print(f"  {line}", file=sys.stderr)
    print("Installera Samskriv i en egen virtuell miljö eller ta bort det andra paketet.",
          file=sys.stderr)
    return EXIT_FOREIGN_PACKAGES


def main(argv: Sequence[str] | None = None, *, kdf: KdfParams | None = None) -> int:
    """``kdf`` is for tests only (``tests/support/fast_kdf_main.py``): no option and no
    environment variable of the shipped command reaches it, so the key file always gets the
    store's own Argon2id cost from a real installation."""
    problems = foreign_packages()
    if problems:
        return _refuse(problems)
    # Imported only now: until the check above, ``app`` might not be ours.
    from app import cli
    from app.scrub import install_log_scrubbing

    install_log_scrubbing()  # before anything can log a family's data

    args = cli.build_parser().parse_args(argv)
    if args.command is not None:
        return cli.run(args, kdf=kdf)
    from ui.app import run_gui  # Qt is loaded here, and only for the GUI

    return run_gui(args.data_dir, args.lang, kdf=kdf)


if __name__ == "__main__":
    raise SystemExit(main())
