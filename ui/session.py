"""What every widget of a logged-in window shares: the service context and the task manager."""

from __future__ import annotations

from dataclasses import dataclass

from app.context import Context
from ui.tasks import TaskManager


@dataclass
class UiSession:
    """One logged-in user in the GUI. Widgets call services only through ``tasks``."""

    ctx: Context
    tasks: TaskManager

    @property
    def display_name(self) -> str:
        return self.ctx.actor.display_name
