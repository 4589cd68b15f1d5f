"""Limits on every typed text, and personnummer written in ASCII digits only."""

from __future__ import annotations

import pytest

from app import limits
from app.errors import ValidationError
from app.personnummer import luhn_ok, normalise

ALL = [value for value in vars(limits).values() if isinstance(value, limits.Limit)]


@pytest.mark.parametrize("limit", ALL, ids=[lim.too_long for lim in ALL])
def test_each_limit_takes_its_length_and_refuses_one_more_in_swedish(limit: limits.Limit) -> None:
    limit.check("x" * limit.chars, "field")
    with pytest.raises(ValidationError) as refused:
        limit.check("x" * (limit.chars + 1), "field")
    assert refused.value.field == "field"
    assert refused.value.message.startswith(limit.too_long + " (högst ")
    assert refused.value.message.endswith(" tecken).")


def test_limit_messages_group_thousands_the_swedish_way() -> None:
    with pytest.raises(ValidationError, match=r"högst 200 000 tecken"):
        limits.NOTE_TEXT.check("x" * 200_001, "body")


def test_name_lists_are_limited_in_count_and_length() -> None:
    limits.check_names(["Kim"] * limits.MAX_NAMES, "participants")
    with pytest.raises(ValidationError, match="Högst 50 namn"):
        limits.check_names(["Kim"] * (limits.MAX_NAMES + 1), "participants")
    with pytest.raises(ValidationError, match="Ett namn är för långt"):
        limits.check_names(["K" * 201], "participants")


def _digits_in(zero: str, text: str) -> str:
    """``text`` with each ASCII digit written in the script whose zero is ``zero``."""
    return "".join(chr(ord(zero) + int(c)) if c.isdigit() else c for c in text)


@pytest.mark.parametrize("zero", ["\u0660", "\u06f0", "\u0966", "\uff10", "\U0001d7ce"],
                         ids=["arabic-indic", "persian", "devanagari", "fullwidth", "math-bold"])
def test_personnummer_in_other_digits_is_refused(zero: str) -> None:
    valid = "19811218-9876"
    assert normalise(valid) == valid
    foreign = _digits_in(zero, valid)
    with pytest.raises(ValidationError, match="ÅÅÅÅMMDD-NNNN"):
        normalise(foreign)
    assert not luhn_ok(_digits_in(zero, "8112189876"))
    mixed = valid[:-1] + _digits_in(zero, "6")
    with pytest.raises(ValidationError):
        normalise(mixed)
