"""Turning what a caseworker types into a safe FTS5 query."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.search import fts_query


def test_each_word_is_a_quoted_prefix_and_lower_case() -> None:
    assert fts_query("Skola Hembesök") == '"skola"* "hembesök"*'


@pytest.mark.parametrize("text", ["", "   ", '""', "*", "-", "()", ":", "^"])
def test_text_without_words_gives_no_query(text: str) -> None:
    assert fts_query(text) == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"mamma', '"mamma"*'),
        ('pappa" OR "x', '"pappa"* "or"* "x"*'),
        ("skola NEAR hem", '"skola"* "near"* "hem"*'),
        ("NEAR(skola hem, 3)", '"near"* "skola"* "hem"* "3"*'),
        ("skola AND NOT hem", '"skola"* "and"* "not"* "hem"*'),
        ("sko* -hem body:x ^y", '"sko"* "hem"* "body"* "x"* "y"*'),
    ],
)
def test_fts_syntax_in_user_text_becomes_plain_words(text: str, expected: str) -> None:
    assert fts_query(text) == expected


def _fts() -> sqlite3.Connection:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(body, tokenize='unicode61 remove_diacritics 0')")
    db.execute("INSERT INTO t VALUES ('Hembesök hos familjen, barnet går i skolan')")
    return db


def test_a_word_finds_its_inflections_and_compounds() -> None:
    db = _fts()
    try:
        assert db.execute(
            "SELECT count(*) FROM t WHERE t MATCH ?", (fts_query("skol HEM"),)
        ).fetchone() == (1,)
    finally:
        db.close()


@given(st.text(max_size=40))
def test_any_text_is_a_valid_fts5_query(text: str) -> None:
    query = fts_query(text)
    if not query:
        return
    db = _fts()
    try:
        db.execute("SELECT count(*) FROM t WHERE t MATCH ?", (query,)).fetchone()
    finally:
        db.close()
