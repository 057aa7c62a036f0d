"""The reminders' command, plain words and the buttons of their settings."""

from __future__ import annotations

from bot.features.reminders.actions import SetFeaturedReminders, SetLeadTime, SetReminders
from bot.features.reminders.settings import ReminderSettings
from bot.i18n import N_
from bot.ui.actions import Go
from bot.ui.model import Screen
from bot.ui.routes import Command, FeatureRoutes, Request, on


def routes(settings: ReminderSettings) -> FeatureRoutes:
    async def open_settings(request: Request) -> Screen | None:
        return await settings.screen(request.view, request.user_id)

    async def lead_time(request: Request, action: SetLeadTime) -> Screen | None:
        return await settings.set_lead_minutes(request.view, request.user_id, action.minutes)

    async def reminders(request: Request, action: SetReminders) -> Screen | None:
        return await settings.set_reminders(request.view, request.user_id, on=action.on)

    async def featured(request: Request, action: SetFeaturedReminders) -> Screen | None:
        return await settings.set_featured(request.view, request.user_id, on=action.on)

    async def command(request: Request) -> Screen:
        screen = await open_settings(request)
        assert screen is not None  # the navigator met the person before asking
        return screen

    return FeatureRoutes(
        commands=(
            Command(
                "reminders",
                N_("Reminder settings"),
                command,
                words=("reminders", "nhac", "loi nhac", "nhac nho", "rappels"),
            ),
        ),
        buttons=(
            on(Go.REMINDERS, open_settings),
            on(SetLeadTime, lead_time),
            on(SetReminders, reminders),
            on(SetFeaturedReminders, featured),
        ),
    )
