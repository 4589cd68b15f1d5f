"""Two versions of a text as HTML with their differences highlighted (difflib, word by word):
what only this laptop has is marked on the left, what only the other has on the right."""

from __future__ import annotations

import difflib
import html
import re

_TOKENS = re.compile(r"^\s+|\S+\s*")
MINE_MARK = "background:#f9d6d5;"
THEIRS_MARK = "background:#d4f0d2;"


def _tokens(text: str) -> list[str]:
    return _TOKENS.findall(text)


def _render(tokens: list[str], style: str, marked: list[tuple[int, int]]) -> str:
    out: list[str] = []
    pos = 0
    for start, end in marked:
        out.append(html.escape("".join(tokens[pos:start])))
        out.append(f"<span style='{style}'>{html.escape(''.join(tokens[start:end]))}</span>")
        pos = end
    out.append(html.escape("".join(tokens[pos:])))
    return "".join(out).replace("\n", "<br>")


def side_by_side(mine: str, theirs: str) -> tuple[str, str]:
    """HTML of ``mine`` and of ``theirs``, each with the words the other lacks highlighted."""
    a, b = _tokens(mine), _tokens(theirs)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    left: list[tuple[int, int]] = []
    right: list[tuple[int, int]] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        if i2 > i1:
            left.append((i1, i2))
        if j2 > j1:
            right.append((j1, j2))
    return _render(a, MINE_MARK, left), _render(b, THEIRS_MARK, right)


def changed_words(mine: str, theirs: str) -> tuple[list[str], list[str]]:
    """The highlighted pieces of each side, as plain text (for tests and screen readers)."""
    a, b = _tokens(mine), _tokens(theirs)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    only_mine, only_theirs = [], []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op != "equal":
            if i2 > i1:
                only_mine.append("".join(a[i1:i2]).strip())
            if j2 > j1:
                only_theirs.append("".join(b[j1:j2]).strip())
    return only_mine, only_theirs
