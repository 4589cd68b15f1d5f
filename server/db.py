"""The server's own tables (its own metadata and migrations; nothing shared with a laptop store)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from models.base import NAMING, UTCDateTime, new_id, utcnow

ROLES = ("caseworker", "supervisor", "admin")


class ServerBase(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Unit(ServerBase):
    """An enhet: groups users and cases; a supervisor sees every case of the unit."""

    __tablename__ = "units"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class User(ServerBase):
    __tablename__ = "users"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"))
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    password_changed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class AuthorLink(ServerBase):
    """A laptop's local user id linked to its server account: records name local ids as authors."""

    __tablename__ = "author_links"

    author_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    # The name the laptop's account shows (sent with each password login); colleagues'
    # laptops show it as the author of this person's records.
    display_name: Mapped[str] = mapped_column(String(200), default="")


class SigningKey(ServerBase):
    """A personal Ed25519 signing key of an author, registered only by a password login.

    A history, never overwritten: a password reset on the laptop makes a new key, and records
    signed with an older one stay verifiable."""

    __tablename__ = "signing_keys"

    author_id: Mapped[str] = mapped_column(ForeignKey("author_links.author_id"),
                                           primary_key=True)
    public_key: Mapped[str] = mapped_column(String(64), primary_key=True)  # base64, 32 bytes
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    token_id: Mapped[str] = mapped_column(String(32))  # the login that registered it
    registered_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class DeviceTokenRow(ServerBase):
    """A device token: only its SHA-256 is kept; it expires and can be revoked."""

    __tablename__ = "device_tokens"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    device_id: Mapped[str] = mapped_column(String(64))
    label: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # The device's audit events up to this seq predate personal keys (unsigned), as the
    # password login declared it; later events must be signed.
    legacy_audit_seq: Mapped[int] = mapped_column(Integer, default=0)


class LoginAttempt(ServerBase):
    """Failed logins, kept in the database so that every server process counts the same."""

    __tablename__ = "login_attempts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    username_key: Mapped[str] = mapped_column(String(64), index=True)  # SHA-256, not the name
    remote: Mapped[str] = mapped_column(String(64), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)


class Case(ServerBase):
    __tablename__ = "cases"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"), index=True)
    case_number: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Assignment(ServerBase):
    __tablename__ = "assignments"

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), primary_key=True, index=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class StoredRecord(ServerBase):
    """One pushed item (or a server-made case/assignment record) as the bytes that were hashed."""

    __tablename__ = "records"
    __table_args__ = (
        UniqueConstraint("kind", "object_id", "content_hash", name="uq_records_content"),
        # One link per position of a laptop's audit chain: a rewritten chain cannot be stored.
        UniqueConstraint("device_id", "chain_seq", name="uq_records_chain"),
        Index("ix_records_kind_object", "kind", "object_id"),
    )

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    object_id: Mapped[str] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(Integer)
    content_hash: Mapped[str] = mapped_column(String(64))
    payload: Mapped[bytes] = mapped_column(LargeBinary)
    case_id: Mapped[str | None] = mapped_column(ForeignKey("cases.id"), nullable=True, index=True)
    author_user_id: Mapped[str | None] = mapped_column(String(32), nullable=True)
    device_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    chain_seq: Mapped[int | None] = mapped_column(Integer, nullable=True)
    signer_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    signature: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    received_seq: Mapped[int] = mapped_column(BigInteger, index=True)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Change(ServerBase):
    """The commit-ordered change log that pull reads.

    ``seq`` comes from ``ChangeCounter`` updated in the writing transaction, so a transaction
    holds the counter's row lock until it commits: sequence order is commit order and a cursor
    never passes a row that commits late. ``subject_user_id`` names the caseworker an
    assignment change is about (who must learn of it even when no longer assigned)."""

    __tablename__ = "changes"
    __table_args__ = (Index("ix_changes_case_seq", "case_id", "seq"),)

    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    record_id: Mapped[str] = mapped_column(ForeignKey("records.id"))
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"))
    unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"), index=True)
    subject_user_id: Mapped[str | None] = mapped_column(String(32), nullable=True, index=True)


class ChangeCounter(ServerBase):
    """A single row (id 1): the last change seq handed out."""

    __tablename__ = "change_counter"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last_seq: Mapped[int] = mapped_column(BigInteger)


class DeviceAuditHead(ServerBase):
    """The audit chain head a laptop has had acknowledged: events before it cannot be cut off."""

    __tablename__ = "device_audit_heads"

    device_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(32))
    seq: Mapped[int] = mapped_column(Integer)
    hash: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ServerAuditEvent(ServerBase):
    """The server's own hash-chained log of every access (ids and counts only, never content)."""

    __tablename__ = "server_audit"

    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    ts: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    actor_user_id: Mapped[str | None] = mapped_column(String(32), nullable=True)
    token_id: Mapped[str | None] = mapped_column(String(32), nullable=True)
    action: Mapped[str] = mapped_column(String(40), index=True)
    object_type: Mapped[str] = mapped_column(String(32), default="")
    object_id: Mapped[str] = mapped_column(String(64), default="")
    outcome: Mapped[str] = mapped_column(String(16), default="ok")
    remote: Mapped[str] = mapped_column(String(64), default="")
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class ServerAuditHead(ServerBase):
    """A single row (id 1) locked by each append, so appends from many processes form one chain."""

    __tablename__ = "server_audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(BigInteger)
    hash: Mapped[str] = mapped_column(String(64))


class AudioUpload(ServerBase):
    """The audio of one recording sent by the laptop it was made on (a laptop setting, off by
    default). Its case is the recording record's; ``completed_at`` is set once every chunk is
    held and the whole file's SHA-256 matched."""

    __tablename__ = "audio_uploads"

    recording_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"))
    uploaded_by: Mapped[str] = mapped_column(ForeignKey("users.id"))
    device_id: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64))
    chunk_size: Mapped[int] = mapped_column(Integer)
    content_type: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class AudioChunk(ServerBase):
    """One chunk of an upload, as received (the server keeps no files: only the database)."""

    __tablename__ = "audio_chunks"

    recording_id: Mapped[str] = mapped_column(ForeignKey("audio_uploads.recording_id"),
                                              primary_key=True)
    idx: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
