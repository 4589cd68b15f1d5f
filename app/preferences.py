"""Use cases for the installation settings: the one command that saves them from a form, and
what is wrong in the file as it stands."""

from __future__ import annotations

from app.context import Context
from app.settings import Settings, read


def save_settings(ctx: Context, value: Settings) -> Settings:
    """Check ``value`` (a bad one raises ``ValidationError`` naming its field), store it and
    make it the context's cached settings at once; returns what is now in force."""
    value.check()
    return ctx.save_settings(value)


def settings_problems(ctx: Context) -> tuple[str, ...]:
    """What is wrong in the settings file now (Swedish, one line each; the app uses the
    default for each bad value). Reads the file: call it in the background."""
    return read(ctx.paths.settings).problems
