"""The survey's command and buttons, for organizers: /survey previews, a button sends."""

from __future__ import annotations

from bot.features.survey import screens
from bot.features.survey.actions import SendSurvey
from bot.features.survey.service import Surveys
from bot.i18n import N_
from bot.storage import Storage
from bot.ui.model import Screen
from bot.ui.routes import TELEGRAM_ONLY, Command, FeatureRoutes, Request, Who, on


def routes(surveys: Surveys, storage: Storage) -> FeatureRoutes:
    async def preview(request: Request) -> Screen:
        reachable = await storage.users.reachable_by_language()
        title = surveys.definition.titles[request.view.t.lang]
        return screens.survey_preview(request.view, title, reachable)

    async def send(request: Request, action: SendSurvey) -> Screen:
        recipients = await storage.users.reachable(action.audience.language)
        return screens.survey_queued(request.view, await surveys.send(recipients))

    return FeatureRoutes(
        commands=(
            Command(
                "survey",
                N_("Send the event survey"),
                preview,
                who=Who.ORGANIZERS,
                channels=TELEGRAM_ONLY,
            ),
        ),
        buttons=(on(SendSurvey, send, Who.ORGANIZERS),),
    )
