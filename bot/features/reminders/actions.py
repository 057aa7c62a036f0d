"""The buttons of the reminder settings."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from bot.storage.users import LEAD_TIMES
from bot.ui.actions import Action


class ReminderVerb(StrEnum):
    LEAD_TIME = "Rl"
    REMINDERS = "Re"
    FEATURED = "Rf"


@dataclass(frozen=True)
class SetLeadTime(Action, verb=ReminderVerb.LEAD_TIME):
    """Rl:<minutes>: how long before a session the reminder comes (one of the offered times)."""

    minutes: int

    def valid(self) -> bool:
        return self.minutes in LEAD_TIMES


@dataclass(frozen=True)
class SetReminders(Action, verb=ReminderVerb.REMINDERS):
    """Re:<1|0>: reminders on or off."""

    on: bool


@dataclass(frozen=True)
class SetFeaturedReminders(Action, verb=ReminderVerb.FEATURED):
    """Rf:<1|0>: reminders of highlighted sessions, followed or not."""

    on: bool


ACTIONS = (SetLeadTime, SetReminders, SetFeaturedReminders)
