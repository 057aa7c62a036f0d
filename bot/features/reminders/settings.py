"""A person's reminder settings: on or off, how long before a session, highlighted sessions."""

from __future__ import annotations

from bot.features.reminders import screens
from bot.storage import Storage
from bot.ui.model import Screen
from bot.ui.view import View


class ReminderSettings:
    def __init__(self, storage: Storage) -> None:
        self._users = storage.users

    async def screen(self, view: View, user_id: int) -> Screen | None:
        profile = await self._users.get(user_id)
        return None if profile is None else screens.reminder_settings(view, profile)

    async def set_lead_minutes(self, view: View, user_id: int, minutes: int) -> Screen | None:
        await self._users.set_lead_minutes(user_id, minutes)
        return await self.screen(view, user_id)

    async def set_reminders(self, view: View, user_id: int, *, on: bool) -> Screen | None:
        await self._users.set_reminders(user_id, on=on)
        return await self.screen(view, user_id)

    async def set_featured(self, view: View, user_id: int, *, on: bool) -> Screen | None:
        await self._users.set_featured_reminders(user_id, on=on)
        return await self.screen(view, user_id)
