"""Batch transcription plumbing with a fake model: cut points, merged times, progress."""

from __future__ import annotations

import subprocess
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest

from speech.batch import (
    SplitOptions,
    VoskFileTranscriber,
    cut_points,
    load_pcm,
    plan_parts,
    transcribe_pcm,
)
from speech.engine import FileTranscriber
from speech.errors import AudioFileError, TranscriptionCancelled
from speech.wavio import read_wav, write_wav
from tests.support.audio import SHORT_WAV, FakeModel

RATE = 16_000


def _bursts(pattern: list[tuple[float, bool]]) -> bytes:
    """Audio of (seconds, loud?) stretches: loud is noise, quiet is near-silence."""
    rng = np.random.default_rng(1)
    parts = [rng.normal(0, 8000 if loud else 20, int(s * RATE)) for s, loud in pattern]
    return np.concatenate(parts).astype(np.int16).tobytes()


def test_cuts_land_in_the_quiet_stretch_nearest_the_target() -> None:
    pcm = _bursts([(9, True), (1, False), (12, True), (1, False), (12, True)])
    cuts = cut_points(pcm, SplitOptions(target_s=10, min_s=4, search_s=3))
    assert len(cuts) == 2
    for cut in cuts:
        second = cut / RATE
        assert 9 <= second <= 10 or 22 <= second <= 23


def test_speech_without_a_pause_is_not_cut() -> None:
    """A cut outside a pause starts a fresh recognizer mid-speech: rather keep one stream."""
    pcm = _bursts([(0.25, True), (0.05, False)] * 200)  # fluent: 50 ms gaps between words
    assert cut_points(pcm, SplitOptions(target_s=10, min_s=4, search_s=3)) == []
    assert len(plan_parts(pcm, SplitOptions(target_s=10, min_s=4, search_s=3))) == 1


def test_a_part_after_a_cut_starts_its_pre_roll_in_a_pause_before_it() -> None:
    pcm = _bursts([(4, True), (1, False), (4, True), (1, False), (12, True), (1, False), (9, True)])
    parts = plan_parts(pcm, SplitOptions(target_s=20, min_s=4, search_s=3, preroll_s=11))
    assert [p.keep_from for p in parts] == [0, parts[0].end]
    assert 22 * RATE <= parts[1].keep_from <= 23 * RATE  # the pause at 22-23 s
    assert 9 * RATE <= parts[1].decode_from <= 10 * RATE  # the pause nearest 11 s before it
    assert parts[1].end == len(pcm) // 2


def test_pre_roll_words_are_decoded_but_not_kept() -> None:
    pcm = _bursts([(9, True), (1, False), (9, True), (1, False), (9, True), (1, False), (10, True)])
    split = SplitOptions(target_s=10, min_s=4, search_s=3, preroll_s=5)
    model = FakeModel(final_every=3)
    with ThreadPoolExecutor(1) as pool:
        segments = transcribe_pcm(model, pcm, block_bytes=16000, split=split, executor=pool)
    fed = sum(len(b) for r in model.made for b in r.fed)
    assert fed >= len(pcm) + 3 * 4.5 * 2 * RATE  # three parts each decoded ~5 s early
    words = [w for s in segments for w in s.words]
    assert words[0].start == 0.0 and words[-1].end == pytest.approx(40.0)
    assert all(a.end <= b.start + 1e-6 for a, b in zip(words, words[1:], strict=False))
    assert sum(w.end - w.start for w in words) == pytest.approx(40.0)  # nothing twice
    assert all(s.text == " ".join(w.text for w in s.words) for s in segments)


def test_short_audio_is_not_cut() -> None:
    assert cut_points(_bursts([(5, True)]), SplitOptions(target_s=10, min_s=4)) == []


def test_parallel_parts_merge_with_absolute_monotonic_times() -> None:
    pcm = _bursts([(9, True), (1, False), (9, True), (1, False), (9, True), (1, False), (10, True)])
    split = SplitOptions(target_s=10, min_s=4, search_s=3)
    progress: list[float] = []
    with ThreadPoolExecutor(2) as pool:
        segments = transcribe_pcm(
            FakeModel(final_every=5), pcm, block_bytes=32000, split=split,
            progress=progress.append, executor=pool,
        )
    words = [w for s in segments for w in s.words]
    assert words[0].start == 0.0 and words[-1].end == pytest.approx(40.0)
    assert all(a.end <= b.start + 1e-6 for a, b in zip(words, words[1:], strict=False))
    assert sum(w.end - w.start for w in words) == pytest.approx(40.0)
    assert progress == sorted(progress) and progress[-1] == pytest.approx(1.0)


def test_one_thread_decodes_one_stream_in_vosk_transcriber_blocks() -> None:
    model = FakeModel(final_every=1000)
    pcm = _bursts([(200, True)])
    transcribe_pcm(model, pcm, threads=1)
    assert len(model.made) == 1
    assert {len(b) for b in model.made[0].fed[:-1]} == {4000}


def test_by_default_two_threads_still_decode_each_file_as_one_stream() -> None:
    """A cut changes the words after it for minutes; the default never gives other words
    than one stream (vosk-transcriber's), even for long audio full of pauses."""
    model = FakeModel(final_every=1000)
    pcm = _bursts([(20, True), (1, False)] * 20)
    VoskFileTranscriber(model, threads=2).transcribe(pcm, lambda _f: None, threading.Event())
    transcribe_pcm(model, pcm, threads=2)
    assert len(model.made) == 2  # one recognizer per call
    for recognizer in model.made:
        assert b"".join(recognizer.fed) == pcm
        assert {len(b) for b in recognizer.fed[:-1]} == {4000}


def test_reused_recognizer_times_are_rebased() -> None:
    """One recognizer per thread decodes several chunks; its clock runs on across them."""
    pcm = _bursts([(9, True), (1, False), (9, True), (1, False), (10, True)])
    with ThreadPoolExecutor(1) as pool:
        segments = transcribe_pcm(
            FakeModel(final_every=1), pcm, block_bytes=16000,
            split=SplitOptions(target_s=10, min_s=4, search_s=3), executor=pool,
        )
    starts = [s.start for s in segments]
    assert starts == sorted(starts) and len(set(starts)) == len(starts) and starts[-1] < 30


def test_load_pcm_reads_16k_wav_directly() -> None:
    assert load_pcm(SHORT_WAV) == read_wav(SHORT_WAV).pcm


def test_load_pcm_converts_other_formats_with_ffmpeg(tmp_path: Path) -> None:
    wav44 = tmp_path / "44k.wav"
    write_wav(wav44, b"\x10\x00" * 44100, sample_rate=44100)
    flac = tmp_path / "a.flac"
    subprocess.run(["ffmpeg", "-nostdin", "-loglevel", "error", "-i", str(wav44), str(flac)], check=True)
    assert len(load_pcm(flac)) == pytest.approx(32000, abs=200)


@pytest.mark.parametrize("content", [None, b"this is not audio"])
def test_unreadable_files_raise_audio_file_error(tmp_path: Path, content: bytes | None) -> None:
    path = tmp_path / "broken.mp3"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(AudioFileError):
        load_pcm(path)


class _CancelAfter:
    """A cancel check that turns true after ``n`` polls (deterministic, no timing)."""

    def __init__(self, n: int) -> None:
        self.n, self.polls = n, 0
        self._lock = threading.Lock()

    def is_set(self) -> bool:
        with self._lock:
            self.polls += 1
            return self.polls > self.n


def test_the_vosk_file_transcriber_is_transcribe_pcm_behind_the_protocol() -> None:
    pcm = _bursts([(9, True), (1, False), (9, True), (1, False), (9, True), (1, False), (10, True)])
    split = SplitOptions(target_s=10, min_s=4, search_s=3)
    transcriber: FileTranscriber = VoskFileTranscriber(
        FakeModel(final_every=5), threads=2, split=split, block_bytes=32000)
    assert isinstance(transcriber, FileTranscriber)
    assert (transcriber.engine, transcriber.model_id) == ("vosk", "")
    progress: list[float] = []
    segments = transcriber.transcribe(pcm, progress.append, threading.Event())
    expected = transcribe_pcm(FakeModel(final_every=5), pcm, threads=2, split=split,
                              block_bytes=32000)
    assert segments == expected
    assert progress == sorted(progress) and progress[-1] == pytest.approx(1.0)


@pytest.mark.parametrize("threads", [1, 2])
def test_cancel_stops_a_file_transcription(threads: int) -> None:
    pcm = _bursts([(200, True)])
    model = FakeModel(final_every=1000)
    cancel = _CancelAfter(10)
    with pytest.raises(TranscriptionCancelled):
        VoskFileTranscriber(model, threads=threads).transcribe(pcm, lambda _f: None, cancel)
    fed = sum(len(r.fed) for r in model.made)
    assert fed <= 10 < len(pcm) // 4000  # stopped long before the end
