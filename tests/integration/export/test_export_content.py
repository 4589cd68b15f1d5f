"""Exports read back: PDF (pdftotext, pdffonts, XMP), DOCX (python-docx), CSV and JSON hold every
note, revision, correction, signature, review and synpunkt, in order, with the text intact."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import unicodedata
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from app import export, export_pdf
from app.context import Context
from app.export_blocks import HIDDEN_MARK
from app.export_tabular import COLUMNS
from tests.support.journal_data import (
    BODY_1,
    BODY_1_FIXED,
    BODY_3,
    CHILD_PNR,
    HIDDEN_PASSAGE,
    HOSTILE,
    REASON,
    SYNPUNKT,
    VOICE_2,
    Journal,
    make_journal,
)
from tests.support.store import FixedClock, raw_connection


@pytest.fixture
def journal(caseworker: Context, clock: FixedClock) -> Journal:
    return make_journal(caseworker, clock)


def _export(ctx: Context, journal: Journal, fmt: str, tmp_path: Path, **kw: object) -> Path:
    target = tmp_path / f"journal.{fmt}"
    request = export.ExportRequest(fmt, case_id=journal.case.id, **kw)  # type: ignore[arg-type]
    result = export.export_journal(ctx, request, target)
    assert result.path == target and result.notes == 3
    return target


def _pdftext(path: Path) -> str:
    out = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True,
                         check=True).stdout
    return unicodedata.normalize("NFC", out)


def _in_order(text: str, *parts: str) -> None:
    at = 0
    for part in parts:
        found = text.find(part, at)
        assert found >= 0, f"missing or out of order: {part!r}"
        at = found + len(part)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def test_pdf_holds_the_whole_record_in_order(caseworker: Context, journal: Journal,
                                             tmp_path: Path) -> None:
    text = _pdftext(_export(caseworker, journal, "pdf", tmp_path))
    _in_order(text, "Ärende 2026-0042", "Märta Åkesson", "20150412-****",
              # note 1: corrected text, signatures of both versions, the old text, who and why
              BODY_1_FIXED.split("\n\n")[0], "Signerad av Cecilia Handläggare",
              "Signaturen är kontrollerad och stämmer", "Rättelsen signerad av Cecilia Handläggare",
              "Rättelse (version 3)", REASON, BODY_1.split("\n\n")[0],
              # note 2: body, the child's voice, the review with the hidden passage marked
              "Samtal med vårdnadshavaren.", HIDDEN_PASSAGE, "Barnets röst", VOICE_2,
              "Genomgång med familjen", "Örjan Åkesson (vårdnadshavare)",
              f"Stycke 2 ({HIDDEN_MARK}, visades inte): {HIDDEN_PASSAGE[:20]}",
              "Svar: Stämmer", "Svar (ändrat svar): Stämmer inte",
              "Egna ord (ordagrant):", _nfc(SYNPUNKT)[:40],
              # note 3: the draft
              BODY_3, "Ej signerad: utkast.",
              "Besök och samtycke", "Samtycke till inspelning")
    assert _nfc(SYNPUNKT) in " ".join(text.split())  # åäö, combining ring and 😊 intact
    assert CHILD_PNR not in text
    assert "sida 1 av " in text and "Exporterad" in text


def test_hostile_text_is_printed_not_interpreted(caseworker: Context, journal: Journal,
                                                 tmp_path: Path) -> None:
    text = " ".join(_pdftext(_export(caseworker, journal, "pdf", tmp_path)).split())
    # Every markup character shows as itself; the emoji the font lacks shows as its code point.
    expected = _nfc(HOSTILE.replace("🙂", "[U+1F642]"))
    assert expected in text


def test_pdf_is_pdfa_2b_with_every_font_embedded(caseworker: Context, journal: Journal,
                                                 tmp_path: Path) -> None:
    path = _export(caseworker, journal, "pdf", tmp_path)
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts)  # the "emb" column
    reader = PdfReader(path)
    xmp = reader.xmp_metadata
    assert xmp is not None
    raw = xmp.stream.get_data().decode()
    assert "<pdfaid:part>2</pdfaid:part>" in raw and "<pdfaid:conformance>B" in raw
    info = reader.metadata
    assert info is not None and info.title == "Journal 2026-0042"
    assert info.author == "Cecilia Handläggare (handlaggare)"


def test_corrected_text_is_struck_through_in_the_pdf_source(caseworker: Context,
                                                            journal: Journal) -> None:
    from app.export import read_export
    from app.export_blocks import blocks

    doc = read_export(caseworker, export.ExportRequest("pdf", case_id=journal.case.id))
    source = export_pdf.markup(doc, blocks(doc))
    assert f"strike({export_pdf.lit(BODY_1.split(chr(10) * 2)[0])})" in source
    assert f"strike({export_pdf.lit(BODY_1_FIXED.split(chr(10) * 2)[0])})" not in source


def test_full_personnummer_only_when_asked(caseworker: Context, journal: Journal,
                                           tmp_path: Path) -> None:
    path = _export(caseworker, journal, "pdf", tmp_path, full_personnummer=True)
    assert CHILD_PNR in _pdftext(path)


def test_docx_has_word_headings_and_the_same_content(caseworker: Context, journal: Journal,
                                                     tmp_path: Path) -> None:
    document = Document(str(_export(caseworker, journal, "docx", tmp_path)))
    styles = [p.style.name for p in document.paragraphs if p.style is not None]
    assert {"Title", "Heading 1", "Heading 2", "Heading 3"} <= set(styles)
    text = "\n".join(p.text for p in document.paragraphs)
    _in_order(text, BODY_1_FIXED.split("\n\n")[0], "Signerad av Cecilia Handläggare", REASON,
              BODY_1.split("\n\n")[0], HIDDEN_PASSAGE, VOICE_2, HOSTILE, SYNPUNKT, BODY_3)
    struck = [r.text for p in document.paragraphs for r in p.runs if r.font.strike]
    assert BODY_1.split("\n\n")[0] in struck
    hidden = [p for p in document.paragraphs if HIDDEN_MARK in p.text]
    assert len(hidden) == 1 and hidden[0].style is not None
    assert hidden[0].style.name == "Intense Quote"
    assert HIDDEN_PASSAGE in hidden[0].text
    persons = document.tables[0]
    assert persons.rows[1].cells[2].text == "20150412-****"
    assert document.core_properties.title == "Journal 2026-0042"


def test_csv_rows_in_order_with_bom(caseworker: Context, journal: Journal,
                                    tmp_path: Path) -> None:
    raw = _export(caseworker, journal, "csv", tmp_path).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline=""),
                               delimiter=";"))
    assert tuple(rows[0].keys()) == COLUMNS
    kinds = [r["record_type"] for r in rows]
    assert kinds == ["note", "revision", "revision", "correction",
                     "note", "revision",
                     "review_passage", "review_answer",
                     "review_passage",
                     "review_passage", "review_answer", "review_answer",
                     "review_passage", "review_answer",
                     "note", "revision", "visit", "consent"]
    assert [r["seq"] for r in rows if r["record_type"] == "revision"] == ["2", "3", "2", "1"]
    correction = next(r for r in rows if r["record_type"] == "correction")
    assert (correction["old_body"], correction["body"], correction["reason"]) == (
        BODY_1, BODY_1_FIXED, REASON)
    hidden = [r for r in rows if r["record_type"] == "review_passage" and r["shown"] == "nej"]
    assert [r["body"] for r in hidden] == [HIDDEN_PASSAGE]
    answers = [r["comment"] for r in rows if r["record_type"] == "review_answer"]
    assert answers == ["", "", SYNPUNKT, "Ja."]  # verbatim: combining ring not composed
    signed = [r for r in rows if r["record_type"] == "revision" and r["kind"] == "signed"]
    assert all(r["signed_by"] == "Cecilia Handläggare"
               and r["signature_verification"] == "verified" for r in signed)


def test_an_altered_signed_revision_exports_as_not_verifying(
        caseworker: Context, journal: Journal, tmp_path: Path) -> None:
    """Someone with the data key changes a signed text in the database: the export still
    holds it, and says its signature does not verify."""
    with raw_connection(caseworker.paths.database, caseworker.data_key) as conn:
        conn.execute("DROP TRIGGER note_revisions_no_update")
        conn.execute("UPDATE note_revisions SET body = body || ' Tillagt i efterhand.' "
                     "WHERE kind = 'signed' AND note_id = ?", (journal.note_ids[1],))
    rows = list(csv.DictReader(io.StringIO(
        _export(caseworker, journal, "csv", tmp_path).read_text("utf-8-sig")), delimiter=";"))
    states = {r["body"].endswith("Tillagt i efterhand."): r["signature_verification"]
              for r in rows if r["record_type"] == "revision" and r["kind"] == "signed"}
    assert states == {True: "invalid", False: "verified"}


def test_json_groups_the_same_records_per_case(caseworker: Context, journal: Journal,
                                               tmp_path: Path) -> None:
    data = json.loads(_export(caseworker, journal, "json", tmp_path).read_text("utf-8"))
    (case,) = data["cases"]
    assert case["case_number"] == "2026-0042"
    assert case["persons"][0]["personnummer"] == "20150412-****"
    comments = [r.get("comment") for r in case["records"] if r["record_type"] == "review_answer"]
    assert SYNPUNKT in comments
    assert len([r for r in case["records"] if r["record_type"] == "note"]) == 3
