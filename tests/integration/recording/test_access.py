"""Recordings belong to a case: a caseworker not assigned to it can neither read nor change them."""

from __future__ import annotations

import pytest

from app import assignments, notes, recording, transcription, transcripts
from app.context import Context
from app.errors import PermissionDenied
from tests.integration.recording.conftest import new_visit
from tests.integration.recording.helpers import record_pcm, tone_pcm
from tests.support.audio import ManualSource
from tests.support.store import CASEWORKER


def test_unassigned_caseworker_cannot_read_the_recording(
    admin: Context, caseworker: Context, visit_id: str
) -> None:
    rec, _ = record_pcm(admin, visit_id, tone_pcm(10))

    with pytest.raises(PermissionDenied, match="inte tilldelad"):
        recording.read_audio(caseworker, rec.id)
    with pytest.raises(PermissionDenied):
        transcripts.transcript(caseworker, rec.id)
    with pytest.raises(PermissionDenied):
        recording.for_visit(caseworker, visit_id)
    with pytest.raises(PermissionDenied):
        recording.recover(caseworker, rec.id)
    with pytest.raises(PermissionDenied):
        transcription.LiveRecording(caseworker, visit_id, ManualSource(),
                                    lambda event: None).start()
    assert [r.id for r in recording.for_visit(admin, visit_id)] == [rec.id]  # nothing changed

    assignments.assign(admin, rec.case_id, CASEWORKER)
    assert recording.read_audio(caseworker, rec.id) == tone_pcm(10)
    assert transcripts.transcript(caseworker, rec.id) == []


def test_a_caseworker_reads_recordings_of_her_own_case(caseworker: Context) -> None:
    visit_id = new_visit(caseworker, "2026-0042")
    rec, _ = record_pcm(caseworker, visit_id, tone_pcm(10))
    assert recording.read_audio(caseworker, rec.id) == tone_pcm(10)
    assert [r.id for r in recording.for_visit(caseworker, visit_id)] == [rec.id]


def test_unassigned_caseworker_cannot_delete_the_audio(
    admin: Context, caseworker: Context, visit_id: str
) -> None:
    rec, _ = record_pcm(admin, visit_id, tone_pcm(10))
    note = notes.create_draft(admin, rec.case_id, "Hembesök.", visit_id=visit_id)
    with pytest.raises(PermissionDenied):
        recording.apply_audio_policy_after_sign(caseworker, note.id)
    assert recording.read_audio(admin, rec.id) == tone_pcm(10)
