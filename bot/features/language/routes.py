"""/language, its plain words and buttons: the choice, and speaking the one chosen."""

from __future__ import annotations

from dataclasses import replace

from bot.features.language import screens
from bot.features.language.actions import SetLanguage
from bot.i18n import N_, Catalogs
from bot.storage import Storage
from bot.ui.actions import Go
from bot.ui.model import Screen
from bot.ui.routes import Command, FeatureRoutes, Redirect, Request, on


def routes(storage: Storage, catalogs: Catalogs) -> FeatureRoutes:
    async def picker(request: Request) -> Screen:
        return screens.language_picker(request.view)

    async def choose(request: Request, action: SetLanguage) -> Redirect:
        """The main menu, in the language chosen, with a word in it that it is done."""
        await storage.users.set_language(request.user_id, action.code)
        spoken = replace(request.view, t=catalogs[action.code])
        return Redirect(Go.HOME, screens.language_changed(spoken))

    return FeatureRoutes(
        commands=(
            Command(
                "language",
                N_("Change the language"),
                picker,
                words=("language", "ngon ngu", "langue", "tieng viet", "english", "francais"),
            ),
        ),
        buttons=(on(Go.LANGUAGE, picker), on(SetLanguage, choose)),
    )
