"""/staff, for organizers: who is staff, and granting or revoking it in the chat."""

from __future__ import annotations

from bot.features.staff.service import StaffAdmin
from bot.i18n import N_
from bot.ui.model import Screen
from bot.ui.routes import TELEGRAM_ONLY, Command, FeatureRoutes, Request, Who


def routes(staff: StaffAdmin) -> FeatureRoutes:
    async def command(request: Request) -> Screen:
        return await staff.command(request.view, request.user_id, request.args)

    return FeatureRoutes(
        commands=(
            Command(
                "staff",
                N_("Grant or revoke staff access"),
                command,
                who=Who.ORGANIZERS,
                channels=TELEGRAM_ONLY,
            ),
        ),
    )
