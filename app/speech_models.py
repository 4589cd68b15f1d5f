"""The speech model a session records and dictates with: which one is active, and loading it.

The GUI keeps the ``LoadedModel`` this returns and hands it back to the live and batch use
cases (``app.live``, ``app.dictation``); it never touches the engine inside.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from app import transcription
from app.context import Context
from app.errors import to_user_error
from speech.engine import FileTranscriber, Recognizer, load_model
from speech.errors import SpeechError


class Recognizers(FileTranscriber, Protocol):
    """A shared model (Vosk or a test fake) that makes one recognizer per thread for live
    recording and transcribes whole files (``FileTranscriber``) with the same model."""

    def recognizer(self, sample_rate: int, *, partials: bool = True) -> Recognizer: ...


@dataclass(frozen=True)
class LoadedModel:
    """A model in memory, safe to share between threads; ``model_id`` is its folder name."""

    model_id: str
    recognizers: Recognizers


def load_active(ctx: Context) -> LoadedModel | None:
    """Load the model chosen in the settings (slow: seconds — run it on the long-work queue).

    None when no valid model is installed (recording still works; the audio waits). A model
    that cannot be loaded raises ``ModelError`` with a Swedish message.
    """
    chosen = transcription.active_model(ctx)
    if chosen is None:
        return None
    try:
        return LoadedModel(chosen.name, load_model(chosen.path))
    except SpeechError as exc:
        raise to_user_error(exc) from exc


def recognizers_of(model: LoadedModel | None) -> Recognizers | None:
    return model.recognizers if model is not None else None
