"""The left panel: cases filtered by number/title, and full-text search across notes.

Emits ``case_selected(case_id)`` and ``hit_activated(case_id, note_id)``; the search snippet's
``app.search.HIT_START``/``HIT_END`` markers are shown in bold.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import cases, limits, search
from app.dto import CaseSummary, SearchHit
from ui import formatting
from ui.session import UiSession


def snippet_html(snippet: str) -> str:
    """Escape the snippet and turn the hit markers into bold."""
    return (html.escape(snippet).replace(search.HIT_START, "<b>").replace(search.HIT_END, "</b>")
            .replace("\n", " "))


TITLE_SHOWN = 90  # characters of a title in the list; the whole title is in the tooltip


def shortened(title: str) -> str:
    """A very long title cut for the list, so it never widens or squeezes the list."""
    return title if len(title) <= TITLE_SHOWN else title[:TITLE_SHOWN - 1].rstrip() + "…"


class CaseListWidget(QTabWidget):
    case_selected = Signal(str)
    hit_activated = Signal(str, str)
    new_case_requested = Signal()
    cases_loaded = Signal(int)
    search_finished = Signal(int)

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.cases: list[CaseSummary] = []
        self.hits: list[SearchHit] = []
        self.addTab(self._build_cases_tab(), self.tr("Ärenden"))
        self.addTab(self._build_search_tab(), self.tr("Sök i anteckningar"))
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(200)
        self._filter_timer.timeout.connect(self.refresh)
        self.currentChanged.connect(self._on_current_changed)

    def _build_cases_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.filter = QLineEdit()
        self.filter.setMaxLength(limits.SEARCH.chars)
        self.filter.setPlaceholderText(self.tr("Filtrera på nummer eller rubrik"))
        self.filter.setAccessibleName(self.tr("Filtrera ärenden"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._on_filter_text_changed)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Ärenden"))
        self.list.setStyleSheet(
            "QListWidget::item { padding: 6px 4px; border-bottom: 1px solid palette(midlight); }"
            "QListWidget::item:selected { background: palette(highlight); "
            "color: palette(highlighted-text); }")
        self.list.currentItemChanged.connect(self._on_list_current_item_changed)
        self.new_button = QPushButton(self.tr("Nytt ärende…"))
        self.new_button.clicked.connect(self.new_case_requested)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.new_button)
        return tab

    def _build_search_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.search_field = QLineEdit()
        self.search_field.setMaxLength(limits.SEARCH.chars)
        self.search_field.setPlaceholderText(self.tr("Sök ord i anteckningar, tryck Enter"))
        self.search_field.setAccessibleName(self.tr("Sök i anteckningar"))
        self.search_field.setClearButtonEnabled(True)
        self.search_field.returnPressed.connect(self._on_search_field_return_pressed)
        self.search_status = QLabel()
        self.hit_list = QListWidget()
        self.hit_list.setAccessibleName(self.tr("Sökträffar"))
        self.hit_list.setWordWrap(True)
        self.hit_list.itemActivated.connect(self._on_hit_list_item_activated)
        self.hit_list.itemClicked.connect(self._on_hit_list_item_activated)
        layout.addWidget(self.search_field)
        layout.addWidget(self.search_status)
        layout.addWidget(self.hit_list, 1)
        return tab

    # -- cases -------------------------------------------------------------------------------

    def refresh(self, select_id: str | None = None) -> None:
        """Reload the list; with ``select_id`` select that case and emit ``case_selected``."""
        self.session.tasks.op(cases.list_cases, self.session.ctx, self.filter.text()) \
            .success(lambda rows: self._on_cases_loaded(rows, select_id)).owned_by(self).run()

    def _on_filter_text_changed(self, _text: str) -> None:
        self._filter_timer.start()

    def _on_cases_loaded(self, rows: list[CaseSummary], select_id: str | None) -> None:
        current = self.current_case_id()
        wanted = select_id or current
        self.cases = rows
        self.list.blockSignals(True)
        self.list.clear()
        for case in rows:
            closed = self.tr(" (avslutat)") if case.status == "closed" else ""
            item = QListWidgetItem(f"{case.case_number}{closed}\n{shortened(case.title)}")
            item.setData(Qt.ItemDataRole.UserRole, case.id)
            notes = self.tr("%n anteckning(ar)", "", case.note_count)
            item.setToolTip(f"{case.title}\n{notes}" if case.title != shortened(case.title)
                            else notes)
            self.list.addItem(item)
            if case.id == wanted:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        if select_id and self.current_case_id() == select_id:
            self.case_selected.emit(select_id)
        self.cases_loaded.emit(len(rows))

    def current_case_id(self) -> str | None:
        item = self.list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def _on_list_current_item_changed(self, item: QListWidgetItem | None,
                                      _previous: QListWidgetItem | None) -> None:
        if item is not None:
            self.case_selected.emit(str(item.data(Qt.ItemDataRole.UserRole)))

    def _on_current_changed(self, index: int) -> None:
        """Choosing the search tab puts the cursor in the search box."""
        if index == 1:
            self.search_field.setFocus(Qt.FocusReason.TabFocusReason)
            self.search_field.selectAll()

    # -- full-text search --------------------------------------------------------------------

    def run_search(self, text: str) -> None:
        self.search_field.setText(text)
        self._on_search_field_return_pressed()

    def _on_search_field_return_pressed(self) -> None:
        self.search_status.setText(self.tr("Söker…"))
        self.session.tasks.op(search.search, self.session.ctx, self.search_field.text()) \
            .success(self._on_search_finished).owned_by(self).run()

    def _on_search_finished(self, hits: list[SearchHit]) -> None:
        self.hits = hits
        self.hit_list.clear()
        for hit in hits:
            item = QListWidgetItem()
            head = f"{hit.case_number} · {formatting.local(hit.event_time)} · " \
                   f"{formatting.note_state(hit.state, corrected=False)}" + self._where(hit)
            plain = snippet_html(hit.snippet).replace("<b>", "").replace("</b>", "")
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{head}: {html.unescape(plain)}")
            item.setData(Qt.ItemDataRole.UserRole, (hit.case_id, hit.note_id))
            label = QLabel(f"<b>{html.escape(head)}</b><br>{snippet_html(hit.snippet)}")
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setContentsMargins(4, 4, 4, 4)
            self.hit_list.addItem(item)
            item.setSizeHint(label.sizeHint().expandedTo(label.minimumSizeHint()))
            self.hit_list.setItemWidget(item, label)
        self.search_status.setText(self.tr("%n träff(ar)", "", len(hits)))
        self.search_finished.emit(len(hits))

    def _where(self, hit: SearchHit) -> str:
        if hit.found_in == "comment":
            return self.tr(" · i familjens synpunkter")
        if hit.found_in == "corrected":
            return self.tr(" · i rättad text")
        return ""

    def _on_hit_list_item_activated(self, item: QListWidgetItem) -> None:
        case_id, note_id = item.data(Qt.ItemDataRole.UserRole)
        self.hit_activated.emit(case_id, note_id)
