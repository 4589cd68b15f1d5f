"""Which characters the shipped fonts can draw, read from their ``cmap`` tables.

PDF/A forbids text drawn without a glyph (Typst refuses to write such a file), and a journal
must never silently lose a character. So a character none of our fonts has is written as its
code point, ``[U+1F642]``: the reader sees that something was there and what it was.
"""

from __future__ import annotations

import struct
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path


def _cmap_subtables(data: bytes) -> list[tuple[int, int, int]]:
    """(platform, encoding, absolute offset) of each subtable of the font's cmap."""
    num_tables = struct.unpack_from(">H", data, 4)[0]
    for i in range(num_tables):
        tag, _check, offset, _length = struct.unpack_from(">4sIII", data, 12 + 16 * i)
        if tag == b"cmap":
            count = struct.unpack_from(">H", data, offset + 2)[0]
            return [(p, e, offset + sub) for p, e, sub in
                    (struct.unpack_from(">HHI", data, offset + 4 + 8 * j) for j in range(count))]
    raise ValueError("font has no cmap table")


def _format12(data: bytes, at: int) -> set[int]:
    groups = struct.unpack_from(">I", data, at + 12)[0]
    out: set[int] = set()
    for g in range(groups):
        start, end, _glyph = struct.unpack_from(">III", data, at + 16 + 12 * g)
        out.update(range(start, end + 1))
    return out


def _format4(data: bytes, at: int) -> set[int]:
    segs = struct.unpack_from(">H", data, at + 6)[0] // 2
    ends = struct.unpack_from(f">{segs}H", data, at + 14)
    starts = struct.unpack_from(f">{segs}H", data, at + 16 + 2 * segs)
    out: set[int] = set()
    for start, end in zip(starts, ends, strict=True):
        if start != 0xFFFF:
            out.update(range(start, end + 1))
    return out


@lru_cache(maxsize=8)
def covered(path: Path) -> frozenset[int]:
    """Code points the font at ``path`` maps to a glyph (format 12 if present, else 4)."""
    data = path.read_bytes()
    tables = _cmap_subtables(data)
    for _platform, _encoding, at in tables:
        if struct.unpack_from(">H", data, at)[0] == 12:
            return frozenset(_format12(data, at))
    for _platform, _encoding, at in tables:
        if struct.unpack_from(">H", data, at)[0] == 4:
            return frozenset(_format4(data, at))
    raise ValueError("font has no Unicode cmap subtable")


def covered_by_all(paths: Iterable[Path]) -> frozenset[int]:
    """Characters every one of ``paths`` draws (bold and italic text use their own files)."""
    sets = [covered(p) for p in paths]
    return frozenset.intersection(*sets) if sets else frozenset()


# Layout characters a font need not have: line breaks and tabs.
ALWAYS_FINE = frozenset({0x09, 0x0A, 0x0D})


def drawable(text: str, glyphs: frozenset[int]) -> str:
    """``text`` with every character the fonts lack written as ``[U+XXXX]``."""
    missing = {ch for ch in set(text) if ord(ch) not in glyphs and ord(ch) not in ALWAYS_FINE}
    if not missing:
        return text
    return "".join(f"[U+{ord(ch):04X}]" if ch in missing else ch for ch in text)
