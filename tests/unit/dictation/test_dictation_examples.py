"""Example-based tests of Swedish and English dictation commands, capitals and spacing."""

from __future__ import annotations

import pytest

from speech.dictation import Dictation, load_rules
from speech.errors import UnsupportedLanguage


def dictate(*phrases: str, language: str = "sv") -> str:
    dictation = Dictation(language)
    for phrase in phrases:
        dictation.feed(phrase)
    return dictation.text


@pytest.mark.parametrize(
    ("phrases", "expected"),
    [
        (["hej jag heter anna punkt"], "Hej jag heter anna."),
        (["vi sitter i köket komma barnet leker"], "Vi sitter i köket, barnet leker"),
        (["hur mår du frågetecken bra utropstecken"], "Hur mår du? Bra!"),
        (["följande kolon mat och sömn"], "Följande: mat och sömn"),
        (["första raden ny rad andra raden"], "Första raden\nAndra raden"),
        (["ett stycke punkt nytt stycke nästa"], "Ett stycke.\n\nNästa"),
        (["hej punkt", "hur är läget frågetecken"], "Hej. Hur är läget?"),
        (["hej", "punkt"], "Hej."),
    ],
)
def test_swedish_commands(phrases: list[str], expected: str) -> None:
    assert dictate(*phrases) == expected


def test_phrase_may_be_a_list_of_words() -> None:
    dictation = Dictation("sv")
    assert dictation.feed(["hej", "ny", "rad", "då"]) == "Hej\nDå"


def test_multi_word_command_split_over_phrases_is_not_a_command() -> None:
    # Vosk ends a phrase at a pause; a command is only recognised within one phrase.
    assert dictate("hej ny", "rad") == "Hej ny rad"


def test_split_compound_alias() -> None:
    assert dictate("vad heter du fråge tecken") == "Vad heter du?"


def test_punctuation_at_start_is_dropped() -> None:
    assert dictate("punkt komma hej") == "Hej"


def test_punctuation_after_line_break_is_dropped() -> None:
    assert dictate("hej ny rad punkt då") == "Hej\nDå"


def test_repeated_punctuation_collapses_and_latest_wins() -> None:
    assert dictate("hej punkt punkt") == "Hej."
    assert dictate("hej komma punkt då") == "Hej. Då"
    assert dictate("hej punkt", "frågetecken") == "Hej?"


def test_leading_breaks_dropped_and_breaks_capped_at_one_empty_line() -> None:
    assert dictate("ny rad nytt stycke hej") == "Hej"
    assert dictate("hej ny rad ny rad ny rad då") == "Hej\n\nDå"
    assert dictate("hej nytt stycke nytt stycke") == "Hej\n\n"


def test_no_capital_after_colon_or_comma() -> None:
    assert dictate("så här kolon en sak komma två saker") == "Så här: en sak, två saker"


def test_undo_removes_last_phrase_not_last_word() -> None:
    assert dictate("hon bor hos mamma punkt", "pappa kommer i morgon", "ångra") == (
        "Hon bor hos mamma."
    )


def test_undo_inside_phrase_removes_the_words_before_it() -> None:
    assert dictate("första punkt", "fel ord ångra rätt ord") == "Första. Rätt ord"


def test_undo_twice_and_with_nothing_to_undo() -> None:
    assert dictate("ett", "två", "ångra ångra") == ""
    assert dictate("ångra", "hej") == "Hej"


def test_undo_method_reports_whether_anything_was_undone() -> None:
    dictation = Dictation("sv")
    assert dictation.undo() is False
    dictation.feed("hej")
    assert dictation.undo() is True
    assert dictation.text == ""


def test_empty_phrase_is_not_an_undo_step() -> None:
    dictation = Dictation("sv")
    dictation.feed("hej punkt")
    dictation.feed("")
    dictation.feed("   ")
    assert dictation.phrase_count == 1
    dictation.feed("ångra")
    assert dictation.text == ""


def test_literal_word_escapes_commands() -> None:
    assert dictate("hon ska ordet komma hem punkt") == "Hon ska komma hem."
    assert dictate("ordet ny rad") == "Ny rad"
    assert dictate("ordet ordet") == "Ordet"
    assert dictate("sista ordet") == "Sista ordet"
    assert dictate("ordet är viktigt") == "Ordet är viktigt"


def test_commands_can_be_switched_off_for_conversation() -> None:
    dictation = Dictation("sv", commands=False)
    assert dictation.feed("vi ska komma hem punkt") == "Vi ska komma hem punkt"


def test_english_commands_and_always_capitalised_words() -> None:
    text = dictate(
        "i think so full stop",
        "is it comma really question mark new paragraph yes exclamation mark",
        "new line literal period colon fine",
        language="en",
    )
    assert text == "I think so. Is it, really?\n\nYes!\nPeriod: fine"


def test_english_undo() -> None:
    assert dictate("keep this period", "drop this", "undo", language="en") == "Keep this."


def test_render_partial_shows_unfinished_phrase_with_commands_applied() -> None:
    dictation = Dictation("sv")
    dictation.feed("hon är åtta år punkt")
    assert dictation.render_partial("hon går i") == "Hon är åtta år. Hon går i"
    assert dictation.render_partial("") == "Hon är åtta år."
    assert dictation.text == "Hon är åtta år."  # a partial never changes the document


def test_preview_splits_stable_and_tentative_text() -> None:
    dictation = Dictation("sv")
    dictation.feed("hej komma")
    preview = dictation.preview("frågetecken och")
    assert preview.stable == "Hej"
    assert preview.tentative == "? Och"
    assert preview.text == dictation.render_partial("frågetecken och")


def test_language_codes_are_normalised() -> None:
    assert load_rules("sv-SE").language == "sv"
    assert load_rules("en_GB").language == "en"


@pytest.mark.parametrize("code", ["xx", "../sv", ""])
def test_unknown_language_raises(code: str) -> None:
    with pytest.raises(UnsupportedLanguage):
        load_rules(code)


def test_longest_command_matched_first() -> None:
    found = load_rules("sv").match(["nytt", "stycke", "nu"], 0)
    assert found is not None
    assert found[0] == 2
