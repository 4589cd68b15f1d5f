"""The laptop's side of sync: the linked server account, refused items, conflicts, pulled
records waiting for their parents, case backfills and the audit head the server acknowledged."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, UTCDateTime, iso, new_id, utcnow
from models.canonical import canonical_json
from models.signed import Signed


class SyncAccount(Base):
    """A local account linked to its server account. The device token is stored encrypted
    (AES-GCM under a subkey of the data key) inside the already encrypted store."""

    __tablename__ = "sync_accounts"

    local_user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), primary_key=True)
    server_url: Mapped[str] = mapped_column(String(500))
    server_user_id: Mapped[str] = mapped_column(String(32))
    server_username: Mapped[str] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(16))
    unit_id: Mapped[str] = mapped_column(String(32))
    token_id: Mapped[str] = mapped_column(String(32))
    token_cipher: Mapped[bytes] = mapped_column(LargeBinary)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    pull_cursor: Mapped[int] = mapped_column(Integer, default=0)
    connected_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_synced_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    last_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    reachable: Mapped[bool | None] = mapped_column(nullable=True)
    last_error: Mapped[str] = mapped_column(String(500), default="")


class SyncFailed(Base):
    """An outbox item the server refused. The outbox row stays; this says why, in Swedish."""

    __tablename__ = "sync_failed"

    outbox_id: Mapped[str] = mapped_column(ForeignKey("outbox.id"), primary_key=True)
    code: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(String(500))
    failed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class SyncConflict(Base):
    """A draft, case, person or visit changed both here and elsewhere: the other version is
    kept here, whole, until the user picks one or writes the merged text."""

    __tablename__ = "sync_conflicts"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    kind: Mapped[str] = mapped_column(String(32))  # revision | case | person | visit
    object_id: Mapped[str] = mapped_column(String(64), index=True)  # note id for a revision
    theirs_payload: Mapped[bytes] = mapped_column(LargeBinary)  # encode(record), as pulled
    theirs_hash: Mapped[str] = mapped_column(String(64))
    detected_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    resolution: Mapped[str] = mapped_column(String(16), default="")  # mine|theirs|merged|remote


class SyncHeld(Base):
    """A pulled record that cannot be stored yet (its parent has not arrived, or the recording
    of a transcript is not on this laptop). Retried on every sync; never dropped."""

    __tablename__ = "sync_held"

    item_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    object_id: Mapped[str] = mapped_column(String(64))
    case_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    author_user_id: Mapped[str | None] = mapped_column(String(32), nullable=True)
    content_hash: Mapped[str] = mapped_column(String(64))
    payload: Mapped[bytes] = mapped_column(LargeBinary)
    reason: Mapped[str] = mapped_column(Text, default="")
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    signer_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    signature: Mapped[str | None] = mapped_column(Text, nullable=True)  # base64, as pulled


class SyncBackfill(Base):
    """A newly assigned case whose earlier records are still to be fetched (case-scoped
    cursor), stored with the page that brought the assignment so a crash cannot skip it."""

    __tablename__ = "sync_backfills"

    local_user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), primary_key=True)
    case_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    cursor: Mapped[int] = mapped_column(Integer, default=0)


class AuditAnchor(Base):
    """The head of this laptop's audit chain that the server has acknowledged holding: a local
    chain that ends before it, or differs at it, had events cut off the end."""

    __tablename__ = "audit_anchor"

    device_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer)
    hash: Mapped[str] = mapped_column(String(64))
    acknowledged_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class SyncAlias(Base):
    """An author id that is this laptop's user on another laptop (the server linked both to
    one server account): that person's drafts there are theirs here too."""

    __tablename__ = "sync_aliases"

    author_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    local_user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)


class RemoteSigner(Signed, Base):
    """A colleague's signing key (one row per key: a password reset adds one), as the server
    served it. The row is signed by the local user whose sync received it: ``app.trust``
    trusts the key for ``author_id``'s pulled records only when that user is trusted and the
    signature holds, so a key row slipped in by someone else on this laptop is reported."""

    __tablename__ = "remote_signers"

    author_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    sign_pub: Mapped[str] = mapped_column(String(64), primary_key=True)  # Ed25519, base64
    server_user_id: Mapped[str] = mapped_column(String(32))
    received_by: Mapped[str] = mapped_column(ForeignKey("users.id"))
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    def signed_bytes(self) -> bytes:
        """What ``received_by`` signs: every column but the signature."""
        return canonical_json({
            "record": "remote_signer", "v": 1, "author_id": self.author_id,
            "sign_pub": self.sign_pub, "server_user_id": self.server_user_id,
            "received_by": self.received_by, "received_at": iso(self.received_at)})


class AudioUpload(Base):
    """A recording's audio sent to the server (setting ``sync_upload_audio``): the WAV's size
    and SHA-256 the server confirmed, so it is never sent twice. ``refused`` holds the code of
    a refusal that retrying cannot change (too large), so it is not read and sent again."""

    __tablename__ = "audio_uploads"

    recording_id: Mapped[str] = mapped_column(ForeignKey("recordings.id"), primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    uploaded_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    refused: Mapped[str] = mapped_column(String(64), default="")
