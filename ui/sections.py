"""Note sections: a free note plus the BBIC areas; an admin may load their own list (JSON).

The stored value is always the Swedish name (what the journal shows and exports); the English
UI only translates the label in the picker. A municipality's licensed list is a JSON file
``sections.json`` in the data folder: ``[{"group": "…", "sections": ["…", …]}, …]``.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from ui.formatting import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

FREE = QT_TRANSLATE_NOOP("Sections", "Fri anteckning")


@dataclass(frozen=True)
class SectionGroup:
    name: str
    sections: tuple[str, ...]


BBIC: tuple[SectionGroup, ...] = (
    SectionGroup(QT_TRANSLATE_NOOP("Sections", "Barnets utveckling"), (
        QT_TRANSLATE_NOOP("Sections", "Hälsa"),
        QT_TRANSLATE_NOOP("Sections", "Utbildning"),
        QT_TRANSLATE_NOOP("Sections", "Känslor och beteende"),
        QT_TRANSLATE_NOOP("Sections", "Identitet"),
        QT_TRANSLATE_NOOP("Sections", "Familj och sociala relationer"),
        QT_TRANSLATE_NOOP("Sections", "Socialt uppträdande"),
        QT_TRANSLATE_NOOP("Sections", "Förmåga att klara sig själv"),
    )),
    SectionGroup(QT_TRANSLATE_NOOP("Sections", "Föräldrarnas förmåga"), (
        QT_TRANSLATE_NOOP("Sections", "Grundläggande omsorg"),
        QT_TRANSLATE_NOOP("Sections", "Säkerhet"),
        QT_TRANSLATE_NOOP("Sections", "Känslomässig tillgänglighet"),
        QT_TRANSLATE_NOOP("Sections", "Stimulans"),
        QT_TRANSLATE_NOOP("Sections", "Vägledning och gränssättning"),
        QT_TRANSLATE_NOOP("Sections", "Stabilitet"),
    )),
    SectionGroup(QT_TRANSLATE_NOOP("Sections", "Familj och miljö"), (
        QT_TRANSLATE_NOOP("Sections", "Familjens bakgrund"),
        QT_TRANSLATE_NOOP("Sections", "Nätverk"),
        QT_TRANSLATE_NOOP("Sections", "Ekonomi"),
        QT_TRANSLATE_NOOP("Sections", "Boende"),
        QT_TRANSLATE_NOOP("Sections", "Arbete"),
        QT_TRANSLATE_NOOP("Sections", "Social integrering"),
    )),
)


def choices(groups: tuple[SectionGroup, ...] = BBIC) -> list[tuple[str, str]]:
    """(stored value, shown label) pairs: the free note first, then "Område – del"."""
    out = [("", _translated(FREE))]
    for group in groups:
        for section in group.sections:
            value = f"{group.name} – {section}"
            out.append((value, f"{_translated(group.name)} – {_translated(section)}"))
    return out


def _translated(name: str) -> str:
    return QCoreApplication.translate("Sections", name)


def load(path: Path) -> tuple[SectionGroup, ...]:
    """An admin-provided list, or the BBIC default when the file is missing or malformed."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        groups = tuple(
            SectionGroup(str(g["group"]).strip(), tuple(str(s).strip() for s in g["sections"]))
            for g in raw
        )
    except FileNotFoundError:
        return BBIC
    except (OSError, ValueError, KeyError, TypeError) as exc:
        log.warning("ignoring malformed section list %s: %s", path, exc)
        return BBIC
    return groups or BBIC
