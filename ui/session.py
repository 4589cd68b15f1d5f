"""What every widget of a logged-in window shares: the service context and the task manager."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.context import Context
from ui.tasks import TaskManager


@dataclass
class UiSession:
    """One logged-in user in the GUI. Widgets call services only through ``tasks``.

    ``long_tasks`` runs work that takes minutes (model downloads and imports, transcribing
    waiting recordings) so that it never holds up opening a case or saving a note; its
    database writes still go one at a time through the store's write lock.
    """

    ctx: Context
    tasks: TaskManager
    long_tasks: TaskManager | None = field(default=None)

    @property
    def background(self) -> TaskManager:
        return self.long_tasks if self.long_tasks is not None else self.tasks

    @property
    def display_name(self) -> str:
        return self.ctx.actor.display_name
