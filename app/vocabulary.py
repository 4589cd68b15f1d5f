"""The domain's words in Swedish: roles, visit kinds, note states, case statuses, note sections.

One place for the screens, the CLI and (later) exports, so all of them use the same words. The
values are Swedish, the language of the records. The UI shows them translated: every label here
is marked with ``QT_TRANSLATE_NOOP(CONTEXT, ...)`` so ``pyside6-lupdate`` collects it into
``ui/i18n/samskriv_en.ts``, and ``ui.formatting`` translates it at display time. Nothing here
imports Qt.

Note sections: the free note plus the BBIC areas. The stored value is always the Swedish name
("Område – del"); a municipality's licensed list may replace the default with a JSON file
``sections.json`` in the data folder: ``[{"group": "…", "sections": ["…", …]}, …]``.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

CONTEXT = "Vocabulary"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate knows
    """Mark ``text`` for translation in ``context``; the UI translates it at display time."""
    return text


USER_ROLES = {
    "caseworker": QT_TRANSLATE_NOOP("Vocabulary", "Handläggare"),
    "supervisor": QT_TRANSLATE_NOOP("Vocabulary", "Arbetsledare"),
    "admin": QT_TRANSLATE_NOOP("Vocabulary", "Administratör"),
}

PERSON_ROLES = {
    "child": QT_TRANSLATE_NOOP("Vocabulary", "Barn"),
    "guardian": QT_TRANSLATE_NOOP("Vocabulary", "Vårdnadshavare"),
    "other": QT_TRANSLATE_NOOP("Vocabulary", "Annan person"),
}

NOTE_STATES = {
    "draft": QT_TRANSLATE_NOOP("Vocabulary", "Utkast"),
    "signed": QT_TRANSLATE_NOOP("Vocabulary", "Signerad"),
    "corrected": QT_TRANSLATE_NOOP("Vocabulary", "Rättad"),
}

VISIT_KINDS = {
    "hembesok": QT_TRANSLATE_NOOP("Vocabulary", "Hembesök"),
    "skola": QT_TRANSLATE_NOOP("Vocabulary", "Besök i skolan"),
    "kontor": QT_TRANSLATE_NOOP("Vocabulary", "Samtal på kontoret"),
    "telefon": QT_TRANSLATE_NOOP("Vocabulary", "Telefonsamtal"),
    "annat": QT_TRANSLATE_NOOP("Vocabulary", "Annat"),
}

CASE_STATUSES = {
    "open": QT_TRANSLATE_NOOP("Vocabulary", "Öppet"),
    "closed": QT_TRANSLATE_NOOP("Vocabulary", "Avslutat"),
}


def label(table: dict[str, str], key: str) -> str:
    """The Swedish word for ``key``; an unknown key (newer data) is shown as it is."""
    return table.get(key, key)


def user_role(key: str) -> str:
    return label(USER_ROLES, key)


def person_role(key: str) -> str:
    return label(PERSON_ROLES, key)


def visit_kind(key: str) -> str:
    return label(VISIT_KINDS, key)


def case_status(key: str) -> str:
    return label(CASE_STATUSES, key)


def note_state(state: str, corrected: bool = False) -> str:
    """"Rättad" for a signed note whose current text is a correction."""
    return label(NOTE_STATES, "corrected" if corrected and state == "signed" else state)


# -- note sections ----------------------------------------------------------------------------

FREE_SECTION = QT_TRANSLATE_NOOP("Vocabulary", "Fri anteckning")
SECTION_SEPARATOR = " – "


@dataclass(frozen=True)
class SectionGroup:
    name: str
    sections: tuple[str, ...]


BBIC: tuple[SectionGroup, ...] = (
    SectionGroup(QT_TRANSLATE_NOOP("Vocabulary", "Barnets utveckling"), (
        QT_TRANSLATE_NOOP("Vocabulary", "Hälsa"),
        QT_TRANSLATE_NOOP("Vocabulary", "Utbildning"),
        QT_TRANSLATE_NOOP("Vocabulary", "Känslor och beteende"),
        QT_TRANSLATE_NOOP("Vocabulary", "Identitet"),
        QT_TRANSLATE_NOOP("Vocabulary", "Familj och sociala relationer"),
        QT_TRANSLATE_NOOP("Vocabulary", "Socialt uppträdande"),
        QT_TRANSLATE_NOOP("Vocabulary", "Förmåga att klara sig själv"),
    )),
    SectionGroup(QT_TRANSLATE_NOOP("Vocabulary", "Föräldrarnas förmåga"), (
        QT_TRANSLATE_NOOP("Vocabulary", "Grundläggande omsorg"),
        QT_TRANSLATE_NOOP("Vocabulary", "Säkerhet"),
        QT_TRANSLATE_NOOP("Vocabulary", "Känslomässig tillgänglighet"),
        QT_TRANSLATE_NOOP("Vocabulary", "Stimulans"),
        QT_TRANSLATE_NOOP("Vocabulary", "Vägledning och gränssättning"),
        QT_TRANSLATE_NOOP("Vocabulary", "Stabilitet"),
    )),
    SectionGroup(QT_TRANSLATE_NOOP("Vocabulary", "Familj och miljö"), (
        QT_TRANSLATE_NOOP("Vocabulary", "Familjens bakgrund"),
        QT_TRANSLATE_NOOP("Vocabulary", "Nätverk"),
        QT_TRANSLATE_NOOP("Vocabulary", "Ekonomi"),
        QT_TRANSLATE_NOOP("Vocabulary", "Boende"),
        QT_TRANSLATE_NOOP("Vocabulary", "Arbete"),
        QT_TRANSLATE_NOOP("Vocabulary", "Social integrering"),
    )),
)


def section_value(group: str, section: str) -> str:
    """The stored (and exported) name of a section: "Område – del"."""
    return f"{group}{SECTION_SEPARATOR}{section}"


def section_label(value: str) -> str:
    """What a note's section is called in the journal: its name, or "Fri anteckning"."""
    return value or FREE_SECTION


def load_sections(path: Path) -> tuple[SectionGroup, ...]:
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
