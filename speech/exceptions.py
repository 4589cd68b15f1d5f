"""Audio exceptions of the speech layer; plain English, the app layer maps them to Swedish.

Model problems raise ``speech.errors.ModelInvalid`` (shared with the model store).
"""

from __future__ import annotations

from speech.errors import ModelInvalid, SpeechError

__all__ = ["AudioFileError", "ModelInvalid", "NoInputDevice", "NoOutputDevice", "SpeechError"]


class NoInputDevice(SpeechError):
    """No usable microphone, or PortAudio failed to open it."""


class NoOutputDevice(SpeechError):
    """No usable loudspeaker for playback."""


class AudioFileError(SpeechError):
    """An audio file could not be read or decoded."""
