"""Swedish personnummer and samordningsnummer: parse, Luhn check, normalise."""

from __future__ import annotations

import re
from datetime import date

from app.errors import ValidationError

# ASCII digits only: ``\d`` alone would also take Arabic-Indic, fullwidth and other digits,
# which int() reads, so "١٩١٢١٢١٢-١٢١٢" would pass as a personnummer and be stored as typed.
_PATTERN = re.compile(r"^([0-9]{2})?([0-9]{2})([0-9]{2})([0-9]{2})([-+]?)([0-9]{4})$", re.ASCII)


def luhn_ok(digits: str) -> bool:
    if not (digits.isascii() and digits.isdigit()):
        return False
    total = 0
    for i, ch in enumerate(digits):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def normalise(text: str, *, today: date | None = None) -> str:
    """Return ``YYYYMMDD-NNNN`` or raise ValidationError with a Swedish message."""
    raw = text.strip().replace(" ", "")
    match = _PATTERN.match(raw)
    if not match:
        raise ValidationError(
            "Personnumret ska skrivas som ÅÅÅÅMMDD-NNNN eller ÅÅMMDD-NNNN.", field="personnummer"
        )
    century, yy, mm, dd, sep, tail = match.groups()
    if not luhn_ok(yy + mm + dd + tail):
        raise ValidationError(
            "Personnumret är inte giltigt – kontrollsiffran stämmer inte.", field="personnummer"
        )
    day = int(dd) - 60 if int(dd) > 60 else int(dd)  # samordningsnummer adds 60 to the day
    today = today or date.today()
    year = _full_year(century, yy, sep, today)
    try:
        born = date(year, int(mm), day)
        if not century and born > today:  # short form: the most recent such date
            born = date(year - 100, int(mm), day)
            year -= 100
    except ValueError:
        raise ValidationError(
            "Personnumret innehåller ett datum som inte finns.", field="personnummer"
        ) from None
    return f"{year:04d}{mm}{dd}-{tail}"


def _full_year(century: str | None, yy: str, sep: str, today: date) -> int:
    if century:
        return int(century + yy)
    year = 2000 + int(yy)
    if year > today.year:
        year -= 100
    if sep == "+":  # a plus sign means the person is 100 or older
        year -= 100
    return year


def birth_date(normalised: str) -> date:
    day = int(normalised[6:8])
    return date(int(normalised[:4]), int(normalised[4:6]), day - 60 if day > 60 else day)
