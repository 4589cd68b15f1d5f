"""The journal as a sequence of typed blocks (headings, paragraphs with styled runs, tables),
in Swedish, the language of the record. The PDF and DOCX writers only lay these out, so both
documents say exactly the same thing in the same order.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from app import vocabulary
from app.cancel import CancelToken, Progress, no_progress
from app.export_model import (
    CaseExport,
    CorrectionView,
    JournalExport,
    NoteView,
    PassageView,
    ReviewView,
    SignatureView,
    VisitView,
)
from app.review_text import audience_label, local_time, outcome_label
from app.speech_provenance import summary as speech_summary

HIDDEN_MARK = "DOLT VID GENOMGÅNGEN"
SHOWN_MARK = "Visades"
INPUT_METHODS = {"typed": "skrivet", "dictated": "inpratat"}
REVISION_KINDS = {"draft": "utkast", "signed": "signerad", "correction": "rättelse"}


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False
    strike: bool = False


@dataclass(frozen=True)
class Heading:
    level: int  # 1 case, 2 note, 3 part of a note
    text: str


@dataclass(frozen=True)
class Para:
    """A paragraph. ``style``: body | meta | voice | quote | hidden | struck | note."""

    runs: tuple[Run, ...]
    style: str = "body"


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Heading | Para | Table | PageBreak


def para(text: str, style: str = "body", **run: bool) -> Para:
    return Para((Run(text, **run),), style)


def labelled(label: str, text: str, style: str = "meta") -> Para:
    return Para((Run(label + ": ", bold=True), Run(text)), style)


def blocks(doc: JournalExport, *, cancel: CancelToken | None = None,
           progress: Progress = no_progress) -> Iterator[Block]:
    """The whole document; checks ``cancel`` and reports ``progress`` once per note."""
    cancel = cancel or CancelToken()
    total, done = doc.note_count, 0
    for number, case in enumerate(doc.cases):
        if number:
            yield PageBreak()
        yield from case_header(doc, case)
        if case.notes:
            yield Heading(2, "Journalanteckningar")
        for note in case.notes:
            cancel.check()
            yield from note_blocks(note)
            done += 1
            progress(done, total)
        if case.visits:
            yield Heading(2, "Besök och samtycke till inspelning")
            yield from (b for v in case.visits for b in visit_blocks(v))
    if not doc.cases:
        yield para("Inga ärenden med anteckningar under perioden.", "meta")


def case_header(doc: JournalExport, case: CaseExport) -> Iterator[Block]:
    yield Heading(1, f"Ärende {case.case_number} – {case.title}")
    yield labelled("Status", vocabulary.case_status(case.status))
    yield labelled("Handläggare", ", ".join(case.assigned) or "–")
    yield labelled("Period", doc.period_label)
    yield labelled("Exporterad", f"{local_time(doc.exported_at)} av {doc.exported_by}")
    yield labelled("Antal anteckningar", str(len(case.notes)))
    pnr_note = "i sin helhet" if doc.full_personnummer else "maskerade (de fyra sista dolda)"
    yield labelled("Personnummer", pnr_note)
    if case.persons:
        yield Table(("Roll", "Namn", "Personnummer", "Född"),
                    tuple((vocabulary.person_role(p.role), p.name, p.personnummer or "–",
                           p.birth_date.isoformat() if p.birth_date else "–")
                          for p in case.persons))
    else:
        yield para("Inga personer registrerade.", "meta")


def note_blocks(note: NoteView) -> Iterator[Block]:
    cur = note.current
    corrected = bool(note.corrections)
    section = vocabulary.section_label(cur.section)
    yield Heading(3, f"{local_time(note.event_time)} · {section}")
    state = vocabulary.note_state(note.state, corrected)
    yield Para((Run("Händelsetid: ", bold=True), Run(local_time(note.event_time)),
                Run(" · Skriven: ", bold=True), Run(local_time(note.created_at)),
                Run(" · Författare: ", bold=True), Run(note.author),
                Run(" · Status: ", bold=True), Run(state)), "meta")
    yield from _text_paragraphs(cur.body, "body")
    if cur.speech is not None:
        yield para(speech_summary(cur.speech), "note", italic=True)
    if cur.child_voice.strip():
        yield para("Barnets röst", "meta", bold=True)
        yield from _text_paragraphs(cur.child_voice, "voice")
    for rev in note.revisions:
        if rev.signature is not None:
            yield signature_para(rev.signature, rev.kind, rev.seq)
    if note.state == "draft":
        yield para("Ej signerad: utkast.", "meta", italic=True)
    for corr in note.corrections:
        yield from correction_blocks(corr)
    for review in note.reviews:
        yield from review_blocks(review)


def _text_paragraphs(text: str, style: str) -> Iterator[Para]:
    for part in text.split("\n\n"):
        if part.strip():
            yield para(part.strip("\n"), style)


def signature_para(sig: SignatureView, kind: str, seq: int) -> Para:
    what = "Rättelsen signerad" if kind == "correction" else "Signerad"
    return Para((Run(f"{what} av ", bold=True), Run(sig.signed_by),
                 Run(" · ", bold=True), Run(local_time(sig.signed_at)),
                 Run(f" · version {seq} · {sig.verification_label}"),
                 Run(f" · innehållshash {sig.revision_hash[:16]}…")), "note")


def correction_blocks(corr: CorrectionView) -> Iterator[Block]:
    yield Para((Run("Rättelse ", bold=True), Run(f"(version {corr.seq}) "),
                Run(local_time(corr.corrected_at)), Run(" av "), Run(corr.corrected_by),
                Run(". Skäl: ", bold=True), Run(corr.reason)), "note")
    yield para("Tidigare text (ersatt, men läsbar):", "meta", italic=True)
    if corr.old_section != corr.new_section:
        yield para("Område: " + vocabulary.section_label(corr.old_section), "struck", strike=True)
    for part in corr.old_body.split("\n\n"):
        if part.strip():
            yield para(part.strip("\n"), "struck", strike=True)
    if corr.old_child_voice.strip() and corr.old_child_voice != corr.new_child_voice:
        yield para("Barnets röst (tidigare):", "meta", italic=True)
        for part in corr.old_child_voice.split("\n\n"):
            if part.strip():
                yield para(part.strip("\n"), "struck", strike=True)


def review_blocks(review: ReviewView) -> Iterator[Block]:
    present = ", ".join(f"{name} ({vocabulary.person_role(role).lower()})"
                        for name, role in review.present) or "–"
    yield Para((Run("Genomgång med familjen ", bold=True), Run(local_time(review.started_at)),
                Run(" av "), Run(review.started_by),
                Run(f" · version {review.revision_seq}"
                    f" · gäller {audience_label(review.audience)}"),
                Run(" · Närvarande: ", bold=True), Run(present)), "note")
    shown = sum(1 for p in review.passages if p.shown)
    ended = (f"avslutad {local_time(review.completed_at)}" if review.completed_at
             else "inte avslutad")
    yield para(f"{shown} stycken visades, {review.hidden_count} dolda; {ended}.", "meta")
    for passage in review.passages:
        yield from passage_blocks(passage)


def passage_blocks(p: PassageView) -> Iterator[Block]:
    part = "Barnets röst, " if p.part == "child_voice" else ""
    if not p.shown:
        yield Para((Run(f"Stycke {p.index + 1} ({part}{HIDDEN_MARK}, visades inte): ", bold=True),
                    Run(p.text, italic=True)), "hidden")
        return
    yield Para((Run(f"Stycke {p.index + 1} ({part}{SHOWN_MARK.lower()}): ", bold=True),
                Run(p.text)), "quote")
    if not p.answers:
        yield para("Svar: " + outcome_label(None), "meta")
    for number, a in enumerate(p.answers, 1):
        changed = " (ändrat svar)" if number > 1 else ""
        yield Para((Run(f"Svar{changed}: ", bold=True), Run(outcome_label(a.outcome)),
                    Run(f" · {local_time(a.recorded_at)} · "
                        f"{INPUT_METHODS.get(a.input_method, a.input_method)}")), "meta")
        if a.comment:
            yield Para((Run("Egna ord (ordagrant): ", bold=True), Run(a.comment)), "quote")


def visit_blocks(v: VisitView) -> Iterator[Block]:
    when = local_time(v.actual_start or v.planned_start)
    end = f"–{local_time(v.actual_end)}" if v.actual_end else ""
    child = " · barnet närvarande" if v.with_child else ""
    yield Para((Run(vocabulary.visit_kind(v.kind), bold=True), Run(f" {when}{end}{child}"),
                Run(" · Deltagare: "), Run(", ".join(v.participants) or "–")), "meta")
    for c in v.consents:
        refused = f"; avböjde: {', '.join(c.refused)}" if c.refused else ""
        yield para(f"Samtycke till inspelning {local_time(c.recorded_at)} ({c.recorded_by}): "
                   f"informerade: {', '.join(c.informed)}; samtyckte: "
                   f"{', '.join(c.agreed) or '–'}{refused}", "meta")
    if not v.consents:
        yield para("Inget samtycke till inspelning registrerat.", "meta")

