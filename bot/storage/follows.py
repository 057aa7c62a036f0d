"""What each attendee follows: single sessions (by guid) and whole themes (by track slug)."""

from __future__ import annotations

from datetime import datetime

from bot.storage.database import Database


class Follows:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def follow(self, user_id: int, session_guid: str, now: datetime) -> None:
        await self._db.write(
            "INSERT OR IGNORE INTO follows (user_id, session_guid, created_at) VALUES (?, ?, ?)",
            (user_id, session_guid, now.isoformat()),
        )

    async def unfollow(self, user_id: int, session_guid: str) -> None:
        await self._db.write(
            "DELETE FROM follows WHERE user_id = ? AND session_guid = ?", (user_id, session_guid)
        )

    async def sessions(self, user_id: int) -> set[str]:
        rows = await self._db.all("SELECT session_guid FROM follows WHERE user_id = ?", (user_id,))
        return {str(r[0]) for r in rows}

    async def follow_theme(self, user_id: int, track_slug: str, now: datetime) -> None:
        await self._db.write(
            "INSERT OR IGNORE INTO theme_follows (user_id, track_slug, created_at) "
            "VALUES (?, ?, ?)",
            (user_id, track_slug, now.isoformat()),
        )

    async def unfollow_theme(self, user_id: int, track_slug: str) -> None:
        await self._db.write(
            "DELETE FROM theme_follows WHERE user_id = ? AND track_slug = ?", (user_id, track_slug)
        )

    async def themes(self, user_id: int) -> set[str]:
        rows = await self._db.all(
            "SELECT track_slug FROM theme_follows WHERE user_id = ?", (user_id,)
        )
        return {str(r[0]) for r in rows}
