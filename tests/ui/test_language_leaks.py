"""No English in the Swedish UI and no Swedish in the English one: BBIC sections in the
journal, the model catalog's language names, the case header."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from ui import sections
from ui.i18n import Translations
from ui.visit.model_manager import ModelManagerWidget


@pytest.fixture
def translations(qapp: QApplication) -> Iterator[Translations]:
    t = Translations()
    yield t
    t.apply("sv")


def _language_name(code: str, fallback: str) -> str:
    return ModelManagerWidget.language_name(ModelManagerWidget.__new__(ModelManagerWidget),
                                            code, fallback)


def test_swedish_names_the_model_languages_in_swedish(translations: Translations) -> None:
    translations.apply("sv")
    assert _language_name("sv", "Swedish") == "Svenska"
    assert _language_name("en-us", "US English") == "Engelska (USA)"


def test_english_translates_sections_and_languages(translations: Translations) -> None:
    translations.apply("en")
    assert sections.label("Barnets utveckling – Utbildning") == "Child's development – Education"
    assert sections.label("") == "Free note"
    assert _language_name("en-gb", "UK English") == "English (UK)"
    tr = QApplication.translate
    assert tr("CaseHeaderWidget", "Handläggare: {names}") == "Assigned to: {names}"
    assert tr("NoteCardWidget", "Barnets röst") == "The child's voice"
