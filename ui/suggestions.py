"""The second pass's suggestions over a note's text, and its machine words linked to the audio.

``SuggestionsWidget`` sits under a ``QPlainTextEdit``: it applies a merge as one undo step,
lists what it only suggests (old text struck through, new text underlined, why) with accept,
reject and "accept all", plays a suggestion's audio when it is clicked, marks uncertain machine
words with a wavy underline, and plays a machine word on Ctrl+click in the text. Suggestion
places are kept as ``QTextCursor``s, which Qt moves as the text around them is edited.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QMouseEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from app import playback, recording, second_pass
from app.playback import Player, SoundDevicePlayer
from app.second_pass import MachineSpan, MachineWords, machine_spans
from app.word_merge import Change, MergeResult
from ui.errors import route_error
from ui.session import UiSession

PENDING_COLOR = QColor("#fff3c4")
UNCERTAIN_COLOR = QColor("#e07000")


@dataclass
class _Pending:
    change: Change
    cursor: QTextCursor  # the old text's place, moved by Qt as the note is edited


class SuggestionsWidget(QWidget):
    """Suggestions of one merge for ``editor``; emits ``play_requested(start_s, end_s)``
    before it plays and ``suggestions_changed(count)`` when the list changes."""

    play_requested = Signal(float, float)
    suggestions_changed = Signal(int)

    def __init__(self, session: UiSession, editor: QPlainTextEdit, *,
                 low_confidence: float = 0.6, player: Player | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.editor, self.low_confidence = session, editor, low_confidence
        self.player: Player = player or SoundDevicePlayer()
        self.recording_id: str | None = None
        self.pending: list[_Pending] = []
        self.spans: list[MachineSpan] = []
        self.sources: list[MachineWords] = []
        # Shown by the note: which text came from speech recognition (the editor places it).
        self.provenance_label = QLabel(self.tr("Skriven med stöd av taligenkänning"))
        self.provenance_label.setStyleSheet("color: #555; font-style: italic;")
        self.provenance_label.hide()
        # Merges the recording's improved transcript into the note (the editor places it).
        self.merge_button = QPushButton(self.tr("Använd den förbättrade utskriften"))
        self.merge_button.setToolTip(self.tr(
            "Ord du inte har ändrat byts mot den förbättrade utskriften. Där du har ändrat "
            "visas förslag som du själv godtar eller avvisar."))
        self.merge_button.clicked.connect(self._on_merge_clicked)
        self.merge_button.hide()
        self.note_id: str | None = None
        # Typing moves the machine words: found again once typing pauses, not on every key.
        self._marks_timer = QTimer(self)
        self._marks_timer.setSingleShot(True)
        self._marks_timer.setInterval(300)
        self._marks_timer.timeout.connect(self._on_marks_timer_timeout)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel(self.tr("Förslag från den förbättrade utskriften"))
        self.heading.setStyleSheet("font-weight: 600;")
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Förslag"))
        self.list.itemClicked.connect(self._on_list_item_clicked)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        row = QHBoxLayout()
        self.accept_button = QPushButton(self.tr("Godta"))
        self.reject_button = QPushButton(self.tr("Avvisa"))
        self.accept_all_button = QPushButton(self.tr("Godta alla"))
        self.accept_button.clicked.connect(self._on_accept_clicked)
        self.reject_button.clicked.connect(self._on_reject_clicked)
        self.accept_all_button.clicked.connect(self.accept_all)
        for button in (self.accept_button, self.reject_button, self.accept_all_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addWidget(self.heading)
        layout.addWidget(self.list)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self._viewport = editor.viewport()
        self._viewport.installEventFilter(self)
        editor.textChanged.connect(self._marks_timer.start)
        self._update()

    # -- the note -----------------------------------------------------------------------------

    def load_note(self, note_id: str) -> None:
        """Find the note's machine words (in the background) and mark them in the text."""
        self.note_id = note_id
        (self.session.tasks.op(second_pass.note_sources, self.session.ctx, note_id)
         .success(self._on_sources_loaded).owned_by(self).run())

    def link_from_visit(self, note_id: str, visit_id: str, text: str) -> None:
        """A draft made from a visit's transcript was first saved: remember its machine words."""
        (self.session.tasks.op(second_pass.link_note_to_visit_speech, self.session.ctx,
                               note_id, visit_id, text)
         .success(lambda _linked: self.load_note(note_id)).owned_by(self).run())

    @Slot(object)
    def _on_sources_loaded(self, sources: list[MachineWords]) -> None:
        self.set_sources(sources)
        self.merge_button.setVisible(bool(sources) and not self.editor.isReadOnly())

    @Slot()
    def _on_merge_clicked(self) -> None:
        if self.note_id is None or not self.sources:
            return
        recording_id = self.sources[-1].recording_id
        self.merge_button.setEnabled(False)
        (self.session.tasks.op(second_pass.merge_into_note, self.session.ctx, self.note_id,
                               recording_id, self.editor.toPlainText())
         .success(lambda result: self._on_merged(result, recording_id))
         .failure(self._on_merge_failed).owned_by(self).run())

    def _on_merged(self, result: MergeResult, recording_id: str) -> None:
        self.merge_button.setEnabled(True)
        if not self.apply_merge(result, recording_id):
            self._show_message(self.tr("Texten ändrades under tiden. Försök igen."))
        if self.note_id is not None:
            self.load_note(self.note_id)

    @Slot(object)
    def _on_merge_failed(self, exc: BaseException) -> None:
        self.merge_button.setEnabled(True)
        route_error(self, exc, self._show_message,
                    bug_text=self.tr("Den förbättrade utskriften kunde inte användas."))

    # -- the merge ----------------------------------------------------------------------------

    def apply_merge(self, result: MergeResult, recording_id: str) -> bool:
        """Apply ``result`` to the editor as one undo step and list its suggestions. False
        (nothing changed) when the text was edited since the merge was computed."""
        if self.editor.toPlainText() != result.original:
            return False
        self.recording_id = recording_id
        cursor = QTextCursor(self.editor.document())
        cursor.beginEditBlock()
        for change in sorted(result.applied, key=lambda c: (-c.doc_start, -c.doc_end)):
            cursor.setPosition(change.doc_start)
            cursor.setPosition(change.doc_end, QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(change.new)
        cursor.endEditBlock()
        self.pending = [_Pending(c, self._cursor(c.start, c.end)) for c in result.suggestions]
        self._fill_list()
        return True

    def set_sources(self, sources: list[MachineWords]) -> None:
        """The note's machine words (``app.second_pass.note_sources``); found in the text."""
        self.sources = sources
        if sources and self.recording_id is None:
            self.recording_id = sources[-1].recording_id
        self._on_marks_timer_timeout()

    @Slot()
    def _on_marks_timer_timeout(self) -> None:
        self.spans = machine_spans(self.editor.toPlainText(), self.sources)
        self.provenance_label.setVisible(bool(self.spans))
        self._refresh_marks()

    def accept(self, row: int) -> None:
        item = self.pending.pop(row)
        item.cursor.insertText(item.change.new)  # one undo step
        self._fill_list()

    def reject(self, row: int) -> None:
        self.pending.pop(row)
        self._fill_list()

    @Slot()
    def accept_all(self) -> None:
        """Every suggestion, as one undo step."""
        cursor = QTextCursor(self.editor.document())
        cursor.beginEditBlock()
        # From the end backwards: a deletion before an insertion at the same place.
        for item in sorted(self.pending, key=lambda p: (-p.cursor.selectionStart(),
                                                        -p.cursor.selectionEnd())):
            cursor.setPosition(item.cursor.selectionStart())
            cursor.setPosition(item.cursor.selectionEnd(), QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(item.change.new)
        cursor.endEditBlock()
        self.pending = []
        self._fill_list()

    def play(self, start_s: float, end_s: float) -> None:
        if self.recording_id is None:
            return
        self.play_requested.emit(start_s, end_s)
        self.message.hide()
        (self.session.tasks.op(recording.read_audio, self.session.ctx, self.recording_id,
                               max(0.0, start_s - 0.2), end_s + 0.2)
         .success(self._on_audio_read).failure(self._on_playback_failed).owned_by(self).run())

    # -- events -------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """Ctrl+click on a machine word in the note plays it (a plain click edits)."""
        # The event type first: while the editor is being destroyed it still sends events,
        # and then nothing of it may be touched.
        if (event.type() == QEvent.Type.MouseButtonRelease and shiboken6.isValid(self.editor)
                and watched is self._viewport and isinstance(event, QMouseEvent)
                and event.button() == Qt.MouseButton.LeftButton
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            position = self.editor.cursorForPosition(event.position().toPoint()).position()
            span = next((s for s in self.spans if s.start <= position <= s.end), None)
            if span is not None:
                self.recording_id = span.recording_id
                self.play(span.word.start, span.word.end)
                return True
        return super().eventFilter(watched, event)

    @Slot(QListWidgetItem)
    def _on_list_item_clicked(self, item: QListWidgetItem) -> None:
        row = self.list.row(item)
        pending = self.pending[row]
        self.editor.setTextCursor(pending.cursor)
        self.play(pending.change.start_s, pending.change.end_s)

    @Slot()
    def _on_accept_clicked(self) -> None:
        if self.list.currentRow() >= 0:
            self.accept(self.list.currentRow())

    @Slot()
    def _on_reject_clicked(self) -> None:
        if self.list.currentRow() >= 0:
            self.reject(self.list.currentRow())

    @Slot(object)
    def _on_audio_read(self, pcm: bytes) -> None:
        try:
            playback.play(self.player, pcm)
        except Exception as exc:  # noqa: BLE001 - a known error to the label, a bug to the presenter
            self._on_playback_failed(exc)

    @Slot(object)
    def _on_playback_failed(self, exc: BaseException) -> None:
        route_error(self, exc, self._show_message, bug_text=self.tr("Ljudet kunde inte spelas upp."))

    # -- drawing ------------------------------------------------------------------------------

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
        self.setVisible(True)

    def _cursor(self, start: int, end: int) -> QTextCursor:
        cursor = QTextCursor(self.editor.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def _fill_list(self) -> None:
        self.list.clear()
        for item in self.pending:
            row = QListWidgetItem(self.list)
            label = QLabel(self._row_html(item.change))
            label.setTextFormat(Qt.TextFormat.RichText)
            row.setSizeHint(label.sizeHint())
            row.setToolTip(self.tr("Klicka för att höra ljudet"))
            self.list.setItemWidget(row, label)
        self._update()
        self._refresh_marks()
        self.suggestions_changed.emit(len(self.pending))

    def _row_html(self, change: Change) -> str:
        old = html.escape(change.old.strip()) or self.tr("(inget)")
        new = html.escape(change.new.strip()) or self.tr("(ta bort)")
        why = ", ".join(self._reason_text(r) for r in change.reasons)
        return f"<s>{old}</s> → <u>{new}</u> <span style='color:#666'>({html.escape(why)})</span>"

    def _reason_text(self, reason: str) -> str:
        texts = {
            "edited": self.tr("du har ändrat här"),
            "uncertain": self.tr("osäkert ord"),
            "not-heard": self.tr("inget hördes här vid inspelningen"),
            "repeated": self.tr("upprepning, kan vara påhittad"),
            "no-speech": self.tr("troligen inget tal"),
            "layout": self.tr("radbrytning"),
            "dropped": self.tr("saknas i den förbättrade utskriften"),
        }
        return texts.get(reason, reason)

    def _update(self) -> None:
        has = bool(self.pending)
        self.setVisible(has or self.message.isVisible())
        for button in (self.accept_button, self.reject_button, self.accept_all_button):
            button.setEnabled(has)

    @Slot()
    def _refresh_marks(self) -> None:
        """Pending suggestions shaded; uncertain machine words with a wavy underline."""
        selections: list[QTextEdit.ExtraSelection] = []
        for item in self.pending:
            if item.cursor.hasSelection():
                selections.append(self._selection(item.cursor, background=PENDING_COLOR))
        for span in self.spans:
            if span.word.conf < self.low_confidence and span.end <= self.editor.document(
                    ).characterCount():
                selections.append(self._selection(self._cursor(span.start, span.end),
                                                  underline=UNCERTAIN_COLOR))
        self.editor.setExtraSelections(selections)

    @staticmethod
    def _selection(cursor: QTextCursor, *, background: QColor | None = None,
                   underline: QColor | None = None) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        fmt = QTextCharFormat()
        if background is not None:
            fmt.setBackground(background)
        if underline is not None:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(underline)
        selection.format = fmt
        selection.cursor = cursor
        return selection
