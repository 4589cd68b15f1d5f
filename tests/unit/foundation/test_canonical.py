"""Canonical JSON and record hashes: stable across key order and time zones, Unicode kept,
pinned bytes, every kind round-trips, and every field of every record is inside its hash."""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from models.audit import GENESIS_HASH, AuditEvent
from models.canonical import canonical_json, content_hash
from models.journal import JournalNote, NoteRevision
from models.records import (
    OLDER_RECORD_TYPES,
    RECORD_TYPES,
    AuditEventRecord,
    CaseAssignmentRecord,
    CaseRecord,
    ConsentRecord,
    Participant,
    PersonRecord,
    PersonRecordV1,
    Record,
    RecordError,
    RecordingRecord,
    ReviewEntryRecord,
    ReviewPassage,
    ReviewRecord,
    RevisionRecord,
    TranscriptRecord,
    TranscriptSegment,
    UserRecord,
    VisitRecord,
    VisitRecordV1,
    Word,
    as_current,
    decode,
    encode,
    from_wire,
    record_hash,
    to_wire,
)

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


WHEN = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
H = "a" * 64


def _samples() -> list[Record]:
    """One record of every kind, with every optional field set (so each can be changed)."""
    who = Participant(name="Tindra", role="child", person_id="p1")
    return [
        UserRecord(id="u1", username="anna", display_name="Anna", role="caseworker",
                   active=True, created_at=WHEN, sign_pub="A" * 43 + "=",
                   old_sign_pubs=("B" * 43 + "=",)),
        CaseRecord(id="c1", case_number="IFO-1", title="Utredning", status="open",
                   retention_class="standard", created_at=WHEN, created_by="u1",
                   closed_at=WHEN),
        PersonRecord(id="p1", case_id="c1", position=0, role="child", name="Tindra",
                     personnummer="20150312-2382", birth_date=date(2015, 3, 12), note="x",
                     removed_at=WHEN),
        CaseAssignmentRecord(id="as1", case_id="c1", user_id="u2", assigned=True,
                             changed_at=WHEN, changed_by="u1"),
        VisitRecord(id="v1", case_id="c1", kind="hembesok", planned_start=WHEN,
                    planned_end=WHEN, actual_start=WHEN, actual_end=WHEN, participants=(who,),
                    caseworkers=("u1",), with_child=True, created_by="u1", created_at=WHEN),
        ConsentRecord(id="k1", visit_id="v1", informed=("Tindra",), agreed=("Tindra",),
                      refused=("Göran",), recorded_at=WHEN, recorded_by="u1"),
        _revision_record(),
        ReviewRecord(id="r1", note_id="n1", revision_id="rev1", revision_hash=H,
                     audience="child", variant="child", present=(who,),
                     passages=(ReviewPassage(index=0, part="body", shown=True, text_hash=H),),
                     started_at=WHEN, started_by="u1"),
        ReviewEntryRecord(id="e1", review_id="r1", review_hash=H, seq=1, kind="outcome",
                          passage_index=0, outcome="agrees", comment="Ja.",
                          input_method="typed", recorded_at=WHEN, recorded_by="u1"),
        TranscriptRecord(id="t1", recording_id="rec1", engine="vosk", model_id="sv-small",
                         pass_kind="live", created_at=WHEN, segments=(TranscriptSegment(
                             seq=0, start_s=0.0, end_s=1.5, text="hej",
                             words=(Word(word="hej", start=0.0, end=1.5, conf=0.9),),
                             speaker="A"),)),
        RecordingRecord(id="rec1", visit_id="v1", recorded_by="u1", started_at=WHEN,
                        ended_at=WHEN, duration_s=61.5, sample_rate=16000, state="complete",
                        finish_reason="stopped", engine="vosk", model_id="sv-small",
                        audio_policy="delete-on-sign", audio_deleted_at=None),
        AuditEventRecord(id="a1", device_id="d1", seq=1, ts=WHEN, user_id="u1",
                         username="admin", action="login", object_type="user", object_id="u1",
                         details={"n": 1}, prev_hash=GENESIS_HASH),
    ]


def _older_samples() -> list[Record]:
    """One record of every earlier version still decoded."""
    who = Participant(name="Tindra", role="other")
    return [
        PersonRecordV1(id="p1", case_id="c1", position=0, role="child", name="Tindra",
                       personnummer=None, birth_date=None, note=""),
        VisitRecordV1(id="v1", case_id="c1", kind="hembesok", planned_start=WHEN,
                      planned_end=None, actual_start=None, actual_end=None,
                      participants=(who,), with_child=False, created_by="u1", created_at=WHEN),
    ]


def _revision_record(**changes: Any) -> RevisionRecord:
    fields: dict[str, Any] = dict(
        id="rev1", note_id="n1", case_id="c1", visit_id="v1", seq=1, kind="draft",
        parent_hash=None, section="Hälsa", body="Hembesök.", child_voice="Jag vill.",
        event_time=WHEN, author_id="u1", created_at=WHEN, reason="",
    )
    fields.update(changes)
    return RevisionRecord(**fields)


def test_every_kind_has_a_sample() -> None:
    assert {r.KIND for r in _samples()} == set(RECORD_TYPES)


def test_a_record_hash_is_pinned() -> None:
    # A stored hash must recompute forever: a change of the codec or of a record's fields
    # without a new version fails here.
    record = _revision_record()
    assert encode(record) == (
        '{"author_id":"u1","body":"Hembesök.","case_id":"c1","child_voice":"Jag vill.",'
        '"created_at":"2026-03-02T09:00:00.000000Z","event_time":"2026-03-02T09:00:00.000000Z",'
        '"id":"rev1","kind":"draft","note_id":"n1","parent_hash":null,"reason":"",'
        '"record":"revision","section":"Hälsa","seq":1,"v":1,"visit_id":"v1"}'
    ).encode()
    assert record_hash(record) == (
        "1f489ba6d76b723ad2a3dc8718435137356b11fcad2c463e5fb471c42168680b"
    )


def test_every_older_version_has_a_sample() -> None:
    assert {(r.KIND, r.VERSION) for r in _older_samples()} == set(OLDER_RECORD_TYPES)


def test_a_version_1_visit_keeps_its_bytes() -> None:
    # The bytes version 1 gave (pinned before version 2 existed): they decode to the version-1
    # class and encode back unchanged, so queued payloads and stored hashes stay valid.
    data = (
        b'{"actual_end":null,"actual_start":null,"case_id":"c1",'
        b'"created_at":"2026-03-02T09:00:00.000000Z",'
        b'"created_by":"u1","id":"v1","kind":"hembesok","participants":[{"name":"Tindra",'
        b'"person_id":null,"role":"other"}],"planned_end":null,'
        b'"planned_start":"2026-03-02T09:00:00.000000Z","record":"visit","v":1,'
        b'"with_child":false}'
    )
    record = decode(data)
    assert type(record) is VisitRecordV1 and encode(record) == data
    assert record == _older_samples()[1]


def test_an_unknown_version_is_refused() -> None:
    wire = to_wire(_older_samples()[1])
    for version in (3, 0, True, "1", None):
        with pytest.raises(RecordError):
            from_wire({**wire, "v": version})


@pytest.mark.parametrize("record", _samples() + _older_samples(),
                         ids=lambda r: f"{r.KIND}-v{r.VERSION}")
def test_every_kind_round_trips(record: Record) -> None:
    data = encode(record)
    again = decode(data)
    assert again == record
    assert type(again) is type(record)
    assert encode(again) == data


def _changed(tp: Any, value: Any) -> Any:
    """A different value of the same type."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        inner = next(a for a in typing.get_args(tp) if a is not type(None))
        return None if value is not None else _changed(inner, _example(inner))
    if value is None:
        return _example(tp)
    if origin is tuple:
        return value[:-1] if value else (_example(typing.get_args(tp)[0]),)
    if tp is Mapping or origin is Mapping:
        return {**value, "extra": True}
    if dataclasses.is_dataclass(tp):
        f = dataclasses.fields(tp)[0]
        hints = typing.get_type_hints(tp)
        return dataclasses.replace(value, **{f.name: _changed(hints[f.name], getattr(value, f.name))})
    if tp is bool:
        return not value
    if tp is datetime:
        return value + timedelta(microseconds=1)
    if tp is date:
        return value + timedelta(days=1)
    if tp is float:
        return value + 0.25
    return value + (1 if tp is int else "x")


def _example(tp: Any) -> Any:
    return {str: "x", int: 1, float: 1.0, bool: True, datetime: WHEN, date: WHEN.date()}[tp]


@pytest.mark.parametrize("record", _samples(), ids=lambda r: r.KIND)
def test_every_field_is_inside_the_hash(record: Record) -> None:
    base = record_hash(record)
    hints = typing.get_type_hints(type(record))
    for f in dataclasses.fields(record):
        changed = dataclasses.replace(
            record, **{f.name: _changed(hints[f.name], getattr(record, f.name))})
        assert changed != record, f.name
        assert record_hash(changed) != base, f"{record.KIND}.{f.name} is not in the hash"


def test_nested_fields_are_inside_the_hash() -> None:
    visit = next(r for r in _samples() if isinstance(r, VisitRecord))
    for name in ("name", "role", "person_id"):
        who = dataclasses.replace(visit.participants[0], **{name: "y"})
        assert record_hash(dataclasses.replace(visit, participants=(who,))) != record_hash(visit)


def test_the_hash_is_independent_of_the_time_zone_written() -> None:
    cet = timezone(timedelta(hours=1))
    moment = datetime(2026, 3, 2, 10, 0, tzinfo=cet)
    assert record_hash(_revision_record(event_time=moment)) == record_hash(_revision_record())


def _revision(**changes: object) -> NoteRevision:
    fields: dict[str, object] = dict(
        id="rev1", note_id="n1", seq=1, kind="draft", parent_hash=None, section="Hälsa",
        body="Hembesök.", child_voice="Jag vill.", event_time=WHEN, author_id="u1",
        created_at=WHEN, reason="",
    )
    fields.update(changes)
    return NoteRevision(**fields)


def test_a_revision_row_hashes_as_its_record_with_its_notes_case_and_visit() -> None:
    note = JournalNote(id="n1", case_id="c1", visit_id="v1")
    assert _revision().to_record(note) == _revision_record()
    assert _revision().compute_hash(note) == record_hash(_revision_record())
    moved = JournalNote(id="n1", case_id="c2", visit_id=None)
    assert _revision().compute_hash(moved) != _revision().compute_hash(note)
    with pytest.raises(ValueError):
        _revision(note_id="n2").to_record(note)


def test_an_audit_row_hashes_as_its_record_with_the_device_and_previous_hash() -> None:
    event = AuditEvent(seq=1, id="e1", device_id="d1", ts=WHEN, user_id="u1",
                       username="admin", action="login", object_type="user", object_id="u1",
                       details={}, prev_hash=GENESIS_HASH)
    first = event.compute_hash()
    assert first == record_hash(event.to_record())
    event.device_id = "d2"
    second = event.compute_hash()
    event.prev_hash = "1" * 64
    assert len({first, second, event.compute_hash()}) == 3


def test_an_attributed_review_entry_is_version_2_and_round_trips() -> None:
    from models.records import AttributedReviewEntryRecord, RecordError, from_wire, to_wire

    plain = next(r for r in _samples() if isinstance(r, ReviewEntryRecord))
    who = Participant(name="Göran", role="guardian", person_id="p2")
    attributed = AttributedReviewEntryRecord(**{f.name: getattr(plain, f.name)
                                                for f in dataclasses.fields(plain)},
                                             respondent=who)
    assert to_wire(attributed)["v"] == 2 and to_wire(plain)["v"] == 1
    assert "respondent" not in to_wire(plain)  # older entries keep their bytes and hash
    again = decode(encode(attributed))
    assert again == attributed and type(again) is AttributedReviewEntryRecord
    assert type(decode(encode(plain))) is ReviewEntryRecord
    assert record_hash(dataclasses.replace(attributed, respondent=Participant(
        name="Tindra", role="child"))) != record_hash(attributed)
    with pytest.raises(RecordError, match="version"):
        from_wire({**to_wire(attributed), "v": 3})
    with pytest.raises(RecordError, match="unknown fields"):
        from_wire({**to_wire(plain), "respondent": to_wire(attributed)["respondent"]})
    assert from_wire(to_wire(attributed), ReviewEntryRecord) == attributed


def test_an_older_record_reads_as_today_s_version() -> None:
    person, visit = _older_samples()
    assert isinstance(person, PersonRecordV1) and isinstance(visit, VisitRecordV1)
    now_person = as_current(person)
    assert isinstance(now_person, PersonRecord) and now_person.removed_at is None
    assert now_person.name == person.name
    now_visit = as_current(visit)
    assert isinstance(now_visit, VisitRecord) and now_visit.caseworkers == ()
    assert now_visit.participants == visit.participants
    current = _samples()[0]
    assert as_current(current) is current
