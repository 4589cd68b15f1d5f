"""Fixtures for the recording use cases: the real ko model, a short two-utterance WAV, visits."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import visits
from app.context import Context
from app.dto import PersonInput
from speech.batch import load_pcm, transcribe_pcm
from speech.engine import SpeechModel
from speech.values import Segment
from speech.wavio import write_wav
from tests.support.audio import DIALOG_WAV
from tests.support.store import make_case
from tests.support.vosk_models import ko_model, ko_model_dir  # noqa: F401

TWO_UTTERANCES_S = 7.2  # DIALOG_WAV's first two utterances end at about 1.9 s and 6.3 s


@pytest.fixture(scope="session")
def two_utterances_wav(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The first 7.2 s of DIALOG_WAV: two utterances, decoded in about a second."""
    pcm = load_pcm(DIALOG_WAV)[: int(TWO_UTTERANCES_S * 16_000) * 2]
    path = tmp_path_factory.mktemp("wav") / "two_utterances.wav"
    write_wav(path, pcm)
    return path


@pytest.fixture(scope="session")
def two_utterances_reference(
    ko_model: SpeechModel, two_utterances_wav: Path  # noqa: F811
) -> list[Segment]:
    """What batch transcription (one stream: the file is too short to split) gives."""
    segments = transcribe_pcm(ko_model, load_pcm(two_utterances_wav), threads=2)
    assert len(segments) == 2, "the fixture should hold two recognised utterances"
    return segments


def new_visit(ctx: Context, case_number: str = "2026-0001", *, consent: bool = True) -> str:
    """A case (assigned to ``ctx``'s user) with one home visit; consent given by the guardian."""
    case = make_case(ctx, case_number, persons=[PersonInput("guardian", "Anna Andersson")])
    visit = visits.create_visit(ctx, case.id, "hembesok",
                                persons=[p.id for p in case.persons])
    if consent:
        visits.record_consent(ctx, visit.id, informed=["Anna Andersson"],
                              agreed=["Anna Andersson"])
    return visit.id


@pytest.fixture
def visit_id(admin: Context) -> str:
    return new_visit(admin)
