"""Counted texts use Qt's plural forms, in Swedish (the source language) and English: "1 träff",
"2 träffar", never "1 träffar" or "träff(ar)"."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from app import review_text
from app.review import ReviewSummary
from ui.i18n import Translations
from ui.plurals import PLURALS

ROOT = Path(__file__).resolve().parents[2]
_PLURAL_CALL = re.compile(r'self\.tr\(\s*((?:"[^"]*"\s*)+),\s*""\s*,', re.S)


@pytest.fixture
def translations(qapp: QApplication) -> Iterator[Translations]:
    t = Translations()
    yield t
    t.apply("sv")


def _tr(context: str, source: str, n: int) -> str:
    return QCoreApplication.translate(context, source, "", n)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_one_and_many(translations: Translations, lang: str) -> None:
    translations.apply(lang)
    for (context, source), forms in PLURALS.items():
        one, many = forms[lang]
        assert _tr(context, source, 1) == one.replace("%n", "1")
        assert _tr(context, source, 2) == many.replace("%n", "2")
        assert _tr(context, source, 0) == many.replace("%n", "0")
    if lang == "sv":
        assert _tr("CaseListWidget", "%n träff(ar)", 1) == "1 träff"
        assert _tr("CaseListWidget", "%n träff(ar)", 7) == "7 träffar"


def test_every_counted_text_in_the_code_has_its_forms() -> None:
    sources = {source for _context, source in PLURALS}
    found: set[str] = set()
    for path in (ROOT / "ui").rglob("*.py"):
        for match in _PLURAL_CALL.finditer(path.read_text(encoding="utf-8")):
            text = "".join(re.findall(r'"([^"]*)"', match.group(1)))
            found.add(text)
    assert found and found <= sources, sorted(found - sources)


def test_review_counts_read_right() -> None:
    assert "med familjen 1 gång." in review_text.signing_text([_summary()])
    assert "med familjen 2 gånger." in review_text.signing_text([_summary(), _summary()])


def _summary() -> ReviewSummary:
    return ReviewSummary(review_id="r", note_id="n", revision_id="v", revision_hash="h",
                         started_at=datetime(2026, 3, 2, tzinfo=UTC), started_by="Anna",
                         audience="child", variant="adult", present=("Kim",), hidden_count=0,
                         completed=True, outcomes=())
