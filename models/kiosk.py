"""Each caseworker's own review PIN and the count of wrong guesses when leaving the kiosk.

Local to this laptop and never synced: a PIN only opens the kiosk its owner started here.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, UTCDateTime, utcnow


class ReviewPin(Base):
    """One row per user who has set a PIN or has guessed wrong; ``pin_hash`` "" = no PIN."""

    __tablename__ = "review_pins"

    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), primary_key=True)
    pin_hash: Mapped[str] = mapped_column(String(200), default="")
    failures: Mapped[int] = mapped_column(Integer, default=0)
    last_failure_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
