"""``samskriv stats``, ``samskriv arbetstid`` and ``samskriv gallring``: the supervisor's and the
admin's figures and actions from the command line."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, timedelta
from pathlib import Path

from app import accounts, culling, staffing, stats
from app.cli_text import day
from app.context import Context
from app.errors import UserError, ValidationError
from app.export import write_atomically
from app.stats_export import percent, period_label, statistics_csv
from app.stats_notes import NoteFigures


def _login(args: argparse.Namespace) -> Context:
    from app.cli import login_from_args  # the shared login, imported late (cli imports us)

    return login_from_args(args)


def _user_id(ctx: Context, username: str) -> str:
    for user in accounts.list_users(ctx):
        if user.username == username:
            return user.id
    raise UserError(f"Det finns inget konto {username}.")


def _cmd_stats(args: argparse.Namespace) -> int:
    today = date.today()
    last = args.to or today
    first = args.from_ or last - timedelta(weeks=12)
    ctx = _login(args)
    try:
        ids = [_user_id(ctx, u) for u in args.users] if args.users else None
        result = stats.compute(ctx, first, last, args.by, ids)
    finally:
        ctx.close()
    if args.csv:
        Path(args.csv).write_bytes(statistics_csv(result))
        print(f"Statistiken sparades i {args.csv}.", file=sys.stderr)
        return 0
    if args.json:
        print(json.dumps(_as_json(result), ensure_ascii=False))
        return 0
    print(f"Direkt tid med barn, unga och vårdnadshavare ({first} – {last}), "
          f"mål {result.target_percent} %")
    for person in result.people:
        total = person.total
        notes = person.notes
        print(f"\n{person.display_name}: {percent(total.share) or '–'} % av arbetstiden "
              f"({total.direct_minutes:.0f} min), {notes.signed} signerade anteckningar, "
              f"{notes.signed_on_site} på plats")
        for figure in person.periods:
            print(f"  {period_label(figure, result.grouping)}  "
                  f"{percent(figure.share) or '–':>6} %  {figure.direct_minutes:6.0f} min")
    print(f"\nEnheten: {percent(result.unit_total.share) or '–'} % av arbetstiden")
    return 0


def _as_json(result: stats.Statistics) -> dict[str, object]:
    def figure(f: stats.PeriodFigure) -> dict[str, object]:
        return {"period": period_label(f, result.grouping), "direct_minutes": f.direct_minutes,
                "working_minutes": f.working_minutes, "share": f.share}

    def note_figures(n: NoteFigures) -> dict[str, object]:
        return {"signed": n.signed, "signed_on_site": n.signed_on_site,
                "on_site_share": n.on_site_share, "hours_to_sign_median": n.hours_to_sign_median,
                "hours_to_sign_p90": n.hours_to_sign_p90, "reviewed": n.reviewed,
                "agreed_share": n.agreed_share, "kept_share": n.kept_share}

    return {"first": result.first.isoformat(), "last": result.last.isoformat(),
            "grouping": result.grouping, "target_percent": result.target_percent,
            "people": [{"name": p.display_name, "periods": [figure(f) for f in p.periods],
                        "total": figure(p.total), "notes": note_figures(p.notes)}
                       for p in result.people],
            "unit": [figure(f) for f in result.unit], "unit_total": figure(result.unit_total),
            "unit_notes": note_figures(result.unit_notes)}


def _cmd_hours(args: argparse.Namespace) -> int:
    ctx = _login(args)
    try:
        staffing.set_weekly_hours(ctx, _user_id(ctx, args.username), args.hours,
                                  args.from_ or date.today())
    finally:
        ctx.close()
    print(f"Arbetstiden för {args.username} är {args.hours:g} timmar i veckan.")
    return 0


def _cmd_absence(args: argparse.Namespace) -> int:
    ctx = _login(args)
    try:
        week = staffing.set_absence(ctx, _user_id(ctx, args.username), args.week, args.hours)
    finally:
        ctx.close()
    print(f"Frånvaro för {args.username} vecka {week.isocalendar()[1]}: {args.hours:g} timmar.")
    return 0


def _cmd_cull_report(args: argparse.Namespace) -> int:
    ctx = _login(args)
    try:
        rows = culling.report(ctx, date.today())
    finally:
        ctx.close()
    words = {"due": "kan gallras", "keep": "undantag, bevaras", "later": "ej gallringsbar än"}
    for r in rows:
        print(f"{r.case_number}\tstängt {r.closed_at:%Y-%m-%d}\tgallras från {r.due}\t"
              f"{r.notes} anteckningar\t{words[r.state]}")
    print(f"Stängda ärenden: {len(rows)}. Kan gallras nu: {sum(r.state == 'due' for r in rows)}.",
          file=sys.stderr)
    return 0


def _cmd_cull(args: argparse.Namespace) -> int:
    if not args.yes:
        raise ValidationError("Gallring tar bort ärendenas innehåll för alltid: bekräfta med "
                              "--yes.")
    ctx = _login(args)
    try:
        by_number = {r.case_number: r.case_id for r in culling.report(ctx, date.today())}
        missing = [n for n in args.case_numbers if n not in by_number]
        if missing:
            raise UserError(f"{len(missing)} ärendenummer finns inte bland de stängda ärendena.")
        culled = culling.cull(ctx, [by_number[n] for n in args.case_numbers], date.today(),
                              confirmed=True)
    finally:
        ctx.close()
    write_atomically(Path(args.output), culling.culled_csv(culled))
    print(f"Gallrade ärenden: {len(culled)}. Förteckningen sparades i {args.output}.")
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from app.cli import add_login_args

    p = sub.add_parser("stats", help="direkt tid med barn och familj, och hur anteckningar görs")
    p.add_argument("--from", dest="from_", type=day, help="första dag (ÅÅÅÅ-MM-DD)")
    p.add_argument("--to", type=day, help="sista dag (standard: i dag)")
    p.add_argument("--by", choices=("week", "month"), default="week",
                   help="per vecka (week) eller månad (month)")
    p.add_argument("--caseworker", dest="users", action="append",
                   help="bara detta konto (användarnamn; kan upprepas)")
    p.add_argument("--csv", help="spara som CSV-fil")
    p.add_argument("--json", action="store_true", help="skriv JSON")
    add_login_args(p)
    p.set_defaults(func=_cmd_stats)

    staff = sub.add_parser("arbetstid", help="avtalad arbetstid och frånvaro (enhetschef)"
                           ).add_subparsers(dest="staff_cmd", required=True)
    p = staff.add_parser("timmar", help="avtalade timmar per vecka")
    p.add_argument("username")
    p.add_argument("hours", type=float)
    p.add_argument("--from", dest="from_", type=day, help="gäller från (standard: i dag)")
    add_login_args(p)
    p.set_defaults(func=_cmd_hours)
    p = staff.add_parser("franvaro", help="frånvaro en vecka")
    p.add_argument("username")
    p.add_argument("--week", type=day, required=True, help="en dag i veckan (ÅÅÅÅ-MM-DD)")
    p.add_argument("--hours", type=float, required=True)
    add_login_args(p)
    p.set_defaults(func=_cmd_absence)

    cull = sub.add_parser("gallring", help="gallring av stängda ärenden (admin)"
                          ).add_subparsers(dest="cull_cmd", required=True)
    p = cull.add_parser("rapport", help="stängda ärenden och när de får gallras")
    add_login_args(p)
    p.set_defaults(func=_cmd_cull_report)
    p = cull.add_parser("gallra", help="ta bort innehållet i ärenden som får gallras")
    p.add_argument("case_numbers", nargs="+", metavar="ÄRENDENUMMER")
    p.add_argument("-o", "--output", required=True, help="förteckning över det gallrade (CSV)")
    p.add_argument("--yes", action="store_true", help="bekräfta gallringen")
    add_login_args(p)
    p.set_defaults(func=_cmd_cull)
