"""The command line speaks Swedish: argparse's own words (usage, help, errors) in Swedish.

argparse looks its texts up through ``gettext`` when it prints them; ``swedish_argparse()``
gives it a lookup that answers in Swedish for the texts a user of ``samskriv`` meets."""

from __future__ import annotations

import argparse
from datetime import date

_SV = {
    "usage: ": "användning: ",
    "positional arguments": "argument",
    "options": "flaggor",
    "optional arguments": "flaggor",
    "show this help message and exit": "visa den här hjälpen och avsluta",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fel: %(message)s\n",
    "the following arguments are required: %s": "de här argumenten behövs: %s",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "ogiltigt val: %(value)r (välj bland %(choices)s)",
    "unrecognized arguments: %s": "okända argument: %s",
    "expected one argument": "ett värde behövs",
    "invalid %(type)s value: %(value)r": "ogiltigt värde (%(type)s): %(value)r",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "ambiguous option: %(option)s could match %(matches)s":
        "flaggan %(option)s kan betyda %(matches)s",
    "not allowed with argument %s": "får inte användas tillsammans med %s",
}


def _sv(text: str) -> str:
    return _SV.get(text, text)


def _sv_n(singular: str, plural: str, n: int) -> str:
    return _sv(singular if n == 1 else plural)


def swedish_argparse() -> None:
    """Make argparse print its words in Swedish (it reads these names when it prints)."""
    argparse._ = _sv  # type: ignore[attr-defined]
    argparse.ngettext = _sv_n  # type: ignore[attr-defined]


def plural(n: int, one: str, many: str) -> str:
    """``one`` or ``many`` with ``{n}`` filled in (Swedish has the one/other rule)."""
    return (one if n == 1 else many).format(n=n)


def day(text: str) -> date:
    """An ``argparse`` type: a date written ÅÅÅÅ-MM-DD, refused in Swedish otherwise."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"ogiltigt datum {text!r} (skriv ÅÅÅÅ-MM-DD)") from None
