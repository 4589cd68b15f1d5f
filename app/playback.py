"""Playing a stretch of a recording on the loudspeaker, behind a small protocol tests replace.

The UI plays through ``play``/``stop`` here, so a speech-layer error of any ``Player`` comes out
as the app's ``AudioError`` (Swedish) and the UI never sees a speech error.
"""

from __future__ import annotations

import contextlib
from typing import Protocol

from app.errors import UserError, to_user_error
from speech import audio
from speech.errors import SpeechError


class Player(Protocol):
    """Non-blocking playback of 16 kHz mono int16 PCM; ``stop`` ends what is playing."""

    def play(self, pcm: bytes) -> None: ...

    def stop(self) -> None: ...


class SoundDevicePlayer:
    """The default loudspeaker; a missing one raises ``AudioError`` (Swedish message)."""

    def play(self, pcm: bytes) -> None:
        try:
            audio.play(pcm)
        except SpeechError as exc:
            raise to_user_error(exc) from exc

    def stop(self) -> None:
        with contextlib.suppress(SpeechError):  # nothing was playing on a missing device
            audio.stop_playback()


def play(player: Player, pcm: bytes) -> None:
    """Start playing ``pcm`` on ``player``; raises ``UserError`` (Swedish) for a known problem."""
    try:
        player.play(pcm)
    except SpeechError as exc:
        raise to_user_error(exc) from exc


def stop(player: Player) -> None:
    """Stop what ``player`` plays; a missing device (nothing was playing) is no error."""
    with contextlib.suppress(SpeechError, UserError):
        player.stop()
