"""The one SQLite connection, its pragmas, migrations, and the lock every query takes."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterable, Mapping, Sequence
from contextlib import asynccontextmanager
from pathlib import Path

import aiosqlite

from bot.storage.migrations import MIGRATIONS

Params = Sequence[object] | Mapping[str, object]  # positional ? or named :name


class Database:
    """One aiosqlite connection shared by every handler and the sender.

    A connection is one transaction context: two coroutines interleaving statements on it would
    commit each other's half-done work ("cannot commit - SQL statements in progress"). Every
    query therefore holds the lock for its statements and its commit.
    """

    def __init__(self, connection: aiosqlite.Connection) -> None:
        self._connection = connection
        self._lock = asyncio.Lock()

    @classmethod
    async def open(cls, path: Path) -> Database:
        if str(path) != ":memory:":
            path.parent.mkdir(parents=True, exist_ok=True)
        connection = await aiosqlite.connect(path)
        connection.row_factory = aiosqlite.Row
        await connection.execute("PRAGMA journal_mode=WAL")
        await connection.execute("PRAGMA synchronous=NORMAL")
        await connection.execute("PRAGMA busy_timeout=5000")
        await connection.execute("PRAGMA foreign_keys=ON")
        database = cls(connection)
        await database._migrate()
        return database

    async def close(self) -> None:
        async with self._lock:
            await self._connection.close()

    async def schema_version(self) -> int:
        row = await self.one("PRAGMA user_version")
        return int(row[0]) if row else 0

    async def _migrate(self) -> None:
        version = await self.schema_version()
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            async with self._lock:
                await self._connection.executescript(
                    f"BEGIN;\n{script}\nPRAGMA user_version={number};\nCOMMIT;"
                )

    # -- the shapes every query takes -------------------------------------------------------

    async def one(self, sql: str, params: Params = ()) -> aiosqlite.Row | None:
        async with self._lock, self._connection.execute(sql, params) as cursor:
            return await cursor.fetchone()

    async def all(self, sql: str, params: Params = ()) -> list[aiosqlite.Row]:
        async with self._lock, self._connection.execute(sql, params) as cursor:
            return list(await cursor.fetchall())

    async def write(self, sql: str, params: Params = ()) -> int:
        """Run one statement and commit; returns the number of rows changed."""
        async with self._lock:
            async with self._connection.execute(sql, params) as cursor:
                changed = cursor.rowcount
            await self._connection.commit()
        return changed

    async def write_many(self, sql: str, rows: Iterable[Params]) -> int:
        async with self._lock:
            async with self._connection.executemany(sql, rows) as cursor:
                changed = cursor.rowcount
            await self._connection.commit()
        return changed

    async def write_returning(self, sql: str, params: Params = ()) -> list[aiosqlite.Row]:
        async with self._lock:
            async with self._connection.execute(sql, params) as cursor:
                rows = list(await cursor.fetchall())
            await self._connection.commit()
        return rows

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        """Several statements that must land together (or not at all)."""
        async with self._lock:
            try:
                yield self._connection
            except BaseException:
                await self._connection.rollback()
                raise
            await self._connection.commit()
