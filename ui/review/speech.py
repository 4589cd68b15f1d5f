"""Reading a passage aloud: the ``Speaker`` interface and its Qt, espeak-ng and no-voice kinds.

Threading contract: every ``Speaker`` lives on the GUI thread; ``say``/``stop`` are called
there and its signals are emitted there (QtTextToSpeech and QProcess both report through the
event loop). Nothing blocks: speaking runs in the engine or in a child process.
"""

from __future__ import annotations

import logging
import shutil

from PySide6.QtCore import QLocale, QObject, QProcess, Signal, Slot
from PySide6.QtTextToSpeech import QTextToSpeech, QVoice

log = logging.getLogger(__name__)

ESPEAK = "espeak-ng"


class Speaker(QObject):
    """Base and null object: a speaker that has no voice. Subclasses override the methods."""

    speaking_started = Signal()
    speaking_finished = Signal()
    word_reached = Signal(int, int)  # start, length: the spoken word's place in the text
    speaking_failed = Signal(str)

    def is_available(self) -> bool:
        return False

    def reports_words(self) -> bool:
        return False

    def say(self, text: str) -> None:
        self.speaking_failed.emit("no voice")

    def stop(self) -> None:
        """Stop speaking at once; safe to call when silent."""

    def shutdown(self) -> None:
        """Release the engine or child process; the speaker is not used afterwards."""
        self.stop()


class NoVoiceSpeaker(Speaker):
    """Used when the computer has no Swedish voice; the review screen says so."""


class QtSpeaker(Speaker):
    """QtTextToSpeech with a Swedish voice; reports word boundaries when the engine can."""

    def __init__(self, engine: QTextToSpeech, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tts = engine
        self._tts.setParent(self)
        self._speaking = False
        self._tts.stateChanged.connect(self._on_tts_state_changed)
        self._tts.sayingWord.connect(self._on_tts_saying_word)

    @classmethod
    def create(cls, *, engines: list[str] | None = None,
               parent: QObject | None = None) -> QtSpeaker | None:
        """The first engine with a Swedish locale (the test engine 'mock' is never chosen
        unless named in ``engines``); None when no engine speaks Swedish."""
        names = engines if engines is not None else [
            e for e in QTextToSpeech.availableEngines() if e != "mock"]
        for name in names:
            tts = QTextToSpeech(name)
            if tts.state() != QTextToSpeech.State.Error:
                locale = _swedish(tts)
                if locale is not None:
                    tts.setLocale(locale)
                    voice = _swedish_voice(tts.availableVoices())
                    if voice is not None:
                        tts.setVoice(voice)
                    return cls(tts, parent)
            tts.deleteLater()
        return None

    def is_available(self) -> bool:
        return self._tts.state() != QTextToSpeech.State.Error

    def reports_words(self) -> bool:
        caps = self._tts.engineCapabilities()
        return bool(caps & QTextToSpeech.Capability.WordByWordProgress)

    def say(self, text: str) -> None:
        self._tts.stop()
        self._tts.say(text)

    def stop(self) -> None:
        self._tts.stop()

    @Slot(QTextToSpeech.State)
    def _on_tts_state_changed(self, state: QTextToSpeech.State) -> None:
        if state == QTextToSpeech.State.Speaking and not self._speaking:
            self._speaking = True
            self.speaking_started.emit()
        elif state in (QTextToSpeech.State.Ready, QTextToSpeech.State.Error) and self._speaking:
            self._speaking = False
            self.speaking_finished.emit()
        if state == QTextToSpeech.State.Error:
            self.speaking_failed.emit(self._tts.errorString())

    @Slot(str, int, int, int)
    def _on_tts_saying_word(self, word: str, _id: int, start: int, length: int) -> None:
        self.word_reached.emit(start, length)


class EspeakSpeaker(Speaker):
    """``espeak-ng -v sv`` in a child process; the text goes through stdin, never the command
    line (other users of the computer can read command lines)."""

    def __init__(self, program: str = ESPEAK, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._program = program
        self._process: QProcess | None = None

    @staticmethod
    def found(program: str = ESPEAK) -> bool:
        return shutil.which(program) is not None

    def is_available(self) -> bool:
        return self.found(self._program)

    def say(self, text: str) -> None:
        self.stop()
        process = QProcess(self)
        process.setProgram(self._program)
        process.setArguments(["-v", "sv", "-b", "1", "--stdin"])
        process.started.connect(self.speaking_started)
        process.finished.connect(self._on_process_finished)
        process.errorOccurred.connect(self._on_process_error_occurred)
        self._process = process
        process.start()
        process.write(text.encode("utf-8"))
        process.closeWriteChannel()

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is not None:
            process.finished.disconnect(self._on_process_finished)
            process.errorOccurred.disconnect(self._on_process_error_occurred)
            if process.state() != QProcess.ProcessState.NotRunning:
                process.kill()
                process.waitForFinished(2000)
            process.deleteLater()
            self.speaking_finished.emit()

    @Slot(int, QProcess.ExitStatus)
    def _on_process_finished(self, code: int, status: QProcess.ExitStatus) -> None:
        if self._process is not None:
            self._process.deleteLater()
            self._process = None
        self.speaking_finished.emit()
        # espeak-ng without a sound device (or voice) exits at once with an error: nothing was
        # heard, and the person must see that.
        if code != 0 or status != QProcess.ExitStatus.NormalExit:
            self.speaking_failed.emit(f"espeak-ng exited with {code}")

    @Slot(QProcess.ProcessError)
    def _on_process_error_occurred(self, error: QProcess.ProcessError) -> None:
        log.warning("espeak-ng failed: %s", error)
        if error == QProcess.ProcessError.FailedToStart:
            self._process = None
            self.speaking_failed.emit(str(error))


def default_speaker(parent: QObject | None = None) -> Speaker:
    """A Swedish QtTextToSpeech voice, else espeak-ng, else a speaker that has no voice."""
    qt = QtSpeaker.create(parent=parent)
    if qt is not None:
        return qt
    if EspeakSpeaker.found():
        return EspeakSpeaker(parent=parent)
    return NoVoiceSpeaker(parent)


def _swedish(tts: QTextToSpeech) -> QLocale | None:
    locales = [loc for loc in tts.availableLocales()
               if loc.language() == QLocale.Language.Swedish]
    locales.sort(key=lambda loc: loc.territory() != QLocale.Country.Sweden)
    return locales[0] if locales else None


def _swedish_voice(voices: list[QVoice]) -> QVoice | None:
    for voice in voices:
        if voice.locale().language() == QLocale.Language.Swedish:
            return voice
    return None
