"""Speech-layer exceptions with plain English text; the app maps them to Swedish messages."""

from __future__ import annotations


class SpeechError(Exception):
    """Base of the errors the speech layer raises on purpose."""


class ModelInvalid(SpeechError):
    """A folder does not look like a Vosk model; ``missing`` names what is absent or broken."""

    def __init__(self, missing: list[str], path: str | None = None) -> None:
        where = f" at {path}" if path else ""
        super().__init__(f"not a valid Vosk model{where}; missing: {', '.join(missing)}")
        self.missing = list(missing)
        self.path = path


class ChecksumMismatch(SpeechError):
    """A downloaded file does not have the published MD5; the partial file has been deleted."""

    def __init__(self, expected: str, actual: str) -> None:
        super().__init__(f"checksum mismatch: expected md5 {expected}, got {actual}")
        self.expected = expected
        self.actual = actual


class DownloadFailed(SpeechError):
    """The download could not be completed (network, HTTP error, too many broken attempts)."""


class DownloadCancelled(SpeechError):
    """The user cancelled; the ``.part`` file is kept so a later attempt can resume."""

    def __init__(self) -> None:
        super().__init__("download cancelled")


class CorruptArchive(SpeechError):
    """A zip file is truncated, damaged or unsafe (paths leaving the target folder)."""


class UnsafeArchive(CorruptArchive):
    """A zip holds paths that would land outside the target folder, or symbolic links."""


class ModelNotFound(SpeechError):
    """No model with this name is installed or listed in the catalog."""

    def __init__(self, name: str) -> None:
        super().__init__(f"model not found: {name}")
        self.name = name


class CatalogInvalid(SpeechError):
    """A model list (``model-list.json``) could not be parsed or has no usable entries."""


class UnsupportedLanguage(SpeechError, ValueError):
    """There are no dictation rules for this language code."""

    def __init__(self, language: str) -> None:
        super().__init__(f"no dictation rules for language {language!r}")
        self.language = language


class NotEnoughSpace(SpeechError):
    """The disk has too little free space to unpack or store a model."""

    def __init__(self, needed: int, free: int) -> None:
        super().__init__(f"not enough disk space: need {needed} bytes, {free} free")
        self.needed = needed
        self.free = free
