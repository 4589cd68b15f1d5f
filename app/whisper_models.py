"""The model manager's KB-Whisper part: the sizes in the catalog, the installed ones, install
(download with progress and resume, checksums checked), import from a zip file or folder, and
the calibration that recommends a size for this laptop. Errors come out in Swedish."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy import select

from app import second_pass
from app.context import Context
from app.errors import UserError, ValidationError, speech_as_user_errors
from app.settings import Settings
from app.transcription import model_store
from models.visits import Recording
from speech import whisper_catalog
from speech.values import WHISPER, InstalledModel

ByteProgress = Callable[[int, int | None], None]
NO_RECORDING = ("Mätningen behöver en inspelning med ljud kvar: spela in eller importera en "
                "inspelning först (de första 30 sekunderna används).")


@dataclass(frozen=True)
class KbSize:
    """One KB-Whisper size of the catalog: its approximate download and published WER."""

    name: str
    approx_bytes: int
    wer: float


@dataclass(frozen=True)
class WhisperListing:
    installed: tuple[InstalledModel, ...]  # KB-Whisper models here, valid or not
    catalog: tuple[KbSize, ...]  # tiny, base, small, medium
    chosen: str  # the setting ("" = the recommended installed one)
    in_use: str | None  # what "Förbättra utskriften" would use now (None: nothing installed)
    recommended: str  # the calibration's size here; "" until measured

    def is_installed(self, name: str) -> bool:
        return any(m.name == name and m.valid for m in self.installed)


def list_whisper_models(ctx: Context) -> WhisperListing:
    """Slow-ish (sizes walk the model folders): run it in the background."""
    with speech_as_user_errors():
        installed = tuple(model_store(ctx).installed(WHISPER))
    try:
        in_use: str | None = second_pass.second_pass_model(ctx).name
    except UserError:
        in_use = None
    catalog = tuple(KbSize(m.name, m.approx_bytes, m.wer) for m in whisper_catalog.KB_MODELS)
    settings = ctx.settings
    return WhisperListing(installed, catalog, settings.second_pass_model, in_use,
                          settings.second_pass_recommended)


def install_size(ctx: Context, name: str, progress: ByteProgress,
                 cancel: threading.Event) -> InstalledModel:
    """Download, check and install a KB-Whisper size (minutes: the long-work queue); a retry
    resumes the files a broken download left."""
    return second_pass.install_kb_model(ctx, name, progress, cancel)


def import_whisper_model(ctx: Context, path: Path) -> InstalledModel:
    """Install a KB-Whisper (CTranslate2) model from a zip file or folder, validated first."""
    with speech_as_user_errors():
        return model_store(ctx).import_path(path, engine=WHISPER)


def remove_whisper_model(ctx: Context, name: str) -> None:
    with speech_as_user_errors():
        model_store(ctx).remove(WHISPER, name)


def calibrate_here(ctx: Context) -> str:
    """Time the installed model on the start of the caseworker's newest recording that still
    has its audio, and return the size recommended for this laptop (seconds: run it on the
    long-work queue). The settings page stores it."""
    with ctx.uow() as uow:
        recording_id = uow.session.scalar(
            select(Recording.id).where(Recording.created_by == ctx.actor.user_id,
                                       Recording.state.in_(("complete", "recovered")))
            .order_by(Recording.started_at.desc()).limit(1))
    if recording_id is None:
        raise UserError(NO_RECORDING)
    return second_pass.recommended_size(ctx, recording_id)


def choose(settings: Settings, listing: WhisperListing, name: str) -> Settings:
    """``settings`` with ``name`` as the second-pass model ("" = the recommended one); it must
    be installed and valid."""
    if name and not listing.is_installed(name):
        raise ValidationError(f"Modellen ”{name}” är inte installerad.", field="second_pass_model")
    return replace(settings, second_pass_model=name)
