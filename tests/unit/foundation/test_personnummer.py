"""Personnummer and samordningsnummer: Luhn check, century, dates and written forms."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.errors import ValidationError
from app.personnummer import birth_date, luhn_ok, normalise
from tests.support.store import with_check_digit

TODAY = date(2026, 3, 2)


@pytest.mark.parametrize("digits", ["8112189876", "1212121212"])
def test_luhn_accepts_known_valid_numbers(digits: str) -> None:
    assert luhn_ok(digits)


@pytest.mark.parametrize("digits", ["8112189875", "1212121213"])
def test_luhn_rejects_a_wrong_check_digit(digits: str) -> None:
    assert not luhn_ok(digits)


@pytest.mark.parametrize(
    "written",
    ["811218-9876", "8112189876", "19811218-9876", "198112189876", " 811218 - 9876 "],
)
def test_written_forms_normalise_to_one_form(written: str) -> None:
    assert normalise(written, today=TODAY) == "19811218-9876"


def test_two_digit_year_takes_the_latest_century_not_in_the_future() -> None:
    assert normalise("121212-1212", today=TODAY) == "20121212-1212"
    digits = with_check_digit("301212121")
    assert normalise(digits, today=TODAY) == f"1930{digits[2:6]}-{digits[6:]}"


def test_plus_means_a_hundred_years_or_older() -> None:
    assert normalise("121212+1212", today=TODAY) == "19121212-1212"


def test_samordningsnummer_adds_sixty_to_the_day() -> None:
    digits = with_check_digit("811278987")  # born 1981-12-18, day 18 + 60
    pnr = normalise(digits[:6] + "-" + digits[6:], today=TODAY)
    assert pnr == "198112" + digits[4:6] + "-" + digits[6:]
    assert birth_date(pnr) == date(1981, 12, 18)


@pytest.mark.parametrize(
    ("nine", "why"),
    [
        ("810230123", "30 februari"),
        ("811318123", "månad 13"),
        ("811200123", "dag 0"),
        ("811292123", "samordningsdag 32"),
    ],
)
def test_dates_that_do_not_exist_are_refused(nine: str, why: str) -> None:
    digits = with_check_digit(nine)
    with pytest.raises(ValidationError, match="datum") as info:
        normalise(digits, today=TODAY)
    assert info.value.field == "personnummer", why


@pytest.mark.parametrize(
    "text", ["", "abc", "81121-89876", "811218/9876", "81121898761", "1981-12-18-9876"]
)
def test_malformed_text_is_refused_with_a_swedish_message(text: str) -> None:
    with pytest.raises(ValidationError, match="ÅÅÅÅMMDD-NNNN"):
        normalise(text, today=TODAY)


def test_a_wrong_check_digit_is_refused() -> None:
    with pytest.raises(ValidationError, match="kontrollsiffran"):
        normalise("811218-9875", today=TODAY)


def test_a_date_later_this_year_is_last_century() -> None:
    digits = with_check_digit("261212123")  # 12 December, today is 2 March 2026
    assert normalise(digits, today=TODAY).startswith("1926")


birth_dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2025, 12, 31))


def _valid(born: date, serial: int, coordination: bool) -> tuple[str, str]:
    day = born.day + (60 if coordination else 0)
    digits = with_check_digit(f"{born:%y%m}{day:02d}{serial:03d}")
    return f"{born.year // 100}{digits}", f"{born.year}{born:%m}{day:02d}-{digits[6:]}"


@given(born=birth_dates, serial=st.integers(0, 999), coordination=st.booleans())
def test_generated_numbers_normalise_in_every_form(
    born: date, serial: int, coordination: bool
) -> None:
    twelve, expected = _valid(born, serial, coordination)
    assert normalise(twelve, today=TODAY) == expected
    assert normalise(f"{twelve[:8]}-{twelve[8:]}", today=TODAY) == expected
    assert birth_date(expected) == born
    ten = twelve[2:]
    sep = "+" if TODAY.year - born.year >= 100 else "-"
    if TODAY.year - born.year in (99, 100):
        return  # the short form is ambiguous around the birthday itself
    assert normalise(f"{ten[:6]}{sep}{ten[6:]}", today=TODAY) == expected


@given(
    born=birth_dates,
    serial=st.integers(0, 999),
    coordination=st.booleans(),
    position=st.integers(0, 9),
    bump=st.integers(1, 9),
)
def test_one_changed_digit_is_always_caught(
    born: date, serial: int, coordination: bool, position: int, bump: int
) -> None:
    twelve, _ = _valid(born, serial, coordination)
    ten = list(twelve[2:])
    ten[position] = str((int(ten[position]) + bump) % 10)
    with pytest.raises(ValidationError):
        normalise(twelve[:2] + "".join(ten), today=TODAY)
