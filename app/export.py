"""Export a case journal, or the journals of every case the exporter may see, to PDF/A, DOCX,
CSV or JSON: check access, read, render, write the file atomically, audit.

Three short units of work instead of one: the journal is read in a reading one (a consistent
snapshot), rendering happens outside any (typesetting 1,000 notes must not hold the store's write
lock, which the recorder's autosave needs), and the audit event is written once the file is in
place. A refusal is audited too, in its own unit of work, before the Swedish message goes back.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import access, audit, export_docx, export_pdf, export_tabular
from app.access import Permission, Scope, require_case
from app.cancel import CancelToken, Progress, no_progress
from app.context import Context
from app.errors import NotFound, UserError, ValidationError
from app.export_blocks import blocks
from app.export_load import CaseLoader, SignatureVerifier, period_bounds, signature_not_available
from app.export_model import JournalExport
from models.people import Case

FORMATS = ("pdf", "docx", "csv", "json")
SUFFIXES = {"pdf": ".pdf", "docx": ".docx", "csv": ".csv", "json": ".json"}


@dataclass(frozen=True)
class ExportRequest:
    """One case (by id, or by number from the CLI), or the unit (neither given), for a period."""

    format: str
    case_id: str | None = None
    case_number: str | None = None
    period_from: date | None = None
    period_to: date | None = None
    full_personnummer: bool = False

    @property
    def scope(self) -> str:
        return "case" if self.case_id or self.case_number else "unit"


@dataclass(frozen=True)
class ExportResult:
    path: Path
    format: str
    cases: int
    notes: int
    size: int
    sha256: str


def check_request(request: ExportRequest, target: Path) -> None:
    if request.format not in FORMATS:
        raise ValidationError("Välj format: PDF, Word (DOCX), CSV eller JSON.", field="format")
    if request.period_from and request.period_to and request.period_from > request.period_to:
        raise ValidationError("Periodens början ligger efter dess slut.", field="period")
    if target.is_dir():
        raise ValidationError("Välj ett filnamn, inte en mapp.", field="target")
    if not target.parent.is_dir():
        raise ValidationError("Mappen för filen finns inte.", field="target")


def export_journal(ctx: Context, request: ExportRequest, target: Path, *,
                   cancel: CancelToken | None = None, progress: Progress = no_progress,
                   verify_signature: SignatureVerifier = signature_not_available
                   ) -> ExportResult:
    """Write the export to ``target`` (replaced atomically) and audit it. ``cancel`` stops it
    between notes without writing anything; ``progress(done, total)`` counts notes."""
    cancel = cancel or CancelToken()
    check_request(request, target)
    progress(0, 0)
    doc = read_export(ctx, request, cancel=cancel, verify_signature=verify_signature)
    cancel.check()
    data = render(doc, request.format, cancel=cancel, progress=progress)
    cancel.check()
    write_atomically(target, data)
    digest = hashlib.sha256(data).hexdigest()
    with ctx.uow(write=True) as uow:
        audit.record(uow.session, ctx.actor, "journal.export", request.scope,
                     _case_ids_label(doc, request), {
                         "format": request.format, "notes": doc.note_count,
                         "cases": len(doc.cases), "from": _iso(request.period_from),
                         "to": _iso(request.period_to),
                         "full_personnummer": request.full_personnummer, "sha256": digest,
                     }, now=ctx.now())
        uow.commit()
    return ExportResult(target, request.format, len(doc.cases), doc.note_count, len(data), digest)


def read_export(ctx: Context, request: ExportRequest, *, cancel: CancelToken | None = None,
                verify_signature: SignatureVerifier = signature_not_available) -> JournalExport:
    """The read model for ``request``, after the access check (a refusal is audited)."""
    cancel = cancel or CancelToken()
    try:
        with ctx.uow() as uow:
            case_ids = _allowed_cases(uow.session, ctx, request)
            loader = CaseLoader(uow.session, full_personnummer=request.full_personnummer,
                                period=period_bounds(request.period_from, request.period_to),
                                verify_signature=verify_signature, cancel=cancel)
            loaded = [loader.load(case_id) for case_id in case_ids]
    except NotFound as exc:  # a refusal (PermissionDenied) is audited by the unit of work
        _audit_denial(ctx, request, exc)
        raise
    if request.scope == "unit":  # only cases with something in the period
        loaded = [c for c in loaded if c.notes or c.visits]
    return JournalExport(request.scope, tuple(loaded), ctx.now(),
                         f"{ctx.actor.display_name} ({ctx.actor.username})",
                         request.period_from, request.period_to, request.full_personnummer)


def _allowed_cases(s: Session, ctx: Context, request: ExportRequest) -> list[str]:
    if request.scope == "case":
        case_id = request.case_id
        if case_id is None:
            case_id = s.scalar(select(Case.id).where(Case.case_number == request.case_number))
            if case_id is None:
                raise NotFound("Ärendet")
        require_case(s, ctx.actor, case_id)
        return [case_id]
    if access.scope(ctx.actor, Permission.EXPORT_UNIT) is Scope.NONE:
        raise access.denied(ctx.actor, Permission.EXPORT_UNIT, "export", "unit", "journal.export")
    # The unit is every case the supervisor sees (there is no unit table yet).
    return list(s.scalars(select(Case.id).order_by(Case.case_number)))


def _audit_denial(ctx: Context, request: ExportRequest, exc: UserError) -> None:
    with ctx.uow(write=True) as uow:
        audit.record(uow.session, ctx.actor, "journal.export_denied", request.scope,
                     request.case_id or request.case_number or "",
                     {"format": request.format, "reason": type(exc).__name__},
                     now=ctx.now())
        uow.commit()


def render(doc: JournalExport, fmt: str, *, cancel: CancelToken | None = None,
           progress: Progress = no_progress) -> bytes:
    """The document's bytes in ``fmt``; no store access."""
    if fmt == "pdf":
        return export_pdf.render(doc, list(blocks(doc, cancel=cancel, progress=progress)))
    if fmt == "docx":
        return export_docx.render(doc, blocks(doc, cancel=cancel, progress=progress))
    if fmt == "csv":
        return export_tabular.render_csv(doc, cancel=cancel, progress=progress)
    if fmt == "json":
        return export_tabular.render_json(doc, cancel=cancel, progress=progress)
    raise ValidationError("Okänt format.", field="format")


def write_atomically(target: Path, data: bytes) -> None:
    """Write a temporary file next to ``target``, flush it to disk, then rename it over
    ``target``: a reader sees the old file or the whole new one, never half a file."""
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".samskriv-", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def default_filename(request: ExportRequest, case_number: str | None, today: date) -> str:
    stem = f"journal-{case_number}" if case_number else "journaler-enheten"
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in stem)
    return f"{safe}-{today.isoformat()}{SUFFIXES.get(request.format, '')}"


def _case_ids_label(doc: JournalExport, request: ExportRequest) -> str:
    return doc.cases[0].id if request.scope == "case" and doc.cases else ""


def _iso(value: date | None) -> str:
    return value.isoformat() if value else ""
