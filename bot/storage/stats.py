"""Live figures for staff (/stats): one query each, straight from the tables."""

from __future__ import annotations

from bot.outgoing import Poll
from bot.storage.database import Database


class StatsStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def users_by_language(self) -> dict[str, tuple[int, int]]:
        """language → (reachable, blocked)."""
        rows = await self._db.all(
            "SELECT language, sum(blocked = 0), sum(blocked = 1) FROM users GROUP BY language"
        )
        return {str(r[0]): (int(r[1]), int(r[2])) for r in rows}

    async def active_since(self, since: str) -> int:
        row = await self._db.one("SELECT count(*) FROM users WHERE last_seen >= ?", (since,))
        return int(row[0]) if row else 0

    async def top_followed(self, limit: int = 10) -> list[tuple[str, int]]:
        rows = await self._db.all(
            "SELECT session_guid, count(*) AS n FROM follows GROUP BY session_guid"
            " ORDER BY n DESC, session_guid LIMIT ?",
            (limit,),
        )
        return [(str(r[0]), int(r[1])) for r in rows]

    async def sent_by_kind(self) -> dict[str, int]:
        """Messages delivered from the outbox, by kind (reminder, feedback, announcement…)."""
        rows = await self._db.all(
            "SELECT kind, count(*) FROM outbox WHERE status = 'sent' GROUP BY kind"
        )
        return {str(r[0]): int(r[1]) for r in rows}

    async def polls_sent(self, kind: str) -> int:
        """Polls delivered from the outbox as `kind`, without the messages queued beside them
        (the survey's introductions)."""
        row = await self._db.one(
            "SELECT count(*) FROM outbox WHERE kind = ? AND status = 'sent'"
            " AND json_extract(payload, '$.type') = ?",
            (kind, Poll.tag),
        )
        return int(row[0]) if row else 0

    async def poll_response(self) -> tuple[int, int]:
        """(polls sent, polls answered by their recipient)."""
        row = await self._db.one(
            """
            SELECT count(*), sum(EXISTS (SELECT 1 FROM answers a WHERE a.subject = p.subject
                                         AND a.question = p.question AND a.user_id = p.user_id))
            FROM polls p
            """
        )
        return (int(row[0] or 0), int(row[1] or 0)) if row else (0, 0)

    async def broadcasts(self) -> int:
        row = await self._db.one("SELECT count(*) FROM broadcasts WHERE status != 'draft'")
        return int(row[0]) if row else 0

    async def users_by_channel(self) -> dict[str, int]:
        """channel → attendees who can be reached there (Telegram: the users with no other)."""
        rows = await self._db.all(
            "SELECT coalesce(c.channel, 'telegram'), count(*) FROM users u"
            " LEFT JOIN channel_users c ON c.user_id = u.id WHERE u.blocked = 0 GROUP BY 1"
        )
        return {str(r[0]): int(r[1]) for r in rows}
