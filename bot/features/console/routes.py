"""/console, for staff and organizers in the Telegram chat: a one-time link to the web console.

Telegram only: the link is a key to the console and Telegram's chat with the bot is where staff
are known by their id. Zalo-only setups use `vidw-bot console-link USER_ID` on the server.
"""

from __future__ import annotations

from bot.features.console import screens
from bot.features.console.access import ConsoleAccess
from bot.i18n import N_
from bot.ui.model import Screen
from bot.ui.routes import TELEGRAM_ONLY, Command, FeatureRoutes, Request, Who


def routes(access: ConsoleAccess | None) -> FeatureRoutes:
    """`access` None: the console is not served here (VIDW_CONSOLE_LISTEN=off)."""

    async def link(request: Request) -> Screen:
        if access is None:
            return screens.not_served(request.view)
        url = await access.link(request.user_id)
        if url is None:  # the role check passed a moment ago: a grant was just taken back
            return screens.not_served(request.view)
        return screens.link(request.view, url)

    return FeatureRoutes(
        commands=(
            Command(
                "console",
                N_("Staff console (web)") if access is not None else None,  # None: no menu
                link,
                who=Who.STAFF,
                channels=TELEGRAM_ONLY,
            ),
        ),
    )
