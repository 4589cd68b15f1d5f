"""Transcript values shared by live and file transcription: segments of timed words."""

from __future__ import annotations

from speech.values import Final, Segment, Word


def segment_from_final(final: Final, offset: float = 0.0) -> Segment | None:
    """A segment from a recognizer result, its times moved by ``offset``; None if empty."""
    if not final.words:
        return None
    words = tuple(
        Word(w.text, _shift(w.start, offset), _shift(w.end, offset), w.conf) for w in final.words
    )
    return Segment(words[0].start, words[-1].end, final.text, words)


def _shift(seconds: float, offset: float) -> float:
    # Rounded to the microsecond so that subtracting a recognizer's running time base does
    # not leave float noise like 17.152624999.
    return round(seconds + offset, 6) if offset else seconds
