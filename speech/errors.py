"""Every error the speech layer raises on purpose, with the Swedish text a caseworker sees.

``str(exc)`` is plain English detail for logs and support (paths, sizes, checksums — never note
text); ``exc.message`` (and ``user_message(exc)``) is the Swedish sentence shown in the CLI and the
UI. The app turns these into its typed user errors with ``app.errors.to_user_error``.
"""

from __future__ import annotations


def mb(size: int) -> str:
    """A size in megabytes, Swedish style: "303,5 MB"."""
    return f"{size / 1_000_000:.1f} MB".replace(".", ",")


class SpeechError(Exception):
    """Base of the errors the speech layer raises on purpose."""

    @property
    def message(self) -> str:
        """The Swedish text shown to a caseworker."""
        return "Något gick fel med talmodellen."


# --- models: validation, catalog, download, install ----------------------------------------


class ModelInvalid(SpeechError):
    """A folder does not look like a Vosk model; ``missing`` names what is absent or broken."""

    def __init__(self, missing: list[str], path: str | None = None) -> None:
        where = f" at {path}" if path else ""
        super().__init__(f"not a valid Vosk model{where}; missing: {', '.join(missing)}")
        self.missing = list(missing)
        self.path = path

    @property
    def message(self) -> str:
        return f"Modellen är ogiltig – följande saknas: {', '.join(self.missing)}"


class UnknownEngine(ModelInvalid):
    """A model of a speech engine this build does not know (a setting or a folder from a newer
    version); it is a ``ModelInvalid``: the model cannot be used here."""

    def __init__(self, engine: str, path: str | None = None) -> None:
        super().__init__([f"a speech engine called {engine!r}"], path)
        self.engine = engine

    @property
    def message(self) -> str:
        return (f"Talmotorn ”{self.engine}” finns inte i den här versionen av Samskriv. "
                "Välj en annan talmodell.")


class NotLiveEngine(ModelInvalid):
    """A model of an engine that only transcribes files (KB-Whisper) chosen for live use."""

    def __init__(self, engine: str, path: str | None = None) -> None:
        super().__init__([f"live recognition (the {engine} engine transcribes files only)"], path)
        self.engine = engine

    @property
    def message(self) -> str:
        return ("Den här talmodellen används bara för att förbättra utskriften efteråt. "
                "Välj en Vosk-modell för inspelning.")


class ChecksumMismatch(SpeechError):
    """A downloaded file does not have the published MD5; the partial file has been deleted."""

    def __init__(self, expected: str, actual: str) -> None:
        super().__init__(f"checksum mismatch: expected md5 {expected}, got {actual}")
        self.expected = expected
        self.actual = actual

    @property
    def message(self) -> str:
        return "Kontrollsumman stämmer inte – filen är skadad och har tagits bort. Försök igen."


class DownloadFailed(SpeechError):
    """The download could not be completed (network, HTTP error, too many broken attempts)."""

    @property
    def message(self) -> str:
        return (
            "Nedladdningen misslyckades. Kontrollera nätverket och försök igen – "
            "det som redan hämtats sparas."
        )


class DownloadCancelled(SpeechError):
    """The user cancelled; the ``.part`` file is kept so a later attempt can resume."""

    def __init__(self) -> None:
        super().__init__("download cancelled")

    @property
    def message(self) -> str:
        return "Nedladdningen avbröts. Kör samma kommando igen för att fortsätta där den slutade."


class CorruptArchive(SpeechError):
    """A zip file is truncated, damaged or unsafe (paths leaving the target folder)."""

    @property
    def message(self) -> str:
        return "Zip-filen är trasig eller ofullständig."


class UnsafeArchive(CorruptArchive):
    """A zip holds paths that would land outside the target folder, or symbolic links."""

    @property
    def message(self) -> str:
        return "Zip-filen innehåller otillåtna sökvägar och har inte packats upp."


class ModelNotFound(SpeechError):
    """No model with this name is installed or listed in the catalog."""

    def __init__(self, name: str) -> None:
        super().__init__(f"model not found: {name}")
        self.name = name

    @property
    def message(self) -> str:
        return f"Modellen ”{self.name}” finns inte."


class CatalogInvalid(SpeechError):
    """A model list (``model-list.json``) could not be parsed or has no usable entries."""

    @property
    def message(self) -> str:
        return "Modellistan kunde inte läsas."


class NotEnoughSpace(SpeechError):
    """The disk has too little free space to unpack or store a model."""

    def __init__(self, needed: int, free: int) -> None:
        super().__init__(f"not enough disk space: need {needed} bytes, {free} free")
        self.needed = needed
        self.free = free

    @property
    def message(self) -> str:
        return (
            f"Det finns inte tillräckligt med ledigt diskutrymme "
            f"(behövs {mb(self.needed)}, ledigt {mb(self.free)})."
        )


# --- dictation -------------------------------------------------------------------------------


class UnsupportedLanguage(SpeechError, ValueError):
    """There are no dictation rules for this language code."""

    def __init__(self, language: str) -> None:
        super().__init__(f"no dictation rules for language {language!r}")
        self.language = language


# --- audio: devices and files ----------------------------------------------------------------


class NoInputDevice(SpeechError):
    """No usable microphone, or PortAudio failed to open it."""

    @property
    def message(self) -> str:
        return ("Ingen mikrofon hittades. Anslut en mikrofon – du kan fortsätta skriva "
                "anteckningen för hand.")


class NoOutputDevice(SpeechError):
    """No usable loudspeaker for playback."""

    @property
    def message(self) -> str:
        return "Ingen högtalare hittades, så ljudet kan inte spelas upp."


class AudioFileError(SpeechError):
    """An audio file could not be read or decoded."""

    @property
    def message(self) -> str:
        return ("Ljudfilen kunde inte läsas. Kontrollera att det är en ljudfil "
                "(t.ex. WAV eller MP3).")


# --- transcription ---------------------------------------------------------------------------


class TranscriptionCancelled(SpeechError):
    """A file transcription was cancelled through its cancel event; nothing was saved."""

    def __init__(self) -> None:
        super().__init__("transcription cancelled")

    @property
    def message(self) -> str:
        return "Utskriften avbröts. Ljudet finns kvar och kan skrivas ut senare."


class WorkerFailed(SpeechError):
    """The second pass's worker process ended without a result (killed, out of memory, a
    crash in the engine). Nothing has been changed: the recording and its transcripts stay."""

    @property
    def message(self) -> str:
        return ("Förbättringen av utskriften avbröts oväntat. Inget har ändrats – ljudet och "
                "utskriften finns kvar. Försök igen, eller välj en mindre modell om datorn "
                "har ont om minne.")


AUDIO_ERRORS = (NoInputDevice, NoOutputDevice, AudioFileError)


def user_message(exc: SpeechError) -> str:
    """Swedish text for a speech-layer error, for the CLI and the UI alike."""
    return exc.message
