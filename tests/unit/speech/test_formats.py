"""Rendering segments as txt, json, srt and vtt."""

from __future__ import annotations

import json

from speech.formats import render
from speech.values import Segment, Word

WORDS = tuple(Word(f"w{i}", i * 0.5, i * 0.5 + 0.4, 0.9) for i in range(9))
SEGMENTS = [Segment(0.0, 4.4, " ".join(w.text for w in WORDS), WORDS),
            Segment(3661.25, 3662.0, "hej", (Word("hej", 3661.25, 3662.0, 1.0),))]


def test_txt_has_a_line_per_segment() -> None:
    assert render(SEGMENTS, "txt") == "w0 w1 w2 w3 w4 w5 w6 w7 w8\nhej\n"


def test_json_keeps_words_and_times() -> None:
    document = json.loads(render(SEGMENTS, "json"))
    assert document["segments"][1] == {
        "start": 3661.25, "end": 3662.0, "text": "hej",
        "words": [{"word": "hej", "start": 3661.25, "end": 3662.0, "conf": 1.0}],
    }


def test_srt_splits_long_segments_into_short_cues() -> None:
    assert render(SEGMENTS, "srt") == (
        "1\n00:00:00,000 --> 00:00:03,400\nw0 w1 w2 w3 w4 w5 w6\n\n"
        "2\n00:00:03,500 --> 00:00:04,400\nw7 w8\n\n"
        "3\n01:01:01,250 --> 01:01:02,000\nhej\n"
    )


def test_vtt_has_header_and_dot_millis() -> None:
    text = render(SEGMENTS, "vtt")
    assert text.startswith("WEBVTT\n\n00:00:00.000 --> 00:00:03.400\nw0 w1")
    assert text.endswith("01:01:01.250 --> 01:01:02.000\nhej\n")


def test_empty_transcript() -> None:
    assert render([], "txt") == "" and render([], "srt") == "" and render([], "vtt") == "WEBVTT\n"
