"""Extension points for views that other packages add (``ui.visit``, ``ui.review``).

How a feature package plugs in:

* It provides ``install(window: ui.main_window.MainWindow) -> None`` and is listed in
  ``ui.features.FEATURES``; ``ui.features.install_features`` calls it once per main window (the
  window is rebuilt when the language changes, so install is re-run).
* ``window.note_actions.add(NoteAction(...))`` adds a button to every journal note card for
  which ``applies(note)`` is true, e.g. "Gå igenom med familjen" for signed notes or drafts.
* ``window.visit_actions.add(VisitAction(...))`` adds a button next to the visit list that acts
  on the selected visit, e.g. "Öppna besöket" (recording + live transcript).
* ``window.visit_open_requested(visit_id)`` is emitted when a visit is double-clicked or
  Enter is pressed on it (connect to it in ``install``); ``window.case_view.current_case_id``
  tells which case is open.
* ``window.case_view.open_page(widget, title)`` shows a full-size page inside the case view
  (with a "Tillbaka" button); ``close_page(widget)`` returns to the case tabs. The page is
  hidden by the idle lock like everything else.
* ``window.case_view.open_note_editor(note_id=None, visit_id=..., body=...)`` opens the editor,
  e.g. with a transcript as the first draft.
* ``window.idle_lock.set_inhibited(True)`` suspends the idle lock (a kiosk with its own PIN).
* ``window.case_view.note_signed(note)`` fires after an editor signed a note (``ui.sync`` syncs
  then); ``window.stopping`` tells a feature to stop its timers for good (log out, exit).

Handlers run on the GUI thread and get the ``UiSession`` (service context + task manager).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Generic, Protocol, TypeVar

from app.dto import NoteInfo, VisitInfo
from ui.session import UiSession


class Keyed(Protocol):
    """What an action registry needs of an action: its ``key``."""

    @property
    def key(self) -> str: ...


T = TypeVar("T", bound=Keyed)


@dataclass(frozen=True)
class NoteAction:
    """A button on each journal note card. ``label`` is called at display time (translated)."""

    key: str
    label: Callable[[], str]
    run: Callable[[UiSession, NoteInfo], None]
    applies: Callable[[NoteInfo], bool] = lambda note: True


@dataclass(frozen=True)
class VisitAction:
    """A button acting on the visit selected in the case's visit list."""

    key: str
    label: Callable[[], str]
    run: Callable[[UiSession, VisitInfo], None]
    applies: Callable[[VisitInfo], bool] = lambda visit: True


@dataclass
class ActionRegistry(Generic[T]):
    """An ordered set of actions keyed by ``key``; listeners hear about changes."""

    _actions: dict[str, T] = field(default_factory=dict)
    _listeners: list[Callable[[], None]] = field(default_factory=list)

    def add(self, action: T) -> None:
        self._actions[action.key] = action
        for listener in list(self._listeners):
            listener()

    def remove(self, key: str) -> None:
        if self._actions.pop(key, None) is not None:
            for listener in list(self._listeners):
                listener()

    def subscribe(self, listener: Callable[[], None]) -> None:
        self._listeners.append(listener)

    def __iter__(self) -> Iterator[T]:
        return iter(list(self._actions.values()))

    def __len__(self) -> int:
        return len(self._actions)
