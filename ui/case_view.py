"""One open case: header, journal, persons and visits; the note editor and extension pages
open inside it (a stack), so the idle lock hides them together with the case.

Extension points: ``open_page(widget, title)`` / ``close_page(widget)`` for full-size pages
(the visit view), ``open_note_editor(...)``, ``add_journal_tool(widget)`` (a button on the
journal's bar, e.g. "Exportera journal…"), and the ``visit_open_requested(visit_id)`` signal.

An editor with unsaved text is never dropped silently: switching case or opening another editor
asks first (``NoteEditorWidget.request_close``), and ``restore_editor`` reopens an editor's text
in a rebuilt window.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import cases
from app.cases import CaseView
from app.dto import CaseDetail, NoteInfo, VisitInfo
from app.review import ReviewSummary
from ui import sections
from ui.case_header import CaseHeaderWidget
from ui.extensions import ActionRegistry, NoteAction, VisitAction
from ui.journal import JournalWidget
from ui.note_editor import EditorState, NoteEditorWidget
from ui.persons_tab import PersonsWidget
from ui.review.dictation import DictationFactory
from ui.review.flow import AppLock
from ui.session import UiSession
from ui.visits import VisitsWidget


class CaseViewWidget(QWidget):
    """Shows the case chosen in the case list. ``case_loaded`` fires after each (re)load."""

    case_loaded = Signal(object)
    visit_open_requested = Signal(str)
    case_switch_cancelled = Signal(str)  # the case still shown (its editor kept its text)
    case_changed = Signal(str)  # the case itself (heading, status, persons) changed
    note_signed = Signal(object)  # NoteInfo: an editor signed a note (ui.sync syncs then)

    def __init__(self, session: UiSession, note_actions: ActionRegistry[NoteAction],
                 visit_actions: ActionRegistry[VisitAction],
                 section_groups: tuple[sections.SectionGroup, ...] = sections.BBIC,
                 suspend_idle_lock: Callable[[bool], None] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.section_groups = section_groups
        self.suspend_idle_lock = suspend_idle_lock
        # Dictated own words in reviews started from the editor; set by ui.review.install.
        self.review_dictation: DictationFactory | None = None
        self.review_lock: AppLock | None = None  # the app's idle lock, for the review kiosk
        self.current_case_id: str | None = None
        self.case: CaseDetail | None = None
        self.editor: NoteEditorWidget | None = None
        self._focus_note: str | None = None
        self._pending_editor: EditorState | None = None
        outer = QVBoxLayout(self)
        self.stack = QStackedWidget()
        outer.addWidget(self.stack)
        self.placeholder = QLabel(self.tr("Välj ett ärende i listan eller skapa ett nytt."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.placeholder)
        self.case_page = QWidget()
        page = QVBoxLayout(self.case_page)
        self.case_header = CaseHeaderWidget(session)
        self.case_header.case_changed.connect(self._on_case_changed)
        self.header = self.case_header.title
        page.addWidget(self.case_header)
        self.tabs = QTabWidget()
        self.journal = JournalWidget(session, note_actions)
        self.journal.edit_requested.connect(self._on_journal_edit_requested)
        self.journal.correct_requested.connect(self._on_journal_correct_requested)
        journal_tab = QWidget()
        jl = QVBoxLayout(journal_tab)
        bar = QHBoxLayout()
        self.new_note_button = QPushButton(self.tr("&Ny anteckning"))
        self.new_note_button.setToolTip(self.tr("Ny anteckning (Ctrl+N)"))
        self.new_note_button.clicked.connect(lambda: self.open_note_editor())
        bar.addWidget(self.new_note_button)
        bar.addStretch(1)
        self.journal_bar = bar
        jl.addLayout(bar)
        jl.addWidget(self.journal, 1)
        self.persons = PersonsWidget(session)
        self.persons.persons_changed.connect(self._on_case_changed)
        self.visits = VisitsWidget(session, visit_actions)
        self.visits.visit_open_requested.connect(self.visit_open_requested)
        self.visits.visit_created.connect(self._on_visits_visit_created)
        self.tabs.addTab(journal_tab, self.tr("&Journal"))
        self.tabs.addTab(self.persons, self.tr("&Personer"))
        self.tabs.addTab(self.visits, self.tr("&Besök"))
        page.addWidget(self.tabs, 1)
        self.stack.addWidget(self.case_page)
        QShortcut(QKeySequence(QKeySequence.StandardKey.New), self, self._on_new_note_shortcut)

    def add_journal_tool(self, widget: QWidget) -> None:
        """A feature's button on the journal tab's bar, right of "Ny anteckning"."""
        self.journal_bar.addWidget(widget)

    # -- loading -----------------------------------------------------------------------------

    def show_case(self, case_id: str, focus_note_id: str | None = None) -> None:
        """Load and show a case; with ``focus_note_id`` scroll the journal to that note.
        An open editor of another case is closed first (asking if it has unsaved text)."""
        if self.editor is not None and self.current_case_id != case_id:
            shown = self.current_case_id or ""
            self.editor.request_close(lambda: self._switch_case(case_id, focus_note_id),
                                      on_cancel=lambda: self.case_switch_cancelled.emit(shown))
            return
        self._switch_case(case_id, focus_note_id)

    def _switch_case(self, case_id: str, focus_note_id: str | None) -> None:
        if self.editor is not None and self.current_case_id != case_id:
            self._close_editor()
        self.current_case_id = case_id
        self._focus_note = focus_note_id
        self.session.tasks.op(cases.case_view, self.session.ctx, case_id) \
            .success(self._on_case_loaded).owned_by(self).run()

    def reload(self) -> None:
        if self.current_case_id is not None:
            self.show_case(self.current_case_id)

    def restore_editor(self, state: EditorState) -> None:
        """Open ``state.case_id`` and, once loaded, an editor holding ``state``'s text."""
        self._pending_editor = state
        self.show_case(state.case_id)

    def _on_case_loaded(self, loaded: CaseView) -> None:
        case = loaded.case
        if case.id != self.current_case_id:
            return  # the user moved on to another case meanwhile
        self.case = case
        self.case_header.set_case(case)
        self.persons.set_case(case)
        self.new_note_button.setEnabled(not case.is_closed)
        self.journal.set_notes(list(loaded.notes), loaded.reviews)
        self.visits.set_case(case)
        self.visits.set_visits(case.id, list(loaded.visits))
        if self.stack.currentWidget() is self.placeholder:
            self.stack.setCurrentWidget(self.case_page)
        if self._focus_note:
            self.tabs.setCurrentIndex(0)
            self.journal.show_note(self._focus_note)
            self._focus_note = None
        pending, self._pending_editor = self._pending_editor, None
        if pending is not None and pending.case_id == case.id and self.editor is None:
            editor = self._open_editor(pending.note, correcting=pending.correcting,
                                       visit_id=pending.visit_id)
            editor.restore(pending)
        self.case_loaded.emit(case)

    # -- pages -------------------------------------------------------------------------------

    def open_page(self, widget: QWidget, title: str = "") -> None:
        """Show a full-size page (e.g. the visit view) instead of the case tabs."""
        if self.stack.indexOf(widget) < 0:
            self.stack.addWidget(widget)
        widget.setAccessibleName(title or widget.accessibleName())
        self.stack.setCurrentWidget(widget)

    def close_page(self, widget: QWidget) -> None:
        """Remove a page opened with ``open_page`` and return to the case tabs."""
        if self.stack.indexOf(widget) >= 0:
            self.stack.removeWidget(widget)
            widget.deleteLater()
        self.stack.setCurrentWidget(self.case_page if self.case else self.placeholder)

    def hide_page(self, widget: QWidget) -> None:
        """Take a page out of sight without ending it (a recording still saving its tail)."""
        if self.stack.indexOf(widget) >= 0:
            self.stack.removeWidget(widget)
        self.stack.setCurrentWidget(self.case_page if self.case else self.placeholder)

    def is_showing(self, widget: QWidget) -> bool:
        return self.stack.indexOf(widget) >= 0

    def open_note_editor(self, note_id: str | None = None, *, correcting: bool = False,
                         visit_id: str | None = None, body: str = "") -> NoteEditorWidget | None:
        """Open the editor; returns None when no case is open, or when another editor has
        unsaved text: then the user is asked first and the editor opens after the answer."""
        if self.current_case_id is None:
            return None
        note = self.journal.note(note_id) if note_id else None
        if self.editor is not None and self.editor.is_dirty:
            self.editor.request_close(lambda: self._replace_editor(note, correcting, visit_id,
                                                                   body))
            return None
        return self._replace_editor(note, correcting, visit_id, body)

    def _replace_editor(self, note: NoteInfo | None, correcting: bool, visit_id: str | None,
                        body: str) -> NoteEditorWidget:
        if self.editor is not None:
            self._close_editor()
        return self._open_editor(note, correcting=correcting, visit_id=visit_id, body=body)

    def _open_editor(self, note: NoteInfo | None, *, correcting: bool = False,
                     visit_id: str | None = None, body: str = "") -> NoteEditorWidget:
        assert self.current_case_id is not None
        editor = NoteEditorWidget(self.session, self.current_case_id, note,
                                  correcting=correcting, visit_id=visit_id, body=body,
                                  section_groups=self.section_groups,
                                  case_label=self._case_label(),
                                  suspend_idle_lock=self.suspend_idle_lock,
                                  review_dictation=self.review_dictation,
                                  default_event_time=self._visit_time(visit_id))
        editor.review_lock = self.review_lock
        editor.note_saved.connect(self._on_editor_note_changed)
        editor.note_signed.connect(self._on_editor_note_changed)
        editor.note_signed.connect(self.note_signed)
        editor.note_corrected.connect(self._on_editor_note_changed)
        editor.review_completed.connect(self._on_editor_review_completed)
        editor.close_requested.connect(self._close_editor)
        self.editor = editor
        self.open_page(editor, self.tr("Anteckning"))
        editor.body.setFocus()
        return editor

    def _visit_time(self, visit_id: str | None) -> datetime | None:
        """When the visit a new note is made from happened (or was planned)."""
        visit = next((v for v in self.visits.visits if v.id == visit_id), None)
        return visit.when if visit is not None else None

    def _case_label(self) -> str:
        return f"{self.case.case_number} – {self.case.title}" if self.case else ""

    def _close_editor(self) -> None:
        if self.editor is not None:
            editor, self.editor = self.editor, None
            self.close_page(editor)

    @Slot(object)
    def _on_editor_note_changed(self, note: NoteInfo) -> None:
        self._focus_note = note.id
        self.show_case(note.case_id, note.id)

    @Slot(object)
    def _on_editor_review_completed(self, summary: ReviewSummary) -> None:
        if self.current_case_id is not None:
            self.show_case(self.current_case_id, summary.note_id)

    def editor_state(self) -> EditorState | None:
        return self.editor.state() if self.editor is not None else None

    def _on_journal_edit_requested(self, note_id: str) -> None:
        self.open_note_editor(note_id)

    def _on_journal_correct_requested(self, note_id: str) -> None:
        self.open_note_editor(note_id, correcting=True)

    @Slot(object)
    def _on_visits_visit_created(self, _visit: VisitInfo) -> None:
        self.reload()

    @Slot(str)
    def _on_case_changed(self, case_id: str) -> None:
        """The case, a person or its caseworkers changed: show it again, and tell the list."""
        if case_id == self.current_case_id:
            self.reload()
        self.case_changed.emit(case_id)

    def _on_new_note_shortcut(self) -> None:
        if self.case is not None and self.editor is None:
            self.open_note_editor()
