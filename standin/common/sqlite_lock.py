"""Another process's hold on the bot's SQLite file: what a backup tool, a `sqlite3` shell or a
stuck command does to it. Shared by the fault tests and the soak benchmark."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import aiosqlite


@asynccontextmanager
async def database_locked(path: Path) -> AsyncIterator[None]:
    """Another connection holds the write lock (BEGIN EXCLUSIVE) until the block ends."""
    async with aiosqlite.connect(path, isolation_level=None) as other:
        await other.execute("BEGIN EXCLUSIVE")
        try:
            yield
        finally:
            await other.execute("ROLLBACK")
