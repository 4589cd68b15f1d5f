"""The speech model a session records and dictates with: which one is active, and loading it.

The GUI keeps the ``LoadedModel`` this returns and hands it back to the live and batch use
cases (``app.live``, ``app.dictation``); it never touches the engine inside. The messages for
"no model" are defined here once; the UI shows them translated (context ``SpeechModels``).
"""

from __future__ import annotations

from dataclasses import dataclass

from app import transcription
from app.context import Context
from app.errors import speech_as_user_errors
from app.vocabulary import QT_TRANSLATE_NOOP
from speech.engine import EngineModel, load_engine_model

__all__ = ["MESSAGES", "NO_DICTATION_MODEL", "NO_MODEL", "EngineModel", "LoadedModel",
           "load_active", "recognizers_of"]

MESSAGES = "SpeechModels"
NO_MODEL = QT_TRANSLATE_NOOP(
    "SpeechModels",
    "Ingen talmodell är installerad – ljudet sparas och skrivs ut när en modell finns")
NO_DICTATION_MODEL = QT_TRANSLATE_NOOP(
    "SpeechModels", "Diktering fungerar inte än: ingen talmodell är laddad.")


@dataclass(frozen=True)
class LoadedModel:
    """A model in memory, safe to share between threads; ``model_id`` is its folder name."""

    model_id: str
    recognizers: EngineModel


def load_active(ctx: Context) -> LoadedModel | None:
    """Load the model chosen in the settings (slow: seconds — run it on the long-work queue).

    None when no valid model is installed (recording still works; the audio waits). A model
    that cannot be loaded — or of an engine this build does not know — raises ``ModelError``
    with a Swedish message.
    """
    chosen = transcription.active_model(ctx)
    if chosen is None:
        return None
    with speech_as_user_errors():
        return LoadedModel(chosen.name, load_engine_model(chosen.engine, chosen.path))


def recognizers_of(model: LoadedModel | None) -> EngineModel | None:
    return model.recognizers if model is not None else None
