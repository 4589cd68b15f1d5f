"""Dictation as the GUI uses it: the Swedish post-processing of recognised phrases (commands,
capitals, spacing) and a dictation session for the review kiosk's "Dina egna ord".

Nothing a dictation session hears is stored: its audio goes to a null sink.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from app.errors import UserError, reported, speech_as_user_errors
from app.live import SourceFactory, microphone
from app.speech_models import NO_DICTATION_MODEL, LoadedModel
from app.vocabulary import QT_TRANSLATE_NOOP
from speech.dictation import Dictation
from speech.pipeline import LiveTranscriber
from speech.values import ErrorEvent, Event, PartialEvent, SegmentEvent

# What the kiosk says in the dictation area after a bug (the bug itself goes to the presenter);
# the UI shows it translated, context ``app.speech_models.MESSAGES``.
UNEXPECTED = QT_TRANSLATE_NOOP(
    "SpeechModels",
    "Dikteringen stannade på grund av ett oväntat fel. Skriv gärna orden i stället.")


class PreviewText(Protocol):
    """A partial phrase shown after the text: ``stable`` is the unchanged committed text."""

    @property
    def stable(self) -> str: ...

    @property
    def tentative(self) -> str: ...


class DictatedText(Protocol):
    """Final phrases in, formatted text out; ``preview`` shows an unfinished phrase."""

    @property
    def text(self) -> str: ...

    def feed(self, phrase: str) -> str: ...

    def preview(self, partial_text: str) -> PreviewText: ...

    def clear(self) -> None: ...


def dictated_text(language: str = "sv", *, commands: bool = True) -> DictatedText:
    """A new post-processor: the dictation rules of ``language``, commands on or off."""
    return Dictation(language, commands=commands)


class DictationSession:
    """Listen to the microphone with the shared model and report text; store nothing.

    Threading contract: ``start``/``stop`` are called from one controlling thread. The
    callbacks run on the recognizer thread and must only hand the text on: ``on_partial``
    with the unfinished guess, ``on_text`` with each finished phrase (never empty),
    ``on_problem`` with the error when something goes wrong while listening (it goes on): a
    ``UserError`` (Swedish; speech errors are converted here) or a bug, which the UI logs and
    presents once. ``stop`` returns after the last phrase was reported.
    """

    def __init__(self, model: LoadedModel | None, *, on_partial: Callable[[str], None],
                 on_text: Callable[[str], None], on_problem: Callable[[BaseException], None],
                 source_factory: SourceFactory = microphone) -> None:
        self._model = model
        self._on_partial, self._on_text, self._on_problem = on_partial, on_text, on_problem
        self._source_factory = source_factory
        self._pipeline: LiveTranscriber | None = None

    @property
    def listening(self) -> bool:
        return self._pipeline is not None

    def start(self) -> None:
        """Raises ``UserError`` in Swedish (no model, no microphone); anything else is a bug."""
        if self._model is None:
            raise UserError(NO_DICTATION_MODEL)
        pipeline = LiveTranscriber(self._source_factory(), _NullSink(), self._handle,
                                   self._model.recognizers)
        with speech_as_user_errors():
            pipeline.start()
        self._pipeline = pipeline

    def stop(self) -> None:
        pipeline, self._pipeline = self._pipeline, None
        if pipeline is not None:
            pipeline.stop()  # decodes the tail: the last words are reported before this returns

    def _handle(self, event: Event) -> None:
        if isinstance(event, PartialEvent):
            self._on_partial(event.text)
        elif isinstance(event, SegmentEvent) and event.segment.text:
            self._on_text(event.segment.text)
        elif isinstance(event, ErrorEvent):
            self._on_problem(reported(event.exc))


class _NullSink:
    """The kiosk keeps no audio."""

    def write(self, pcm: bytes) -> None:
        pass

    def close(self) -> None:
        pass
