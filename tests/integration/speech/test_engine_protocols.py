"""The Vosk classes are the engines of the protocols the app holds (checked twice: the typed
assignments below by ``mypy --strict``, the behaviour at run time on the real ko model)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from speech.batch import VoskFileTranscriber, load_pcm, transcribe_pcm
from speech.engine import (
    FileTranscriber,
    Recognizer,
    RecognizerFactory,
    SpeechModel,
    VoskRecognizer,
    load_file_transcriber,
)
from speech.errors import ModelInvalid, TranscriptionCancelled
from speech.values import VOSK, Final
from tests.support.audio import DIALOG_WAV

pytestmark = pytest.mark.vosk
SECONDS = 7


def test_the_loaded_vosk_model_is_a_streaming_and_a_file_engine(
    ko_model: SpeechModel, ko_model_dir: Path
) -> None:
    factory: RecognizerFactory = ko_model
    recognizer: Recognizer = factory.recognizer(16_000)
    files: FileTranscriber = ko_model
    assert isinstance(factory, RecognizerFactory) and isinstance(files, FileTranscriber)
    assert isinstance(recognizer, Recognizer) and isinstance(recognizer, VoskRecognizer)
    assert (files.engine, files.model_id) == (VOSK, ko_model_dir.name)

    pcm = load_pcm(DIALOG_WAV)[: SECONDS * 32_000]
    finals = [r for r in (recognizer.accept(pcm[i:i + 4000]) for i in range(0, len(pcm), 4000))
              if isinstance(r, Final)]
    assert finals or recognizer.finish() is not None


def test_the_vosk_file_transcriber_gives_what_batch_decoding_gives(
    ko_model: SpeechModel, ko_model_dir: Path
) -> None:
    pcm = load_pcm(DIALOG_WAV)[: SECONDS * 32_000]
    engines: list[FileTranscriber] = [
        VoskFileTranscriber(ko_model, threads=2),
        ko_model,
        load_file_transcriber(VOSK, ko_model_dir, threads=2),
    ]
    expected = transcribe_pcm(ko_model, pcm, threads=2)
    assert expected
    for engine in engines:
        assert isinstance(engine, FileTranscriber)
        progress: list[float] = []
        assert engine.transcribe(pcm, progress.append, threading.Event()) == expected
        assert progress[-1] == pytest.approx(1.0)
        assert engine.model_id == ko_model_dir.name

    cancel = threading.Event()
    cancel.set()
    with pytest.raises(TranscriptionCancelled):
        ko_model.transcribe(pcm, lambda _f: None, cancel)


def test_an_unknown_engine_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ModelInvalid):
        load_file_transcriber("whisper", tmp_path)
