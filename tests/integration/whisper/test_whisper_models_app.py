"""The model manager's KB-Whisper use cases: listing, the calibration on the caseworker's own
newest recording with audio, and the recommended size used when none is chosen."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from app import notes, second_pass, whisper_models
from app.context import Context
from app.errors import UserError
from speech.engine import CancelCheck, Progress
from speech.values import Segment
from tests.support.speech_notes import BETTER, Scripted, speech_note
from tests.support.whisper_models import assemble_base_model


def test_the_listing_has_the_four_sizes_and_nothing_installed(admin: Context) -> None:
    listing = whisper_models.list_whisper_models(admin)
    assert [s.name for s in listing.catalog] == [
        "kb-whisper-tiny", "kb-whisper-base", "kb-whisper-small", "kb-whisper-medium"]
    assert listing.installed == () and listing.in_use is None and listing.recommended == ""


def test_calibration_times_the_newest_recording_with_audio(
        admin: Context, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(UserError) as raised:
        whisper_models.calibrate_here(admin)
    assert raised.value.message == whisper_models.NO_RECORDING
    speech_note(admin, tmp_path)
    heard: list[int] = []

    class Timed(Scripted):
        def transcribe(self, pcm: bytes, progress: Progress, cancel: CancelCheck
                       ) -> list[Segment]:
            heard.append(len(pcm))
            return super().transcribe(pcm, progress, cancel)

    monkeypatch.setattr(second_pass, "load_transcriber",
                        lambda ctx: Timed("whisper", BETTER, "kb-whisper-base"))
    # Instant here: every size fits the budget, so the most accurate one is recommended.
    assert whisper_models.calibrate_here(admin) == "kb-whisper-medium"
    assert heard == [4 * 16_000 * 2]  # the recording's 4 s (less than the 30 s asked for)


def test_calibration_skips_audio_the_policy_deleted(admin: Context, tmp_path: Path) -> None:
    made = speech_note(admin, tmp_path)
    notes.sign(admin, made.note_id)  # delete-on-sign (the default) removes the audio
    with pytest.raises(UserError) as raised:
        whisper_models.calibrate_here(admin)
    assert raised.value.message == whisper_models.NO_RECORDING


def test_the_recommended_size_is_used_when_none_is_chosen(admin: Context,
                                                          tmp_path: Path) -> None:
    base = assemble_base_model(tmp_path / "src" / "whisper-base")
    whisper_models.import_whisper_model(admin, base)
    second = tmp_path / "src2" / "kb-whisper-small"
    second.mkdir(parents=True)
    for f in base.iterdir():
        (second / f.name).symlink_to(f.resolve())
    whisper_models.import_whisper_model(admin, second)
    assert second_pass.second_pass_model(admin).name == "whisper-base"  # preferred order
    admin.save_settings(replace(admin.settings, second_pass_recommended="kb-whisper-small"))
    assert second_pass.second_pass_model(admin).name == "kb-whisper-small"
    admin.save_settings(replace(admin.settings, second_pass_model="whisper-base"))
    assert second_pass.second_pass_model(admin).name == "whisper-base"  # the choice wins
    listing = whisper_models.list_whisper_models(admin)
    assert listing.in_use == "whisper-base" and listing.recommended == "kb-whisper-small"
