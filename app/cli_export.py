"""``samskriv export`` (journals to PDF/DOCX/CSV/JSON) and ``samskriv audit log`` (log
follow-up), for supervisors' scripts and for machines without a screen."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app import audit_log, audit_log_export, export
from app.cli_text import day
from app.context import Context
from app.errors import ValidationError


def _login(args: argparse.Namespace) -> Context:
    from app.cli import login_from_args  # app.cli imports this module to register it

    return login_from_args(args)


def _cmd_export(args: argparse.Namespace) -> int:
    request = export.ExportRequest(args.format, case_number=args.case,
                                   period_from=args.from_, period_to=args.to,
                                   full_personnummer=args.full_personnummer)
    target = Path(args.output).expanduser().resolve()
    ctx = _login(args)
    try:
        result = export.export_journal(ctx, request, target)
    finally:
        ctx.close()
    print(f"Exporterade {result.notes} anteckningar i {result.cases} ärenden till "
          f"{result.path} ({result.size} byte).")
    return 0


def _cmd_audit_log(args: argparse.Namespace) -> int:
    flt = audit_log.LogFilter(username=args.log_user or "", case_number=args.case or "",
                              period_from=args.from_, period_to=args.to,
                              categories=tuple(args.kind or audit_log.CATEGORIES))
    if args.output and not args.format:
        raise ValidationError("Ange --format csv eller pdf tillsammans med -o.")
    ctx = _login(args)
    try:
        report = audit_log.follow_up(ctx, flt)
        if args.output:
            path = audit_log_export.export_report(ctx, report, args.format,
                                                  Path(args.output).expanduser().resolve())
            print(f"Loggen sparades i {path}.", file=sys.stderr)
    finally:
        ctx.close()
    print(audit_log_export.chain_text(report))
    for f in report.flags:
        print(f"! {f.label}: {f.description}")
    for e in report.entries:
        flags = ",".join(e.flags)
        print(f"{e.seq}\t{e.ts:%Y-%m-%d %H:%M}\t{e.username}\t{e.action_label}\t"
              f"{e.case_number}\t{e.details}\t{flags}")
    print(f"{len(report.entries)} händelser, {len(report.flags)} flaggade mönster.",
          file=sys.stderr)
    return 0 if report.chain.ok else 3


def _period_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--from", dest="from_", type=day, help="första dag (ÅÅÅÅ-MM-DD)")
    p.add_argument("--to", type=day, help="sista dag (ÅÅÅÅ-MM-DD)")
    from app.cli import add_login_args  # app.cli imports this module to register it

    add_login_args(p)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("export", help="exportera journaler (PDF/A, Word, CSV, JSON)")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--case", help="ärendenummer")
    which.add_argument("--unit", action="store_true",
                       help="alla ärenden du ser (enhetschef), för perioden")
    p.add_argument("--format", choices=export.FORMATS, required=True)
    p.add_argument("-o", "--output", required=True, help="filen som skrivs")
    p.add_argument("--full-personnummer", action="store_true",
                   help="visa hela personnummer (annars maskerade)")
    _period_args(p)
    p.set_defaults(func=_cmd_export)


def register_audit(audit_sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = audit_sub.add_parser("log", help="logguppföljning: vem läste, sökte, exporterade …")
    p.add_argument("--log-user", help="visa bara den här användarens händelser")
    p.add_argument("--case", help="visa bara händelser i det här ärendet")
    p.add_argument("--kind", action="append", choices=tuple(audit_log.CATEGORIES),
                   help="slag av händelse (kan upprepas; standard: alla)")
    p.add_argument("--format", choices=("csv", "pdf"), help="spara loggen som CSV eller PDF")
    p.add_argument("-o", "--output", help="filen som skrivs")
    _period_args(p)
    p.set_defaults(func=_cmd_audit_log)
