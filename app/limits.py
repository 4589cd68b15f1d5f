"""How long each text a user types may be, declared once: the services enforce it (a clear
Swedish message naming the field), the forms set it as their fields' maximum length.

The database would take a 10 MB case title (SQLite does not enforce a column's length); these
limits are what keeps a pasted file, a stuck key or a hostile caller out of the store, the
sync and every screen that shows the text. Each is far above what the field ever needs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.errors import ValidationError


@dataclass(frozen=True)
class Limit:
    chars: int
    too_long: str  # the Swedish sentence's start: "Rubriken är för lång"

    def check(self, text: str, field: str) -> None:
        """Raise ``ValidationError`` on ``field`` when ``text`` is longer than the limit."""
        if len(text) > self.chars:
            raise ValidationError(f"{self.too_long} (högst {_number(self.chars)} tecken).",
                                  field=field)


def _number(n: int) -> str:
    return f"{n:,}".replace(",", " ")  # Swedish groups thousands with a space


CASE_NUMBER = Limit(64, "Ärendenumret är för långt")
CASE_TITLE = Limit(300, "Rubriken är för lång")
PERSON_NAME = Limit(200, "Namnet är för långt")
PERSONNUMMER = Limit(20, "Personnumret är för långt")
PARTICIPANT_NAME = Limit(200, "Ett namn är för långt")
SECTION = Limit(200, "Avsnittets namn är för långt")
NOTE_TEXT = Limit(200_000, "Anteckningen är för lång")  # body and the child's words together
CORRECTION_REASON = Limit(2_000, "Skälet till rättelsen är för långt")
SYNPUNKT = Limit(100_000, "Synpunkten är för lång")  # a person's own words in a review
SEARCH = Limit(500, "Sökningen är för lång")

# How many names a list may hold (participants of a visit, people asked for consent).
MAX_NAMES = 50


def check_names(names: Sequence[str], field: str) -> None:
    """Each name within ``PARTICIPANT_NAME``, and no more than ``MAX_NAMES`` of them."""
    if len(names) > MAX_NAMES:
        raise ValidationError(f"Högst {MAX_NAMES} namn får anges.", field=field)
    for name in names:
        PARTICIPANT_NAME.check(name, field)
