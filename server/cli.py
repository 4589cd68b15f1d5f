"""``samskriv-server``: run the sync server and administer it (units, users, cases, tokens)."""

from __future__ import annotations

import argparse
import getpass
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from sqlalchemy.orm import Session

from server import admin, audit
from server.database import make_engine, migrate, session_factory
from server.settings import ServerSettings, resolve_database_url

log = logging.getLogger("samskriv.server")


def _db_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--data-dir", type=Path, help="folder of the embedded SQLite database")
    p.add_argument("--database-url", help="e.g. postgresql://user@host/db "
                   "(or set SAMSKRIV_DATABASE_URL)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="samskriv-server", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="run the sync server")
    _db_options(serve)
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8443)
    serve.add_argument("--certfile")
    serve.add_argument("--keyfile")
    serve.add_argument("--token-days", type=int, default=90)
    serve.add_argument("--proxy", metavar="IPS",
                       help="the load balancer's addresses (comma-separated): trust their "
                       "X-Forwarded-For for the client address")
    _db_options(sub.add_parser("migrate", help="create or update the database schema"))

    def cmd(name: str, help_: str, *args: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_)
        _db_options(p)
        for a in args:
            p.add_argument(a)
        return p

    cmd("unit-create", "create a unit (enhet)", "name")
    cmd("unit-list", "list units")
    user = cmd("user-create", "create a user", "username")
    user.add_argument("--unit", required=True)
    user.add_argument("--role", required=True, choices=["caseworker", "supervisor", "admin"])
    user.add_argument("--password-stdin", action="store_true")
    reset = cmd("user-reset-password", "set a new password", "username")
    reset.add_argument("--password-stdin", action="store_true")
    cmd("user-deactivate", "deactivate a user and revoke their tokens", "username")
    case = cmd("case-create", "create a case in a unit", "case_number")
    case.add_argument("--unit", required=True)
    case.add_argument("--title", default="")
    case.add_argument("--id", dest="case_id")
    cmd("case-assign", "assign a case to a caseworker", "case", "username")
    cmd("case-unassign", "take a case from a caseworker", "case", "username")
    tokens = cmd("token-list", "list device tokens")
    tokens.add_argument("--user")
    cmd("token-revoke", "revoke a device token", "token_id")
    cmd("audit-verify", "verify the server's audit chain")
    return parser


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("Lösenord: ")
    if first != getpass.getpass("Upprepa lösenordet: "):
        raise admin.AdminError("Lösenorden är inte lika.")
    return first


def _admin(args: argparse.Namespace) -> Callable[[Session], str]:
    c = args.command
    table: dict[str, Callable[[Session], str]] = {
        "unit-create": lambda s: admin.create_unit(s, args.name),
        "unit-list": lambda s: "\n".join(f"{u_id}\t{name}" for u_id, name in
                                         admin.list_units(s)),
        "user-create": lambda s: admin.create_user(s, args.username, args.unit, args.role,
                                                   _password(args.password_stdin)),
        "user-reset-password": lambda s: admin.reset_password(
            s, args.username, _password(args.password_stdin)),
        "user-deactivate": lambda s: f"tokens revoked: {admin.deactivate_user(s, args.username)}",
        "case-create": lambda s: admin.create_case(s, args.case_number, args.unit, args.title,
                                                   args.case_id),
        "case-assign": lambda s: "ok" if admin.assign(s, args.case, args.username) else
        "unchanged",
        "case-unassign": lambda s: "ok" if admin.assign(s, args.case, args.username, False)
        else "unchanged",
        "token-list": lambda s: "\n".join(
            f"{t.id}\t{t.username}\t{t.device_id}\t{t.expires_at:%Y-%m-%d}\t"
            f"{'revoked' if t.revoked_at else 'active'}" for t in admin.list_tokens(s, args.user)),
        "token-revoke": lambda s: admin.revoke_token(s, args.token_id),
        "audit-verify": _verify,
    }
    return table[c]


def _verify(session: Session) -> str:
    report = audit.verify_chain(session)
    if not report.ok:
        raise admin.AdminError(f"Granskningsloggen är bruten vid händelse {report.first_bad_seq}"
                               f" ({report.problem}); {report.events} händelser är hela.")
    return f"ok: {report.events} events"


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    try:
        url = resolve_database_url(args.database_url, args.data_dir)
    except ValueError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    if args.command == "serve":
        return _serve(args, url)
    engine = make_engine(url)
    migrate(engine)
    if args.command == "migrate":
        return 0
    try:
        with session_factory(engine)() as session:
            out = _admin(args)(session)
            session.commit()
    except admin.AdminError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    if out:
        print(out)
    return 0


def _serve(args: argparse.Namespace, url: str) -> int:
    import uvicorn

    from server.app import create_app

    if bool(args.certfile) != bool(args.keyfile):
        print("--certfile and --keyfile go together", file=sys.stderr)
        return 2
    app = create_app(ServerSettings(database_url=url, token_ttl_days=args.token_days))
    uvicorn.run(app, host=args.host, port=args.port, ssl_certfile=args.certfile,
                ssl_keyfile=args.keyfile, proxy_headers=bool(args.proxy),
                forwarded_allow_ips=args.proxy, log_level="info")
    return 0
