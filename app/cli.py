"""The ``samskriv`` command's subcommands for admin and batch work (no Qt is loaded for them).

The entry point is ``ui.main`` (the composition root): it parses with ``build_parser`` and runs a
subcommand with ``run``, or starts the GUI when none is given. ``python -m app.cli`` runs the
subcommands only.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Sequence

# Each command module has register(subparsers), setting func=run(args) -> int.
from app import accounts, cli_models, cli_transcribe, paths, trust_report, vocabulary
from app.context import Context
from app.environment import kdf_from_env
from app.errors import UserError


def read_password(prompt: str, env: str = "SAMSKRIV_PASSWORD", *, confirm: bool = False) -> str:
    value = os.environ.get(env)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise UserError(f"Inget lösenord: sätt {env} eller kör kommandot i en terminal.")
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Upprepa: ") != first:
        raise UserError("Lösenorden är olika.")
    return first


def login_from_args(args: argparse.Namespace) -> Context:
    username = args.user or os.environ.get("SAMSKRIV_USER") or getpass.getuser()
    password = read_password(f"Lösenord för {username}: ")
    return accounts.login(paths.resolve(args.data_dir), username, password, kdf=kdf_from_env())


def _cmd_init(args: argparse.Namespace) -> int:
    password = read_password("Lösenord för det första kontot: ", confirm=True)
    ctx = accounts.initialise(paths.resolve(args.data_dir), args.username,
                              args.name or args.username, password, kdf=kdf_from_env())
    print(f"Databasen skapades i {ctx.paths.root} med administratören {args.username}.")
    ctx.close()
    return 0


def _cmd_user_add(args: argparse.Namespace) -> int:
    ctx = login_from_args(args)
    try:
        new_pw = read_password(f"Lösenord för {args.username}: ", "SAMSKRIV_NEW_PASSWORD",
                               confirm=True)
        info = accounts.add_user(ctx, args.username, args.name or args.username, args.role,
                                 new_pw)
        print(f"Kontot {info.username} ({vocabulary.user_role(info.role).lower()}) skapades.")
    finally:
        ctx.close()
    return 0


def _cmd_audit_verify(args: argparse.Namespace) -> int:
    ctx = login_from_args(args)
    try:
        report = trust_report.check(ctx, full=True)  # every signature, no checkpoint
    finally:
        ctx.close()
    for line in trust_report.describe(report):
        print(line, file=sys.stdout if report.ok else sys.stderr)
    return 0 if report.ok else 3


def _cmd_search(args: argparse.Namespace) -> int:
    from app import search

    ctx = login_from_args(args)
    try:
        hits = search.search(ctx, " ".join(args.words), limit=args.limit)
    finally:
        ctx.close()
    for h in hits:
        snippet = h.snippet.replace(search.HIT_START, "*").replace(search.HIT_END, "*")
        if args.json:
            print(json.dumps({"note": h.note_id, "case": h.case_number, "state": h.state,
                              "event_time": h.event_time.isoformat(), "snippet": snippet},
                             ensure_ascii=False))
        else:
            state = vocabulary.note_state(h.state)
            print(f"{h.case_number}\t{h.event_time:%Y-%m-%d}\t{state}\t{snippet}")
    if not args.json:
        print(f"{len(hits)} träffar.", file=sys.stderr)
    return 0


def _add_login_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--user", help="användarnamn (annars SAMSKRIV_USER)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="samskriv", description="Samskriv – dokumentera "
                                     "tillsammans med familjen, offline.")
    parser.add_argument("--data-dir", help="datamapp (standard: användarens datamapp)")
    parser.add_argument("--lang", choices=("sv", "en"), help="språk i fönstret")
    sub = parser.add_subparsers(dest="command")

    p = sub.add_parser("init", help="skapa databasen och det första kontot (admin)")
    p.add_argument("--username", required=True)
    p.add_argument("--name", help="visningsnamn")
    p.set_defaults(func=_cmd_init)

    user = sub.add_parser("user", help="hantera konton").add_subparsers(dest="user_cmd",
                                                                          required=True)
    p = user.add_parser("add", help="lägg till ett konto (kräver admin)")
    p.add_argument("username")
    p.add_argument("--name", help="visningsnamn")
    p.add_argument("--role", choices=tuple(vocabulary.USER_ROLES), default="caseworker",
                   help="roll: " + ", ".join(f"{key} ({word.lower()})"
                                              for key, word in vocabulary.USER_ROLES.items()))
    _add_login_args(p)
    p.set_defaults(func=_cmd_user_add)

    aud = sub.add_parser("audit", help="granskningsloggen").add_subparsers(dest="audit_cmd",
                                                                           required=True)
    p = aud.add_parser("verify", help="kontrollera att loggen är obruten")
    _add_login_args(p)
    p.set_defaults(func=_cmd_audit_verify)

    p = sub.add_parser("search", help="sök i anteckningar")
    p.add_argument("words", nargs="+")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--json", action="store_true")
    _add_login_args(p)
    p.set_defaults(func=_cmd_search)

    for module in (cli_transcribe, cli_models):
        module.register(sub)
    return parser


def run(args: argparse.Namespace) -> int:
    """Run the parsed subcommand; a ``UserError`` is one Swedish line on stderr (exit 2)."""
    try:
        code: int = args.func(args)
        return code
    except UserError as exc:
        print(f"samskriv: {exc.message}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def main(argv: Sequence[str] | None = None) -> int:
    """Subcommands only (``python -m app.cli``); ``samskriv`` itself is ``ui.main``."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_usage(sys.stderr)
        print("samskriv: ange ett kommando (fönstret startas med samskriv).", file=sys.stderr)
        return 2
    return run(args)


if __name__ == "__main__":
    raise SystemExit(main())
