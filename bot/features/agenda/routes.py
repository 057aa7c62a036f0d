"""The agenda's commands, plain words and buttons: /agenda, its calendar file, a session's card
and following it, and the deep link t.me/<bot>?start=s_<code> to a card."""

from __future__ import annotations

from bot.features.agenda.actions import AgendaPage, AgendaTap, ToggleFollow
from bot.features.agenda.service import AgendaService
from bot.i18n import N_
from bot.ui.actions import Go
from bot.ui.answer import Answer
from bot.ui.model import Screen
from bot.ui.routes import Command, DeepLink, FeatureRoutes, Request, on
from bot.ui.sessions import SESSION_LINK, OpenSession, session_not_found


def routes(agenda: AgendaService) -> FeatureRoutes:
    async def open_agenda(request: Request) -> Screen:
        return await agenda.agenda(request.view, request.user_id)

    async def page(request: Request, action: AgendaPage) -> Screen:
        return await agenda.agenda(request.view, request.user_id, action.page)

    async def calendar(request: Request) -> Answer:
        return Answer(None, attachments=(await agenda.calendar(request.view, request.user_id),))

    async def card(request: Request, action: OpenSession) -> Screen | None:
        return await agenda.card(request.view, request.user_id, action.key, action.back)

    async def follow(request: Request, action: ToggleFollow) -> Screen | None:
        return await agenda.toggle_follow(request.view, request.user_id, action.key, action.back)

    async def linked_card(request: Request, key: str) -> Screen | None:
        """/start s_<code>: the card, and the main menu behind its Back button."""
        return await agenda.card(request.view, request.user_id, key, Go.HOME)

    return FeatureRoutes(
        commands=(
            Command(
                "agenda",
                N_("My agenda: the sessions I follow"),
                open_agenda,
                words=("agenda", "my agenda", "lich ca nhan", "lich cua toi", "mon agenda"),
            ),
        ),
        buttons=(
            on(Go.AGENDA, open_agenda),
            on(AgendaPage, page),
            on(AgendaTap.CALENDAR, calendar),
            on(OpenSession, card),
            on(ToggleFollow, follow),
        ),
        deep_links=(DeepLink("start", SESSION_LINK, linked_card, session_not_found),),
    )
