"""The journal as archival PDF/A-2b, typeset by Typst (its Python package, no external tool).

Why Typst: it compiles a 1,000-note journal in about a second in-process; it writes PDF/A-2b
itself (fonts embedded and subset, XMP metadata, no transparency tricks); and its input is plain
text markup we generate, so the layout lives in this file and not in a browser engine. The
fonts come with the app (``app/data/fonts``), so a document looks the same on every laptop and
the system's fonts are never consulted.

User text never becomes Typst markup: every piece of it is written as a Typst *string literal*
(``lit``), which Typst shows as plain text, so ``#``, ``$``, ``*``, ``_``, `````, ``<``, ``@``
and brackets in a note are just characters.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Literal

import typst

from app.export_blocks import Block, Heading, PageBreak, Para, Run, Table
from app.export_model import JournalExport
from app.font_coverage import covered_by_all, drawable
from app.review_text import local_time

FONT_DIR = Path(__file__).resolve().parent / "data" / "fonts"
FONT = "DejaVu Sans"
FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf")
PDF_STANDARD: Literal["a-2b"] = "a-2b"

# Inside a Typst string only the backslash and the quote are special; control characters and
# line/paragraph separators are written as escapes so that the source stays clean.
_ESCAPES: dict[int, str] = {
    **{c: f"\\u{{{c:x}}}" for c in (*range(0x20), *range(0x7F, 0xA0), 0x2028, 0x2029)},
    ord("\\"): "\\\\", ord('"'): '\\"', ord("\n"): "\\n", ord("\r"): "\\r", ord("\t"): "\\t",
}


def lit(text: str) -> str:
    """``text`` as a Typst string literal: shown verbatim, never read as markup or code."""
    return '"' + text.translate(_ESCAPES) + '"'


@lru_cache(maxsize=1)
def glyphs() -> frozenset[int]:
    """Characters every shipped font (regular, bold, oblique) draws."""
    return covered_by_all(FONT_DIR / name for name in FONT_FILES)


def txt(text: str) -> str:
    """User text as a literal, each character the fonts lack written as ``[U+XXXX]``. A tab
    becomes four spaces (Typst gives a tab no width)."""
    return lit(drawable(text.replace("\t", "    "), glyphs()))


def _preamble(doc: JournalExport) -> str:
    when: datetime = doc.exported_at
    first = doc.cases[0].case_number if doc.cases else ""
    exported = f"Exporterad {local_time(when)} av {doc.exported_by}"
    return f"""
#set document(title: {txt(doc.title)}, author: {txt(doc.exported_by)},
  keywords: ("journal", "Samskriv"),
  date: datetime(year: {when.year}, month: {when.month}, day: {when.day},
                 hour: {when.hour}, minute: {when.minute}, second: {when.second}))
#set text(font: {lit(FONT)}, lang: "sv", region: "se", size: 9.5pt, hyphenate: false)
#set par(leading: 0.62em, spacing: 0.85em)
#let case-no = state("case", {txt(first)})
#set page(paper: "a4", margin: (x: 2.3cm, top: 2.6cm, bottom: 2.2cm),
  header: context [
    #set text(size: 7.5pt, fill: luma(90))
    #{lit("Ärende ")}#case-no.get() #h(1fr) #{txt(exported)}
    #v(-4pt) #line(length: 100%, stroke: 0.4pt + luma(160))
  ],
  footer: context [
    #set text(size: 7.5pt, fill: luma(90))
    #h(1fr) sida #counter(page).display() av #counter(page).final().first() #h(1fr)
  ])
#show heading.where(level: 1): set text(size: 15pt)
#show heading.where(level: 2): set text(size: 12pt)
#show heading.where(level: 3): it => block(above: 1.4em, below: 0.6em, sticky: true,
  text(size: 10.5pt, weight: "bold", it.body))
#let meta(body) = block(above: 0.4em, below: 0.4em, text(size: 8.5pt, fill: luma(60), body))
#let note(body) = block(above: 0.5em, below: 0.5em, inset: (left: 6pt),
  stroke: (left: 1.2pt + luma(150)), text(size: 8.5pt, body))
#let voice(body) = block(inset: (left: 10pt), stroke: (left: 2pt + rgb("#2f6f9f")), body)
#let quote(body) = block(inset: (left: 10pt), body)
#let hidden(body) = block(inset: 4pt, fill: luma(235),
  stroke: (left: 2pt + rgb("#9a3d00")), text(size: 8.5pt, body))
#let struck(body) = block(inset: (left: 10pt), text(fill: luma(80), body))
"""


def _runs(runs: Iterable[Run]) -> str:
    out = []
    for r in runs:
        piece = txt(r.text)
        if r.strike:
            piece = f"strike({piece})"
        if r.italic:
            piece = f"emph({piece})"
        if r.bold:
            piece = f"strong({piece})"
        out.append(f"#{piece}")
    return "".join(out)


def _block(block: Block, case_index: list[int], doc: JournalExport) -> str:
    if isinstance(block, Heading):
        if block.level == 1:
            number = doc.cases[case_index[0]].case_number if doc.cases else ""
            case_index[0] += 1
            return f"#case-no.update({txt(number)})\n#heading(level: 1, {txt(block.text)})\n"
        return f"#heading(level: {block.level}, {txt(block.text)})\n"
    if isinstance(block, PageBreak):
        return "#pagebreak()\n"
    if isinstance(block, Table):
        cells = ", ".join(f"[#strong({txt(h)})]" for h in block.header)
        body = ", ".join(f"[#{txt(c)}]" for row in block.rows for c in row)
        return (f"#table(columns: {len(block.header)}, inset: 4pt, stroke: 0.4pt + luma(170),"
                f" {cells}, {body})\n")
    assert isinstance(block, Para)
    content = _runs(block.runs)
    if block.style == "body":
        return f"{content}\n\n"
    return f"#{block.style}[{content}]\n"


def markup(doc: JournalExport, blocks: Iterable[Block]) -> str:
    """The complete Typst source of the document."""
    case_index = [0]
    parts = [_preamble(doc)]
    parts.extend(_block(b, case_index, doc) for b in blocks)
    return "".join(parts)


@lru_cache(maxsize=1)
def fonts() -> typst.Fonts:
    """Only the shipped fonts: neither the system's nor Typst's built-in ones."""
    return typst.Fonts(include_system_fonts=False, include_embedded_fonts=False,
                       font_paths=[str(FONT_DIR)])


def compile_pdf(source: str, when: datetime) -> bytes:
    """Typst ``source`` as PDF/A-2b bytes dated ``when``."""
    return typst.compile(source.encode("utf-8"), font_paths=fonts(),
                         pdf_standards=PDF_STANDARD, timestamp=int(when.timestamp()))


def render(doc: JournalExport, blocks: Iterable[Block]) -> bytes:
    """PDF/A-2b bytes with the app's fonts embedded (the system's fonts are ignored)."""
    return compile_pdf(markup(doc, blocks), doc.exported_at)
