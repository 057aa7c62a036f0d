"""Organizer broadcasts: drafts, their audience and texts, and who they go to.

An audience is one of: all | lang:<vi|en|fr> | channel:<telegram|zalo> |
session:<guid>|<theme slug> | theme:<slug>.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

import aiosqlite

from bot.storage.database import Database
from bot.storage.outbox import utc_text


@dataclass(frozen=True)
class Broadcast:
    id: int
    organizer_id: int
    audience: str
    texts: dict[str, str]
    photo: str | None
    default_language: str
    status: str
    created_at: str
    progress_chat: int | None
    progress_message: int | None
    sent_at: str | None = None  # when it was confirmed (None: a draft)

    @property
    def batch(self) -> str:
        return f"broadcast:{self.id}"

    def text_for(self, language: str) -> str | None:
        """The recipient's version, else the one text for all, else the default language's.
        (A photo's caption may be empty: "" is a text.)"""
        for version in (language, "all", self.default_language):
            if version in self.texts:
                return self.texts[version]
        return None


_COLUMNS = (
    "id, organizer_id, audience, texts, photo, default_language, status, created_at, "
    "progress_chat, progress_message, sent_at"
)


class BroadcastStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def create(self, organizer_id: int, audience: str, language: str, now: datetime) -> int:
        (row,) = await self._db.write_returning(
            "INSERT INTO broadcasts (organizer_id, audience, default_language, created_at) "
            "VALUES (?, ?, ?, ?) RETURNING id",
            (organizer_id, audience, language, utc_text(now)),
        )
        return int(row[0])

    async def get(self, broadcast_id: int) -> Broadcast | None:
        row = await self._db.one(f"SELECT {_COLUMNS} FROM broadcasts WHERE id = ?", (broadcast_id,))
        return _broadcast(row) if row else None

    async def set_text(self, broadcast_id: int, version: str, html: str) -> None:
        """`version` is 'all' (one text for everyone) or a language; 'all' replaces the others."""
        broadcast = await self.get(broadcast_id)
        if broadcast is None:
            return
        texts = {} if version == "all" else {k: v for k, v in broadcast.texts.items() if k != "all"}
        texts[version] = html
        await self._db.write(
            "UPDATE broadcasts SET texts = ? WHERE id = ?",
            (json.dumps(texts, ensure_ascii=False), broadcast_id),
        )

    async def set_photo(self, broadcast_id: int, file_id: str) -> None:
        await self._db.write(
            "UPDATE broadcasts SET photo = ? WHERE id = ?", (file_id, broadcast_id)
        )

    async def set_default_language(self, broadcast_id: int, language: str) -> None:
        await self._db.write(
            "UPDATE broadcasts SET default_language = ? WHERE id = ?", (language, broadcast_id)
        )

    async def set_status(self, broadcast_id: int, status: str, now: datetime | None = None) -> None:
        await self._db.write(
            "UPDATE broadcasts SET status = ?, sent_at = coalesce(?, sent_at) WHERE id = ?",
            (status, utc_text(now) if now else None, broadcast_id),
        )

    async def set_progress_message(self, broadcast_id: int, chat_id: int, message_id: int) -> None:
        await self._db.write(
            "UPDATE broadcasts SET progress_chat = ?, progress_message = ? WHERE id = ?",
            (chat_id, message_id, broadcast_id),
        )

    async def with_status(self, status: str) -> list[Broadcast]:
        rows = await self._db.all(
            f"SELECT {_COLUMNS} FROM broadcasts WHERE status = ? ORDER BY id", (status,)
        )
        return [_broadcast(r) for r in rows]

    async def recent(self, limit: int = 10, offset: int = 0) -> list[Broadcast]:
        rows = await self._db.all(
            f"SELECT {_COLUMNS} FROM broadcasts WHERE status != 'draft'"
            " ORDER BY id DESC LIMIT ? OFFSET ?",
            (limit, offset),
        )
        return [_broadcast(r) for r in rows]

    async def recipients(self, audience: str) -> list[tuple[int, str]]:
        """(user id, language) of the audience, leaving out users who blocked the bot."""
        kind, _, value = audience.partition(":")
        if kind == "all":
            sql, params = "SELECT id, language FROM users WHERE blocked = 0", {}
        elif kind == "lang":
            sql = "SELECT id, language FROM users WHERE blocked = 0 AND language = :v"
            params = {"v": value}
        elif kind == "channel":  # Telegram users are those with no other channel's id
            sql = """SELECT u.id, u.language FROM users u
                     LEFT JOIN channel_users c ON c.user_id = u.id
                     WHERE u.blocked = 0 AND coalesce(c.channel, 'telegram') = :v"""
            params = {"v": value}
        elif kind == "theme":
            sql = """SELECT u.id, u.language FROM users u JOIN theme_follows t
                     ON t.user_id = u.id AND t.track_slug = :v WHERE u.blocked = 0"""
            params = {"v": value}
        elif kind == "session":  # value: "<guid>|<track slug>" (its theme's followers follow it)
            guid, _, slug = value.partition("|")
            sql = """SELECT u.id, u.language FROM users u WHERE u.blocked = 0 AND (
                       EXISTS (SELECT 1 FROM follows f
                               WHERE f.user_id = u.id AND f.session_guid = :g)
                       OR EXISTS (SELECT 1 FROM theme_follows t
                                  WHERE t.user_id = u.id AND t.track_slug = :s))"""
            params = {"g": guid, "s": slug}
        else:
            raise ValueError(f"unknown audience {audience!r}")
        rows = await self._db.all(sql + " ORDER BY 1", params)
        return [(int(r[0]), str(r[1])) for r in rows]

    async def set_composing(self, user_id: int, value: str | None) -> None:
        await self._db.write("UPDATE users SET composing = ? WHERE id = ?", (value, user_id))

    async def composing(self, user_id: int) -> str | None:
        row = await self._db.one("SELECT composing FROM users WHERE id = ?", (user_id,))
        return str(row[0]) if row and row[0] is not None else None


def _broadcast(row: aiosqlite.Row) -> Broadcast:
    return Broadcast(
        id=int(row["id"]),
        organizer_id=int(row["organizer_id"]),
        audience=str(row["audience"]),
        texts=json.loads(row["texts"]),
        photo=row["photo"],
        default_language=str(row["default_language"]),
        status=str(row["status"]),
        created_at=str(row["created_at"]),
        progress_chat=row["progress_chat"],
        progress_message=row["progress_message"],
        sent_at=row["sent_at"],
    )
