"""Users: language, role, blocked flag, last search."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import aiosqlite

from bot.storage.database import Database

LEAD_TIMES = (10, 15, 30, 60)  # minutes before a session a reminder may be set to


@dataclass(frozen=True)
class UserProfile:
    id: int
    language: str
    role: str
    first_seen: datetime
    blocked: bool
    lead_minutes: int = 15
    reminders_on: bool = True
    featured_on: bool = True  # reminders of featured sessions, followed or not


_COLUMNS = "id, language, role, first_seen, blocked, lead_minutes, reminders_on, featured_on"


class Users:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def touch(self, user_id: int, language: str, now: datetime) -> UserProfile:
        """Record a contact: creates the user with `language` on first contact, keeps the
        stored language afterwards, and clears the blocked flag (they wrote to us again)."""
        stamp = now.isoformat()
        (row,) = await self._db.write_returning(
            f"""
            INSERT INTO users (id, language, first_seen, last_seen) VALUES (?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET last_seen = excluded.last_seen, blocked = 0
            RETURNING {_COLUMNS}
            """,
            (user_id, language, stamp, stamp),
        )
        return _profile(row)

    async def register_many(self, users: Sequence[tuple[int, str]], now: datetime) -> int:
        """Create users (id, language) in one transaction, e.g. when importing registrations;
        existing users are left as they are. Returns how many were new."""
        stamp = now.isoformat()
        return await self._db.write_many(
            "INSERT OR IGNORE INTO users (id, language, first_seen, last_seen) VALUES (?, ?, ?, ?)",
            [(user_id, language, stamp, stamp) for user_id, language in users],
        )

    async def get(self, user_id: int) -> UserProfile | None:
        row = await self._db.one(f"SELECT {_COLUMNS} FROM users WHERE id = ?", (user_id,))
        return _profile(row) if row else None

    async def set_language(self, user_id: int, language: str) -> None:
        await self._db.write("UPDATE users SET language = ? WHERE id = ?", (language, user_id))

    async def mark_blocked(self, user_id: int) -> None:
        """Telegram answered 403: the user blocked the bot. Cleared when they write again."""
        await self._db.write("UPDATE users SET blocked = 1 WHERE id = ?", (user_id,))

    async def set_last_query(self, user_id: int, query: str) -> None:
        await self._db.write("UPDATE users SET last_query = ? WHERE id = ?", (query, user_id))

    async def last_query(self, user_id: int) -> str | None:
        row = await self._db.one("SELECT last_query FROM users WHERE id = ?", (user_id,))
        return str(row[0]) if row and row[0] is not None else None

    async def set_lead_minutes(self, user_id: int, minutes: int) -> None:
        if minutes not in LEAD_TIMES:
            raise ValueError(f"lead time {minutes} is not one of {LEAD_TIMES}")
        await self._db.write("UPDATE users SET lead_minutes = ? WHERE id = ?", (minutes, user_id))

    async def set_reminders(self, user_id: int, *, on: bool) -> None:
        await self._db.write("UPDATE users SET reminders_on = ? WHERE id = ?", (int(on), user_id))

    async def set_featured_reminders(self, user_id: int, *, on: bool) -> None:
        await self._db.write("UPDATE users SET featured_on = ? WHERE id = ?", (int(on), user_id))

    async def reachable(self, language: str | None = None) -> list[tuple[int, str]]:
        """(id, language) of every user who has not blocked the bot, for bulk sends."""
        rows = await self._db.all(
            "SELECT id, language FROM users"
            " WHERE blocked = 0 AND (:lang IS NULL OR language = :lang) ORDER BY id",
            {"lang": language},
        )
        return [(int(r[0]), str(r[1])) for r in rows]

    async def reachable_by_language(self) -> dict[str, int]:
        rows = await self._db.all(
            "SELECT language, count(*) FROM users WHERE blocked = 0 GROUP BY language"
        )
        return {str(r[0]): int(r[1]) for r in rows}

    async def count(self) -> int:
        row = await self._db.one("SELECT count(*) FROM users")
        return int(row[0]) if row else 0


def _profile(row: aiosqlite.Row) -> UserProfile:
    return UserProfile(
        id=int(row["id"]),
        language=str(row["language"]),
        role=str(row["role"]),
        first_seen=datetime.fromisoformat(row["first_seen"]),
        blocked=bool(row["blocked"]),
        lead_minutes=int(row["lead_minutes"]),
        reminders_on=bool(row["reminders_on"]),
        featured_on=bool(row["featured_on"]),
    )
