"""The exhibition as the bot sees it: exhibitors with their booth, themes and what they seek.

Read from data/exhibitors.json (loader.py); every text is given in vi, en and fr.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

Texts = Mapping[str, str]  # language -> text, every language present


class Seeks(StrEnum):
    """What an exhibitor comes to the exhibition for (the file's words)."""

    PARTNERS = "partners"
    INVESTORS = "investors"
    PUBLIC_BUYERS = "public-buyers"


@dataclass(frozen=True)
class Theme:
    id: str
    names: Texts


@dataclass(frozen=True)
class Area:
    """A part of the exhibition ground: booths A01…A09 are in area A."""

    id: str
    names: Texts
    where: Texts  # how to find it on the ground


@dataclass(frozen=True)
class Exhibitor:
    booth: str  # "B12": printed on the booth, typed by Zalo users, in the t.me link
    names: Texts
    short: Texts  # one line, in lists
    long: Texts  # the card
    themes: tuple[str, ...]  # Theme ids
    area: str  # an Area id
    location: Texts  # where the booth is within its area
    website: str | None
    logo: str | None
    seeks: tuple[Seeks, ...]


@dataclass(frozen=True)
class Catalogue:
    venue: str  # the venues guide's id of the exhibition's venue
    themes: tuple[Theme, ...]
    areas: tuple[Area, ...]
    exhibitors: tuple[Exhibitor, ...]  # in booth order
    notes: Texts  # said on every exhibition screen: what is illustrative
    illustrative: bool

    def exhibitor(self, index: int) -> Exhibitor | None:
        return self.exhibitors[index] if 0 <= index < len(self.exhibitors) else None

    def index_of_booth(self, booth: str) -> int | None:
        """The exhibitor at `booth`, any case ("b12" is B12)."""
        wanted = booth.strip().upper()
        return next((i for i, e in enumerate(self.exhibitors) if e.booth == wanted), None)

    def in_theme(self, index: int) -> list[int]:
        theme = self.themes[index].id
        return [i for i, e in enumerate(self.exhibitors) if theme in e.themes]

    def in_area(self, index: int) -> list[int]:
        area = self.areas[index].id
        return [i for i, e in enumerate(self.exhibitors) if e.area == area]

    def area_of(self, exhibitor: Exhibitor) -> Area:
        return next(a for a in self.areas if a.id == exhibitor.area)

    def theme_names(self, exhibitor: Exhibitor, lang: str) -> list[str]:
        return [t.names[lang] for t in self.themes if t.id in exhibitor.themes]
