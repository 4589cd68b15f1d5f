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
import traceback
from collections.abc import Sequence

# Each command module has register(subparsers), setting func=run(args) -> int.
from app import (
    accounts,
    audit,
    cli_export,
    cli_models,
    cli_stats,
    cli_transcribe,
    paths,
    settings,
    user_admin,
    vocabulary,
)
from app.cli_text import plural, swedish_argparse
from app.context import Context
from app.dto import AccountInfo
from app.errors import UserError, reported
from app.keys import KdfParams
from app.scrub import scrub


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
    ctx = accounts.login(paths.resolve(args.data_dir), username, password, kdf=_kdf(args))
    for notice in ctx.login_notices:
        print(f"samskriv: {notice}", file=sys.stderr)
    return ctx


def _kdf(args: argparse.Namespace) -> KdfParams | None:
    """The Argon2id cost ``run`` was handed (tests only); None: the store's own."""
    kdf: KdfParams | None = getattr(args, "test_kdf", None)
    return kdf


def _cmd_init(args: argparse.Namespace) -> int:
    password = read_password("Lösenord för det första kontot: ", confirm=True)
    ctx = accounts.initialise(paths.resolve(args.data_dir), args.username,
                              args.name or args.username, password, kdf=_kdf(args))
    print(f"Databasen skapades i {ctx.paths.root} med administratören {args.username}.")
    ctx.close()
    return 0


def _new_password(args: argparse.Namespace) -> str:
    """The new account's password: one line on stdin (``--password-stdin``, for scripts),
    else SAMSKRIV_NEW_PASSWORD, else asked twice in a terminal."""
    if args.password_stdin:
        line = sys.stdin.readline().rstrip("\r\n")
        if not line:
            raise UserError("Inget lösenord på standard in.")
        return line
    return read_password(f"Lösenord för {args.username}: ", "SAMSKRIV_NEW_PASSWORD",
                         confirm=True)


def _cmd_user_add(args: argparse.Namespace) -> int:
    ctx = login_from_args(args)
    try:
        info = accounts.add_user(ctx, args.username, args.name or args.username, args.role,
                                 _new_password(args))
        print(f"Kontot {info.username} ({vocabulary.user_role(info.role).lower()}) skapades.")
    finally:
        ctx.close()
    return 0


def _status(a: AccountInfo) -> str:
    if not a.active:
        return "avstängt"
    if a.locked:
        return "spärrat"
    return "aktivt"


def _cmd_user_list(args: argparse.Namespace) -> int:
    ctx = login_from_args(args)
    try:
        rows = user_admin.list_accounts(ctx)
    finally:
        ctx.close()
    for a in rows:
        if args.json:
            print(json.dumps({"username": a.username, "name": a.display_name, "role": a.role,
                              "active": a.active, "locked": a.locked,
                              "failed_attempts": a.failed_attempts}, ensure_ascii=False))
        else:
            print(f"{a.username}\t{a.display_name}\t"
                  f"{vocabulary.user_role(a.role).lower()}\t{_status(a)}")
    return 0


def _cmd_user_deactivate(args: argparse.Namespace) -> int:
    ctx = login_from_args(args)
    try:
        user_admin.deactivate_user(ctx, args.username)
    finally:
        ctx.close()
    print(f"Kontot {args.username} är avstängt och dess nyckel borttagen.")
    return 0


def _cmd_user_reset_password(args: argparse.Namespace) -> int:
    ctx = login_from_args(args)
    try:
        user_admin.reset_password(ctx, args.username, _new_password(args))
    finally:
        ctx.close()
    print(f"Kontot {args.username} har fått ett nytt lösenord.")
    return 0


def _cmd_user_unlock(args: argparse.Namespace) -> int:
    ctx = login_from_args(args)
    try:
        info = user_admin.unlock_user(ctx, args.username)
    finally:
        ctx.close()
    print(f"Spärren för {info.username} är hävd.")
    return 0


def _register_users(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    users = sub.add_parser("users", aliases=["user"], help="hantera konton (kräver admin)")
    cmds = users.add_subparsers(dest="user_cmd", required=True)
    p = cmds.add_parser("list", help="visa konton med roll och status")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_cmd_user_list)
    p = cmds.add_parser("add", help="lägg till ett konto")
    p.add_argument("username")
    p.add_argument("--name", help="visningsnamn")
    p.add_argument("--role", choices=tuple(vocabulary.USER_ROLES), default="caseworker",
                   help="roll: " + ", ".join(f"{key} ({word.lower()})"
                                              for key, word in vocabulary.USER_ROLES.items()))
    p.set_defaults(func=_cmd_user_add)
    p = cmds.add_parser("deactivate", help="stäng av ett konto och ta bort dess nyckel")
    p.add_argument("username")
    p.set_defaults(func=_cmd_user_deactivate)
    p = cmds.add_parser("reset-password", help="ge ett konto ett nytt lösenord")
    p.add_argument("username")
    p.set_defaults(func=_cmd_user_reset_password)
    p = cmds.add_parser("unlock", help="häv spärren efter för många felaktiga försök")
    p.add_argument("username")
    p.set_defaults(func=_cmd_user_unlock)
    for name, parser in cmds.choices.items():
        add_login_args(parser)
        if name in ("add", "reset-password"):
            parser.add_argument("--password-stdin", action="store_true",
                                help="läs det nya lösenordet från standard in (en rad)")


def _cmd_audit_verify(args: argparse.Namespace) -> int:
    ctx = login_from_args(args)
    try:
        with ctx.uow() as uow:
            result = audit.verify(uow.session)
    finally:
        ctx.close()
    if result.ok:
        print(f"Granskningsloggen är hel: {result.events} händelser.")
        return 0
    print(f"Granskningsloggen är bruten vid händelse {result.first_broken_seq}: {result.reason}",
          file=sys.stderr)
    return 3


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
        print(plural(len(hits), "{n} träff.", "{n} träffar."), file=sys.stderr)
    return 0


def _cmd_settings_check(args: argparse.Namespace) -> int:
    data = paths.resolve(args.data_dir)
    problems = settings.read(data.settings).problems
    for line in problems:
        print(f"samskriv: {line}", file=sys.stderr)
    if problems:
        return 2
    print(f"Inställningarna i {data.settings.name} är giltiga.")
    return 0


def add_login_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--user", help="användarnamn (annars SAMSKRIV_USER)")


def build_parser() -> argparse.ArgumentParser:
    swedish_argparse()
    parser = argparse.ArgumentParser(prog="samskriv", description="Samskriv – dokumentera "
                                     "tillsammans med familjen, offline.")
    parser.add_argument("--data-dir", help="datamapp (standard: användarens datamapp)")
    parser.add_argument("--lang", choices=("sv", "en"), help="språk i fönstret")
    sub = parser.add_subparsers(dest="command")

    p = sub.add_parser("init", help="skapa databasen och det första kontot (admin)")
    p.add_argument("--username", required=True)
    p.add_argument("--name", help="visningsnamn")
    p.set_defaults(func=_cmd_init)

    _register_users(sub)

    aud = sub.add_parser("audit", help="granskningsloggen").add_subparsers(dest="audit_cmd",
                                                                           required=True)
    p = aud.add_parser("verify", help="kontrollera att loggen är obruten")
    add_login_args(p)
    p.set_defaults(func=_cmd_audit_verify)
    cli_export.register_audit(aud)

    conf = sub.add_parser("settings", help="inställningarna").add_subparsers(
        dest="settings_cmd", required=True)
    p = conf.add_parser("check", help="kontrollera settings.json (exit 2 med det som är fel)")
    p.set_defaults(func=_cmd_settings_check)

    p = sub.add_parser("search", help="sök i anteckningar")
    p.add_argument("words", nargs="+")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--json", action="store_true")
    add_login_args(p)
    p.set_defaults(func=_cmd_search)

    for module in (cli_transcribe, cli_models, cli_stats, cli_export):
        module.register(sub)
    return parser


def run(args: argparse.Namespace, *, kdf: KdfParams | None = None) -> int:
    """Run the parsed subcommand; a ``UserError`` (a full disk, a locked database included) is
    one Swedish line on stderr (exit 2); a bug is its scrubbed traceback (exit 1). ``kdf``: a
    cheap Argon2id, for tests only (no option or environment variable sets it)."""
    args.test_kdf = kdf
    try:
        code: int = args.func(args)
        return code
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # noqa: BLE001 - every failure ends as a line the user can read
        shown = reported(exc)
        if isinstance(shown, UserError):
            print(f"samskriv: {shown.message}", file=sys.stderr)
            return 2
        print(scrub("".join(traceback.format_exception(exc))), file=sys.stderr)
        return 1


def main(argv: Sequence[str] | None = None, *, kdf: KdfParams | None = None) -> int:
    """Subcommands only (``python -m app.cli``); ``samskriv`` itself is ``ui.main``."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_usage(sys.stderr)
        print("samskriv: ange ett kommando (fönstret startas med samskriv).", file=sys.stderr)
        return 2
    return run(args, kdf=kdf)


if __name__ == "__main__":
    raise SystemExit(main())
