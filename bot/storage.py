"""All SQL lives here. One SQLite file (WAL), versioned migrations applied at start."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import aiosqlite

# Append-only: each entry moves the database one version up (PRAGMA user_version).
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE users (
        id          INTEGER PRIMARY KEY,   -- Telegram user id (= private chat id)
        language    TEXT NOT NULL,         -- vi, en or fr
        role        TEXT NOT NULL DEFAULT 'attendee',
        first_seen  TEXT NOT NULL,         -- UTC, ISO 8601
        last_seen   TEXT NOT NULL,
        blocked     INTEGER NOT NULL DEFAULT 0,
        last_query  TEXT                   -- so search results can page after a restart
    );
    """,
)


@dataclass(frozen=True)
class UserProfile:
    id: int
    language: str
    role: str
    first_seen: datetime
    blocked: bool


class Storage:
    """One aiosqlite connection shared by every handler.

    A connection is one transaction context: two coroutines interleaving statements on it would
    commit each other's half-done work ("cannot commit - SQL statements in progress"). Every
    method therefore holds the lock for its statements and its commit.
    """

    def __init__(self, db: aiosqlite.Connection) -> None:
        self._db = db
        self._lock = asyncio.Lock()

    @classmethod
    async def open(cls, path: Path) -> Storage:
        if str(path) != ":memory:":
            path.parent.mkdir(parents=True, exist_ok=True)
        db = await aiosqlite.connect(path)
        db.row_factory = aiosqlite.Row
        await db.execute("PRAGMA journal_mode=WAL")
        await db.execute("PRAGMA synchronous=NORMAL")
        await db.execute("PRAGMA busy_timeout=5000")
        await db.execute("PRAGMA foreign_keys=ON")
        storage = cls(db)
        await storage._migrate()
        return storage

    async def close(self) -> None:
        async with self._lock:
            await self._db.close()

    async def schema_version(self) -> int:
        row = await self._one("PRAGMA user_version")
        return int(row[0]) if row else 0

    async def _migrate(self) -> None:
        version = await self.schema_version()
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            async with self._lock:
                await self._db.executescript(
                    f"BEGIN;\n{script}\nPRAGMA user_version={number};\nCOMMIT;"
                )

    # -- the three shapes every query takes ------------------------------------------------

    async def _one(self, sql: str, params: Sequence[object] = ()) -> aiosqlite.Row | None:
        async with self._lock, self._db.execute(sql, params) as cursor:
            return await cursor.fetchone()

    async def _write(self, sql: str, params: Sequence[object] = ()) -> None:
        async with self._lock:
            await self._db.execute(sql, params)
            await self._db.commit()

    async def _write_returning(self, sql: str, params: Sequence[object]) -> aiosqlite.Row:
        async with self._lock:
            async with self._db.execute(sql, params) as cursor:
                row = await cursor.fetchone()
            await self._db.commit()
        if row is None:
            raise RuntimeError(f"no row returned by {sql.split()[0]}")
        return row

    # -- users ------------------------------------------------------------------------------

    async def touch_user(self, user_id: int, language: str, now: datetime) -> UserProfile:
        """Record a contact: creates the user with `language` on first contact, keeps the
        stored language afterwards, and clears the blocked flag (they wrote to us again)."""
        stamp = now.isoformat()
        row = await self._write_returning(
            """
            INSERT INTO users (id, language, first_seen, last_seen) VALUES (?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET last_seen = excluded.last_seen, blocked = 0
            RETURNING id, language, role, first_seen, blocked
            """,
            (user_id, language, stamp, stamp),
        )
        return _profile(row)

    async def user(self, user_id: int) -> UserProfile | None:
        row = await self._one(
            "SELECT id, language, role, first_seen, blocked FROM users WHERE id = ?", (user_id,)
        )
        return _profile(row) if row else None

    async def set_language(self, user_id: int, language: str) -> None:
        await self._write("UPDATE users SET language = ? WHERE id = ?", (language, user_id))

    async def mark_blocked(self, user_id: int) -> None:
        """Telegram answered 403: the user blocked the bot. Cleared when they write again."""
        await self._write("UPDATE users SET blocked = 1 WHERE id = ?", (user_id,))

    async def set_last_query(self, user_id: int, query: str) -> None:
        await self._write("UPDATE users SET last_query = ? WHERE id = ?", (query, user_id))

    async def last_query(self, user_id: int) -> str | None:
        row = await self._one("SELECT last_query FROM users WHERE id = ?", (user_id,))
        return str(row[0]) if row and row[0] is not None else None

    async def count_users(self) -> int:
        row = await self._one("SELECT count(*) FROM users")
        return int(row[0]) if row else 0


def _profile(row: aiosqlite.Row) -> UserProfile:
    return UserProfile(
        id=int(row["id"]),
        language=str(row["language"]),
        role=str(row["role"]),
        first_seen=datetime.fromisoformat(row["first_seen"]),
        blocked=bool(row["blocked"]),
    )
