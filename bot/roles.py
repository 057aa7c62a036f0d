"""Who may do what. Checked on the server for every privileged command and button.

Organizers and staff come from the environment (VIDW_ORGANIZERS, VIDW_STAFF); organizers can
also grant and revoke staff in the chat (/staff), kept in the database and mirrored here so
each check stays a set lookup.
"""

from __future__ import annotations

from datetime import datetime

from bot.config import Settings
from bot.storage.questions import QuestionStore
from bot.storage.staff import StaffStore


class Roles:
    def __init__(
        self,
        settings: Settings,
        store: StaffStore | None = None,
        questions: QuestionStore | None = None,
    ) -> None:
        self._organizers = settings.organizers
        self._configured_staff = settings.staff
        self._store = store
        self._questions = questions
        self._granted: set[int] = set()
        self._moderates: dict[int, set[str]] = {}  # moderator → session guids

    async def load(self) -> None:
        if self._store is not None:
            self._granted = await self._store.granted()
        if self._questions is not None:
            self._moderates = await self._questions.moderators()

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

    def moderates(self, user_id: int, session_guid: str | None = None) -> bool:
        """Moderates this session's questions (any session's, without one): staff and
        organizers moderate every session; a moderator those an organizer granted."""
        if self.is_staff(user_id):
            return True
        sessions = self._moderates.get(user_id, set())
        return bool(sessions) if session_guid is None else session_guid in sessions

    def moderated_by(self, user_id: int) -> frozenset[str]:
        """The sessions granted to a moderator (staff moderate all: ask `moderates`)."""
        return frozenset(self._moderates.get(user_id, set()))

    def moderators_of(self, session_guid: str) -> list[int]:
        return sorted(u for u, sessions in self._moderates.items() if session_guid in sessions)

    async def grant_moderator(
        self, session_guid: str, user_id: int, organizer_id: int, now: datetime
    ) -> bool:
        if self._questions is None:
            raise RuntimeError("moderators cannot be granted without storage")
        new = await self._questions.grant_moderator(session_guid, user_id, organizer_id, now)
        self._moderates.setdefault(user_id, set()).add(session_guid)
        return new

    async def revoke_moderator(self, session_guid: str, user_id: int) -> bool:
        if self._questions is None:
            return False
        removed = await self._questions.revoke_moderator(session_guid, user_id)
        self._moderates.get(user_id, set()).discard(session_guid)
        return removed

    def forget(self, user_id: int) -> None:
        """The user's data was deleted (/forget), grants included."""
        self._granted.discard(user_id)
        self._moderates.pop(user_id, None)
