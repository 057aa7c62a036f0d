"""The buttons of the programme's lists (its main screens are shared: bot/ui/actions.py `Go`)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from bot.ui.actions import Action


class BrowseVerb(StrEnum):
    THEME = "t"
    FOLLOW_THEME = "T"
    DAY = "d"
    RESULTS = "q"


@dataclass(frozen=True)
class ThemePage(Action, verb=BrowseVerb.THEME):
    """t:<track>:<page>: a page of one theme's sessions."""

    track: int
    page: int = 0


@dataclass(frozen=True)
class FollowTheme(Action, verb=BrowseVerb.FOLLOW_THEME):
    """T:<track>:<page>: follow the theme, or stop (shown on that page of the theme)."""

    track: int
    page: int = 0


@dataclass(frozen=True)
class DayPage(Action, verb=BrowseVerb.DAY):
    """d:<day>:<page>: a page of one day's sessions."""

    day: int
    page: int = 0


@dataclass(frozen=True)
class ResultsPage(Action, verb=BrowseVerb.RESULTS):
    """q:<page>: a page of the results of the person's last search."""

    page: int = 0


ACTIONS = (ThemePage, FollowTheme, DayPage, ResultsPage)
