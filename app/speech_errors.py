"""Swedish messages for speech-layer errors, shared by the CLI and the UI."""

from __future__ import annotations

from app.errors import AudioError, ModelError, UserError
from speech.errors import (
    CatalogInvalid,
    ChecksumMismatch,
    CorruptArchive,
    DownloadCancelled,
    DownloadFailed,
    ModelInvalid,
    ModelNotFound,
    NotEnoughSpace,
    SpeechError,
    UnsafeArchive,
)
from speech.exceptions import AudioFileError, NoInputDevice, NoOutputDevice


def mb(size: int) -> str:
    """A size in megabytes, Swedish style: "303,5 MB"."""
    return f"{size / 1_000_000:.1f} MB".replace(".", ",")


def user_message(exc: SpeechError) -> str:
    """Swedish text for a speech-layer error, for the CLI and the UI alike."""
    if isinstance(exc, ModelInvalid):
        return f"Modellen är ogiltig – följande saknas: {', '.join(exc.missing)}"
    if isinstance(exc, ChecksumMismatch):
        return "Kontrollsumman stämmer inte – filen är skadad och har tagits bort. Försök igen."
    if isinstance(exc, UnsafeArchive):
        return "Zip-filen innehåller otillåtna sökvägar och har inte packats upp."
    if isinstance(exc, CorruptArchive):
        return "Zip-filen är trasig eller ofullständig."
    if isinstance(exc, DownloadCancelled):
        return "Nedladdningen avbröts. Kör samma kommando igen för att fortsätta där den slutade."
    if isinstance(exc, DownloadFailed):
        return (
            "Nedladdningen misslyckades. Kontrollera nätverket och försök igen – "
            "det som redan hämtats sparas."
        )
    if isinstance(exc, ModelNotFound):
        return f"Modellen ”{exc.name}” finns inte."
    if isinstance(exc, NotEnoughSpace):
        return (
            f"Det finns inte tillräckligt med ledigt diskutrymme "
            f"(behövs {mb(exc.needed)}, ledigt {mb(exc.free)})."
        )
    if isinstance(exc, CatalogInvalid):
        return "Modellistan kunde inte läsas."
    if isinstance(exc, NoInputDevice):
        return ("Ingen mikrofon hittades. Anslut en mikrofon – du kan fortsätta skriva "
                "anteckningen för hand.")
    if isinstance(exc, NoOutputDevice):
        return "Ingen högtalare hittades, så ljudet kan inte spelas upp."
    if isinstance(exc, AudioFileError):
        return "Ljudfilen kunde inte läsas. Kontrollera att det är en ljudfil (t.ex. WAV eller MP3)."
    return "Något gick fel med talmodellen."


def to_user_error(exc: SpeechError) -> UserError:
    """The app's typed error for a speech-layer error (English detail kept for support)."""
    if isinstance(exc, NoInputDevice | NoOutputDevice | AudioFileError):
        return AudioError(user_message(exc), detail=str(exc))
    return ModelError(user_message(exc), detail=str(exc))
