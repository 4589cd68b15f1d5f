"""The speech engine protocols, and Vosk behind them.

An engine offers up to two things, each one protocol:

* streaming — ``RecognizerFactory`` makes a ``Recognizer`` per audio stream; the live pipeline
  (``speech.pipeline``) feeds it blocks and gets partial and final results back;
* files — a ``FileTranscriber`` turns a whole recording into segments, with progress and a
  cancel check (``speech.batch.VoskFileTranscriber`` for Vosk).

The app and the CLI hold engines only through these protocols, so a second engine (e.g.
faster-whisper for an accuracy pass) is a new implementation, not a change of its callers.
Vosk's loaded ``SpeechModel`` is both: one shared model serves live recording and files.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import json
import struct
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from speech.batch import VoskFileTranscriber
from speech.errors import ModelInvalid, NotLiveEngine, UnknownEngine
from speech.modelstore import validate_model
from speech.values import VOSK, WHISPER, Final, Partial, Segment, Word

_FST_MAGIC = 0x7EB2FDD6
Progress = Callable[[float], None]


@runtime_checkable
class Recognizer(Protocol):
    """One decoding stream. Not thread-safe: use each recognizer from one thread only.

    ``accept`` takes a block of 16-bit mono PCM and returns a ``Final`` at an utterance end, a
    ``Partial`` when the running guess changed, else None; ``finish`` flushes the stream (end
    of audio or a pause) and returns the last ``Final``, or None when nothing was recognised.
    Word times are seconds since the recognizer was created.
    """

    def accept(self, pcm: bytes) -> Partial | Final | None: ...

    def finish(self) -> Final | None: ...


@runtime_checkable
class RecognizerFactory(Protocol):
    """A shared model (or a fake) that makes recognizers; safe to call from any thread.

    The one streaming protocol: the live pipeline and the review dictation use nothing else.
    """

    def recognizer(self, sample_rate: int) -> Recognizer: ...


class CancelCheck(Protocol):
    """Polled while transcribing; ``threading.Event`` is one."""

    def is_set(self) -> bool: ...


@runtime_checkable
class FileTranscriber(Protocol):
    """Transcribes a whole recording: 16 kHz mono int16 PCM in, segments out.

    Threading contract: ``transcribe`` blocks (run it off the GUI thread) and may use threads of
    its own; ``progress(fraction)`` is called from those threads, one call at a time, with
    fractions that never decrease. When ``cancel.is_set()`` turns true it stops soon and raises
    ``speech.errors.TranscriptionCancelled``. Segments come in time order with times in seconds
    from the start of ``pcm``. ``engine`` and ``model_id`` name what made the transcript.
    """

    @property
    def engine(self) -> str: ...

    @property
    def model_id(self) -> str: ...

    def transcribe(self, pcm: bytes, progress: Progress, cancel: CancelCheck) -> list[Segment]: ...


@runtime_checkable
class EngineModel(RecognizerFactory, FileTranscriber, Protocol):
    """A loaded model of any engine, what the app holds: one shared model that makes
    recognizers for live recording and dictation (``RecognizerFactory``) and transcribes whole
    files (``FileTranscriber``). ``load_engine_model`` makes one; tests pass fakes."""


class VoskRecognizer:
    """A ``KaldiRecognizer`` with word times. Feed it from a single thread.

    Word times keep counting across utterances (vosk counts every sample fed), so they are
    seconds since this recognizer was created.
    """

    def __init__(self, model: Any, sample_rate: int, *, partials: bool = True) -> None:
        import vosk

        self._rec = vosk.KaldiRecognizer(model, sample_rate)
        self._rec.SetWords(True)
        self._partials = partials
        self._last_partial = ""

    def accept(self, pcm: bytes) -> Partial | Final | None:
        """Decode a block: a Final at an endpoint, a Partial when the guess changed, else None."""
        if self._rec.AcceptWaveform(pcm):
            self._last_partial = ""
            return _final(self._rec.Result())
        if not self._partials:
            return None
        text = json.loads(self._rec.PartialResult()).get("partial", "")
        if text == self._last_partial:
            return None
        self._last_partial = text
        return Partial(text)

    def finish(self) -> Final | None:
        """Flush the decoder (end of stream or a pause); None when nothing was recognized."""
        self._last_partial = ""
        final = _final(self._rec.FinalResult())
        return final if final.words or final.text else None


class SpeechModel:
    """A loaded Vosk model. Load once and share it: recognizers may be made from any thread.

    A ``RecognizerFactory`` for live recording and a ``FileTranscriber`` for files (one
    stream per file, see ``speech.batch``); ``file_transcriber`` gives one with another
    thread count (used only with a split).
    """

    engine = VOSK

    def __init__(self, path: Path, handle: Any) -> None:
        self.path = path
        self.handle = handle

    @property
    def model_id(self) -> str:
        """The model's folder name, what recordings and transcripts keep."""
        return self.path.name

    def recognizer(self, sample_rate: int = 16_000, *, partials: bool = True) -> VoskRecognizer:
        return VoskRecognizer(self.handle, sample_rate, partials=partials)

    def file_transcriber(self, *, threads: int = 2) -> VoskFileTranscriber:
        return VoskFileTranscriber(self, threads=threads, model_id=self.model_id)

    def transcribe(self, pcm: bytes, progress: Progress, cancel: CancelCheck) -> list[Segment]:
        return self.file_transcriber().transcribe(pcm, progress, cancel)


def load_model(path: str | Path) -> SpeechModel:
    """Validate the folder, then load it (slow: seconds; do it off the GUI thread).

    Raises ``ModelInvalid`` for a missing or broken folder. Vosk itself only returns a null
    model for some problems and loads a truncated graph silently (then crashes later).
    """
    import vosk

    folder = Path(path)
    validate_model_dir(folder)
    vosk.SetLogLevel(-1)
    try:
        handle = vosk.Model(str(folder))
    except Exception as exc:  # vosk raises a bare Exception("Failed to create a model")
        raise ModelInvalid([f"loadable model files ({exc})"], str(folder)) from exc
    return SpeechModel(folder, handle)


def load_engine_model(engine: str, folder: str | Path) -> EngineModel:
    """A model folder of ``engine`` loaded for live recording, dictation and files (slow:
    seconds; do it off the GUI thread).

    The one place that maps an engine name to its implementation; a second engine adds a
    branch here (and in ``load_file_transcriber``) and its name to ``speech.values.ENGINES``.
    Raises ``UnknownEngine`` (a ``ModelInvalid``) for an engine this build does not know.
    """
    if engine == VOSK:
        return load_model(folder)
    if engine == WHISPER:  # files only: it has no streaming recognizer
        raise NotLiveEngine(engine, str(folder))
    raise UnknownEngine(engine, str(folder))


def load_file_transcriber(
    engine: str, folder: str | Path, *, threads: int = 2
) -> FileTranscriber:
    """A model folder of ``engine`` loaded for file transcription with ``threads`` threads."""
    if engine == VOSK:
        return load_model(folder).file_transcriber(threads=threads)
    if engine == WHISPER:
        from speech.whisper import WhisperFileTranscriber, WhisperOptions

        return WhisperFileTranscriber(folder, WhisperOptions(threads=threads))
    raise UnknownEngine(engine, str(folder))


def validate_model_dir(folder: Path) -> None:
    """The model store's structural check, plus: is each decoding graph complete?"""
    missing = validate_model(folder)
    if not missing:
        for name in ("HCLG.fst", "HCLr.fst", "Gr.fst"):
            fst = folder / "graph" / name
            if fst.is_file() and (problem := _fst_problem(fst)):
                missing.append(f"graph/{name} ({problem})")
    if missing:
        raise ModelInvalid(missing, str(folder))


def _fst_problem(path: Path) -> str | None:
    """Compare an OpenFst header's state and arc counts with the file size."""
    with path.open("rb") as fh:
        head = fh.read(4096)
    try:
        kind, states, arcs, end = _fst_header(head, 0)
        if kind == "olabel_lookahead":
            # A lookahead FST wraps a const FST whose header follows a 4-byte add-on tag.
            inner = head.find(struct.pack("<I", _FST_MAGIC), end, end + 64)
            kind, states, arcs, end = _fst_header(head, inner)
    except (struct.error, ValueError, UnicodeDecodeError):
        return "not an OpenFst file"
    smallest_state = 20 if kind == "const" else 12
    if path.stat().st_size < end + states * smallest_state + arcs * 16:
        return "truncated"
    return None


def _fst_header(data: bytes, offset: int) -> tuple[str, int, int, int]:
    """Parse an OpenFst header at ``offset``: (fst type, states, arcs, end offset)."""
    if offset < 0:
        raise ValueError("no header")
    (magic,) = struct.unpack_from("<I", data, offset)
    if magic != _FST_MAGIC:
        raise ValueError("bad magic")
    offset += 4
    texts = []
    for _ in range(2):  # fst type, arc type
        (length,) = struct.unpack_from("<i", data, offset)
        if not 0 < length < 64:
            raise ValueError("bad header string")
        texts.append(data[offset + 4 : offset + 4 + length].decode("ascii"))
        offset += 4 + length
    _version, _flags, _props, _start, states, arcs = struct.unpack_from("<iiQqqq", data, offset)
    if states < 0 or arcs < 0:
        raise ValueError("negative counts")
    return texts[0], states, arcs, offset + 40


def _final(result_json: str) -> Final:
    result = json.loads(result_json)
    words = tuple(
        Word(w["word"], float(w["start"]), float(w["end"]), float(w.get("conf", 1.0)))
        for w in result.get("result", ())
    )
    return Final(result.get("text", ""), words)


def release_freed_memory() -> None:
    """Hand memory freed by a discarded recognizer back to the OS.

    glibc keeps freed heap pages of a large recognizer in its arenas, so a recycled
    recognizer would not lower the process's footprint without this (measured: 813 MB stays
    813 MB; with the trim it drops back to ~590 MB). A no-op where glibc is absent.
    """
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.malloc_trim(0)
    except (OSError, AttributeError):
        pass
