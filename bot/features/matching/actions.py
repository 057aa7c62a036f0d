"""The buttons of business matching. Profiles are named by their row id (user ids are too
long for a button), requests by theirs, slots by their start in minutes since 1970 (UTC)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

from bot.ui.actions import Action, Plain, RecordId


class MatchingTap(Plain):
    HOME = "mh"
    DETAILS = "mhd"  # type organization; role; country
    ABOUT = "mha"  # type the short free text
    OPT_IN = "mhi"
    OPT_OUT = "mho"
    MINE = "mhm"


class Facet(IntEnum):
    THEMES = 1
    OFFERING = 2
    SEEKING = 3


@dataclass(frozen=True)
class EditFacet(Action, verb="Mf"):
    facet: Facet


@dataclass(frozen=True)
class ToggleItem(Action, verb="Mt"):
    """Mt:<facet>:<index>: a theme (by its index in the programme) or an interest, on or off."""

    facet: Facet
    item: int


@dataclass(frozen=True)
class Suggestions(Action, verb="Ms"):
    page: int = 0


@dataclass(frozen=True)
class OpenProfile(Action, verb="Mp"):
    profile: RecordId
    page: int = 0  # of the suggestions it came from


@dataclass(frozen=True)
class ChooseSlot(Action, verb="Mc"):
    """Mc:<profile>:<page>: the free slots for a meeting with this person."""

    profile: RecordId
    page: int = 0


@dataclass(frozen=True)
class RequestSlot(Action, verb="Mq"):
    """Mq:<profile>:<slot>: this slot; the next text typed is the message."""

    profile: RecordId
    slot: RecordId


@dataclass(frozen=True)
class SendRequest(Action, verb="Mk"):
    """Mk:<profile>:<slot>: send the request without a message."""

    profile: RecordId
    slot: RecordId


@dataclass(frozen=True)
class OpenRequest(Action, verb="Mr"):
    request: RecordId


@dataclass(frozen=True)
class Accept(Action, verb="Ma"):
    request: RecordId


@dataclass(frozen=True)
class Decline(Action, verb="Md"):
    request: RecordId


@dataclass(frozen=True)
class CounterSlots(Action, verb="Mo"):
    """Mo:<request>:<page>: the slots one may propose instead."""

    request: RecordId
    page: int = 0


@dataclass(frozen=True)
class Counter(Action, verb="Mn"):
    request: RecordId
    slot: RecordId


@dataclass(frozen=True)
class CancelMeeting(Action, verb="Mx"):
    request: RecordId


ACTIONS = (
    MatchingTap,
    EditFacet,
    ToggleItem,
    Suggestions,
    OpenProfile,
    ChooseSlot,
    RequestSlot,
    SendRequest,
    OpenRequest,
    Accept,
    Decline,
    CounterSlots,
    Counter,
    CancelMeeting,
)
