"""Who may do what. Checked on the server for every privileged command and button.

Organizers and staff come from the environment (VIDW_ORGANIZERS, VIDW_STAFF); organizers can
also grant and revoke staff in the chat (/staff), kept in the database and mirrored here so
each check stays a set lookup.
"""

from __future__ import annotations

from datetime import datetime

from bot.config import Settings
from bot.storage.staff import StaffStore


class Roles:
    def __init__(self, settings: Settings, store: StaffStore | None = None) -> None:
        self._organizers = settings.organizers
        self._configured_staff = settings.staff
        self._store = store
        self._granted: set[int] = set()

    async def load(self) -> None:
        if self._store is not None:
            self._granted = await self._store.granted()

    @property
    def organizers(self) -> frozenset[int]:
        return self._organizers

    @property
    def configured_staff(self) -> frozenset[int]:
        return self._configured_staff

    @property
    def granted_staff(self) -> frozenset[int]:
        return frozenset(self._granted)

    def is_organizer(self, user_id: int) -> bool:
        return user_id in self._organizers

    def is_staff(self, user_id: int) -> bool:
        return (
            user_id in self._configured_staff
            or user_id in self._granted
            or self.is_organizer(user_id)
        )

    async def grant(self, user_id: int, organizer_id: int, now: datetime) -> bool:
        """True if `user_id` was not staff before."""
        if self._store is None:
            raise RuntimeError("staff cannot be granted without storage")
        was_staff = self.is_staff(user_id)
        await self._store.grant(user_id, organizer_id, now)
        self._granted.add(user_id)
        return not was_staff

    async def revoke(self, user_id: int) -> bool:
        """True if a grant was removed (staff from VIDW_STAFF cannot be revoked in the chat)."""
        if self._store is None:
            return False
        removed = await self._store.revoke(user_id)
        self._granted.discard(user_id)
        return removed

    def forget(self, user_id: int) -> None:
        """The user's data was deleted (/forget), grant included."""
        self._granted.discard(user_id)
