"""The programme in use: every reader asks this one holder; only a reload replaces it.

Screens, planners and the broadcast flow read `programme.schedule` each time they need it, so
a programme applied while the bot runs (bot/programme/reload.py) reaches all of them at once.
"""

from __future__ import annotations

from bot.programme.model import Schedule


class CurrentProgramme:
    def __init__(self, schedule: Schedule) -> None:
        self._schedule = schedule

    @property
    def schedule(self) -> Schedule:
        return self._schedule

    def replace(self, schedule: Schedule) -> None:
        self._schedule = schedule
