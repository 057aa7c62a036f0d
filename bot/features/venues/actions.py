"""The venues' buttons: a venue, its map pin, the coaches, the practical topics.

The way in from the main menu is `Go.VENUES`, and from a session card `SessionPlace`
(bot/ui/sessions.py): other features put those on their buttons."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from bot.ui.actions import Action, Plain


class VenuesTap(Plain):
    TRANSPORT = "bus"  # the coaches between the cities
    TOPICS = "info"  # the practical topics


class VenuesVerb(StrEnum):
    VENUE = "V"
    PIN = "Vm"
    TOPIC = "Vt"
    PLAN = "Vp"


@dataclass(frozen=True)
class OpenVenue(Action, verb=VenuesVerb.VENUE):
    """V:<venue>: one venue: address, halls, what is on there today."""

    venue: int


@dataclass(frozen=True)
class VenuePin(Action, verb=VenuesVerb.PIN):
    """Vm:<venue>: the venue's map pin, sent as a message of its own."""

    venue: int


@dataclass(frozen=True)
class VenuePlan(Action, verb=VenuesVerb.PLAN):
    """Vp:<venue>: the venue's floor plan, a photo above the venue."""

    venue: int


@dataclass(frozen=True)
class OpenTopic(Action, verb=VenuesVerb.TOPIC):
    """Vt:<topic>: one practical topic."""

    topic: int


ACTIONS = (VenuesTap, OpenVenue, VenuePin, VenuePlan, OpenTopic)
