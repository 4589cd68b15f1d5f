"""The journal card tells text from speech recognition (tinted; engine, model, pass) from text
the caseworker typed or changed, and says "Skriven med stöd av taligenkänning"."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from app import notes
from tests.support.speech_notes import MERGED, TYPED, speech_note
from ui.i18n import Translations
from ui.journal import MACHINE_STYLE
from ui.main_window import MainWindow

TYPED_NOTE = "Telefonsamtal med skolan, skrivet för hand."


def test_the_card_marks_machine_text_and_names_its_engines(qtbot: QtBot, window: MainWindow,
                                                           tmp_path: Path) -> None:
    ctx = window.session.ctx
    made = speech_note(ctx, tmp_path)
    typed = notes.create_draft(ctx, made.case_id, TYPED_NOTE)
    with qtbot.waitSignal(window.case_view.case_loaded, timeout=5_000):
        window.case_list.refresh(select_id=made.case_id)
    journal = window.case_view.journal
    qtbot.waitUntil(lambda: made.note_id in journal.cards, timeout=5_000)

    card = journal.cards[made.note_id].text_label.text()
    tinted = re.findall(rf"<span style='{MACHINE_STYLE}'>(.*?)</span>", card)
    assert tinted == ["Hej, jag heter Anna och jag bor i", "göteborg"]  # "centrala" was typed
    assert TYPED not in "".join(tinted) and TYPED in card
    assert "Skriven med stöd av taligenkänning" in card
    words = len(MERGED.split())
    assert f"{words - 1} av {words} ord kommer från taligenkänning" in card
    # "Hej," and "Anna" were improved by KB-Whisper; the rest is as Vosk heard it.
    assert "Vosk, modell vosk-model-small-sv-rhasspy-0.15, utskrift av inspelning: 7 ord" in card
    assert "KB-Whisper, modell kb-whisper-base, förbättrad utskrift: 2 ord" in card

    plain = journal.cards[typed.id].text_label.text()
    assert "taligenkänning" not in plain and MACHINE_STYLE not in plain


def test_the_provenance_line_translates(qapp: object) -> None:
    english = Translations()
    english.apply("en")
    try:
        tr = QCoreApplication.translate
        assert (tr("NoteCardWidget", "Skriven med stöd av taligenkänning")
                == "Written with the help of speech recognition")
        assert tr("NoteCardWidget", "förbättrad utskrift") == "improved transcript"
        assert tr("NoteCardWidget", "%n ord", "", 1) == "1 word"
        assert tr("NoteCardWidget", "%n ord", "", 9) == "9 words"
    finally:
        english.apply("sv")
