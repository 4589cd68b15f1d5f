"""The saved transcript linked to its audio: click a word to hear it, uncertain words marked,
Ctrl+Space plays or pauses, and "Skapa anteckning av utskriften" starts a note from it.

Audio is decrypted on the task manager's worker (``app.recording.read_audio``); playback
itself is non-blocking and goes through an injectable ``app.playback.Player``. A missing
loudspeaker is shown in Swedish under the text; anything else is a bug and goes to the
presenter (logged, with "Kopiera detaljer").
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QKeySequence, QMouseEvent, QShortcut, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTextEdit, QVBoxLayout, QWidget

from app import playback, recording
from app.playback import Player, SoundDevicePlayer
from speech.values import Segment
from ui.errors import route_error
from ui.session import UiSession

__all__ = ["LOW_CONFIDENCE_COLOR", "Player", "SoundDevicePlayer", "TranscriptWidget", "WordRef"]

LOW_CONFIDENCE_COLOR = QColor("#e07000")


@dataclass(frozen=True)
class WordRef:
    text: str
    start: float
    end: float
    conf: float


class _WordTextEdit(QTextEdit):
    """Emits ``word_clicked(index)`` for a click on a word (words are anchors "w<index>")."""

    word_clicked = Signal(int)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        super().mouseReleaseEvent(event)
        href = self.anchorAt(event.position().toPoint())
        if href.startswith("w") and event.button() == Qt.MouseButton.LeftButton:
            self.word_clicked.emit(int(href[1:]))


class TranscriptWidget(QWidget):
    """One stored recording's words. Emits ``note_requested`` for the note button."""

    note_requested = Signal()
    playback_failed = Signal(str)

    def __init__(self, session: UiSession, *, low_confidence: float = 0.6,
                 player: Player | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.low_confidence = session, low_confidence
        self.player: Player = player or SoundDevicePlayer()
        self.recording_id: str | None = None
        self.audio_kept = True
        self.words: list[WordRef] = []
        self.current_word = 0
        self.playing = False
        self.view = _WordTextEdit()
        self.view.setReadOnly(True)
        self.view.setAccessibleName(self.tr("Utskrift kopplad till ljudet"))
        self.view.viewport().setCursor(Qt.CursorShape.PointingHandCursor)
        self.view.word_clicked.connect(self._on_view_word_clicked)
        self.hint = QLabel(self.tr("Klicka på ett ord för att höra det. Ctrl+Mellanslag spelar "
                                   "upp eller pausar. Orange understrykning: kontrollera ordet."))
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555;")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.message.hide()
        self.play_button = QPushButton(self.tr("Spela upp"))
        self.play_button.clicked.connect(self.toggle_playback)
        self.audio_gone_label = QLabel(self.tr("Ljudet är raderat (efter signeringen). "
                                               "Utskriften finns kvar."))
        self.audio_gone_label.setWordWrap(True)
        self.audio_gone_label.setStyleSheet("color: #555;")
        self.audio_gone_label.hide()
        # A colleague's recording (pulled by sync): the audio stays on the laptop it was made on.
        self.audio_elsewhere_label = QLabel(self.tr("Ljudet finns på kollegans dator. Här "
                                                    "visas bara utskriften."))
        self.audio_elsewhere_label.setWordWrap(True)
        self.audio_elsewhere_label.setStyleSheet("color: #555;")
        self.audio_elsewhere_label.hide()
        self.note_button = QPushButton(self.tr("Skapa anteckning av utskriften"))
        self.note_button.clicked.connect(self.note_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.play_button)
        buttons.addWidget(self.audio_gone_label, 1)
        buttons.addWidget(self.audio_elsewhere_label, 1)
        buttons.addStretch(1)
        buttons.addWidget(self.note_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.hint)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.play_shortcut = QShortcut(QKeySequence("Ctrl+Space"), self, self.toggle_playback)
        self._end_timer = QTimer(self)
        self._end_timer.setSingleShot(True)
        self._end_timer.timeout.connect(self._on_end_timer_timeout)

    def set_transcript(self, recording_id: str, segments: list[Segment], *,
                       audio_kept: bool = True, audio_elsewhere: bool = False) -> None:
        """Show ``segments``; without ``audio_kept`` (the audio policy deleted the recording
        after signing) or with ``audio_elsewhere`` (a colleague's recording: its audio is on
        their laptop) nothing offers to play it, and a line says why."""
        self.recording_id = recording_id
        deleted = not audio_kept
        audio_kept = audio_kept and not audio_elsewhere
        self.audio_kept = audio_kept
        self.words = [WordRef(w.text, w.start, w.end, w.conf) for s in segments for w in s.words]
        self.current_word = 0
        self.view.clear()
        cursor = QTextCursor(self.view.document())
        index = 0
        for number, segment in enumerate(segments):
            if number:
                cursor.insertBlock()
            cursor.insertText(f"[{_clock(segment.start)}]  ", _plain(QColor("#777777")))
            for position, word in enumerate(segment.words):
                if position:
                    cursor.insertText(" ", _plain(QColor("#000000")))
                cursor.insertText(word.text, self._word_format(index, word.conf))
                index += 1
        self.note_button.setEnabled(bool(segments))
        self.play_button.setEnabled(bool(self.words) and audio_kept)
        self.play_button.setVisible(audio_kept)
        self.audio_gone_label.setVisible(deleted)
        self.audio_elsewhere_label.setVisible(audio_elsewhere and not deleted)

    def uncertain_words(self) -> list[str]:
        return [w.text for w in self.words if w.conf < self.low_confidence]

    def _word_format(self, index: int, conf: float) -> QTextCharFormat:
        fmt = _plain(QColor("#000000"))
        fmt.setAnchor(True)
        fmt.setAnchorHref(f"w{index}")
        if conf < self.low_confidence:
            fmt.setFontUnderline(True)
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(LOW_CONFIDENCE_COLOR)
            fmt.setToolTip(self.tr("Osäker igenkänning – kontrollera"))
        return fmt

    # -- playback ----------------------------------------------------------------------------

    def play_word(self, index: int) -> None:
        if self.audio_kept and 0 <= index < len(self.words):
            self.current_word = index
            word = self.words[index]
            self._play(word.start, word.end)

    @Slot()
    def toggle_playback(self) -> None:
        if not self.audio_kept:
            return
        if self.playing:
            self._stop()
        elif self.words:
            self._play(self.words[self.current_word].start, None)

    def _play(self, start: float, end: float | None) -> None:
        if self.recording_id is None:
            return
        self.message.hide()
        (self.session.tasks.op(recording.read_audio, self.session.ctx, self.recording_id,
                               start, end)
         .success(self._on_audio_read).failure(self._on_playback_failed).owned_by(self).run())

    @Slot(object)
    def _on_audio_read(self, pcm: bytes) -> None:
        try:
            playback.play(self.player, pcm)
        except Exception as exc:  # noqa: BLE001 - a known error to the label, a bug to the presenter
            self._on_playback_failed(exc)
            return
        self.playing = True
        self.play_button.setText(self.tr("Pausa"))
        self._end_timer.start(int(len(pcm) / (2 * recording.SAMPLE_RATE) * 1000) + 100)

    @Slot(object)
    def _on_playback_failed(self, exc: BaseException) -> None:
        """A known error keeps its Swedish text; a bug is logged and offers "copy details"."""
        route_error(self, exc, self._show_playback_problem,
                    bug_text=self.tr("Ljudet kunde inte spelas upp."))

    def _show_playback_problem(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
        self.playback_failed.emit(text)

    def _stop(self) -> None:
        self._end_timer.stop()
        playback.stop(self.player)
        self._on_end_timer_timeout()

    @Slot()
    def _on_end_timer_timeout(self) -> None:
        self.playing = False
        self.play_button.setText(self.tr("Spela upp"))

    @Slot(int)
    def _on_view_word_clicked(self, index: int) -> None:
        self.play_word(index)


def _plain(color: QColor) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(color)
    return fmt


def _clock(seconds: float) -> str:
    whole = int(seconds)
    return f"{whole // 60:02d}:{whole % 60:02d}"
