"""The speakers' command and buttons: /speakers (with part of a name: those it matches), its
pages, a speaker's card, and the deep link t.me/<bot>?start=p_<code> to a card."""

from __future__ import annotations

from bot.features.speakers import screens
from bot.features.speakers.actions import SpeakersPage
from bot.i18n import N_
from bot.ui.answer import Answer
from bot.ui.model import Screen
from bot.ui.routes import Command, DeepLink, FeatureRoutes, Request, on
from bot.ui.sessions import SPEAKER_LINK, OpenSpeaker


def routes() -> FeatureRoutes:
    async def first_page(request: Request) -> Screen:
        if request.args:
            return screens.found(request.view, " ".join(request.args))
        return screens.speakers(request.view, 0)

    async def page(request: Request, action: SpeakersPage) -> Screen:
        return screens.speakers(request.view, action.page)

    async def card(request: Request, action: OpenSpeaker) -> Answer | None:
        return screens.speaker(request.view, action.index, action.page)

    async def linked_card(request: Request, code: str) -> Answer | None:
        """/start p_<code>: that speaker's card."""
        index = screens.index_of_code(request.view, code)
        return None if index is None else screens.speaker(request.view, index, 0)

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
        deep_links=(DeepLink("start", SPEAKER_LINK, linked_card, screens.speaker_not_found),),
    )
