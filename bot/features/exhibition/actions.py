"""The exhibition's buttons: the themes, the booth areas, a page of exhibitors, a card.

The way in from the main menu is `Go.EXHIBITION`; a card's 📍 is `VenuePlace` (bot/ui/places.py),
which the venues feature answers. Exhibitors are named by their place in the booth order of the
file in use (a booth code does not fit a button's number fields)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum, StrEnum

from bot.ui.actions import Action, Back, Plain


class ExhibitionTap(Plain):
    THEMES = "xth"  # the themes, with how many exhibitors each
    AREAS = "xar"  # the booth areas
    CANCEL_LEAD = "xcn"  # stop typing a contact: nothing is shared


class ExhibitionVerb(StrEnum):
    LIST = "xl"
    CARD = "x"
    SHARE = "xs"
    CONFIRM = "xc"
    WITHDRAW = "xw"


class Listing(IntEnum):
    ALL = 0
    THEME = 1
    AREA = 2


@dataclass(frozen=True)
class ExhibitorsPage(Action, verb=ExhibitionVerb.LIST):
    """xl:<listing>:<theme or area>:<page>: a page of exhibitors."""

    listing: Listing
    of: int
    page: int


@dataclass(frozen=True)
class OpenExhibitor(Action, verb=ExhibitionVerb.CARD):
    """x:<exhibitor>[:<back>]: an exhibitor's card, and where its Back button returns to."""

    exhibitor: int
    back: Back = None


@dataclass(frozen=True)
class ShareContact(Action, verb=ExhibitionVerb.SHARE):
    """xs:<exhibitor>:<retype>: start sharing a contact (the details last shared, to confirm;
    retype: typed anew)."""

    exhibitor: int
    retype: bool = False


@dataclass(frozen=True)
class ConfirmLead(Action, verb=ExhibitionVerb.CONFIRM):
    """xc:<exhibitor>: share the contact just shown with this exhibitor."""

    exhibitor: int


@dataclass(frozen=True)
class WithdrawLead(Action, verb=ExhibitionVerb.WITHDRAW):
    """xw:<exhibitor>: withdraw the contact shared with this exhibitor."""

    exhibitor: int


ACTIONS = (ExhibitionTap, ExhibitorsPage, OpenExhibitor, ShareContact, ConfirmLead, WithdrawLead)
