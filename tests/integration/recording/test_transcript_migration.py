"""Migration 0005: each recording of a first-version store gets one transcript (pass read from
the rows), its segments move to it in order, nothing is lost, and finished ones are hashed."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import Connection, create_engine, select, text
from sqlalchemy.orm import Session

from models.migrate import alembic_config
from models.records import encode, record_hash
from models.visits import Segment, Transcript

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


def _ts(value: datetime) -> str:
    return value.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@pytest.fixture
def conn(tmp_path: Path) -> Iterator[Connection]:
    engine = create_engine(f"sqlite:///{tmp_path / 'old.db'}")
    with engine.connect() as connection:
        command.upgrade(alembic_config(connection), "0003")
        connection.commit()
        yield connection
    engine.dispose()


def _recording(conn: Connection, rec_id: str, *, model_id: str, state: str, duration: float,
               stopped_after: float | None, segments: int) -> None:
    conn.execute(text(
        "INSERT INTO recordings (id, visit_id, audio_file, sample_rate, duration_s, engine, "
        "model_id, state, started_at, created_by) VALUES (:id, 'v1', :f, 16000, :d, :e, :m, "
        ":s, :t, 'u1')"), {"id": rec_id, "f": f"{rec_id}.sam", "d": duration,
                           "e": "vosk" if model_id else "", "m": model_id, "s": state,
                           "t": _ts(T0)})
    # Inserted in reverse so that only ``seq`` can give the order back.
    for seq in range(segments, 0, -1):
        # A whole-second start is a JSON integer here; the record writes it as a float.
        words = [{"word": f"ord{seq}", "start": seq, "end": seq + 0.5, "conf": 0.9}]
        conn.execute(text(
            "INSERT INTO segments (id, recording_id, seq, start_s, end_s, text, words, speaker) "
            "VALUES (:id, :r, :seq, :a, :b, :t, :w, NULL)"),
            {"id": f"{rec_id}-s{seq}", "r": rec_id, "seq": seq, "a": seq * 1.0, "b": seq + 0.5,
             "t": f"ord{seq}", "w": json.dumps(words)})
    if stopped_after is not None:
        audit_seq = conn.execute(text("SELECT COALESCE(MAX(seq), 0) + 1 FROM audit_events")).scalar()
        conn.execute(text(
            "INSERT INTO audit_events (seq, id, ts, user_id, username, action, object_type, "
            "object_id, details, prev_hash, hash) VALUES (:seq, :id, :ts, 'u1', 'anna', "
            "'recording.stop', 'recording', :r, '{}', '', '')"),
            {"seq": audit_seq, "id": f"a{audit_seq}", "ts": _ts(T0 + timedelta(seconds=stopped_after)),
             "r": rec_id})


def _first_version_store(conn: Connection) -> None:
    _recording(conn, "live", model_id="ko", state="complete", duration=60.0,
               stopped_after=61.5, segments=3)
    _recording(conn, "imported", model_id="ko", state="complete", duration=60.0,
               stopped_after=4.0, segments=2)
    _recording(conn, "waited", model_id="", state="complete", duration=30.0,
               stopped_after=31.0, segments=2)
    _recording(conn, "crashed", model_id="ko", state="recording", duration=0.0,
               stopped_after=None, segments=2)
    _recording(conn, "recovered", model_id="ko", state="recovered", duration=12.0,
               stopped_after=None, segments=1)
    _recording(conn, "deleted", model_id="ko", state="audio-deleted", duration=20.0,
               stopped_after=25.0, segments=1)
    _recording(conn, "silent", model_id="", state="complete", duration=5.0,
               stopped_after=6.0, segments=0)
    conn.commit()


def _segments_before(conn: Connection) -> dict[str, list[tuple[Any, ...]]]:
    rows = conn.execute(text("SELECT recording_id, id, seq, start_s, end_s, text, words "
                             "FROM segments ORDER BY recording_id, seq")).all()
    out: dict[str, list[tuple[Any, ...]]] = {}
    for rec_id, *rest in rows:
        out.setdefault(rec_id, []).append(tuple(rest))
    return out


def test_each_recording_gets_one_transcript_with_its_segments_in_order(
    conn: Connection,
) -> None:
    _first_version_store(conn)
    before = _segments_before(conn)

    command.upgrade(alembic_config(conn), "0005")
    conn.commit()

    queued = dict(conn.execute(text(
        "SELECT object_id, payload FROM outbox WHERE kind = 'transcript'")).tuples().all())
    with Session(bind=conn) as s:
        transcripts = {t.recording_id: t for t in s.scalars(select(Transcript))}
        assert set(transcripts) == set(before) == {
            "live", "imported", "waited", "crashed", "recovered", "deleted"}
        passes = {rec: (t.pass_kind, t.engine, t.model_id) for rec, t in transcripts.items()}
        assert passes == {
            "live": ("live", "vosk", "ko"),
            "imported": ("file", "vosk", "ko"),  # stopped sooner than its audio lasts
            "waited": ("file", "vosk", ""),  # no model while recording: transcribed later
            "crashed": ("live", "vosk", "ko"),
            "recovered": ("live", "vosk", "ko"),
            "deleted": ("live", "vosk", "ko"),
        }
        for rec_id, transcript in transcripts.items():
            rows = s.scalars(select(Segment).where(Segment.transcript_id == transcript.id)
                             .order_by(Segment.seq)).all()
            after = [(r.id, r.seq, r.start_s, r.end_s, r.text, json.dumps(r.words))
                     for r in rows]
            assert after == [(*row[:5], json.dumps(json.loads(row[5]))) for row in before[rec_id]]
            assert transcript.created_at == T0
            if rec_id == "crashed":  # still open: hashed when it is recovered
                assert transcript.hash is None
            else:
                assert transcript.hash == record_hash(transcript.to_record(rows))
                # The migration's frozen copy of the v1 encoding gives today's codec's bytes.
                assert bytes(queued.pop(transcript.id)) == encode(transcript.to_record(rows))
        assert queued == {}  # only finished transcripts are queued
    assert conn.execute(text("SELECT COUNT(*) FROM segments")).scalar() == 11
    columns = {row[1] for row in conn.execute(text("PRAGMA table_info(segments)"))}
    assert "transcript_id" in columns and "recording_id" not in columns


def test_downgrade_gives_the_segments_back_to_their_recordings(conn: Connection) -> None:
    _first_version_store(conn)
    before = _segments_before(conn)
    command.upgrade(alembic_config(conn), "0005")
    command.downgrade(alembic_config(conn), "0004")  # 0004 (re-hashing) cannot be undone
    conn.commit()
    assert _segments_before(conn) == before
