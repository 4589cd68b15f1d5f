"""Every ``ui/i18n/*_<lang>.ts`` is compiled and installed: the shell's and each feature's."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from ui import i18n
from ui.i18n import Translations


@pytest.fixture
def english(qapp: QApplication) -> Iterator[Translations]:
    translations = Translations()
    translations.apply("en")
    yield translations
    translations.apply("sv")


def test_english_shell_and_review_strings_translate(english: Translations) -> None:
    tr = QCoreApplication.translate
    assert tr("CaseListWidget", "Ärenden") == "Cases"
    assert tr("NoteEditorWidget", "Släng ändringar") == "Discard changes"
    assert tr("ReviewSummaryText", "Genomgång med familjen") == "Review with the family"
    assert tr("ReviewFlow", "Gå igenom med familjen") == "Review with the family"


def test_swedish_removes_the_english_translators(english: Translations) -> None:
    english.apply("sv")
    assert QCoreApplication.translate("ReviewSummaryText", "Stämmer inte") == "Stämmer inte"
    assert QCoreApplication.translate("CaseListWidget", "Ärenden") == "Ärenden"


def test_a_new_feature_file_is_picked_up(tmp_path: Path) -> None:
    ts_dir = tmp_path / "ts"
    ts_dir.mkdir()
    for name in ("review_en.ts", "samskriv_en.ts"):
        shutil.copy(i18n.TS_DIR / name, ts_dir / name)
    shutil.copy(i18n.TS_DIR / "review_en.ts", ts_dir / "visit_en.ts")  # a package added later
    (ts_dir / "samskriv_de.ts").write_text("<TS/>", encoding="utf-8")
    assert [p.name for p in i18n.sources("en", ts_dir)] == [
        "samskriv_en.ts", "review_en.ts", "visit_en.ts"]
    assert i18n.lrelease_command() is not None  # the PySide6 wheel carries it
    compiled = i18n.compiled_all("en", tmp_path / "qm", ts_dir)
    assert [p.name for p in compiled] == ["samskriv_en.qm", "review_en.qm", "visit_en.qm"]
    assert all(p.stat().st_size > 0 for p in compiled)


def test_the_domain_words_from_app_vocabulary_translate(english: Translations) -> None:
    from app import vocabulary
    from ui import formatting, sections

    assert formatting.translated(vocabulary.user_role("supervisor")) == "Supervisor"
    assert formatting.person_role("guardian") == "Guardian"
    assert formatting.visit_kind("hembesok") == "Home visit"
    assert formatting.note_state("signed", corrected=True) == "Corrected"
    assert formatting.translated(vocabulary.case_status("closed")) == "Closed"
    value, text = sections.choices()[1]
    assert value == "Barnets utveckling – Hälsa"  # stored (and exported) in Swedish
    assert text == "Child's development – Health"
    untranslated = [word for table in (vocabulary.USER_ROLES, vocabulary.PERSON_ROLES,
                                       vocabulary.NOTE_STATES, vocabulary.VISIT_KINDS,
                                       vocabulary.CASE_STATUSES) for word in table.values()
                    if formatting.translated(word) == word]
    assert untranslated == []


def test_the_account_dialogs_translate(english: Translations) -> None:
    tr = QCoreApplication.translate
    assert tr("UsersDialog", "Stäng av kontot") == "Deactivate the account"
    assert tr("ChangePasswordDialog", "De nya lösenorden är olika.") == "The new passwords differ."
    assert (tr("_CredentialsDialog", "Vänta {n} s innan du försöker igen.")
            == "Wait {n} s before you try again.")
    assert tr("MainWindow", "&Konto") == "&Account"
