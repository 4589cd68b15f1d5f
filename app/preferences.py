"""Use cases for the installation settings: the one command that saves them from a form."""

from __future__ import annotations

from app.context import Context
from app.settings import Settings


def save_settings(ctx: Context, value: Settings) -> Settings:
    """Check ``value`` (a bad one raises ``ValidationError`` naming its field), store it and
    make it the context's cached settings at once; returns what is now in force."""
    value.check()
    return ctx.save_settings(value)
