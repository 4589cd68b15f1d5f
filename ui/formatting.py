"""Display helpers: local times, and the domain's words (``app.vocabulary``) translated at call
time through Qt (context ``Vocabulary``; English in ``i18n/samskriv_en.ts``)."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QDateTime

from app import vocabulary
from app.review_text import local_time

# The tables stay importable from here for the feature packages (ui.visit, ui.review).
PERSON_ROLES = vocabulary.PERSON_ROLES
NOTE_STATES = vocabulary.NOTE_STATES
VISIT_KINDS = vocabulary.VISIT_KINDS
USER_ROLES = vocabulary.USER_ROLES
CASE_STATUSES = vocabulary.CASE_STATUSES


def translated(word: str) -> str:
    """A word from ``app.vocabulary`` in the UI's language (an unknown word stays as it is)."""
    return QCoreApplication.translate(vocabulary.CONTEXT, word)


def label(table: dict[str, str], key: str) -> str:
    return translated(vocabulary.label(table, key))


def person_role(key: str) -> str:
    return translated(vocabulary.person_role(key))


def visit_kind(key: str) -> str:
    return translated(vocabulary.visit_kind(key))


def note_state(state: str, corrected: bool) -> str:
    return translated(vocabulary.note_state(state, corrected))


def local(dt: datetime | None) -> str:
    """``2024-05-03 14:05`` in the computer's time zone; empty for None (the form of the
    app's texts, e.g. review summaries)."""
    return local_time(dt)


def to_qdatetime(dt: datetime) -> QDateTime:
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return QDateTime.fromSecsSinceEpoch(int(dt.timestamp()))


def from_qdatetime(value: QDateTime) -> datetime:
    """An aware UTC datetime from a local QDateTime edit (seconds dropped)."""
    return datetime.fromtimestamp(value.toSecsSinceEpoch(), tz=UTC).replace(second=0)
