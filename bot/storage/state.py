"""Small named values the bot keeps between runs (last reminder run, export salt, …)."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from bot.storage.database import Database


def read_before_open(db_path: Path, key: str) -> str | None:
    """One value read synchronously, before the bot's storage opens (start-up is synchronous
    up to there); None when the file, the table or the key is missing."""
    if not db_path.is_file():
        return None
    try:
        with closing(sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)) as db:
            row = db.execute("SELECT value FROM state WHERE key = ?", (key,)).fetchone()
    except sqlite3.Error:
        return None
    return str(row[0]) if row else None


class StateStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def get(self, key: str) -> str | None:
        row = await self._db.one("SELECT value FROM state WHERE key = ?", (key,))
        return str(row[0]) if row else None

    async def set(self, key: str, value: str) -> None:
        await self.set_many({key: value})

    async def set_many(self, values: dict[str, str]) -> None:
        """Several values in one commit: they land together or not at all."""
        await self._db.write_many(
            "INSERT INTO state (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            list(values.items()),
        )
