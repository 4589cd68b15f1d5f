"""Canonical JSON and content hashes: stable across key order, Unicode kept, fields covered."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from hypothesis import given
from hypothesis import strategies as st

from models.audit import GENESIS_HASH, AuditEvent
from models.canonical import canonical_json, content_hash
from models.journal import NoteRevision

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=12,
)


def test_key_order_and_whitespace_do_not_matter() -> None:
    assert canonical_json({"b": 1, "a": [1, 2]}) == b'{"a":[1,2],"b":1}'
    assert content_hash({"b": 1, "a": 2}) == content_hash({"a": 2, "b": 1})


def test_swedish_text_is_kept_as_utf8() -> None:
    assert canonical_json({"text": "Barnets röst: åäö"}) == (
        '{"text":"Barnets röst: åäö"}'.encode()
    )


def test_the_hash_is_pinned() -> None:
    # A stored hash must recompute forever; this pins the algorithm and the byte form.
    assert content_hash({"a": "å", "n": 1}) == (
        "c748857e5764164f6503060bbdaf0f2b1d120b9fdeb1deb81a745198a07d04cf"
    )


@given(json_values)
def test_equal_values_hash_equal(value: object) -> None:
    assert content_hash(value) == content_hash(value)
    assert len(content_hash(value)) == 64


def _revision(**changes: object) -> NoteRevision:
    when = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    fields: dict[str, object] = dict(
        note_id="n1",
        seq=1,
        kind="draft",
        parent_hash=None,
        section="Hälsa",
        body="Hembesök.",
        child_voice="",
        event_time=when,
        author_id="u1",
        created_at=when,
        reason="",
    )
    fields.update(changes)
    return NoteRevision(**fields)


def test_revision_hash_covers_every_field() -> None:
    base = _revision().compute_hash()
    later = datetime(2026, 3, 2, 9, 1, tzinfo=UTC)
    changes: list[dict[str, object]] = [
        {"body": "Hembesök!"},
        {"seq": 2},
        {"kind": "signed"},
        {"parent_hash": "0"},
        {"section": ""},
        {"child_voice": "x"},
        {"event_time": later},
        {"author_id": "u2"},
        {"created_at": later},
        {"reason": "fel"},
        {"note_id": "n2"},
    ]
    for change in changes:
        assert _revision(**change).compute_hash() != base, change


def test_revision_hash_is_independent_of_the_time_zone_written() -> None:
    cet = timezone(timedelta(hours=1))
    moment = datetime(2026, 3, 2, 10, 0, tzinfo=cet)
    assert _revision(event_time=moment).compute_hash() == _revision().compute_hash()


def test_audit_hash_covers_the_previous_hash() -> None:
    when = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    event = AuditEvent(
        seq=1,
        id="e1",
        ts=when,
        user_id="u1",
        username="admin",
        action="login",
        object_type="user",
        object_id="u1",
        details={},
        prev_hash=GENESIS_HASH,
    )
    first = event.compute_hash()
    event.prev_hash = "1" * 64
    assert event.compute_hash() != first
