"""The log follow-up as a file: CSV (UTF-8 with BOM, semicolons) or PDF/A-2b (Typst), with the
chain check and the flagged patterns on top; written atomically and audited."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from app import audit
from app.audit_log import FLAG_LABELS, LogReport, require_follow_up
from app.context import Context
from app.errors import ValidationError
from app.export import write_atomically
from app.export_pdf import FONT, compile_pdf, lit, txt
from app.review_text import local_time

LOG_COLUMNS = ("seq", "tid", "användarnamn", "namn", "händelse", "åtgärd", "ärende", "detaljer",
               "flaggor")


def chain_text(report: LogReport) -> str:
    c = report.chain
    if c.ok:
        return f"Granskningsloggen är hel: {c.events} händelser kontrollerade."
    return f"Granskningsloggen är BRUTEN vid händelse {c.first_broken_seq}: {c.reason}"


def render_csv(report: LogReport) -> bytes:
    out = io.StringIO(newline="")
    w = csv.writer(out, delimiter=";", lineterminator="\r\n")
    w.writerow(("#", chain_text(report)))
    for f in report.flags:
        w.writerow(("#", f"{f.label}: {f.description}"))
    w.writerow(LOG_COLUMNS)
    for e in report.entries:
        w.writerow((e.seq, e.ts.isoformat(), e.username, e.user_name, e.action, e.action_label,
                    e.case_number, e.details, ", ".join(FLAG_LABELS[f] for f in e.flags)))
    return out.getvalue().encode("utf-8-sig")


def render_pdf(report: LogReport) -> bytes:
    when = report.generated_at
    flt = report.filter
    period = (f"{flt.period_from or '…'} – {flt.period_to or '…'}"
              if flt.period_from or flt.period_to else "hela loggen")
    lines = [f"""
#set document(title: "Logguppföljning", author: {txt(report.generated_by)},
  date: datetime(year: {when.year}, month: {when.month}, day: {when.day},
                 hour: {when.hour}, minute: {when.minute}, second: {when.second}))
#set text(font: {lit(FONT)}, lang: "sv", size: 8pt, hyphenate: false)
#set page(paper: "a4", flipped: true, margin: 1.6cm, footer: context [
  #h(1fr) sida #counter(page).display() av #counter(page).final().first() #h(1fr)])
#heading(level: 1, "Logguppföljning")
#{txt(f"Tagen {local_time(when)} av {report.generated_by} · period: {period} · användare: "
      f"{flt.username or 'alla'} · ärende: {flt.case_number or 'alla'}")}

#strong({txt(chain_text(report))})
"""]
    if report.flags:
        lines.append('#heading(level: 2, "Mönster att titta närmare på")\n')
        lines.extend(f"- #strong({txt(f.label)}): #{txt(f.description)}\n" for f in report.flags)
    lines.append('#heading(level: 2, "Händelser")\n')
    head = ("#", "Tid", "Användare", "Händelse", "Ärende", "Detaljer", "Flaggor")
    cells = [f"[#strong({txt(h)})]" for h in head]
    for e in report.entries:
        row = (str(e.seq), local_time(e.ts), f"{e.user_name} ({e.username})", e.action_label,
               e.case_number, e.details, ", ".join(FLAG_LABELS[f] for f in e.flags))
        cells.extend(f"[#{txt(c)}]" for c in row)
    lines.append("#table(columns: (auto, auto, auto, auto, auto, 1fr, auto), inset: 3pt, "
                 "stroke: 0.3pt + luma(170), table.header(" + ", ".join(cells[:len(head)])
                 + "), " + ", ".join(cells[len(head):]) + ")\n")
    return compile_pdf("".join(lines), when)


def export_report(ctx: Context, report: LogReport, fmt: str, target: Path) -> Path:
    """Write the report (``csv`` or ``pdf``) to ``target`` atomically; audited."""
    require_follow_up(ctx)
    if fmt not in ("csv", "pdf"):
        raise ValidationError("Loggen exporteras som CSV eller PDF.", field="format")
    if target.is_dir() or not target.parent.is_dir():
        raise ValidationError("Välj ett filnamn i en mapp som finns.", field="target")
    data = render_csv(report) if fmt == "csv" else render_pdf(report)
    write_atomically(target, data)
    with ctx.uow(write=True) as uow:
        audit.record(uow.session, ctx.actor, "audit.export", "audit", "",
                     {"format": fmt, "entries": len(report.entries)}, now=ctx.now())
        uow.commit()
    return target
