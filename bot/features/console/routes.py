"""/console, for staff and organizers in the Telegram chat: a one-time link to the web console.

Telegram only: the link is a key to the console and Telegram's chat with the bot is where staff
are known by their id. Zalo-only setups use `vidw-bot console-link USER_ID` on the server.
"""

from __future__ import annotations

from bot.features.console import screens
from bot.features.console.access import ConsoleAccess
from bot.ui.model import Screen
from bot.ui.refusals import refusal
from bot.ui.routes import TELEGRAM_ONLY, Command, FeatureRoutes, Request, Who


def routes(access: ConsoleAccess | None) -> FeatureRoutes:
    """`access` None: the console is not served here (VIDW_CONSOLE_LISTEN=off)."""

    async def link(request: Request) -> Screen:
        # Open to everyone in the route table: moderators of a session's questions are not
        # staff, yet have the console; anyone else gets the refusal privileged commands give.
        if access is None:
            return screens.not_served(request.view)
        url = await access.link(request.user_id)
        if url is None:
            return refusal(request.view, Who.STAFF)
        return screens.link(request.view, url)

    return FeatureRoutes(
        commands=(
            Command(
                "console",
                None,  # not in the menus: they are by role, and moderators have none
                link,
                who=Who.EVERYONE,  # checked above: staff, organizers and moderators
                channels=TELEGRAM_ONLY,
            ),
        ),
    )
