"""Importing an audio file into a visit: stored encrypted, transcribed, or refused cleanly."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import recording, transcription, transcripts, visits
from app.context import Context
from app.errors import AudioError, UserError
from speech.batch import VoskFileTranscriber, load_pcm
from speech.engine import SpeechModel
from speech.values import Segment
from tests.integration.recording.conftest import new_visit


def _assert_nothing_stored(ctx: Context, visit_id: str) -> None:
    assert recording.for_visit(ctx, visit_id) == []
    assert recording.unfinished(ctx) == []
    assert not ctx.paths.audio.exists() or list(ctx.paths.audio.iterdir()) == []


@pytest.mark.vosk
def test_import_stores_encrypted_audio_and_monotonic_segments(
    admin: Context, visit_id: str, ko_model: SpeechModel, two_utterances_wav: Path,
    two_utterances_reference: list[Segment],
) -> None:
    pcm = load_pcm(two_utterances_wav)
    progress: list[float] = []
    result = transcription.import_recording(admin, visit_id, two_utterances_wav, ko_model,
                                            progress=progress.append)

    assert list(result.segments) == two_utterances_reference
    assert transcripts.transcript(admin, result.recording.id) == two_utterances_reference
    info = result.recording
    assert (info.state, info.segments, info.model_id) == ("complete", 2, "ko")
    assert info.duration_s == len(pcm) / 32_000
    assert recording.for_visit(admin, visit_id) == [info]
    assert recording.read_audio(admin, info.id) == pcm
    assert pcm[64_000:68_096] not in recording.audio_path(admin, info.id).read_bytes()
    assert progress and progress == sorted(progress) and progress[-1] == pytest.approx(1.0)

    words = [w for s in result.segments for w in s.words]
    assert all(s.start <= s.end for s in result.segments)
    assert all(a.end <= b.start for a, b in zip(result.segments, result.segments[1:], strict=False))
    assert all(0 <= w.start <= w.end <= info.duration_s for w in words)
    assert all(a.start <= b.start for a, b in zip(words, words[1:], strict=False))


def test_import_without_a_model_waits_for_one(
    admin: Context, visit_id: str, two_utterances_wav: Path
) -> None:
    result = transcription.import_recording(admin, visit_id, two_utterances_wav, None)
    assert result.segments == () and result.recording.model_id == ""
    assert [r.id for r in recording.awaiting_transcription(admin)] == [result.recording.id]


@pytest.mark.parametrize("name, content", [
    ("anteckning.txt", "Det här är ingen ljudfil.\n".encode()),
    ("falsk.wav", b"RIFF\x10\x00\x00\x00WAVEfmt garbage that is not audio" * 20),
    ("tom.mp3", b""),
])
def test_a_file_that_is_not_audio_is_refused_and_nothing_is_stored(
    admin: Context, visit_id: str, tmp_path: Path, name: str, content: bytes
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(AudioError) as raised:
        transcription.import_recording(admin, visit_id, path, None)
    assert raised.value.message == (
        "Ljudfilen kunde inte läsas. Kontrollera att det är en ljudfil (t.ex. WAV eller MP3).")
    assert str(path) in (raised.value.detail or "")
    _assert_nothing_stored(admin, visit_id)


def test_a_missing_file_is_refused(admin: Context, visit_id: str, tmp_path: Path) -> None:
    with pytest.raises(AudioError, match="Ljudfilen kunde inte läsas"):
        transcription.import_recording(admin, visit_id, tmp_path / "borta.wav", None)
    _assert_nothing_stored(admin, visit_id)


def test_import_needs_consent_too(admin: Context, two_utterances_wav: Path) -> None:
    visit_id = new_visit(admin, consent=False)
    with pytest.raises(UserError, match="Samtycke till inspelning saknas"):
        transcription.import_recording(admin, visit_id, two_utterances_wav, None)
    visits.record_consent(admin, visit_id, informed=["Bo"], agreed=[], refused=["Bo"])
    with pytest.raises(UserError, match="Bo"):
        transcription.import_recording(admin, visit_id, two_utterances_wav, None)
    _assert_nothing_stored(admin, visit_id)


class _BrokenRecognizer:
    def accept(self, pcm: bytes) -> None:
        raise RuntimeError("decoder crashed (test)")

    def finish(self) -> None:
        return None


class _BrokenModel:
    path = Path("broken-model")

    def recognizer(self, sample_rate: int, *, partials: bool = True) -> _BrokenRecognizer:
        return _BrokenRecognizer()


def test_a_failed_transcription_during_import_keeps_the_audio_waiting(
    admin: Context, visit_id: str, two_utterances_wav: Path
) -> None:
    with pytest.raises(RuntimeError, match="decoder crashed"):
        transcription.import_recording(admin, visit_id, two_utterances_wav,
                                       VoskFileTranscriber(_BrokenModel()))
    assert recording.unfinished(admin) == []
    assert len(recording.awaiting_transcription(admin)) == 1
