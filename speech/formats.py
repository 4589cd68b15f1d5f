"""Render transcript segments as plain text, JSON, SubRip (srt) or WebVTT (vtt)."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

from speech.values import Segment

WORDS_PER_CUE = 7  # as vosk-transcriber: short subtitle lines


def to_txt(segments: Sequence[Segment]) -> str:
    return "".join(f"{segment.text}\n" for segment in segments if segment.text)


def to_json(segments: Sequence[Segment]) -> str:
    document = {
        "segments": [
            {
                "start": s.start,
                "end": s.end,
                "text": s.text,
                "words": [
                    {"word": w.text, "start": w.start, "end": w.end, "conf": w.conf}
                    for w in s.words
                ],
            }
            for s in segments
        ]
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _cues(segments: Sequence[Segment]) -> list[tuple[float, float, str]]:
    """Subtitle cues of at most ``WORDS_PER_CUE`` words, each within one segment."""
    cues = []
    for segment in segments:
        words = segment.words
        for first in range(0, len(words), WORDS_PER_CUE):
            line = words[first : first + WORDS_PER_CUE]
            cues.append((line[0].start, line[-1].end, " ".join(w.text for w in line)))
    return cues


def _clock(seconds: float, separator: str) -> str:
    millis = max(0, round(seconds * 1000))
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    secs, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}{separator}{millis:03d}"


def to_srt(segments: Sequence[Segment]) -> str:
    blocks = [
        f"{index}\n{_clock(start, ',')} --> {_clock(end, ',')}\n{text}\n"
        for index, (start, end, text) in enumerate(_cues(segments), start=1)
    ]
    return "\n".join(blocks)


def to_vtt(segments: Sequence[Segment]) -> str:
    blocks = [
        f"{_clock(start, '.')} --> {_clock(end, '.')}\n{text}\n"
        for start, end, text in _cues(segments)
    ]
    return "\n".join(["WEBVTT\n", *blocks])


FORMATS: dict[str, Callable[[Sequence[Segment]], str]] = {
    "txt": to_txt,
    "json": to_json,
    "srt": to_srt,
    "vtt": to_vtt,
}


def render(segments: Sequence[Segment], fmt: str) -> str:
    """Render in format ``fmt`` (a key of ``FORMATS``)."""
    return FORMATS[fmt](segments)
