"""The venues' commands, plain words and buttons: /venue, /transport, a venue and its map
pin, the practical topics, and the 📍 of a session card."""

from __future__ import annotations

from collections.abc import Callable

from bot.features.venues import screens
from bot.features.venues.actions import OpenTopic, OpenVenue, VenuePin, VenuePlan, VenuesTap
from bot.features.venues.guide import Guide
from bot.i18n import N_
from bot.ui.actions import Go
from bot.ui.answer import Answer
from bot.ui.model import Screen
from bot.ui.places import VenuePlace
from bot.ui.routes import Command, DeepLink, FeatureRoutes, Request, on
from bot.ui.sessions import SessionPlace

VENUE_LINK = "v_"  # t.me/<bot>?start=v_<venue id> opens that venue


def routes(
    guide: Guide, plan_url: Callable[[str], str | None] = lambda _name: None
) -> FeatureRoutes:
    """`plan_url`: a floor plan's file name → its public URL (None: not served publicly)."""

    def plan_of(index: int) -> str | None:
        place = guide.venue(index)
        return plan_url(place.floor_plan) if place is not None and place.floor_plan else None

    async def venues(request: Request) -> Screen:
        return screens.venues(request.view, guide)

    async def venue(request: Request, action: OpenVenue) -> Screen | None:
        if guide.venue(action.venue) is None:
            return None
        return screens.venue(request.view, guide, action.venue, plan_of(action.venue))

    async def plan(request: Request, action: VenuePlan) -> Answer | None:
        place, url = guide.venue(action.venue), plan_of(action.venue)
        if place is None or url is None:
            return None
        venue_screen = screens.venue(request.view, guide, action.venue, url)
        return Answer(venue_screen, previews=(screens.floor_plan(request.view, place, url),))

    async def place(request: Request, action: VenuePlace) -> Screen | None:
        """Another feature's 📍 (the exhibition's "where")."""
        if guide.venue(action.venue) is None:
            return None
        return screens.venue(request.view, guide, action.venue)

    async def pin(request: Request, action: VenuePin) -> Answer | None:
        place = guide.venue(action.venue)
        if place is None:
            return None
        return Answer(None, pin=screens.pin(request.view, place))

    async def session_place(request: Request, action: SessionPlace) -> Answer | Screen | None:
        """The 📍 of a card: its room's venue, or the venues with a word why."""
        session = request.view.schedule.session(action.key)
        if session is None:
            return None
        index = guide.venue_of_room(session.room)
        if index is None:
            return Answer(
                screens.venues(request.view, guide), screens.room_not_listed(request.view)
            )
        return screens.venue(request.view, guide, index, plan_of(index))

    async def transport(request: Request) -> Screen:
        return screens.transport(request.view, guide)

    async def topics(request: Request) -> Screen:
        return screens.topics(request.view, guide)

    async def topic(request: Request, action: OpenTopic) -> Screen | None:
        if not 0 <= action.topic < len(guide.topics):
            return None
        return screens.topic(request.view, guide, action.topic)

    async def linked_venue(request: Request, venue_id: str) -> Screen | None:
        """/start v_<venue id> (t.me/<bot>?start=v_hanoi): that venue."""
        index = guide.index_of(venue_id)
        return None if index is None else screens.venue(request.view, guide, index, plan_of(index))

    return FeatureRoutes(
        commands=(
            Command(
                "venue",
                N_("Venues, halls and practical information"),
                venues,
                words=("venue", "venues", "dia diem", "lieu", "lieux", "salles"),
            ),
            Command(
                "transport",
                N_("Coaches between Ninh Binh and Hanoi"),
                transport,
                words=("transport", "coach", "coaches", "xe", "xe dua don", "navette", "navettes"),
            ),
        ),
        buttons=(
            on(Go.VENUES, venues),
            on(VenuesTap.TRANSPORT, transport),
            on(VenuesTap.TOPICS, topics),
            on(OpenVenue, venue),
            on(VenuePin, pin),
            on(VenuePlan, plan),
            on(OpenTopic, topic),
            on(SessionPlace, session_place),
            on(VenuePlace, place),
        ),
        deep_links=(DeepLink("start", VENUE_LINK, linked_venue, screens.venue_not_found),),
    )
