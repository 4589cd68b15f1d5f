"""Plain value types of the speech layer: what other layers (and the UI) may hold.

No behaviour beyond small derived properties, no I/O, no engine: a widget can import this
module without loading Vosk, audio devices or the model store (an import-linter contract).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

VOSK = "vosk"
# The speech engines this build knows; each has its own folder in the model store.
ENGINES = (VOSK,)


@dataclass(frozen=True)
class Word:
    text: str
    start: float
    end: float
    conf: float


@dataclass(frozen=True)
class Partial:
    text: str


@dataclass(frozen=True)
class Final:
    """A finished utterance; word times are seconds since the recognizer was created."""

    text: str
    words: tuple[Word, ...]


@dataclass(frozen=True)
class Segment:
    """One utterance. Times are seconds from the start of the recording."""

    start: float
    end: float
    text: str
    words: tuple[Word, ...]


@dataclass(frozen=True)
class PipelineStats:
    blocks: int
    dropped: int
    overflows: int
    audio_seconds: float
    segments: int


@dataclass(frozen=True)
class PartialEvent:
    text: str
    block_arrival: float  # when the block that produced it arrived (clock seconds)
    emitted_at: float


@dataclass(frozen=True)
class SegmentEvent:
    segment: Segment


@dataclass(frozen=True)
class LevelEvent:
    rms_dbfs: float
    # Seconds of audio decoded up to and including this block: after "stop" it tells how far
    # the recognizer has come through the queued tail.
    decoded_s: float = 0.0
    captured_s: float = 0.0  # seconds of audio taken from the source so far


@dataclass(frozen=True)
class DropEvent:
    total: int


@dataclass(frozen=True)
class ErrorEvent:
    exc: BaseException


@dataclass(frozen=True)
class StoppedEvent:
    stats: PipelineStats


Event = PartialEvent | SegmentEvent | LevelEvent | DropEvent | ErrorEvent | StoppedEvent


@dataclass(frozen=True)
class CatalogEntry:
    """One downloadable model, with the fields Vosk publishes in ``model-list.json``."""

    name: str
    lang: str
    lang_text: str
    url: str
    size: int
    md5: str
    type: str = "small"
    version: str = ""
    obsolete: bool = False
    engine: str = VOSK

    @property
    def language(self) -> str:
        """The base language code: ``"en"`` for ``"en-us"``."""
        return self.lang.split("-")[0]


@dataclass(frozen=True)
class InstalledModel:
    name: str
    path: Path
    size_bytes: int
    lang: str | None
    lang_text: str | None
    missing: tuple[str, ...]
    engine: str = VOSK

    @property
    def valid(self) -> bool:
        return not self.missing
