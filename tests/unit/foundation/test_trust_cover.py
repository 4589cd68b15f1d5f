"""The rule by which an audit event proves a revision (``app.trust_cover.Covers``), cell by
cell: every condition that does not hold leaves the revision to its own signature."""

from __future__ import annotations

from dataclasses import asdict
from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any

import pytest

from app.trust_cover import Covers, event_bytes, revision_bytes, stamp
from models.records import AuditEventRecord, RevisionRecord, encode

A, B, NOTE, H, SIG = "user-a", "user-b", "note-1", "h" * 64, "c2lnbmF0dXJl"


def _covers(action: str = "note.sign", user_id: str | None = A,
            details: dict[str, str] | None = None) -> Covers:
    covers = Covers()
    covers.add(7, action, NOTE, user_id, {"hash": H, "sig": SIG} if details is None else details)
    return covers


def test_an_intact_event_of_the_author_about_the_note_proves_the_revision() -> None:
    assert _covers().proves(H, NOTE, A, A, SIG, set())


@pytest.mark.parametrize("args", [
    (H, NOTE, A, A, SIG, {7}),  # the event's own signature failed
    ("x" * 64, NOTE, A, A, SIG, set()),  # another hash
    (H, "note-2", A, A, SIG, set()),  # a revision of another note
    (H, NOTE, B, B, SIG, set()),  # another author
    (H, NOTE, A, B, SIG, set()),  # signed by someone other than its author
    (H, NOTE, A, A, "b3RoZXI=", set()),  # another signature than the event names
    (H, NOTE, A, A, None, set()),  # no signature
])
def test_anything_that_does_not_fit_proves_nothing(args: tuple[Any, ...]) -> None:
    assert not _covers().proves(*args)


@pytest.mark.parametrize("change", [
    {"action": "note.read"},  # not written with a revision
    {"details": {"hash": H}},  # an event from before events named the signature
    {"user_id": None},
])
def test_events_that_cover_nothing(change: dict[str, Any]) -> None:
    assert not _covers(**change).proves(H, NOTE, A, A, SIG, set())


def test_two_events_naming_one_hash_prove_nothing() -> None:
    covers = _covers()
    covers.add(9, "note.edit", NOTE, A, {"hash": H, "sig": SIG})
    assert not covers.proves(H, NOTE, A, A, SIG, set())


def test_stored_times_are_taken_as_written_only_in_the_canonical_form() -> None:
    assert stamp("2026-03-02T10:00:00.000000Z") == "2026-03-02T10:00:00.000000Z"
    assert stamp("2026-03-02T11:00:00.000000+01:00") == "2026-03-02T10:00:00.000000Z"
    for bad in ("2026-03-02T10:00:00", None, 5, "igår"):
        with pytest.raises((ValueError, TypeError, AttributeError)):
            stamp(bad)


_AWKWARD = ("", 'citat "så" \\ här', "rad\nny\trad\x00\x1f\u2028", "😀 åäö", "Ω" * 300)


@pytest.mark.parametrize("text", _AWKWARD)
def test_the_bytes_built_field_by_field_are_the_records_own(text: str) -> None:
    when = datetime(2026, 3, 2, 10, 0, 0, 123456, tzinfo=UTC)
    for visit_id, parent in ((None, None), (text, text)):
        rev = RevisionRecord(id=text, note_id=text, case_id=text, visit_id=visit_id, seq=7,
                             kind=text, parent_hash=parent, section=text, body=text,
                             child_voice=text, event_time=when, author_id=text,
                             created_at=when, reason=text)
        row = SimpleNamespace(**asdict(rev))
        assert revision_bytes(row, rev.case_id, rev.visit_id) == encode(rev)
    for user_id in (None, text):
        event = AuditEventRecord(id=text, device_id=text, seq=2**40, ts=when, user_id=user_id,
                                 username=text, action=text, object_type=text, object_id=text,
                                 details={"b": [text, None, True, 1, 1.5], "a": {text: False}},
                                 prev_hash=text)
        assert event_bytes(SimpleNamespace(**asdict(event))) == encode(event)
