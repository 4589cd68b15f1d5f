"""The model manager's use cases: list installed and downloadable models, download, import,
remove, and choose the model to use. Speech-layer errors come out as Swedish ``UserError``s."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from app.context import Context
from app.errors import ValidationError, speech_as_user_errors
from app.settings import Settings
from app.transcription import active_model, model_store
from speech.values import LIVE_ENGINES, CatalogEntry, InstalledModel

ByteProgress = Callable[[int, int | None], None]  # (bytes done, total or None)


@dataclass(frozen=True)
class ModelListing:
    """What the model manager shows; ``active`` is the model recordings would use now."""

    installed: tuple[InstalledModel, ...]
    catalog: tuple[CatalogEntry, ...]
    active: str | None

    def is_installed(self, name: str) -> bool:
        return any(m.name == name for m in self.installed)


def list_models(ctx: Context) -> ModelListing:
    """Slow-ish (sizes walk the model folders): run it in the background."""
    with speech_as_user_errors():
        store = model_store(ctx)
        chosen = active_model(ctx)
        # Live models only: the KB-Whisper ones have their own part of the page
        # (``app.whisper_models``) and cannot record.
        return ModelListing(tuple(m for m in store.installed() if m.engine in LIVE_ENGINES),
                            tuple(e for e in store.catalog.entries()
                                  if e.engine in LIVE_ENGINES),
                            chosen.name if chosen else None)


def download_model(ctx: Context, entry: CatalogEntry, progress: ByteProgress,
                   cancel: threading.Event) -> InstalledModel:
    """Download, verify and install (minutes: the long-work queue); a retry resumes."""
    with speech_as_user_errors():
        return model_store(ctx).install(entry, progress, cancel)


def import_model(ctx: Context, path: Path) -> InstalledModel:
    """Install a model from a zip file or a folder (from IT, for offline laptops)."""
    with speech_as_user_errors():
        return model_store(ctx).import_path(path)


def remove_model(ctx: Context, engine: str, name: str) -> None:
    with speech_as_user_errors():
        model_store(ctx).remove(engine, name)


def choose_model(settings: Settings, listing: ModelListing, name: str,
                 engine: str | None = None) -> Settings:
    """``settings`` with the model ``name`` (of ``engine``, or the engine it is installed
    under) as the one to use; it must be installed and valid."""
    for m in listing.installed:
        if m.name == name and m.valid and engine in (None, m.engine):
            return replace(settings, model_name=name, model_engine=m.engine)
    raise ValidationError(f"Modellen ”{name}” är inte installerad.", field="model")
