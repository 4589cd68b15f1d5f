"""Playing a stretch of a recording on the loudspeaker, behind a small protocol tests replace.

The UI plays through ``play``/``stop`` here, so a speech-layer error of any ``Player`` comes out
as the app's ``AudioError`` (Swedish) and the UI never sees a speech error.
"""

from __future__ import annotations

import contextlib
from typing import Protocol

from app.errors import UserError, speech_as_user_errors
from speech import audio
from speech.errors import SpeechError


class Player(Protocol):
    """Non-blocking playback of 16 kHz mono int16 PCM; ``stop`` ends what is playing."""

    def play(self, pcm: bytes) -> None: ...

    def stop(self) -> None: ...


class SoundDevicePlayer:
    """The default loudspeaker (through ``play``: a missing one is an ``AudioError``)."""

    def play(self, pcm: bytes) -> None:
        audio.play(pcm)  # a speech error becomes a user error in ``play`` below

    def stop(self) -> None:
        with contextlib.suppress(SpeechError):  # nothing was playing on a missing device
            audio.stop_playback()


def play(player: Player, pcm: bytes) -> None:
    """Start playing ``pcm`` on ``player``; raises ``UserError`` (Swedish) for a known problem."""
    with speech_as_user_errors():
        player.play(pcm)


def stop(player: Player) -> None:
    """Stop what ``player`` plays; a missing device (nothing was playing) is no error."""
    with contextlib.suppress(SpeechError, UserError):
        player.stop()
