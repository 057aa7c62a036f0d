"""/staff add|remove <user id>: organizers grant and revoke staff in the chat.

The role is checked here on every call; the person concerned is told through the outbox
(if they ever talked to the bot: Telegram refuses chats that never started).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from enum import Enum

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


class Change(Enum):
    """What a grant or a revocation did (every channel words it its own way)."""

    GRANTED = "granted"
    ALREADY_STAFF = "already-staff"
    REVOKED = "revoked"
    CONFIGURED = "configured"  # staff through VIDW_STAFF: only the configuration takes it back
    NOT_GRANTED = "not-granted"
    NOT_ALLOWED = "not-allowed"  # the one asking is not an organizer


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
        verb, target = args[0].lower(), user_id_of(args[1:])
        if target is None or verb not in ("add", "remove"):
            return screens.bad_request(view)
        if verb == "add":
            change = await self.grant(user_id, target)
            return screens.granted(view, target, new=change is Change.GRANTED)
        change = await self.revoke(user_id, target)
        return screens.revoked(
            view,
            target,
            removed=change is Change.REVOKED,
            configured=change is Change.CONFIGURED,
        )

    async def grant(self, organizer_id: int, target: int) -> Change:
        if not self._roles.is_organizer(organizer_id):
            return Change.NOT_ALLOWED
        if not await self._roles.grant(target, organizer_id, self._clock.now()):
            return Change.ALREADY_STAFF
        await self._tell(target, screens.welcome)
        await self._changed(target)
        return Change.GRANTED

    async def revoke(self, organizer_id: int, target: int) -> Change:
        """Also ends the person's console sessions once they are no longer staff."""
        if not self._roles.is_organizer(organizer_id):
            return Change.NOT_ALLOWED
        removed = await self._roles.revoke(target)
        if removed and not self._roles.is_staff(target):
            await self._storage.console.revoke_user(target, self._clock.now())
            await self._tell(target, screens.farewell)
            await self._changed(target)
        if removed:
            return Change.REVOKED
        return Change.CONFIGURED if target in self._roles.configured_staff else Change.NOT_GRANTED

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


def user_id_of(args: Sequence[str]) -> int | None:
    """A user id as typed (one number in Telegram's range), else None."""
    if len(args) != 1 or not args[0].strip().isdigit():
        return None
    number = int(args[0].strip())
    return number if 0 < number < TELEGRAM_ID_LIMIT else None
