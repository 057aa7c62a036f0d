"""The typed container handlers reach through `context.bot_data` (PTB creates it empty)."""

from __future__ import annotations

from dataclasses import dataclass

from bot.broadcasting import Broadcasting
from bot.config import Settings
from bot.delivery.service import Delivery
from bot.feedback import Feedback
from bot.navigator import Navigator
from bot.reminders import Reminders
from bot.schedule_updates import ScheduleUpdates
from bot.staff import StaffAdmin
from bot.storage import Storage
from bot.survey import Surveys


@dataclass(frozen=True)
class Deps:
    settings: Settings
    navigator: Navigator
    storage: Storage
    delivery: Delivery
    reminders: Reminders
    feedback: Feedback
    surveys: Surveys
    broadcasting: Broadcasting
    schedule_updates: ScheduleUpdates
    staff: StaffAdmin


class BotData:
    """PTB instantiates this with no arguments; the composition root attaches Deps at start."""

    def __init__(self) -> None:
        self._deps: Deps | None = None

    def attach(self, deps: Deps) -> None:
        self._deps = deps

    def detach(self) -> Deps | None:
        deps, self._deps = self._deps, None
        return deps

    @property
    def deps(self) -> Deps:
        if self._deps is None:
            raise RuntimeError("the bot is not started: dependencies are attached in post_init")
        return self._deps
