"""The English review strings in ui/i18n/review_en.ts reach the widgets (contexts match)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.review import Passage
from ui import i18n
from ui.review.passage_page import PassagePageWidget
from ui.review.summary_text import signing_review_text

TS = Path(__file__).resolve().parents[3] / "ui" / "i18n" / "review_en.ts"


def test_english_review_strings(qtbot: QtBot, tmp_path: Path, qapp: QApplication) -> None:
    tool = i18n.lrelease_command()
    assert tool is not None  # the PySide6 wheel carries it; CI must compile the English file
    qm = tmp_path / "review_en.qm"
    subprocess.run([*tool, "-silent", str(TS), "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    qapp.installTranslator(translator)
    try:
        page = PassagePageWidget(child=True, total=3, can_dictate=False)
        qtbot.addWidget(page)
        page.show_passage(0, Passage(0, "body", "Text"), None, "")
        assert page.agree_button.text() == "👍  Yes, that's right"
        assert page.progress_label.text() == "Part 1 of 3"
        assert signing_review_text([]) == "The note has not been reviewed with the family."
    finally:
        qapp.removeTranslator(translator)


def test_english_kiosk_strings_of_the_trust_and_everyday_issues(
        qtbot: QtBot, tmp_path: Path, qapp: QApplication) -> None:
    from PySide6.QtCore import QCoreApplication

    from app.errors import AudioError
    from ui.review.kiosk_media import family_message

    tool = i18n.lrelease_command()
    assert tool is not None
    qm = tmp_path / "review_en.qm"
    subprocess.run([*tool, "-silent", str(TS), "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    qapp.installTranslator(translator)
    try:
        page = PassagePageWidget(child=False, total=2, can_dictate=False)
        qtbot.addWidget(page)
        page.set_respondents(["Kim", "Maria"])
        assert page.respondent_label.text() == "Who is answering?"
        page.ask_respondent(True)
        assert page.respondent_label.text() == "Who answered? Tap your name."
        page.set_read_aloud_missing()
        assert page.read_button.text() == "🔇  No reading aloud"
        assert family_message(AudioError("x")).startswith("The microphone is not working")
        tr = QCoreApplication.translate
        assert tr("UnlockOverlayWidget", "Vänta {n} sekunder och försök sedan igen.") == (
            "Wait {n} seconds, then try again.")
        assert tr("ReviewSummaryText", "(stycke {n} i anteckningen)") == (
            "(passage {n} in the note)")
    finally:
        qapp.removeTranslator(translator)
