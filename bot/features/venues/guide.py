"""The venues guide as the bot sees it: venues with their halls, coaches, practical topics.

Read from data/venues.json at start (loader.py); every text is given in vi, en and fr.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

Texts = Mapping[str, str]  # language -> text, every language present


@dataclass(frozen=True)
class Wifi:
    network: str
    password: str


@dataclass(frozen=True)
class Hall:
    room: str  # a room name of the programme
    where: Texts


@dataclass(frozen=True)
class Venue:
    id: str
    names: Texts
    addresses: Texts
    latitude: float
    longitude: float
    map_url: str
    hours: Texts
    help_desk: Texts
    wifi: Wifi | None
    halls: tuple[Hall, ...]
    floor_plan: str | None = None  # a file name in floorplans/ beside the venues file

    @property
    def rooms(self) -> frozenset[str]:
        return frozenset(hall.room for hall in self.halls)


@dataclass(frozen=True)
class Coach:
    departs: datetime  # aware, in the programme's zone
    arrives: datetime
    origin: str  # a venue id
    destination: str
    pickup: Texts


@dataclass(frozen=True)
class Topic:
    titles: Texts
    texts: Texts


@dataclass(frozen=True)
class Guide:
    venues: tuple[Venue, ...]
    coaches: tuple[Coach, ...]  # by departure
    topics: tuple[Topic, ...]
    notes: Texts  # said on every venue screen: what is illustrative
    illustrative: bool

    def venue(self, index: int) -> Venue | None:
        return self.venues[index] if 0 <= index < len(self.venues) else None

    def index_of(self, venue_id: str) -> int | None:
        return next((i for i, v in enumerate(self.venues) if v.id == venue_id), None)

    def venue_of_room(self, room: str) -> int | None:
        """The index of the venue whose halls include `room`, if one does."""
        return next((i for i, v in enumerate(self.venues) if room in v.rooms), None)

    def unmatched_rooms(self, rooms: set[str]) -> list[str]:
        """Rooms of the programme that no venue lists, sorted."""
        listed = {hall.room for venue in self.venues for hall in venue.halls}
        return sorted(rooms - listed)
