"""File transcription never gives other words than one stream, on several kinds of speech.

A vosk stream carries its speaker adaptation from utterance to utterance, so a recognizer
started fresh at a cut decodes differently for minutes (measured: agreement with one stream
0.3-0.7 after a cut, whether or not it is warmed up on the audio before it). The default
therefore decodes each file as one stream, and the words must agree with vosk-transcriber's
(one recognizer, 4000-byte blocks) at least as well as the engine's own noise floor (the
same stream fed 8000-byte blocks). Audio is made with espeak-ng, 60 s per kind: long enough
that the former default (cut in two for two threads) changed the words.
"""

from __future__ import annotations

import subprocess
import tempfile
import threading
from pathlib import Path

import numpy as np
import pytest

from bench.batch import agreement
from speech.batch import VoskFileTranscriber, transcribe_pcm
from speech.engine import SpeechModel
from speech.wavio import read_wav

pytestmark = [pytest.mark.vosk, pytest.mark.tts, pytest.mark.slow]

RATE = 16_000
SENTENCES = (
    "Vi träffades hemma hos familjen på tisdagen och pratade om skolan.",
    "Barnen berättade att de tycker om fotbollsträningen på torsdagar.",
    "Mamman sa att det har varit lugnare hemma sedan förra mötet.",
    "Nästa vecka ska vi prata med mentorn om frånvaron.",
    "We agreed to meet again in two weeks at the same time.",
    "Pappan vill gärna vara med nästa gång om han kan ta ledigt.",
)


def _speak(text: str, voice: str, speed: int) -> np.ndarray:
    with tempfile.TemporaryDirectory() as tmp:
        raw, wav = Path(tmp) / "raw.wav", Path(tmp) / "16k.wav"
        subprocess.run(["espeak-ng", "-v", voice, "-s", str(speed), "-w", str(raw), text],
                       check=True)
        subprocess.run(["sox", str(raw), "-r", str(RATE), "-c", "1", "-b", "16", str(wav)],
                       check=True)
        return np.frombuffer(read_wav(wav).pcm, dtype=np.int16).astype(np.float64)


def _make(kind: str, seconds: float = 60.0) -> bytes:
    """``kind``: pauses | fluent | noisy | voices."""
    rng = np.random.default_rng(3)
    voices = ["sv", "sv+f3", "en-us", "sv+m4"] if kind == "voices" else ["sv"]
    parts: list[np.ndarray] = []
    total, i = 0, 0
    while total < seconds * RATE:
        text = SENTENCES[i % len(SENTENCES)]
        voice = voices[i % len(voices)]
        speed = 190 if kind == "fluent" else int(rng.integers(140, 185))
        clip = _speak(text, voice if not text.startswith("We") else "en-us", speed)
        pause = 0.05 if kind == "fluent" else float(rng.uniform(0.4, 2.5))
        parts += [clip, np.zeros(int(pause * RATE))]
        total += len(clip) + int(pause * RATE)
        i += 1
    pcm = np.concatenate(parts)[: int(seconds * RATE)]
    noise = 2000.0 if kind == "noisy" else 30.0  # noisy: about 10 dB below the speech
    pcm = pcm + rng.normal(0, noise, len(pcm))
    out: bytes = np.clip(pcm, -32768, 32767).astype(np.int16).tobytes()
    return out


def _words(model: SpeechModel, pcm: bytes, **kw: object) -> list[str]:
    segments = transcribe_pcm(model, pcm, **kw)  # type: ignore[arg-type]
    return [w.text for s in segments for w in s.words]


@pytest.mark.timeout(900)  # three decodes of a minute: slow on a busy machine
@pytest.mark.parametrize("kind", ["pauses", "fluent", "noisy", "voices"])
def test_default_file_transcription_agrees_with_one_stream_within_the_noise_floor(
    ko_model: SpeechModel, kind: str
) -> None:
    pcm = _make(kind)
    reference = _words(ko_model, pcm, threads=1, block_bytes=4000)
    floor = agreement(_words(ko_model, pcm, threads=1, block_bytes=8000), reference)
    segments = VoskFileTranscriber(ko_model, threads=2).transcribe(
        pcm, lambda _f: None, threading.Event())
    words = [w.text for s in segments for w in s.words]
    print(f"{kind}: {len(reference)} words, agreement {agreement(words, reference):.4f}, "
          f"noise floor {floor:.4f}")  # shown with pytest -s
    assert len(reference) > 20
    assert agreement(words, reference) >= floor
    starts = [s.start for s in segments]
    assert starts == sorted(starts)
