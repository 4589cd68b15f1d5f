"""Reading aloud and dictation on the kiosk's passage page (a plain helper, GUI thread only)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QTimer

from app import speech_models
from app.dictation import UNEXPECTED
from app.errors import AudioError, UserError
from ui.errors import route_error
from ui.review.dictation import DictationProvider
from ui.review.passage_page import PassagePageWidget
from ui.review.speech import Speaker

# A voice that has not started this long after "Läs upp" is taken as none: the person must
# see that nothing will come, not wait in silence.
START_TIMEOUT_MS = 4000


def tr(text: str) -> str:
    return QCoreApplication.translate("KioskMedia", text)


def family_message(exc: UserError) -> str:
    """What the family reads when dictation fails: the app's messages speak to the caseworker
    ("skriva anteckningen för hand"); here the person at the screen is told what they can do."""
    if isinstance(exc, AudioError):
        return QCoreApplication.translate(
            "KioskMedia", "Mikrofonen fungerar inte just nu. Du kan skriva i rutan i stället, "
                          "eller be handläggaren om hjälp.")
    return QCoreApplication.translate(
        "KioskMedia", "Det går inte att prata in just nu. Du kan skriva i rutan i stället, "
                      "eller be handläggaren om hjälp.")


class KioskMedia:
    """Connects a ``Speaker`` and an optional ``DictationProvider`` to the passage page.

    Threading contract: both providers emit on the GUI thread, so every handler here runs
    there; ``shutdown`` disconnects everything and stops the engines.
    """

    def __init__(self, page: PassagePageWidget, speaker: Speaker,
                 dictation: DictationProvider | None, *,
                 on_dictated: Callable[[], None]) -> None:
        self.page = page
        self.speaker = speaker
        self.dictation = dictation
        self._on_dictated = on_dictated
        self.speaking = False
        self.dictating = False
        self._start_watch = QTimer(page)
        self._start_watch.setSingleShot(True)
        self._start_watch.setInterval(START_TIMEOUT_MS)
        self._start_watch.timeout.connect(self._on_start_watch_timeout)
        speaker.speaking_started.connect(self._on_speaker_speaking_started)
        page.read_aloud_requested.connect(self._on_page_read_aloud_requested)
        page.dictation_toggled.connect(self._on_page_dictation_toggled)
        speaker.speaking_finished.connect(self._on_speaker_speaking_finished)
        speaker.word_reached.connect(self._on_speaker_word_reached)
        speaker.speaking_failed.connect(self._on_speaker_speaking_failed)
        if dictation is not None:
            dictation.dictation_started.connect(self._on_dictation_started)
            dictation.dictation_stopped.connect(self._on_dictation_stopped)
            dictation.partial_text_changed.connect(page.set_partial)
            dictation.text_recognized.connect(self._on_dictation_text_recognized)
            dictation.dictation_failed.connect(self._on_dictation_failed)

    def reset(self) -> None:
        """A new passage is shown: stop everything and clear the marks."""
        self.stop()
        self.page.clear_highlight()

    def stop(self) -> None:
        self._start_watch.stop()
        if self.speaking:
            self.speaking = False
            self.speaker.stop()
            self.page.set_speaking(False)
            self.page.clear_highlight()
        if self.dictating and self.dictation is not None:
            self.dictation.stop()
            self._on_dictation_stopped()

    def shutdown(self) -> None:
        self.stop()
        self.speaker.speaking_started.disconnect(self._on_speaker_speaking_started)
        self.speaker.speaking_finished.disconnect(self._on_speaker_speaking_finished)
        self.speaker.word_reached.disconnect(self._on_speaker_word_reached)
        self.speaker.speaking_failed.disconnect(self._on_speaker_speaking_failed)
        if self.dictation is not None:
            self.dictation.text_recognized.disconnect(self._on_dictation_text_recognized)
            self.dictation.partial_text_changed.disconnect(self.page.set_partial)

    def _on_page_read_aloud_requested(self) -> None:
        if self.speaking:
            self.stop()
            return
        if not self.speaker.is_available():
            self.page.set_read_aloud_missing()
            self.page.set_status(QCoreApplication.translate(
                "KioskMedia", "Ingen röst för uppläsning finns på den här datorn."))
            return
        self.speaking = True
        self.page.set_speaking(True)
        self.page.set_status("")
        self._start_watch.start()
        self.speaker.say(self.page.current_text)

    def _on_speaker_speaking_started(self) -> None:
        self._start_watch.stop()
        if self.page.read_missing and self.speaker.is_available():
            self.page.read_missing = False  # it works again: the button says so
            self.page.set_speaking(self.speaking)

    def _on_start_watch_timeout(self) -> None:
        if self.speaking:
            self.speaker.stop()
            self._on_speaker_speaking_failed("no sound started")

    def _on_speaker_word_reached(self, start: int, length: int) -> None:
        if self.speaking:
            self.page.highlight(start, length)

    def _on_speaker_speaking_finished(self) -> None:
        self._start_watch.stop()
        self.speaking = False
        self.page.set_speaking(False)
        self.page.clear_highlight()

    def _on_speaker_speaking_failed(self, _detail: str) -> None:
        self._on_speaker_speaking_finished()
        self.page.set_read_aloud_missing()
        self.page.set_status(QCoreApplication.translate(
            "KioskMedia", "Uppläsningen fungerade inte. Läs texten tillsammans i stället."))

    def _on_page_dictation_toggled(self, on: bool) -> None:
        if self.dictation is None:
            return
        if on and not self.dictating:
            self.dictating = True
            self.page.set_dictating(True)
            self.dictation.start()
        elif not on:
            self.stop()

    def _on_dictation_started(self) -> None:
        self.dictating = True
        self.page.set_dictating(True)

    def _on_dictation_stopped(self) -> None:
        self.dictating = False
        self.page.set_dictating(False)
        self.page.set_partial("")

    def _on_dictation_text_recognized(self, text: str) -> None:
        self.page.set_partial("")
        if text:
            self.page.append_own_words(text)
            self._on_dictated()

    def _on_dictation_failed(self, exc: BaseException) -> None:
        """A user error is said in the page's status line; a bug goes to the presenter over
        the kiosk window (logged once, "Kopiera detaljer"; a dialog parented there stays above
        the kiosk and cannot be used to leave it) and the status line says a calm sentence."""
        self._on_dictation_stopped()
        if isinstance(exc, UserError):
            self.page.set_status(family_message(exc))
            return
        route_error(self.page.window(), exc, self.page.set_status,
                    bug_text=QCoreApplication.translate(speech_models.MESSAGES, UNEXPECTED))
