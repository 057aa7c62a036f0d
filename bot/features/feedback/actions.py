"""The buttons of /feedback: a day's or a theme's started sessions, and asking for a rating."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from bot.ui.actions import Action, Plain, SessionKey


class FeedbackTap(Plain):
    PICKER = "fb"  # choose a day or a theme


class FeedbackVerb(StrEnum):
    DAY = "fbd"
    THEME = "fbt"
    RATE = "fs"


@dataclass(frozen=True)
class RateDay(Action, verb=FeedbackVerb.DAY):
    """fbd:<day>:<page>: that day's sessions that have started."""

    day: int
    page: int = 0


@dataclass(frozen=True)
class RateTheme(Action, verb=FeedbackVerb.THEME):
    """fbt:<track>:<page>: that theme's sessions that have started."""

    track: int
    page: int = 0


@dataclass(frozen=True)
class Rate(Action, verb=FeedbackVerb.RATE):
    """fs:<code>: send me the rating poll of that session."""

    key: SessionKey


ACTIONS = (FeedbackTap, RateDay, RateTheme, Rate)
