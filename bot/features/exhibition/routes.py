"""The exhibition's command, plain words and buttons: /exhibition, the themes, the booth areas,
a page of exhibitors, a card; a booth's t.me link (x_B12) and its code typed as text ("B12")."""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.features.exhibition import screens
from bot.features.exhibition.actions import ExhibitionTap, ExhibitorsPage, OpenExhibitor
from bot.features.exhibition.finder import find
from bot.features.exhibition.loader import ExhibitorsFile
from bot.i18n import N_
from bot.ui.actions import Go
from bot.ui.finds import Found
from bot.ui.model import Screen
from bot.ui.routes import Command, DeepLink, FeatureRoutes, Redirect, Request, TypedText, on
from bot.ui.view import View

BOOTH_LINK = "x_"  # t.me/<bot>?start=x_B12 opens the exhibitor at booth B12
# "B12" as people type it: any case, a space or a dash after the letter.
_TYPED_BOOTH = re.compile(r"\s*([A-Za-z])\s*[-‐–— ]?\s*([0-9]{1,3})\s*")


def typed_booth(text: str) -> str | None:
    """The booth code `text` is, written the one way booths are ("b 12" → "B12"); else None."""
    found = _TYPED_BOOTH.fullmatch(text)
    return found.group(1).upper() + str(int(found.group(2))) if found else None


def finder(exhibits: ExhibitorsFile) -> Callable[[View, str], list[Found]]:
    """What a search of the programme offers besides sessions: the exhibitors it finds."""

    def exhibitors(view: View, query: str) -> list[Found]:
        catalogue = exhibits.catalogue
        return screens.found(view, catalogue, find(catalogue, query))

    return exhibitors


def routes(exhibits: ExhibitorsFile, venue_of: Callable[[str], int | None]) -> FeatureRoutes:
    """`venue_of`: the venues guide's index of a venue id (the exhibition's 📍)."""

    def venue() -> int | None:
        return venue_of(exhibits.catalogue.venue)

    async def front(request: Request) -> Screen:
        return screens.front(request.view, exhibits.catalogue, venue())

    async def themes(request: Request) -> Screen:
        return screens.themes(request.view, exhibits.catalogue)

    async def areas(request: Request) -> Screen:
        return screens.areas(request.view, exhibits.catalogue)

    async def listing(request: Request, action: ExhibitorsPage) -> Screen | None:
        return screens.listing(request.view, exhibits.catalogue, action)

    async def card(request: Request, action: OpenExhibitor) -> Screen | None:
        catalogue = exhibits.catalogue
        if catalogue.exhibitor(action.exhibitor) is None:
            return None
        return screens.card(request.view, catalogue, action.exhibitor, action.back, venue())

    async def linked(request: Request, booth: str) -> Screen | None:
        """/start x_B12: that booth's exhibitor."""
        catalogue = exhibits.catalogue
        index = catalogue.index_of_booth(booth)
        if index is None:
            return None
        return screens.card(request.view, catalogue, index, Go.HOME, venue())

    async def code(request: Request, typed: TypedText) -> Redirect | None:
        """A booth code typed as a message (Zalo has no t.me links): its card; anything else,
        or a code no booth has, reads on (a search)."""
        booth = typed_booth(typed.text)
        index = None if booth is None else exhibits.catalogue.index_of_booth(booth)
        return None if index is None else Redirect(OpenExhibitor(index, Go.HOME))

    return FeatureRoutes(
        commands=(
            Command(
                "exhibition",
                N_("The exhibition: exhibitors by theme and booth"),
                front,
                words=(
                    "exhibition",
                    "exhibitors",
                    "trien lam",
                    "gian hang",
                    "exposition",
                    "exposants",
                ),
            ),
        ),
        buttons=(
            on(Go.EXHIBITION, front),
            on(ExhibitionTap.THEMES, themes),
            on(ExhibitionTap.AREAS, areas),
            on(ExhibitorsPage, listing),
            on(OpenExhibitor, card),
        ),
        reads_text=code,
        deep_links=(DeepLink("start", BOOTH_LINK, linked, screens.not_found),),
    )
