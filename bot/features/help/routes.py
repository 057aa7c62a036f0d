"""/help and the main menu's Help button."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from bot.features.help.screens import help_screen
from bot.i18n import N_
from bot.ui.actions import Go
from bot.ui.model import Screen
from bot.ui.routes import Command, FeatureRoutes, Request, on


def routes(menu: Callable[[], Sequence[Command]]) -> FeatureRoutes:
    """`menu`: the commands everyone sees, from the route table this is part of."""

    async def show(request: Request) -> Screen:
        return help_screen(request.view, menu())

    return FeatureRoutes(
        commands=(
            Command(
                "help",
                N_("How to use this bot"),
                show,
                words=("help", "tro giup", "giup", "huong dan", "aide"),
            ),
        ),
        buttons=(on(Go.HELP, show),),
    )
