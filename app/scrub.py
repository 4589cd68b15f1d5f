"""Scrub error reports and log lines of what may be a family's data before anyone can copy them.

The store's engine never puts bound values into an error (``hide_parameters``); this is the
second fence, for every other way a value can reach an exception text: a driver or library
that quotes it (``KeyError: 'Anna'``, ``invalid literal for int(): '19121212-1212'``), an SQL
text with literals in it, a parameter block from an engine made elsewhere. What it removes:

- SQLAlchemy's ``[parameters: ...]`` blocks;
- quoted literals ('...' and "...") except a traceback's code (its ``File "..."`` lines and
  the source lines under them, and those literals wherever they recur) and lowercase
  identifiers (``'note_id'``, ``'internt'``: keys, columns, attributes — code, not data; a
  name, a sentence, a number or anything with a capital, a space or a non-ASCII letter goes);
- anything shaped like a personnummer or samordningsnummer (with or without century/sign),
  and any longer run of digits that could hold one.

In a log record, a string argument that is more than an id, a number or a lowercase name is
hidden too (a name or a sentence passed to ``%s``).

A report keeps its shape (exception types, code lines, SQL verbs, table names), which is what
support needs.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable

_PARAMETERS = re.compile(r"\[parameters: .*?\](?=\s*(?:\n|\(Background|$))", re.DOTALL)
# A quoted literal not preceded by `File ` (a traceback's source path); quotes may be escaped.
# One line at most: a stray apostrophe must not swallow the rest of a report.
_QUOTED = re.compile(r"""(?<!File )(?P<q>['"])(?:\\.|(?!(?P=q))[^\\\n])*(?P=q)""")
# 10 or 12 digits with an optional separator before the last four, or any 10+ digit run.
_PERSONNUMMER = re.compile(r"(?<!\d)(?:\d{2})?\d{6}\s?[-+]?\s?\d{4}(?!\d)|\d{10,}")
HIDDEN = "[dolt]"


def scrub(text: str) -> str:
    """``text`` without parameter blocks, quoted literals or personnummer-like numbers.

    A traceback's source lines (the line under each ``File "...", line N``) are code: their
    literals stay, in them and wherever else they occur (``KeyError: 'internt fel'`` raised by
    ``raise KeyError("internt fel")`` is the code's text, not a family's)."""
    text = _PARAMETERS.sub("[parameters: " + HIDDEN + "]", text)
    lines = text.split("\n")
    code = {i + 1 for i, line in enumerate(lines)
            if line.lstrip().startswith('File "') and i + 1 < len(lines)}
    literals = {m.group(0)[1:-1] for i in code for m in _QUOTED.finditer(lines[i])}

    def hide(match: re.Match[str]) -> str:
        return match.group(0) if match.group(0)[1:-1] in literals else _hide_literal(match)

    out = [line if i in code else _QUOTED.sub(hide, line) for i, line in enumerate(lines)]
    return _PERSONNUMMER.sub(HIDDEN, "\n".join(out))


_IDENTIFIER = re.compile(r"[a-z_][a-z0-9_.]{0,40}")


def _hide_literal(match: re.Match[str]) -> str:
    quote, literal = match.group("q"), match.group(0)[1:-1]
    return match.group(0) if _IDENTIFIER.fullmatch(literal) else quote + HIDDEN + quote


# What a log argument may be and still be shown: ids, numbers, lowercase names of things.
_PLAIN_ARGUMENT = re.compile(r"[a-z0-9_.:/-]{0,80}")


def _hide_argument(arg: object) -> object:
    if isinstance(arg, str) and not _PLAIN_ARGUMENT.fullmatch(arg):
        return HIDDEN
    return arg


_installed = threading.Lock()
_previous: list[Callable[..., logging.LogRecord]] = []


def install_log_scrubbing() -> None:
    """Make every log record scrubbed at birth: its message, and its traceback text (which a
    formatter then uses instead of formatting the exception again). Idempotent."""
    with _installed:
        if _previous:
            return
        previous = logging.getLogRecordFactory()
        _previous.append(previous)

        def factory(*args: object, **kwargs: object) -> logging.LogRecord:
            record = previous(*args, **kwargs)
            return scrub_record(record)

        logging.setLogRecordFactory(factory)


def uninstall_log_scrubbing() -> None:
    """Back to the factory before ``install_log_scrubbing`` (for tests)."""
    with _installed:
        if _previous:
            logging.setLogRecordFactory(_previous.pop())


def scrub_record(record: logging.LogRecord) -> logging.LogRecord:
    """``record`` with its message and traceback text scrubbed (in place)."""
    if isinstance(record.args, tuple):  # free text passed as an argument is data
        record.args = tuple(_hide_argument(a) for a in record.args)
    try:
        message = record.getMessage()
    except Exception:  # noqa: BLE001 - a bad format string is the logger's bug, not ours
        message = str(record.msg)
    record.msg, record.args = scrub(message), None
    if record.exc_info and record.exc_info[1] is not None:
        record.exc_text = scrub(logging.Formatter().formatException(record.exc_info))
    return record
