"""The journal as a Word document (python-docx): the same blocks as the PDF, laid out with
Word's own styles (Title, Heading 1–3, Quote, Intense Quote, a table style), so the document's
navigation pane and a screen reader see real headings, and a municipality's template can restyle
it."""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from typing import Any
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph

from app.export_blocks import Block, Heading, PageBreak, Para, Run, Table
from app.export_model import JournalExport
from app.review_text import local_time

# Our block styles as Word's built-in paragraph styles (present in python-docx's template).
_STYLES = {"body": "Normal", "voice": "Quote", "quote": "Quote", "hidden": "Intense Quote",
           "struck": "Normal", "meta": "Normal", "note": "Normal"}


def _page_field(paragraph: Paragraph, instruction: str) -> None:
    """A Word field (PAGE or NUMPAGES) in ``paragraph``: Word fills in the number."""
    run = paragraph.add_run()
    begin, text, end = (OxmlElement("w:fldChar"), OxmlElement("w:instrText"),
                        OxmlElement("w:fldChar"))
    begin.set(qn("w:fldCharType"), "begin")
    text.set(qn("xml:space"), "preserve")
    text.text = instruction
    end.set(qn("w:fldCharType"), "end")
    for element in (begin, text, end):
        run._r.append(element)


def _header_footer(document: object, doc: JournalExport) -> None:
    section = document.sections[0]  # type: ignore[attr-defined]
    numbers = ", ".join(c.case_number for c in doc.cases[:3])
    more = " …" if len(doc.cases) > 3 else ""
    section.header.paragraphs[0].text = (
        f"Ärende {numbers}{more} · Exporterad {local_time(doc.exported_at)} av {doc.exported_by}")
    footer = section.footer.paragraphs[0]
    footer.add_run("sida ")
    _page_field(footer, "PAGE")
    footer.add_run(" av ")
    _page_field(footer, "NUMPAGES")


class _Body:
    """Appends paragraphs to the document body in constant time.

    python-docx's ``add_paragraph`` looks up the section properties at the end of the body and
    its style by name on every call, both linear scans: a 1,000-note journal (12,000
    paragraphs) took 50 s that way. Here the end marker is found once and styles are set by id.
    """

    def __init__(self, document: Any) -> None:
        self.document = document
        self.body = document.element.body
        self.end = self.body.sectPr  # the section properties stay the body's last child

    def add(self, style_id: str | None, text: str = "") -> Paragraph:
        element = OxmlElement("w:p")
        if self.end is not None:
            self.end.addprevious(element)
        else:
            self.body.append(element)
        p = Paragraph(element, self.document._body)
        if style_id:
            p._p.style = style_id
        if text:
            p.add_run(text)
        return p


    def add_xml(self, xml: str) -> None:
        element = parse_xml(xml)
        if self.end is not None:
            self.end.addprevious(element)
        else:
            self.body.append(element)


# XML 1.0 cannot hold these; Word could not open a file with them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SMALL = '<w:color w:val="444444"/><w:sz w:val="18"/>'  # 9 pt grey: meta lines


def _run_xml(run: Run, small: bool) -> str:
    """One run as WordprocessingML: bold, italic, strike, size in schema order; a line break
    in the text is a ``<w:br/>``, a tab a ``<w:tab/>``."""
    props = (("<w:b/>" if run.bold else "") + ("<w:i/>" if run.italic else "")
             + ("<w:strike/>" if run.strike else "") + (_SMALL if small else ""))
    parts = []
    for i, line in enumerate(_NOT_XML.sub("\ufffd", run.text).split("\n")):
        if i:
            parts.append("<w:br/>")
        for j, piece in enumerate(line.split("\t")):
            if j:
                parts.append("<w:tab/>")
            if piece:
                parts.append(f'<w:t xml:space="preserve">{escape(piece)}</w:t>')
    return f"<w:r>{'<w:rPr>' + props + '</w:rPr>' if props else ''}{''.join(parts)}</w:r>"


def _paragraph(body: _Body, block: Para, ids: dict[str, str | None]) -> None:
    """The paragraph as one piece of XML, parsed once: setting each run's properties through
    python-docx costs a dozen element look-ups per run (23 s for 1,000 notes)."""
    style_id = ids[_STYLES.get(block.style, "Normal")]
    small = block.style in ("meta", "note", "struck")
    ppr = f'<w:pPr><w:pStyle w:val="{escape(style_id)}"/></w:pPr>' if style_id else ""
    runs = "".join(_run_xml(r, small) for r in block.runs)
    body.add_xml(f"<w:p {nsdecls('w')}>{ppr}{runs}</w:p>")


def render(doc: JournalExport, blocks: Iterable[Block]) -> bytes:
    """The document as .docx bytes, with core properties (title, author, created) set."""
    document = Document()
    props = document.core_properties
    props.title, props.author = doc.title, doc.exported_by
    props.created = doc.exported_at
    props.keywords = "journal; Samskriv"
    props.language = "sv-SE"
    document.styles["Normal"].font.name = "DejaVu Sans"
    document.styles["Normal"].font.size = Pt(10)
    _header_footer(document, doc)
    ids: dict[str, str | None] = {
        name: document.styles[name].style_id
        for name in {*_STYLES.values(), "Title", "Heading 1", "Heading 2", "Heading 3"}}
    ids["Normal"] = None  # the default style needs no mark
    body = _Body(document)
    body.add(ids["Title"], doc.title)
    for block in blocks:
        if isinstance(block, Heading):
            body.add(ids[f"Heading {block.level}"], block.text)
        elif isinstance(block, PageBreak):
            body.add(None).add_run().add_break(WD_BREAK.PAGE)
        elif isinstance(block, Table):
            table = document.add_table(rows=1, cols=len(block.header))
            table.style = "Light Grid Accent 1"
            for cell, text in zip(table.rows[0].cells, block.header, strict=True):
                cell.text = text
            for row in block.rows:
                for cell, text in zip(table.add_row().cells, row, strict=True):
                    cell.text = text
        else:
            _paragraph(body, block, ids)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
