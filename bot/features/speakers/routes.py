"""The speakers' command and buttons: /speakers, its pages, a speaker's card."""

from __future__ import annotations

from bot.features.speakers import screens
from bot.features.speakers.actions import SpeakersPage
from bot.i18n import N_
from bot.ui.model import Screen
from bot.ui.routes import Command, FeatureRoutes, Request, on
from bot.ui.sessions import OpenSpeaker


def routes() -> FeatureRoutes:
    async def first_page(request: Request) -> Screen:
        return screens.speakers(request.view, 0)

    async def page(request: Request, action: SpeakersPage) -> Screen:
        return screens.speakers(request.view, action.page)

    async def card(request: Request, action: OpenSpeaker) -> Screen | None:
        return screens.speaker(request.view, action.index, action.page)

    return FeatureRoutes(
        commands=(
            Command(
                "speakers",
                N_("Who speaks: the speakers and their sessions"),
                first_page,
                words=("speakers", "speaker", "dien gia", "intervenants", "orateurs"),
            ),
        ),
        buttons=(on(SpeakersPage, page), on(OpenSpeaker, card)),
    )
