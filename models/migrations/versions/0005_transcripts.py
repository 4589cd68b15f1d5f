"""Transcripts: a recording has transcripts (engine, model, pass); segments belong to one.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24

Every recording that has segments gets one transcript and its segments move to it, in order
(their ids and ``seq`` are kept). The first version never stored how a transcript was made,
so the pass is read from what the rows tell:

* a recording without a model id was recorded while no model was installed, so its segments
  came from transcribing the file later: "file";
* a recording never stopped ("recording", "recovered") was recognised live: "live";
* a stopped recording whose stop came sooner after its start than its audio lasts cannot have
  been captured live (live audio arrives in real time): it was imported from a file: "file";
* anything else: "live".

Engine and model come from the recording (every transcript of the first version is Vosk's).
Transcripts of stopped recordings are finished, so their content hash is computed here with
the transcript record (version 1), exactly as the app computes it when a transcript finishes.

Like every migration this one is frozen: it never imports ``app/`` or today's ``models``. The
version-1 transcript record is built below as its plain wire object (the bytes
``models.records.encode`` gives for it today; a test holds the two equal), so that a later
``TranscriptRecord`` version cannot change what this migration writes.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# The transcript the downgrade keeps: the best pass, then a finished one, then the newest. This
# is the rule as it stood when this migration was written, kept here on purpose rather than
# taken from the app (whose "transcript to show" ranks finished before pass): a migration must
# do what it did when it shipped, whatever the app later decides to show.
_PASS_RANK = {"live": 0, "file": 1, "accuracy": 2}

_recordings = sa.table(
    "recordings",
    sa.column("id", sa.String), sa.column("engine", sa.String), sa.column("model_id", sa.String),
    sa.column("state", sa.String), sa.column("started_at", sa.String),
    sa.column("duration_s", sa.Float),
)
_segments = sa.table(
    "segments",
    sa.column("id", sa.String), sa.column("recording_id", sa.String),
    sa.column("transcript_id", sa.String), sa.column("seq", sa.Integer),
    sa.column("start_s", sa.Float), sa.column("end_s", sa.Float), sa.column("text", sa.Text),
    sa.column("words", sa.JSON), sa.column("speaker", sa.String),
)
_transcripts = sa.table(
    "transcripts",
    sa.column("id", sa.String), sa.column("recording_id", sa.String),
    sa.column("engine", sa.String), sa.column("model_id", sa.String),
    sa.column("pass_kind", sa.String), sa.column("created_at", sa.String),
    sa.column("hash", sa.String),
)
_audit = sa.table(
    "audit_events",
    sa.column("seq", sa.Integer), sa.column("ts", sa.String), sa.column("action", sa.String),
    sa.column("object_type", sa.String), sa.column("object_id", sa.String),
)


def upgrade() -> None:
    op.create_table(
        "transcripts",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("recording_id", sa.String(length=32), nullable=False),
        sa.Column("engine", sa.String(length=64), nullable=False),
        sa.Column("model_id", sa.String(length=200), nullable=False),
        sa.Column("pass_kind", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(["recording_id"], ["recordings.id"],
                                name=op.f("fk_transcripts_recording_id_recordings")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_transcripts")),
    )
    with op.batch_alter_table("transcripts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_transcripts_recording_id"), ["recording_id"],
                              unique=False)
    with op.batch_alter_table("segments", schema=None) as batch_op:
        batch_op.add_column(sa.Column("transcript_id", sa.String(length=32), nullable=True))

    _move_segments_to_transcripts(op.get_bind())

    with op.batch_alter_table("segments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_segments_recording_id"))
        batch_op.drop_constraint("fk_segments_recording_id_recordings", type_="foreignkey")
        batch_op.drop_column("recording_id")
        batch_op.alter_column("transcript_id", existing_type=sa.String(length=32),
                              nullable=False)
        batch_op.create_foreign_key(batch_op.f("fk_segments_transcript_id_transcripts"),
                                    "transcripts", ["transcript_id"], ["id"])
        batch_op.create_index(batch_op.f("ix_segments_transcript_id"), ["transcript_id"],
                              unique=False)


# --- the version-1 transcript record (as models.records encoded it when this was written) ----


def _canonical(obj: Any) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def _t(text: str) -> str:
    """A stored UTC time in the one text form of records."""
    return _time(text).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _time(text: str) -> datetime:
    return datetime.fromisoformat(text)  # reads the trailing Z as UTC (Python >= 3.11)


def _segment_wire(row: Any) -> dict[str, Any]:
    # The record's float fields are written as floats even where JSON held a whole number.
    words = [{"word": w["word"], "start": float(w["start"]), "end": float(w["end"]),
              "conf": float(w["conf"])} for w in row.words or ()]
    return {"seq": row.seq, "start_s": float(row.start_s), "end_s": float(row.end_s),
            "text": row.text, "words": words, "speaker": row.speaker}


def _transcript_wire(transcript_id: str, rec: Any, engine: str, pass_kind: str,
                     segments: Sequence[Any]) -> dict[str, Any]:
    return {"record": "transcript", "v": 1, "id": transcript_id, "recording_id": rec.id,
            "engine": engine, "model_id": rec.model_id, "pass_kind": pass_kind,
            "created_at": _t(rec.started_at), "segments": [_segment_wire(s) for s in segments]}


# --- the move --------------------------------------------------------------------------------


def _move_segments_to_transcripts(conn: sa.Connection) -> None:
    stops = {row.object_id: _time(row.ts) for row in conn.execute(
        sa.select(_audit.c.object_id, _audit.c.ts)
        .where(_audit.c.action == "recording.stop", _audit.c.object_type == "recording"))}
    with_segments = sa.select(_segments.c.recording_id).distinct()
    for rec in conn.execute(sa.select(_recordings).where(_recordings.c.id.in_(with_segments))):
        pass_kind = _pass_of(rec.model_id, rec.state, _time(rec.started_at), rec.duration_s,
                             stops.get(rec.id))
        transcript_id = uuid.uuid4().hex
        engine = rec.engine or "vosk"
        segments = conn.execute(sa.select(_segments).where(_segments.c.recording_id == rec.id)
                                .order_by(_segments.c.seq)).all()
        content_hash = None
        if rec.state != "recording":  # stopped or recovered: nothing will be added any more
            payload = _canonical(_transcript_wire(transcript_id, rec, engine, pass_kind,
                                                  segments))
            content_hash = hashlib.sha256(payload).hexdigest()
            _queue_for_sync(conn, transcript_id, payload, content_hash)
        conn.execute(_transcripts.insert().values(
            id=transcript_id, recording_id=rec.id, engine=engine, model_id=rec.model_id,
            pass_kind=pass_kind, created_at=_t(rec.started_at), hash=content_hash))
        conn.execute(_segments.update().where(_segments.c.recording_id == rec.id)
                     .values(transcript_id=transcript_id))


def _queue_for_sync(conn: sa.Connection, transcript_id: str, payload: bytes,
                    content_hash: str) -> None:
    """A finished transcript waits in the outbox like one finished after this migration."""
    conn.execute(
        sa.text("INSERT INTO outbox (id, kind, object_id, version, content_hash, payload, "
                "created_at, attempts, last_error) VALUES (:id, :k, :o, :v, :h, :p, :t, 0, '')"),
        {"id": uuid.uuid4().hex, "k": "transcript", "o": transcript_id, "v": 1,
         "h": content_hash, "p": payload,
         "t": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")})


def _pass_of(model_id: str, state: str, started_at: datetime, duration_s: float,
             stopped_at: datetime | None) -> str:
    if not model_id:
        return "file"
    if state in ("recording", "recovered") or stopped_at is None:
        return "live"
    return "file" if (stopped_at - started_at).total_seconds() < duration_s else "live"


def downgrade() -> None:
    """Back to one list of segments per recording: the best transcript's (others are lost)."""
    conn = op.get_bind()
    with op.batch_alter_table("segments", schema=None) as batch_op:
        batch_op.add_column(sa.Column("recording_id", sa.String(length=32), nullable=True))
    best: dict[str, tuple[tuple[int, bool, datetime], str]] = {}
    for t in conn.execute(sa.select(_transcripts)):
        key = (_PASS_RANK.get(t.pass_kind, 0), t.hash is not None, _time(t.created_at))
        if t.recording_id not in best or key > best[t.recording_id][0]:
            best[t.recording_id] = (key, t.id)
    keep_ids = {transcript_id for _key, transcript_id in best.values()}
    for t in conn.execute(sa.select(_transcripts.c.id, _transcripts.c.recording_id)):
        if t.id in keep_ids:
            conn.execute(_segments.update().where(_segments.c.transcript_id == t.id)
                         .values(recording_id=t.recording_id))
        else:
            conn.execute(_segments.delete().where(_segments.c.transcript_id == t.id))
    with op.batch_alter_table("segments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_segments_transcript_id"))
        batch_op.drop_constraint("fk_segments_transcript_id_transcripts", type_="foreignkey")
        batch_op.drop_column("transcript_id")
        batch_op.alter_column("recording_id", existing_type=sa.String(length=32),
                              nullable=False)
        batch_op.create_foreign_key(batch_op.f("fk_segments_recording_id_recordings"),
                                    "recordings", ["recording_id"], ["id"])
        batch_op.create_index(batch_op.f("ix_segments_recording_id"), ["recording_id"],
                              unique=False)
    with op.batch_alter_table("transcripts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_transcripts_recording_id"))
    op.drop_table("transcripts")
