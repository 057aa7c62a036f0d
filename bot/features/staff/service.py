"""/staff add|remove <user id>: organizers grant and revoke staff in the chat.

The role is checked here on every call; the person concerned is told through the outbox
(if they ever talked to the bot: Telegram refuses chats that never started).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence

from bot.channels import TELEGRAM_ID_LIMIT
from bot.clock import Clock
from bot.delivery.service import Delivery
from bot.features.staff import screens as screens
from bot.outgoing import Outgoing, screen_payload
from bot.roles import Roles
from bot.storage import Storage, UserProfile
from bot.ui.model import Screen
from bot.ui.refusals import not_allowed
from bot.ui.view import View

KIND = "staff"


class StaffAdmin:
    def __init__(
        self,
        roles: Roles,
        storage: Storage,
        delivery: Delivery,
        clock: Clock,
        view_of: Callable[[UserProfile], View],
    ) -> None:
        self._roles = roles
        self._storage = storage
        self._delivery = delivery
        self._clock = clock
        self._view_of = view_of
        # The channel shows the new role in the person's menu (set by the composition root).
        self.on_change: Callable[[int], Awaitable[None]] | None = None

    async def command(self, view: View, user_id: int, args: Sequence[str]) -> Screen:
        if not self._roles.is_organizer(user_id):
            return not_allowed(view)
        if not args:
            return screens.overview(view, self._roles.configured_staff, self._roles.granted_staff)
        verb, target = args[0].lower(), _user_id(args[1:])
        if target is None or verb not in ("add", "remove"):
            return screens.bad_request(view)
        if verb == "add":
            new = await self._roles.grant(target, user_id, self._clock.now())
            if new:
                await self._tell(target, screens.welcome)
                await self._changed(target)
            return screens.granted(view, target, new=new)
        removed = await self._roles.revoke(target)
        if removed and not self._roles.is_staff(target):
            await self._tell(target, screens.farewell)
            await self._changed(target)
        configured = target in self._roles.configured_staff
        return screens.revoked(view, target, removed=removed, configured=configured)

    async def _changed(self, user_id: int) -> None:
        if self.on_change is not None:
            await self.on_change(user_id)

    async def _tell(self, user_id: int, screen: Callable[[View], Screen]) -> None:
        profile = await self._storage.users.get(user_id)
        if profile is None or profile.blocked:
            return
        stamp = self._clock.now().isoformat()
        item = Outgoing(
            user_id, screen_payload(screen(self._view_of(profile))), f"staff:{user_id}:{stamp}"
        )
        await self._delivery.enqueue(KIND, KIND, [item], urgent=True)


def _user_id(args: Sequence[str]) -> int | None:
    if len(args) != 1 or not args[0].isdigit():
        return None
    number = int(args[0])
    return number if 0 < number < TELEGRAM_ID_LIMIT else None
