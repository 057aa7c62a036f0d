"""What each attendee follows: single sessions (by guid) and whole themes (by track slug)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from bot.storage.database import Database

# Whether user `u` follows a session, itself or its whole theme (named :guid and :track): who
# its feedback poll and its live polls go to.
FOLLOWS_SESSION = """
    EXISTS (SELECT 1 FROM follows f WHERE f.user_id = u.id AND f.session_guid = :guid)
    OR EXISTS (SELECT 1 FROM theme_follows t WHERE t.user_id = u.id AND t.track_slug = :track)
"""


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

    async def concerned(
        self, session_guid: str, track_slugs: Sequence[str], featured: bool
    ) -> list[tuple[int, str]]:
        """(user id, language) of reachable users a change to this session concerns: they
        follow it, or one of `track_slugs` (its theme before and after), or it is featured
        and they get highlight reminders."""
        marks = ", ".join("?" for _ in track_slugs) or "NULL"
        rows = await self._db.all(
            f"""SELECT u.id, u.language FROM users u WHERE u.blocked = 0 AND (
                  EXISTS (SELECT 1 FROM follows f WHERE f.user_id = u.id AND f.session_guid = ?)
                  OR EXISTS (SELECT 1 FROM theme_follows t
                             WHERE t.user_id = u.id AND t.track_slug IN ({marks}))
                  OR (? AND u.featured_on = 1 AND u.reminders_on = 1))
                ORDER BY u.id""",
            (session_guid, *track_slugs, int(featured)),
        )
        return [(int(r[0]), str(r[1])) for r in rows]

    async def theme_followers(self, track_slug: str) -> list[tuple[int, str]]:
        """(user id, language) of reachable users following the theme."""
        rows = await self._db.all(
            """SELECT u.id, u.language FROM users u JOIN theme_follows t
               ON t.user_id = u.id AND t.track_slug = ? WHERE u.blocked = 0 ORDER BY u.id""",
            (track_slug,),
        )
        return [(int(r[0]), str(r[1])) for r in rows]
