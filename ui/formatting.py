"""Display helpers: local times, role, state and visit-kind labels (translated at call time)."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QDateTime

_CTX = "Labels"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate knows
    """Mark ``text`` for translation in ``context``; translate it later at display time."""
    return text

PERSON_ROLES = {
    "child": QT_TRANSLATE_NOOP("Labels", "Barn"),
    "guardian": QT_TRANSLATE_NOOP("Labels", "Vårdnadshavare"),
    "other": QT_TRANSLATE_NOOP("Labels", "Annan person"),
}

NOTE_STATES = {
    "draft": QT_TRANSLATE_NOOP("Labels", "Utkast"),
    "signed": QT_TRANSLATE_NOOP("Labels", "Signerad"),
    "corrected": QT_TRANSLATE_NOOP("Labels", "Rättad"),
}

VISIT_KINDS = {
    "hembesok": QT_TRANSLATE_NOOP("Labels", "Hembesök"),
    "skola": QT_TRANSLATE_NOOP("Labels", "Besök i skolan"),
    "kontor": QT_TRANSLATE_NOOP("Labels", "Samtal på kontoret"),
    "telefon": QT_TRANSLATE_NOOP("Labels", "Telefonsamtal"),
    "annat": QT_TRANSLATE_NOOP("Labels", "Annat"),
}


def label(table: dict[str, str], key: str) -> str:
    return QCoreApplication.translate(_CTX, table.get(key, key))


def note_state(state: str, corrected: bool) -> str:
    return label(NOTE_STATES, "corrected" if corrected and state == "signed" else state)


def local(dt: datetime | None) -> str:
    """``2024-05-03 14:05`` in the computer's time zone; empty for None."""
    if dt is None:
        return ""
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.astimezone().strftime("%Y-%m-%d %H:%M")


def to_qdatetime(dt: datetime) -> QDateTime:
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return QDateTime.fromSecsSinceEpoch(int(dt.timestamp()))


def from_qdatetime(value: QDateTime) -> datetime:
    """An aware UTC datetime from a local QDateTime edit (seconds dropped)."""
    return datetime.fromtimestamp(value.toSecsSinceEpoch(), tz=UTC).replace(second=0)
