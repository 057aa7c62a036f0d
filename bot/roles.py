"""Who may do what. Checked on the server for every privileged command and button."""

from __future__ import annotations

from bot.config import Settings


class Roles:
    def __init__(self, settings: Settings) -> None:
        self._organizers = settings.organizers
        self._staff = settings.staff

    @property
    def organizers(self) -> frozenset[int]:
        return self._organizers

    def is_organizer(self, user_id: int) -> bool:
        return user_id in self._organizers

    def is_staff(self, user_id: int) -> bool:
        return user_id in self._staff or self.is_organizer(user_id)
