"""The note editor: event time apart from writing time, section, body, "Barnets röst".

Modes: a new draft, an existing draft, a rättelse (correction) of a signed note (new text plus
a required reason), and read-only once signed. "Spara utkast" (Ctrl+S) saves a new draft
revision; "Signera…" asks for confirmation (a signed note cannot be changed; the dialog also
shows how the note's reviews with the family went) and then saves and signs in one background
task. "Gå igenom med familjen" saves the draft and starts the review (``ui.review``).

Nothing typed is lost silently: ``is_dirty`` compares the fields with what was last saved,
``request_close(then)`` asks "Spara utkast / Släng ändringar / Avbryt" before ``then`` runs,
and ``state()`` / ``restore(state)`` carry the text over when the window is rebuilt.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import limits, notes, review
from app.dto import NoteInfo
from app.errors import AuthenticationError
from app.review import ReviewSummary
from ui import formatting, sections
from ui.errors import FieldErrorLabel, FormErrors
from ui.event_time_edit import EventTimeEdit
from ui.review.dictation import DictationFactory
from ui.review.flow import AppLock, ReviewFlow, action_label, start_review_flow
from ui.review.speech import Speaker
from ui.review.summary_text import signing_review_text
from ui.session import UiSession
from ui.sign_password import SignPasswordDialog
from ui.suggestions import SuggestionsWidget

# What the user can change: body, section, child's voice, event time, reason for a correction.
Snapshot = tuple[str, str, str, datetime, str]


@dataclass(frozen=True)
class EditorState:
    """An open editor's text, to reopen it elsewhere (the window is rebuilt on a language
    switch) without losing or silently saving anything."""

    case_id: str
    note: NoteInfo | None
    correcting: bool
    visit_id: str | None
    fields: Snapshot
    saved: Snapshot


@dataclass(frozen=True)
class NoteFields:
    """What the form holds, as the note use cases take it."""

    body: str
    section: str
    child_voice: str
    event_time: datetime


class NoteEditorWidget(QWidget):
    """Edits one note of one case. Emits ``note_saved``, ``note_signed``, ``note_corrected``
    (each with the new ``NoteInfo``), ``review_completed`` (a ``ReviewSummary``) and
    ``close_requested`` (the user chose to close; unsaved text was saved or discarded)."""

    note_saved = Signal(object)
    note_signed = Signal(object)
    note_corrected = Signal(object)
    review_completed = Signal(object)
    close_requested = Signal()

    def __init__(self, session: UiSession, case_id: str, note: NoteInfo | None = None, *,
                 correcting: bool = False, visit_id: str | None = None, body: str = "",
                 section_groups: tuple[sections.SectionGroup, ...] = sections.BBIC,
                 case_label: str = "",
                 suspend_idle_lock: Callable[[bool], None] | None = None,
                 review_dictation: DictationFactory | None = None,
                 default_event_time: datetime | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.case_id, self.note = session, case_id, note
        self.review_dictation = review_dictation
        self.review_lock: AppLock | None = None  # set by the case view: the app's idle lock
        self.case_label = case_label
        self.visit_id = note.visit_id if note else visit_id
        self.correcting = correcting
        self.suspend_idle_lock = suspend_idle_lock
        self.review_speaker: Speaker | None = None  # None: the computer's voice (tests inject)
        self.review_flow: ReviewFlow | None = None
        self.sign_confirmation: QMessageBox | None = None
        self.sign_password: SignPasswordDialog | None = None
        self.close_confirmation: QMessageBox | None = None
        self._after_save: Callable[[], object] | None = None
        self._after_close: tuple[Callable[[], object], Callable[[], object] | None] | None = None
        self._saving: Snapshot | None = None
        layout = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 15pt; font-weight: 600;")
        layout.addWidget(self.heading)
        self.case_caption = QLabel(case_label)
        self.case_caption.setStyleSheet("color: #555;")
        self.case_caption.setVisible(bool(case_label))
        layout.addWidget(self.case_caption)
        form = QFormLayout()
        # A note of a visit happened when the visit did (not when it is written).
        self.event_time = EventTimeEdit(formatting.to_qdatetime(default_event_time)
                                        if default_event_time else None)
        self.event_time.setAccessibleName(self.tr("Händelsetid"))
        self.event_time_error = FieldErrorLabel()
        self.event_time.incomplete_dropped.connect(self._on_event_time_incomplete_dropped)
        self.written_label = QLabel()
        self.section = QComboBox()
        self.section.setAccessibleName(self.tr("Avsnitt"))
        for value, text in sections.choices(section_groups):
            self.section.addItem(text, value)
        self.body = QPlainTextEdit()
        self.body.setAccessibleName(self.tr("Anteckning"))
        self.body.setMinimumHeight(160)
        self.body_error = FieldErrorLabel()
        self.child_voice = QPlainTextEdit()
        self.child_voice.setAccessibleName(self.tr("Barnets röst"))
        self.child_voice.setPlaceholderText(self.tr(
            "Vad barnet sa, hur barnets synpunkter togs fram och hur de har vägts in."))
        self.child_voice.setMaximumHeight(110)
        self.reason = QLineEdit()
        self.reason.setMaxLength(limits.CORRECTION_REASON.chars)
        self.reason.setAccessibleName(self.tr("Skäl till rättelsen"))
        self.reason_error = FieldErrorLabel()
        form.addRow(self._buddy(self.tr("&Händelsetid"), self.event_time), self.event_time)
        form.addRow("", self.event_time_error)
        form.addRow(self.tr("Skrivtid"), self.written_label)
        form.addRow(self._buddy(self.tr("A&vsnitt"), self.section), self.section)
        form.addRow(self._buddy(self.tr("A&nteckning"), self.body), self.body)
        form.addRow("", self.body_error)
        # Speech provenance, the second pass's merge and suggestions (ui/suggestions.py).
        self.suggestions = SuggestionsWidget(session, self.body,
                                             low_confidence=session.ctx.settings.low_confidence)
        form.addRow("", self.suggestions.provenance_label)
        form.addRow("", self.suggestions.merge_button)
        form.addRow("", self.suggestions)
        form.addRow(self._buddy(self.tr("&Barnets röst"), self.child_voice), self.child_voice)
        self.reason_label = self._buddy(self.tr("&Skäl till rättelsen"), self.reason)
        form.addRow(self.reason_label, self.reason)
        form.addRow("", self.reason_error)
        layout.addLayout(form, 1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.form_error = FieldErrorLabel()
        layout.addWidget(self.form_error)
        layout.addLayout(self._button_row())
        self.errors = FormErrors(self, general=self.form_error,
                                 fields={"reason": self.reason_error, "body": self.body_error,
                                         "event_time": self.event_time_error},
                                 reenable=(self.save_button, self.sign_button,
                                           self.correct_button, self.review_button))
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self._on_save_triggered)
        self._load(note)
        if body:  # e.g. a transcript: not saved yet, so the editor starts dirty
            self.body.setPlainText(body)
        # A draft from a visit's transcript: its machine words are remembered at the first save.
        self._from_transcript = bool(body) and note is None and self.visit_id is not None
        if note is not None:
            self.suggestions.load_note(note.id)

    def _buddy(self, text: str, widget: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(widget)
        return label

    def _button_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.close_button = QPushButton(self.tr("Stäng"))
        self.close_button.clicked.connect(self._on_close_clicked)
        self.review_button = QPushButton(action_label())
        self.review_button.setToolTip(self.tr(
            "Sparar utkastet och visar det för barnet eller vårdnadshavaren"))
        self.review_button.clicked.connect(self._on_review_clicked)
        self.save_button = QPushButton(self.tr("Spara utkast"))
        self.save_button.setToolTip(self.tr("Spara utkast (Ctrl+S)"))
        self.save_button.clicked.connect(self._on_save_triggered)
        self.sign_button = QPushButton(self.tr("Signera…"))
        self.sign_button.clicked.connect(self._on_sign_clicked)
        self.correct_button = QPushButton(self.tr("Spara rättelse"))
        self.correct_button.clicked.connect(self._on_correct_clicked)
        row.addWidget(self.close_button)
        row.addStretch(1)
        row.addWidget(self.review_button)
        for button in (self.save_button, self.sign_button, self.correct_button):
            row.addWidget(button)
        return row

    # -- state -------------------------------------------------------------------------------

    @property
    def read_only(self) -> bool:
        return self.note is not None and not self.correcting and (
            self.note.state == "signed" or self._others_draft)

    @property
    def _others_draft(self) -> bool:
        """A colleague's draft: only its author changes or signs it (``app.access``)."""
        note = self.note
        return (note is not None and note.state == "draft" and bool(note.author_id)
                and note.author_id != self.session.ctx.actor.user_id and not note.by_me)

    def _load(self, note: NoteInfo | None) -> None:
        """Fill the fields from ``note`` (when opening, and after signing)."""
        if note is not None:
            cur = note.current
            self.event_time.setDateTime(formatting.to_qdatetime(cur.event_time))
            self._select_section(cur.section)
            self.body.setPlainText(cur.body)
            self.child_voice.setPlainText(cur.child_voice)
        self.reason.clear()
        self._saved = self._snapshot()
        self._set_note(note)

    def _set_note(self, note: NoteInfo | None) -> None:
        """Adopt a saved note without touching the fields (the user may still be typing)."""
        self.note = note
        if note is not None:
            self.written_label.setText(self.tr("{written} av {author}").format(
                written=formatting.local(note.created_at), author=note.author))
        else:
            self.written_label.setText(self.tr("nu, av {author}").format(
                author=self.session.display_name))
        self._update_mode()

    def _select_section(self, value: str) -> None:
        index = self.section.findData(value)
        if index < 0:  # a section from an older or another municipality's list
            self.section.addItem(value, value)
            index = self.section.count() - 1
        self.section.setCurrentIndex(index)

    def _update_mode(self) -> None:
        note, ro = self.note, self.read_only
        if self.correcting:
            self.heading.setText(self.tr("Rättelse av signerad anteckning"))
        elif note is None:
            self.heading.setText(self.tr("Ny anteckning"))
        elif self._others_draft:
            self.heading.setText(self.tr("Utkast"))
            self.status.setText(self.tr(
                "Utkastet är skrivet av {author}; bara hen kan ändra och signera det.")
                .format(author=note.author))
        elif ro:
            self.heading.setText(self.tr("Signerad anteckning"))
            self.status.setText(self.tr(
                "Anteckningen är signerad och kan inte ändras. Använd Rättelse i journalen."))
        else:
            self.heading.setText(self.tr("Utkast"))
        if note is not None and note.in_conflict and not ro:
            # The service refuses to sign it too; say why before anyone tries.
            self.status.setText(self.tr(
                "Utkastet har ändrats på två datorer. Välj en version eller skriv ihop dem "
                "(Konflikt i journalen) innan du signerar."))
        for widget in (self.body, self.child_voice):
            widget.setReadOnly(ro)
        fixed = ro or self.correcting
        self.event_time.setEnabled(not fixed)
        self.section.setEnabled(not ro)
        for w in (self.reason_label, self.reason, self.correct_button):
            w.setVisible(self.correcting)
        self.save_button.setVisible(not fixed)
        self.sign_button.setVisible(not fixed)
        self.review_button.setVisible(not self.correcting)

    def _fields(self) -> NoteFields:
        return NoteFields(self.body.toPlainText(), str(self.section.currentData() or ""),
                          self.child_voice.toPlainText(),
                          formatting.from_qdatetime(self.event_time.dateTime()))

    def _snapshot(self) -> Snapshot:
        return (self.body.toPlainText(), str(self.section.currentData() or ""),
                self.child_voice.toPlainText(),
                formatting.from_qdatetime(self.event_time.dateTime()), self.reason.text())

    @property
    def is_dirty(self) -> bool:
        """True when the fields hold text that is not stored (and could still be)."""
        return not self.read_only and self._snapshot() != self._saved

    def _differs_from_note(self) -> bool:
        """True when signing now would store other text than the saved revision."""
        return self._snapshot()[:4] != self._saved[:4]

    def state(self) -> EditorState:
        return EditorState(self.case_id, self.note, self.correcting, self.visit_id,
                           self._snapshot(), self._saved)

    def restore(self, state: EditorState) -> None:
        """Put the text of ``state`` back (same note, same mode) and remember what was saved."""
        body, section, child_voice, event_time, reason = state.fields
        self.body.setPlainText(body)
        self._select_section(section)
        self.child_voice.setPlainText(child_voice)
        self.event_time.setDateTime(formatting.to_qdatetime(event_time))
        self.reason.setText(reason)
        self._saved = state.saved

    def _busy(self, busy: bool) -> None:
        for button in (self.save_button, self.sign_button, self.correct_button,
                       self.review_button):
            button.setEnabled(not busy)

    # -- closing -----------------------------------------------------------------------------

    def request_close(self, then: Callable[[], object],
                      on_cancel: Callable[[], object] | None = None) -> None:
        """Run ``then`` now if nothing is unsaved; otherwise ask "Spara utkast / Släng
        ändringar / Avbryt" first (``then`` runs after a successful save or a discard,
        ``on_cancel`` after Avbryt)."""
        if not self.is_dirty:
            then()
            return
        self._after_close = (then, on_cancel)
        if self.close_confirmation is not None:
            self.close_confirmation.raise_()
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Spara ändringarna?"),
                          self.tr("Det finns text som inte är sparad."),
                          QMessageBox.StandardButton.NoButton, self)
        box.setInformativeText(self.tr("Spara den innan anteckningen stängs?"))
        save_text = self.tr("Spara rättelse") if self.correcting else self.tr("Spara utkast")
        save = box.addButton(save_text, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Släng ändringar"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(self.tr("Avbryt"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(save)
        box.setEscapeButton(cancel)
        box.finished.connect(self._on_close_confirmation_finished)
        self.close_confirmation = box
        box.open()

    @Slot(int)
    def _on_close_confirmation_finished(self, _result: int) -> None:
        box, self.close_confirmation = self.close_confirmation, None
        after, self._after_close = self._after_close, None
        if box is None or after is None:
            return
        then, on_cancel = after
        clicked = box.clickedButton()
        role = box.buttonRole(clicked) if clicked is not None else None
        box.deleteLater()
        if role == QMessageBox.ButtonRole.AcceptRole:
            self._after_save = then
            if self.correcting:
                self._on_correct_clicked()
            else:
                self._on_save_triggered()
        elif role == QMessageBox.ButtonRole.DestructiveRole:
            self._saved = self._snapshot()  # discarded on purpose: nothing left to ask about
            then()
        elif on_cancel is not None:
            on_cancel()

    def _on_close_clicked(self) -> None:
        self.request_close(self.close_requested.emit)

    # -- actions -----------------------------------------------------------------------------

    def _on_save_triggered(self) -> None:
        if self.read_only or self.correcting or not self.save_button.isEnabled():
            return
        self._clear_errors()
        if not self._event_time_complete():
            return
        self._busy(True)
        f = self._fields()
        self._saving = self._snapshot()
        tasks, ctx = self.session.tasks, self.session.ctx
        if self.note is None:
            op = tasks.op(notes.create_draft, ctx, self.case_id, f.body, section=f.section,
                          child_voice=f.child_voice, event_time=f.event_time,
                          visit_id=self.visit_id)
        else:
            op = tasks.op(notes.save_draft, ctx, self.note.id, f.body, section=f.section,
                          child_voice=f.child_voice, event_time=f.event_time,
                          expected_revision_id=self.note.current.id)
        op.success(self._on_saved).failure(self._on_failed).owned_by(self).run()

    def _on_event_time_incomplete_dropped(self) -> None:
        self.event_time_error.show_message(self.tr(
            "Händelsetiden var inte helt ifylld och har satts tillbaka till {time}. Skriv "
            "datum och tid som ÅÅÅÅ-MM-DD TT:MM.").format(time=self.event_time.text()))

    def _event_time_complete(self) -> bool:
        """A half-typed event time is never saved as some other time: say what is wrong."""
        if self.event_time.is_complete():
            return True
        self.event_time_error.show_message(self.tr(
            "Händelsetiden är inte helt ifylld. Skriv datum och tid som ÅÅÅÅ-MM-DD TT:MM."))
        self.event_time.setFocus()
        return False

    def _on_sign_clicked(self) -> None:
        self._clear_errors()
        if not self._event_time_complete():
            return
        if self.note is None:
            self._open_sign_confirmation([])
            return
        self._busy(True)
        self.session.tasks.op(review.for_note, self.session.ctx, self.note.id) \
            .success(self._open_sign_confirmation).failure(self._on_failed).owned_by(self).run()

    def _open_sign_confirmation(self, reviews: list[ReviewSummary]) -> None:
        self._busy(False)
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Signera anteckningen?"),
                          self.tr("En signerad anteckning kan inte ändras. Fel rättas med en "
                                  "rättelse där den gamla texten syns överstruken.\n\n"
                                  "Vill du signera nu?"),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                          self)
        if reviews and self.note is not None:
            # Unsaved edits become a new revision when signing: say the text has changed.
            current = "" if self._differs_from_note() else self.note.current.hash
            box.setInformativeText(signing_review_text(reviews, current_hash=current))
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Signera"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.finished.connect(self._on_sign_confirmation_finished)
        self.sign_confirmation = box
        box.open()

    @Slot(int)
    def _on_sign_confirmation_finished(self, result: int) -> None:
        box, self.sign_confirmation = self.sign_confirmation, None
        if box is not None:
            box.deleteLater()
        if result != QMessageBox.StandardButton.Yes.value:
            return
        if not self.session.ctx.settings.confirm_password_on_sign:
            self._sign(None)
            return
        dialog = SignPasswordDialog(self.session.display_name, self)
        dialog.buttons.accepted.connect(lambda: self._sign(dialog.password.text()))
        dialog.rejected.connect(self._close_sign_password)
        self.sign_password = dialog
        dialog.open()

    def _sign(self, password: str | None) -> None:
        self._clear_errors()
        self._busy(True)
        if self.sign_password is not None:
            self.sign_password.set_busy(True)
        f = self._fields()
        self._saving = self._snapshot()
        self.session.tasks.op(
            notes.sign_text_confirmed, self.session.ctx, password, self.case_id,
            self.note.id if self.note else None, f.body, section=f.section,
            child_voice=f.child_voice, event_time=f.event_time,
            expected_revision_id=self.note.current.id if self.note else None,
            visit_id=self.visit_id,
        ).success(self._on_signed_with_password).failure(self._on_sign_failed) \
            .owned_by(self).run()

    def _on_signed_with_password(self, info: NoteInfo) -> None:
        self._close_sign_password()
        self._on_signed(info)

    def _on_sign_failed(self, exc: BaseException) -> None:
        dialog = self.sign_password
        if dialog is not None and isinstance(exc, AuthenticationError):
            # A wrong password (or a wait after several): said in the dialog, which stays.
            self._busy(False)
            dialog.set_busy(False)
            dialog.error.show_message(exc.message)
            dialog.password.selectAll()
            dialog.password.setFocus()
            return
        self._close_sign_password()
        self._on_failed(exc)

    def _close_sign_password(self) -> None:
        dialog, self.sign_password = self.sign_password, None
        if dialog is not None:
            dialog.close()
            dialog.deleteLater()

    def _on_correct_clicked(self) -> None:
        assert self.note is not None
        self._clear_errors()
        self._busy(True)
        self._saving = self._snapshot()
        self.session.tasks.op(
            notes.correct, self.session.ctx, self.note.id, self.body.toPlainText(),
            reason=self.reason.text(), section=str(self.section.currentData() or ""),
            child_voice=self.child_voice.toPlainText(),
        ).success(self._on_corrected).failure(self._on_failed).owned_by(self).run()

    def _on_review_clicked(self) -> None:
        """Review the text as it stands: save the draft first when it is new or changed."""
        if self.read_only or (self.note is not None and not self.is_dirty):
            self._start_review()
            return
        self._after_save = self._start_review
        self._on_save_triggered()

    def _start_review(self) -> None:
        assert self.note is not None
        self.review_flow = start_review_flow(
            self, self.session.ctx, self.note.id, self.session.tasks,
            speaker=self.review_speaker, dictation_factory=self.review_dictation,
            on_completed=self._on_review_flow_completed,
            on_kiosk_shown=self.suspend_idle_lock, lock=self.review_lock)

    def _on_review_flow_completed(self, summary: ReviewSummary) -> None:
        self.review_flow = None
        self.status.setText(self.tr("Genomgången med familjen är klar."))
        self.review_completed.emit(summary)

    def _saved_now(self) -> None:
        """A save succeeded: what was sent is stored; run what waited for it."""
        if self._saving is not None:
            self._saved, self._saving = self._saving, None
        then, self._after_save = self._after_save, None
        if then is None:
            return
        if self.is_dirty:  # typed on while saving: store that too before going on
            self._after_save = then
            self._on_save_triggered()
        else:
            then()

    def _on_saved(self, info: NoteInfo) -> None:
        self._busy(False)
        self._set_note(info)
        if self._from_transcript and self.visit_id is not None:
            self._from_transcript = False
            self.suggestions.link_from_visit(info.id, self.visit_id, self.body.toPlainText())
        self.status.setText(self.tr("Utkastet sparades {when}.").format(
            when=datetime.now().strftime("%H:%M")))
        self.note_saved.emit(info)
        self._saved_now()

    def _on_signed(self, info: NoteInfo) -> None:
        self._busy(False)
        self._after_save = self._saving = None
        self._load(info)
        self.note_signed.emit(info)

    def _on_corrected(self, info: NoteInfo) -> None:
        self._busy(False)
        self.correcting = False
        self._set_note(info)
        self.status.setText(self.tr("Rättelsen sparades."))
        self.note_corrected.emit(info)
        self._saved_now()

    def _on_failed(self, exc: BaseException) -> None:
        self._after_save = self._saving = None  # stay open with the text; say what is wrong
        self.errors(exc)

    def _clear_errors(self) -> None:
        self.errors.clear()
        self.status.clear()
