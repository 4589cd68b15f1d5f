"""Columns of a signed row: its author's Ed25519 signature over the record bytes, and who signed.

A row written before personal keys (migration 0006) has neither; ``app.trust`` accepts it only
when it is one of the rows pinned as legacy then, unchanged.
"""

from __future__ import annotations

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column


class Signed:
    """Mixin: ``signature`` (base64 Ed25519 over ``records.encode(record)``) and ``signer_id``."""

    signature: Mapped[str | None] = mapped_column(Text, nullable=True, default=None)
    signer_id: Mapped[str | None] = mapped_column(String(32), nullable=True, default=None)
