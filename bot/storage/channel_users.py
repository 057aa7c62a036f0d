"""Users of channels other than Telegram: their own string ids mapped to the bot's user ids,
and what the numbers in the last message sent to them stand for."""

from __future__ import annotations

import json
from typing import Any

from bot.channels import CHANNEL_BASE
from bot.storage.database import Database


class ChannelUsers:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def user_id(self, channel: str, external_id: str) -> tuple[int, bool]:
        """The bot's id for this channel user, created on first contact; and whether it is new."""
        row = await self._db.one(
            "SELECT user_id FROM channel_users WHERE channel = ? AND external_id = ?",
            (channel, external_id),
        )
        if row is not None:
            return int(row[0]), False
        (created,) = await self._db.write_returning(
            """INSERT INTO channel_users (user_id, channel, external_id)
               SELECT max(coalesce(max(user_id) + 1, 0), ?), ?, ? FROM channel_users WHERE true
               ON CONFLICT (channel, external_id) DO UPDATE SET channel = excluded.channel
               RETURNING user_id""",
            (CHANNEL_BASE, channel, external_id),
        )
        return int(created[0]), True

    async def external_id(self, user_id: int) -> str | None:
        row = await self._db.one(
            "SELECT external_id FROM channel_users WHERE user_id = ?", (user_id,)
        )
        return str(row[0]) if row else None

    async def set_pending(self, user_id: int, pending: dict[str, Any] | None) -> None:
        await self._db.write(
            "UPDATE channel_users SET pending = ? WHERE user_id = ?",
            (json.dumps(pending) if pending is not None else None, user_id),
        )

    async def pending(self, user_id: int) -> dict[str, Any] | None:
        row = await self._db.one("SELECT pending FROM channel_users WHERE user_id = ?", (user_id,))
        if row is None or row[0] is None:
            return None
        value = json.loads(row[0])
        return value if isinstance(value, dict) else None
