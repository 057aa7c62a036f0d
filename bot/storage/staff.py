"""Staff granted in the chat by an organizer."""

from __future__ import annotations

from datetime import datetime

from bot.storage.database import Database


class StaffStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def granted(self) -> set[int]:
        rows = await self._db.all("SELECT user_id FROM staff_grants")
        return {int(r[0]) for r in rows}

    async def grant(self, user_id: int, organizer_id: int, now: datetime) -> bool:
        """True if the user was not staff yet."""
        return (
            await self._db.write(
                "INSERT OR IGNORE INTO staff_grants (user_id, granted_by, granted_at)"
                " VALUES (?, ?, ?)",
                (user_id, organizer_id, now.isoformat()),
            )
            > 0
        )

    async def revoke(self, user_id: int) -> bool:
        """True if the user had been granted staff."""
        return await self._db.write("DELETE FROM staff_grants WHERE user_id = ?", (user_id,)) > 0
