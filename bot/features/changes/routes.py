"""/reload, for organizers: apply the schedule file now and say what changed."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import replace

from bot.features.changes import screens
from bot.features.changes.service import ReloadResult
from bot.i18n import N_
from bot.programme.current import CurrentProgramme
from bot.ui.model import Screen
from bot.ui.routes import TELEGRAM_ONLY, Command, FeatureRoutes, Request, Who


def routes(
    reload: Callable[[int], Awaitable[ReloadResult]], programme: CurrentProgramme
) -> FeatureRoutes:
    """`reload`: reads the schedule file again and applies it (ProgrammeReload.check)."""

    async def apply(request: Request) -> Screen:
        outcome = await reload(request.user_id)
        view = replace(request.view, schedule=programme.schedule)  # the new one, if applied
        if outcome.error is not None:
            return screens.refused(view, outcome.error)
        if outcome.changes is None or outcome.changes.empty:
            return screens.unchanged(view)
        return screens.summary(view, outcome.changes, outcome.notices)

    return FeatureRoutes(
        commands=(
            Command(
                "reload",
                N_("Apply the schedule file now"),
                apply,
                who=Who.ORGANIZERS,
                channels=TELEGRAM_ONLY,
            ),
        ),
    )
