"""Imports every mapped class so that ``Base.metadata`` is complete."""

from models.audit import AuditEvent, Installation, OutboxItem
from models.base import Base
from models.journal import JournalNote, NoteRevision, Review, ReviewEntry
from models.kiosk import ReviewPin
from models.people import Case, CaseAssignment, Person, User
from models.provenance import NoteSpeechSource
from models.staffing import Absence, CulledCase, NoteWordCount, WorkHours
from models.sync import (
    AudioUpload,
    AuditAnchor,
    SyncAccount,
    SyncBackfill,
    SyncConflict,
    SyncFailed,
    SyncHeld,
)
from models.visits import Consent, Recording, Segment, Visit

__all__ = [
    "Absence",
    "CulledCase",
    "WorkHours",
    "AudioUpload",
    "AuditAnchor",
    "AuditEvent",
    "SyncAccount",
    "SyncBackfill",
    "SyncConflict",
    "SyncFailed",
    "SyncHeld",
    "Base",
    "Case",
    "CaseAssignment",
    "Consent",
    "Installation",
    "NoteWordCount",
    "JournalNote",
    "NoteRevision",
    "NoteSpeechSource",
    "OutboxItem",
    "Person",
    "Recording",
    "Review",
    "ReviewEntry",
    "ReviewPin",
    "Segment",
    "User",
    "Visit",
]
