"""A stored transcript becomes draft note text with the Swedish dictation rules applied."""

from __future__ import annotations

from app import recording, transcription, transcripts
from app.context import Context
from speech.values import Segment, Word


def _segment(start: float, text: str) -> Segment:
    words = tuple(Word(w, start + i * 0.4, start + i * 0.4 + 0.3, 0.9)
                  for i, w in enumerate(text.split()))
    return Segment(words[0].start, words[-1].end, text, words)


def _stored(ctx: Context, visit_id: str, phrases: list[str]) -> list[Segment]:
    rec = recording.begin(ctx, visit_id)
    segments = [_segment(10.0 * i, phrase) for i, phrase in enumerate(phrases)]
    for segment in segments:  # autosaved one by one, as during a live recording
        transcripts.save_segment(ctx, rec.id, segment)
    stored = transcripts.transcript(ctx, rec.id)
    assert stored == segments
    return stored


def test_commands_in_one_phrase(admin: Context, visit_id: str) -> None:
    stored = _stored(admin, visit_id, ["hej punkt ny rad hur mår du frågetecken"])
    assert transcription.draft_text(stored) == "Hej.\nHur mår du?"


def test_commands_across_phrases_with_undo(admin: Context, visit_id: str) -> None:
    stored = _stored(admin, visit_id, [
        "hej punkt",
        "det här blev fel ångra",  # the words before "ångra" are the phrase it removes
        "ny rad hur mår du frågetecken",
        "bra komma tack utropstecken nytt stycke vi ses kolon i morgon",
    ])
    assert transcription.draft_text(stored) == (
        "Hej.\nHur mår du? Bra, tack!\n\nVi ses: i morgon")


def test_commands_can_be_turned_off(admin: Context, visit_id: str) -> None:
    stored = _stored(admin, visit_id, ["hej punkt ny rad", "hur mår du frågetecken"])
    assert transcription.draft_text(stored, commands=False) == (
        "Hej punkt ny rad hur mår du frågetecken")


def test_an_empty_transcript_gives_empty_text() -> None:
    assert transcription.draft_text([]) == ""
