"""Property-based tests: dictation output is always well-formed, whatever is said."""

from __future__ import annotations

import random
import re

from hypothesis import given
from hypothesis import strategies as st

from speech.dictation import Dictation, load_rules

RULES = load_rules("sv")
COMMAND_WORDS = {word for phrase in RULES.commands for word in phrase} | {RULES.literal}
NON_UNDO_COMMANDS = [" ".join(p) for p, c in RULES.commands.items() if c.action != "undo"]
PUNCTUATION = ".,?!:"

plain_words = st.text(alphabet="abcdefghijklmnopqrstuvwxyzåäöé", min_size=1, max_size=8).filter(
    lambda word: word not in COMMAND_WORDS
)
units = st.one_of(plain_words, plain_words, st.sampled_from(NON_UNDO_COMMANDS))
phrases = st.lists(units, min_size=1, max_size=8)
documents = st.lists(phrases, max_size=8)
units_with_undo = st.one_of(units, st.just("ångra"))
any_documents = st.lists(st.lists(units_with_undo, max_size=6), max_size=8)


def dictate(document: list[list[str]]) -> Dictation:
    dictation = Dictation("sv")
    for phrase in document:
        dictation.feed(" ".join(phrase))
    return dictation


def assert_well_formed(text: str) -> None:
    assert "  " not in text
    for mark in PUNCTUATION:
        assert f" {mark}" not in text
        assert f"\n{mark}" not in text
    assert " \n" not in text and "\n " not in text
    assert "\n\n\n" not in text
    assert not text.startswith((" ", "\n", *PUNCTUATION))
    for match in re.finditer(r"(?:^|[.?!] |\n)(\w)", text):
        assert match.group(1).isupper(), (text, match.start())


@given(any_documents)
def test_output_is_always_well_formed(document: list[list[str]]) -> None:
    dictation = dictate(document)
    assert_well_formed(dictation.text)


@given(any_documents, st.lists(units_with_undo, max_size=6))
def test_partial_rendering_is_well_formed_and_leaves_document_alone(
    document: list[list[str]], partial: list[str]
) -> None:
    dictation = dictate(document)
    before = dictation.text
    assert_well_formed(dictation.render_partial(" ".join(partial)))
    assert dictation.text == before


@given(documents, phrases)
def test_undo_after_feed_restores_previous_text_exactly(
    document: list[list[str]], phrase: list[str]
) -> None:
    dictation = dictate(document)
    before = dictation.text
    dictation.feed(" ".join(phrase))
    dictation.feed("ångra")
    assert dictation.text == before


@given(documents)
def test_non_command_words_are_kept_in_order(document: list[list[str]]) -> None:
    text = dictate(document).text
    spoken = [unit for phrase in document for unit in phrase if unit not in NON_UNDO_COMMANDS]
    written = re.findall(r"[^\s.,?!:]+", text)
    assert [word.lower() for word in written] == spoken


@given(documents, st.randoms(use_true_random=False))
def test_phrase_boundaries_do_not_change_the_text(
    document: list[list[str]], rnd: random.Random
) -> None:
    units_in_order = [unit for phrase in document for unit in phrase]
    regrouped: list[list[str]] = []
    for unit in units_in_order:
        if not regrouped or rnd.random() < 0.3:
            regrouped.append([])
        regrouped[-1].append(unit)
    assert dictate(regrouped).text == dictate(document).text


@given(any_documents)
def test_rendering_is_idempotent(document: list[list[str]]) -> None:
    first = dictate(document)
    second = dictate(document)
    assert first.text == second.text == first.render_partial("")
