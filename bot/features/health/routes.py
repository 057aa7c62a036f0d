"""/health, for organizers: the bot's own health in their language (its Refresh is theirs)."""

from __future__ import annotations

from bot.features.health import screens
from bot.features.health.actions import HealthTap
from bot.features.health.service import Health
from bot.i18n import N_
from bot.ui.model import Screen
from bot.ui.routes import Command, FeatureRoutes, Request, Who, on


def routes(health: Health) -> FeatureRoutes:
    async def show(request: Request) -> Screen:
        report = await health.report()
        try:
            depth = await health.outbox_depth()
        except Exception:  # the report says what is wrong with the database
            depth = {}
        by_status: dict[str, int] = {}
        for (_kind, status), count in depth.items():
            by_status[status] = by_status.get(status, 0) + count
        return screens.health(request.view, report, by_status)

    return FeatureRoutes(
        commands=(Command("health", N_("Is the bot working?"), show, who=Who.ORGANIZERS),),
        buttons=(on(HealthTap.SHOW, show, Who.ORGANIZERS),),
    )
