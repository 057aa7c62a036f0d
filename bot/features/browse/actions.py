"""The buttons of the programme's lists (its main screens are shared: bot/ui/actions.py `Go`)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from bot.ui.actions import Action, Plain


class BrowseVerb(StrEnum):
    THEME = "t"
    FOLLOW_THEME = "T"
    DAY = "d"
    RESULTS = "q"
    SPEAKER = "w"
    LANGUAGE = "g"
    INTERPRETED = "gi"
    ROOM = "r"


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


@dataclass(frozen=True)
class SpeakerPage(Action, verb=BrowseVerb.SPEAKER):
    """w:<speaker>:<page>: a page of one speaker's sessions (a search offers it); speakers are
    numbered in the order of their first session (Schedule.speakers)."""

    speaker: int
    page: int = 0


class BrowseTap(Plain):
    LANGUAGES = "langs"  # the programme by the sessions' language


@dataclass(frozen=True)
class LanguagePage(Action, verb=BrowseVerb.LANGUAGE):
    """g:<language>:<page>: a page of the sessions held in one language (numbered in the
    order of Schedule.languages)."""

    language: int
    page: int = 0


@dataclass(frozen=True)
class InterpretedPage(Action, verb=BrowseVerb.INTERPRETED):
    """gi:<language>:<page>: a page of the sessions interpreted into one language (numbered in
    the order of screens.interpreted_languages)."""

    language: int
    page: int = 0


@dataclass(frozen=True)
class RoomPage(Action, verb=BrowseVerb.ROOM):
    """r:<room>:<page>: a page of the sessions in one room (Schedule.rooms), from a search."""

    room: int
    page: int = 0


ACTIONS = (
    InterpretedPage,
    ThemePage,
    FollowTheme,
    DayPage,
    ResultsPage,
    SpeakerPage,
    RoomPage,
    BrowseTap,
    LanguagePage,
)
