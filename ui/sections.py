"""The section picker's choices: ``app.vocabulary``'s sections with translated labels.

The stored value is always the Swedish name (what is exported and synced); the English UI
translates what it shows (``label``), in the picker and in the journal. A municipality's own list (``sections.json``) is
shown as written when it has no translation.
"""

from __future__ import annotations

from app import vocabulary
from app.vocabulary import BBIC, SectionGroup
from ui.formatting import translated

__all__ = ["BBIC", "SectionGroup", "choices", "label"]


def choices(groups: tuple[SectionGroup, ...] = BBIC) -> list[tuple[str, str]]:
    """(stored value, shown label) pairs: the free note first, then "Område – del"."""
    out = [("", translated(vocabulary.FREE_SECTION))]
    for group in groups:
        for section in group.sections:
            out.append((vocabulary.section_value(group.name, section),
                        vocabulary.section_value(translated(group.name), translated(section))))
    return out


def label(value: str) -> str:
    """A stored section value as shown in the UI's language: each part translated."""
    if not value:
        return translated(vocabulary.FREE_SECTION)
    return vocabulary.SECTION_SEPARATOR.join(
        translated(part) for part in value.split(vocabulary.SECTION_SEPARATOR))
