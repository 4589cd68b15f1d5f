"""The journal as rows for a municipality's case system (Treserva, Lifecare, Procapita, Viva).

CSV: one file, UTF-8 with a byte-order mark (Excel then reads åäö right), semicolon-separated
(the Swedish Excel default), one row per record with a ``record_type`` column: ``note``,
``revision``, ``correction``, ``review_passage``, ``review_answer``, ``visit``, ``consent``. JSON:
the same records grouped per case. Columns are documented in the README (``COLUMNS`` is the one
list). Times are ISO 8601 in UTC.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

from app.cancel import CancelToken, Progress, no_progress
from app.export_model import CaseExport, JournalExport, NoteView, RevisionView

COLUMNS = (
    "record_type", "case_number", "note_id", "seq", "event_time", "created_at", "author",
    "state", "kind", "section", "body", "child_voice", "reason", "hash", "parent_hash",
    "signed_by", "signed_at", "signature_verification", "old_body", "old_child_voice",
    "review_id", "audience", "present", "passage_index", "passage_part", "shown", "outcome",
    "comment", "input_method", "visit_id", "visit_kind", "start", "end", "participants",
    "with_child", "informed", "agreed", "refused", "speech_assisted", "speech_words",
    "speech_origins", "speech_spans",
)


def _t(value: datetime | date | None) -> str:
    if value is None:
        return ""
    return value.isoformat()


def _speech(rev: RevisionView) -> dict[str, str]:
    """Which text came from speech recognition: word counts, engine/model/pass per origin and
    the machine words' character ranges in ``body`` (everything else was typed or changed)."""
    p = rev.speech
    if p is None:
        return {"speech_assisted": "nej"}
    return {"speech_assisted": "ja", "speech_words": f"{p.machine_words}/{p.total_words}",
            "speech_origins": "; ".join(f"{o.engine} {o.model_id} {o.pass_kind} {o.words}"
                                        for o in p.origins),
            "speech_spans": " ".join(f"{a}-{b}" for a, b in p.spans)}


def rows(doc: JournalExport, *, cancel: CancelToken | None = None,
         progress: Progress = no_progress) -> Iterator[dict[str, Any]]:
    """Every record as a row (a dict over ``COLUMNS``), notes in journal order."""
    cancel = cancel or CancelToken()
    done = 0
    for case in doc.cases:
        for note in case.notes:
            cancel.check()
            yield from _note_rows(case, note)
            done += 1
            progress(done, doc.note_count)
        yield from _visit_rows(case)


def _note_rows(case: CaseExport, note: NoteView) -> Iterator[dict[str, Any]]:
    base = {"case_number": case.case_number, "note_id": note.id}
    cur, sig = note.current, note.signature
    yield {**base, "record_type": "note", "seq": cur.seq, "event_time": _t(note.event_time),
           "created_at": _t(note.created_at), "author": note.author, "state": note.state,
           "kind": cur.kind, "section": cur.section, "body": cur.body,
           "child_voice": cur.child_voice, "hash": cur.hash,
           "signed_by": sig.signed_by if sig else "",
           "signed_at": _t(sig.signed_at if sig else None),
           "signature_verification": sig.verification if sig else "", **_speech(cur)}
    for r in note.revisions:
        rs = r.signature
        yield {**base, "record_type": "revision", "seq": r.seq, "event_time": _t(r.event_time),
               "created_at": _t(r.created_at), "author": r.author, "kind": r.kind,
               "section": r.section, "body": r.body, "child_voice": r.child_voice,
               "reason": r.reason, "hash": r.hash, "parent_hash": r.parent_hash or "",
               "signed_by": rs.signed_by if rs else "",
               "signed_at": _t(rs.signed_at if rs else None),
               "signature_verification": rs.verification if rs else "", **_speech(r)}
    for c in note.corrections:
        yield {**base, "record_type": "correction", "seq": c.seq, "created_at": _t(c.corrected_at),
               "author": c.corrected_by, "reason": c.reason, "section": c.new_section,
               "body": c.new_body, "child_voice": c.new_child_voice, "old_body": c.old_body,
               "old_child_voice": c.old_child_voice}
    for review in note.reviews:
        rbase = {**base, "review_id": review.id, "audience": review.audience,
                 "present": "; ".join(f"{n} ({role})" for n, role in review.present),
                 "seq": review.revision_seq, "author": review.started_by}
        for p in review.passages:
            yield {**rbase, "record_type": "review_passage", "created_at": _t(review.started_at),
                   "passage_index": p.index, "passage_part": p.part, "body": p.text,
                   "shown": "ja" if p.shown else "nej",
                   "outcome": (p.outcome.outcome or "") if p.outcome else ""}
            for a in p.answers:
                yield {**rbase, "record_type": "review_answer", "passage_index": p.index,
                       "passage_part": p.part, "shown": "ja", "outcome": a.outcome or "",
                       "comment": a.comment, "input_method": a.input_method,
                       "created_at": _t(a.recorded_at), "author": a.recorded_by}


def _visit_rows(case: CaseExport) -> Iterator[dict[str, Any]]:
    for v in case.visits:
        vbase = {"case_number": case.case_number, "visit_id": v.id, "visit_kind": v.kind}
        yield {**vbase, "record_type": "visit", "start": _t(v.actual_start or v.planned_start),
               "end": _t(v.actual_end), "participants": "; ".join(v.participants),
               "with_child": "ja" if v.with_child else "nej"}
        for c in v.consents:
            yield {**vbase, "record_type": "consent", "created_at": _t(c.recorded_at),
                   "author": c.recorded_by, "informed": "; ".join(c.informed),
                   "agreed": "; ".join(c.agreed), "refused": "; ".join(c.refused)}


def render_csv(doc: JournalExport, *, cancel: CancelToken | None = None,
               progress: Progress = no_progress) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=COLUMNS, delimiter=";", restval="",
                            quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writeheader()
    for row in rows(doc, cancel=cancel, progress=progress):
        writer.writerow(row)
    return out.getvalue().encode("utf-8-sig")


def render_json(doc: JournalExport, *, cancel: CancelToken | None = None,
                progress: Progress = no_progress) -> bytes:
    by_case: dict[str, list[dict[str, Any]]] = {}
    for row in rows(doc, cancel=cancel, progress=progress):
        by_case.setdefault(row["case_number"], []).append(
            {k: v for k, v in row.items() if v != "" and k != "case_number"})
    payload = {
        "format": "samskriv-journal-export", "version": 1,
        "exported_at": _t(doc.exported_at), "exported_by": doc.exported_by,
        "scope": doc.scope, "period_from": _t(doc.period_from), "period_to": _t(doc.period_to),
        "full_personnummer": doc.full_personnummer,
        "cases": [{"case_number": c.case_number, "title": c.title, "status": c.status,
                   "persons": [{"role": p.role, "name": p.name, "personnummer": p.personnummer,
                                "birth_date": _t(p.birth_date)} for p in c.persons],
                   "records": by_case.get(c.case_number, [])} for c in doc.cases],
    }
    return json.dumps(payload, ensure_ascii=False, indent=1).encode("utf-8")
