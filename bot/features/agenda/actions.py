"""The agenda's buttons: its pages, the calendar file, and following one session."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from bot.ui.actions import Action, Back, Plain, SessionKey


class AgendaTap(Plain):
    CALENDAR = "ics"  # the agenda as an iCalendar file


class AgendaVerb(StrEnum):
    PAGE = "A"
    FOLLOW = "F"


@dataclass(frozen=True)
class AgendaPage(Action, verb=AgendaVerb.PAGE):
    """A:<page>: a page of the person's agenda."""

    page: int = 0


@dataclass(frozen=True)
class ToggleFollow(Action, verb=AgendaVerb.FOLLOW):
    """F:<code>[:<back>]: follow the session, or stop; the card stays, with its way back."""

    key: SessionKey
    back: Back = None


ACTIONS = (AgendaTap, AgendaPage, ToggleFollow)
