"""The one SQLite connection, its pragmas, migrations, and the lock every query takes.

Two faults of the world are handled here, for every query:
- busy: another process holds the write lock longer than SQLite's busy timeout. The query is
  tried again, with the connection free in between, for as long as its context allows
  (bot/patience.py: people and commands wait it out, supervised loops fail at once and are
  restarted). Logged once per spell, and when it is over.
- full: the disk (or the database's page limit) leaves no room. The query fails (nothing half
  written: its transaction is rolled back), logged once; `full` stays set until `check_room`
  finds room again, so organizers can be told (bot/features/health/alerts.py).
"""

from __future__ import annotations

import asyncio
import logging
import shutil
import sqlite3
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Mapping, Sequence
from contextlib import asynccontextmanager, closing
from functools import partial
from pathlib import Path
from typing import TypeVar

import aiosqlite

from bot import patience
from bot.storage.migrations import MIGRATIONS

log = logging.getLogger(__name__)

Params = Sequence[object] | Mapping[str, object]  # positional ? or named :name
T = TypeVar("T")

BUSY_TIMEOUT_MS = 5000  # SQLite's own wait, with the connection held
SQLITE_BUSY, SQLITE_LOCKED, SQLITE_FULL = 5, 6, 13
FIRST_STEP, LAST_STEP = 0.05, 1.0  # seconds between two tries, doubling
MIN_FREE_BYTES = 16 * 1024 * 1024  # below this on the database's disk, it counts as full


def _code(error: BaseException) -> int:
    """SQLite's primary result code (extended codes such as SQLITE_BUSY_SNAPSHOT included)."""
    return int(getattr(error, "sqlite_errorcode", 0) or 0) & 0xFF


def is_busy(error: BaseException) -> bool:
    """Another connection holds the lock this query needs."""
    return isinstance(error, sqlite3.OperationalError) and _code(error) in (
        SQLITE_BUSY,
        SQLITE_LOCKED,
    )


def is_full(error: BaseException) -> bool:
    """No room left: the disk is full, or the database reached its page limit."""
    return isinstance(error, sqlite3.OperationalError) and _code(error) == SQLITE_FULL


class DatabaseBusy(sqlite3.OperationalError):
    """The database stayed locked by another connection for longer than we could wait."""


Operation = Callable[[aiosqlite.Connection], Awaitable[T]]


class Database:
    """One aiosqlite connection shared by every handler and the sender.

    A connection is one transaction context: two coroutines interleaving statements on it would
    commit each other's half-done work ("cannot commit - SQL statements in progress"). Every
    query therefore holds the lock for its statements and its commit.
    """

    def __init__(self, connection: aiosqlite.Connection, path: Path | None = None) -> None:
        self._connection = connection
        self._path = path
        self._lock = asyncio.Lock()
        self._busy_since: float | None = None  # time.monotonic() of the spell's first refusal
        self._full_since: float | None = None

    @classmethod
    async def open(cls, path: Path) -> Database:
        in_memory = str(path) == ":memory:"
        if not in_memory:
            path.parent.mkdir(parents=True, exist_ok=True)
        connection = await aiosqlite.connect(path)
        connection.row_factory = aiosqlite.Row
        database = cls(connection, None if in_memory else path)
        try:
            # The busy timeout first: switching to WAL needs the lock too.
            await connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            await database._run(lambda db: db.execute("PRAGMA journal_mode=WAL"), writes=True)
            await connection.execute("PRAGMA synchronous=NORMAL")
            await connection.execute("PRAGMA foreign_keys=ON")
            await database._migrate()
        except BaseException:
            await connection.close()
            raise
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
            await self._run(
                partial(
                    _execute_script, f"BEGIN;\n{script}\nPRAGMA user_version={number};\nCOMMIT;"
                ),
                writes=True,
            )

    # -- what health reports -----------------------------------------------------------------

    @property
    def busy_for(self) -> float | None:
        """Seconds since another connection's lock first refused a write still refused."""
        return None if self._busy_since is None else time.monotonic() - self._busy_since

    @property
    def full(self) -> bool:
        """A write failed for want of room, and no room was found since."""
        return self._full_since is not None

    async def check_room(self) -> bool:
        """Whether the database can grow (disk space, page limit); ends a "full" spell."""
        row = await self.one("SELECT * FROM pragma_page_count, pragma_max_page_count")
        room = row is None or int(row[0]) < int(row[1])
        if room and self._path is not None:
            room = shutil.disk_usage(self._path.parent).free >= MIN_FREE_BYTES
        if room and self._full_since is not None:
            log.warning(
                "the database has room again after %.0f s", time.monotonic() - self._full_since
            )
            self._full_since = None
        return room

    async def answers(self) -> bool:
        """A trivial read goes through (in WAL mode reads are not held up by a writer)."""
        row = await self.one("SELECT 1")
        return row is not None and row[0] == 1

    # -- the shapes every query takes -------------------------------------------------------

    async def one(self, sql: str, params: Params = ()) -> aiosqlite.Row | None:
        async def op(db: aiosqlite.Connection) -> aiosqlite.Row | None:
            async with db.execute(sql, params) as cursor:
                return await cursor.fetchone()

        return await self._run(op)

    async def all(self, sql: str, params: Params = ()) -> list[aiosqlite.Row]:
        async def op(db: aiosqlite.Connection) -> list[aiosqlite.Row]:
            async with db.execute(sql, params) as cursor:
                return list(await cursor.fetchall())

        return await self._run(op)

    async def read_apart(
        self, sql: str, convert: Callable[[list[sqlite3.Row]], T], params: Params = ()
    ) -> T:
        """A long read (an export's 100,000 rows) on a connection of its own, in a thread: the
        bot's own queries do not queue behind it (in WAL mode readers block nobody), and the
        rows are converted there too. In memory (some tests): on the shared connection."""
        if self._path is None:
            return convert(list(await self.all(sql, params)))
        path = self._path

        def read() -> T:
            uri = f"file:{path}?mode=ro"
            with closing(sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)) as db:
                return convert(db.execute(sql, params).fetchall())

        return await asyncio.to_thread(read)

    async def write(self, sql: str, params: Params = ()) -> int:
        """Run one statement and commit; returns the number of rows changed."""

        async def op(db: aiosqlite.Connection) -> int:
            async with db.execute(sql, params) as cursor:
                changed = cursor.rowcount
            await db.commit()
            return changed

        return await self._run(op, writes=True)

    async def write_many(self, sql: str, rows: Iterable[Params]) -> int:
        batch = list(rows)  # a retry needs them again

        async def op(db: aiosqlite.Connection) -> int:
            async with db.executemany(sql, batch) as cursor:
                changed = cursor.rowcount
            await db.commit()
            return changed

        return await self._run(op, writes=True)

    async def write_returning(self, sql: str, params: Params = ()) -> list[aiosqlite.Row]:
        async def op(db: aiosqlite.Connection) -> list[aiosqlite.Row]:
            async with db.execute(sql, params) as cursor:
                rows = list(await cursor.fetchall())
            await db.commit()
            return rows

        return await self._run(op, writes=True)

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        """Several statements that must land together (or not at all).

        It takes the write lock first (BEGIN IMMEDIATE, waited out like any query), so no
        statement inside can be refused for another connection's lock half-way.
        """
        await self._run(lambda db: db.execute("BEGIN IMMEDIATE"), writes=True, keep_lock=True)
        try:
            yield self._connection
            await self._connection.commit()
        except BaseException as error:
            await self._connection.rollback()
            if is_full(error):
                self._note_full(error)
            raise
        finally:
            self._lock.release()

    # -- waiting out a busy database ------------------------------------------------------------

    async def _run(self, op: Operation[T], *, writes: bool = False, keep_lock: bool = False) -> T:
        """`op` under the lock, tried again while the database is busy and patience lasts.
        With `keep_lock`, the lock stays held once `op` went through (the caller releases it).
        """
        first_refusal: float | None = None
        step = FIRST_STEP
        while True:
            await self._lock.acquire()
            try:
                result = await op(self._connection)
            except BaseException as error:
                await self._undo()
                self._lock.release()
                if is_full(error):
                    self._note_full(error)
                if not is_busy(error):
                    raise
                refused = error
            else:
                if not keep_lock:
                    self._lock.release()
                if writes and self._busy_since is not None:
                    self._busy_over()
                return result
            now = time.monotonic()
            if first_refusal is None:
                first_refusal = now
                self._note_busy(now)
            allowed, waited = patience.current(), now - first_refusal
            if waited >= allowed:
                if allowed <= 0:
                    raise refused  # a supervised loop: its supervisor logs and retries
                log.error("the database stayed locked for %.0f s more; giving up", waited)
                raise DatabaseBusy(
                    f"the database stayed locked by another connection for {waited:.0f} s "
                    "beyond its busy timeout (a backup, a sqlite3 shell, a stuck command?)"
                ) from refused
            await asyncio.sleep(min(step, allowed - waited))
            step = min(step * 2, LAST_STEP)

    async def _undo(self) -> None:
        """A refused or failed statement may leave its transaction open: close it, so that the
        next try starts from a fresh snapshot."""
        if self._connection.in_transaction:
            try:
                await self._connection.rollback()
            except sqlite3.Error:
                log.exception("could not roll back after a failed query")

    def _note_busy(self, now: float) -> None:
        if self._busy_since is None:
            self._busy_since = now
            log.warning(
                "the database is locked by another connection (a backup, a sqlite3 shell?); "
                "waiting it out (handlers and commands up to %.0f s more, background tasks "
                "restart)",
                patience.PATIENCE,
            )

    def _busy_over(self) -> None:
        if self._busy_since is not None:
            log.warning(
                "the database takes writes again after %.1f s", time.monotonic() - self._busy_since
            )
            self._busy_since = None

    def _note_full(self, error: BaseException) -> None:
        if self._full_since is None:
            self._full_since = time.monotonic()
            where = self._path.parent if self._path is not None else "memory"
            log.error(
                "the database has no room left (%s, on %s): nothing new is recorded until space "
                "is freed; what is queued waits",
                error,
                where,
            )


async def _execute_script(script: str, db: aiosqlite.Connection) -> None:
    await db.executescript(script)
