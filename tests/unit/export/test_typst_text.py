"""User text reaches the PDF as text: Typst string literals, and characters the fonts lack
written as their code points instead of breaking PDF/A."""

from __future__ import annotations

import subprocess
import unicodedata
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app import export_pdf
from app.font_coverage import covered_by_all, drawable

HOSTILE = [
    "#set page(width: 1pt)", "$x^2$", "*fet* _kursiv_ `kod`", "\\ \\\\ \\n", "<etikett> @ref",
    "[klammer] ] [", '"citat" och \\"', "}{ #{ 1 + 1 }", "// kommentar /* block", "= Rubrik",
    "- lista + numrerad", "åäö ÅÄÖ", "a\u030a e\u0301 o\u0308", "😊", "tab\there",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_a_literal_compiles_to_exactly_the_text(text: str, tmp_path: Path) -> None:
    source = f'#set text(font: "DejaVu Sans")\n#{export_pdf.txt(text)}\n'
    pdf = tmp_path / "t.pdf"
    pdf.write_bytes(export_pdf.compile_pdf(source, datetime(2026, 3, 2, tzinfo=UTC)))
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                         check=True).stdout
    assert unicodedata.normalize("NFC", " ".join(out.split())) == unicodedata.normalize(
        "NFC", " ".join(text.split()))


def test_control_characters_are_escaped_not_passed() -> None:
    assert export_pdf.lit("a\x07b\u2028c") == '"a\\u{7}b\\u{2028}c"'
    assert export_pdf.lit('x"\\\n') == '"x\\"\\\\\\n"'


def test_characters_without_a_glyph_are_named() -> None:
    glyphs = covered_by_all(export_pdf.FONT_DIR / n for n in export_pdf.FONT_FILES)
    assert ord("å") in glyphs and ord("😊") in glyphs
    assert drawable("hej 🙂 då", glyphs) == "hej [U+1F642] då"
    assert drawable("åäö", glyphs) == "åäö"
