"""The staff console's tables: one-time login links, browser sessions, the audit log.

Neither a link nor a session cookie is stored: only their sha256, so a copy of the database
(a backup) opens no console.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import aiosqlite

from bot.storage.database import Database


@dataclass(frozen=True)
class ConsoleSession:
    id_hash: str
    user_id: int
    created_at: datetime
    expires_at: datetime
    last_seen: datetime
    agent: str
    language: str | None


@dataclass(frozen=True)
class AuditEntry:
    at: datetime
    user_id: int  # 0: a user who has since used /forget
    action: str
    detail: str


_SESSION_COLUMNS = "id_hash, user_id, created_at, expires_at, last_seen, agent, language"


class ConsoleStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def add_link(
        self, nonce_hash: str, user_id: int, now: datetime, expires: datetime
    ) -> None:
        await self._db.write(
            "INSERT INTO console_links (nonce_hash, user_id, created_at, expires_at)"
            " VALUES (?, ?, ?, ?)",
            (nonce_hash, user_id, now.isoformat(), expires.isoformat()),
        )

    async def use_link(self, nonce_hash: str, now: datetime) -> int | None:
        """The link's user, marking it used; None when unknown, used or expired. One
        statement, so two browsers redeeming the same link at once cannot both win."""
        rows = await self._db.write_returning(
            "UPDATE console_links SET used_at = ? WHERE nonce_hash = ? AND used_at IS NULL"
            " AND expires_at > ? RETURNING user_id",
            (now.isoformat(), nonce_hash, now.isoformat()),
        )
        return int(rows[0][0]) if rows else None

    async def link_state(self, nonce_hash: str) -> str:
        """Why a link did not open: 'used', 'expired' or 'unknown' (for the refusal page)."""
        row = await self._db.one(
            "SELECT used_at FROM console_links WHERE nonce_hash = ?", (nonce_hash,)
        )
        if row is None:
            return "unknown"
        return "used" if row[0] is not None else "expired"

    async def add_session(
        self, id_hash: str, user_id: int, now: datetime, expires: datetime, agent: str
    ) -> None:
        await self._db.write(
            "INSERT INTO console_sessions (id_hash, user_id, created_at, expires_at, last_seen,"
            " agent) VALUES (?, ?, ?, ?, ?, ?)",
            (id_hash, user_id, now.isoformat(), expires.isoformat(), now.isoformat(), agent),
        )

    async def session(self, id_hash: str, now: datetime) -> ConsoleSession | None:
        row = await self._db.one(
            f"SELECT {_SESSION_COLUMNS} FROM console_sessions WHERE id_hash = ?"
            " AND revoked_at IS NULL AND expires_at > ?",
            (id_hash, now.isoformat()),
        )
        return _session(row) if row else None

    async def seen(self, id_hash: str, now: datetime) -> None:
        await self._db.write(
            "UPDATE console_sessions SET last_seen = ? WHERE id_hash = ?",
            (now.isoformat(), id_hash),
        )

    async def set_language(self, id_hash: str, language: str) -> None:
        await self._db.write(
            "UPDATE console_sessions SET language = ? WHERE id_hash = ?", (language, id_hash)
        )

    async def active_sessions(self, now: datetime) -> list[ConsoleSession]:
        rows = await self._db.all(
            f"SELECT {_SESSION_COLUMNS} FROM console_sessions WHERE revoked_at IS NULL"
            " AND expires_at > ? ORDER BY last_seen DESC",
            (now.isoformat(),),
        )
        return [_session(r) for r in rows]

    async def revoke(self, id_hash: str, now: datetime) -> bool:
        return (
            await self._db.write(
                "UPDATE console_sessions SET revoked_at = ? WHERE id_hash = ?"
                " AND revoked_at IS NULL",
                (now.isoformat(), id_hash),
            )
            > 0
        )

    async def revoke_user(self, user_id: int, now: datetime) -> int:
        """Every session of a user (their staff role was taken back)."""
        return await self._db.write(
            "UPDATE console_sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL",
            (now.isoformat(), user_id),
        )

    async def record(self, at: datetime, user_id: int, action: str, detail: str = "") -> None:
        await self._db.write(
            "INSERT INTO audit (at, user_id, action, detail) VALUES (?, ?, ?, ?)",
            (at.isoformat(), user_id, action, detail),
        )

    async def audit(self, limit: int = 200, offset: int = 0) -> list[AuditEntry]:
        rows = await self._db.all(
            "SELECT at, user_id, action, detail FROM audit ORDER BY id DESC LIMIT ? OFFSET ?",
            (limit, offset),
        )
        return [
            AuditEntry(datetime.fromisoformat(r[0]), int(r[1]), str(r[2]), str(r[3])) for r in rows
        ]


def _session(r: aiosqlite.Row) -> ConsoleSession:
    return ConsoleSession(
        id_hash=str(r[0]),
        user_id=int(r[1]),
        created_at=datetime.fromisoformat(r[2]),
        expires_at=datetime.fromisoformat(r[3]),
        last_seen=datetime.fromisoformat(r[4]),
        agent=str(r[5]),
        language=r[6],
    )
