"""Live polls of a session (their texts, who started and closed them, the results frozen at
closing) and who opened which session's card lately: who a live poll goes to.

The answers themselves are in the answers table (bot/storage/feedback.py), under the subject
'live:<poll id>', by option key: the three languages and both channels make one result.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import aiosqlite

from bot.storage.database import Database
from bot.storage.follows import FOLLOWS_SESSION
from bot.storage.outbox import utc_text

Texts = dict[str, str]  # language → text


@dataclass(frozen=True)
class LivePollRow:
    id: int
    session_guid: str
    question: Texts
    options: tuple[Texts, ...]
    multiple: bool
    started_by: int
    started_at: datetime
    sent: int
    closed_at: datetime | None
    results: dict[str, Any] | None  # frozen at closing: by_language, respondents


_COLUMNS = "id, session_guid, texts, multiple, started_by, started_at, sent, closed_at, results"


class LivePollStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def start(
        self,
        session_guid: str,
        question: Texts,
        options: tuple[Texts, ...],
        multiple: bool,
        by: int,
        now: datetime,
    ) -> int | None:
        """The new poll's id; None if the session has an open poll already."""
        texts = json.dumps({"question": question, "options": list(options)}, ensure_ascii=False)
        try:
            rows = await self._db.write_returning(
                "INSERT INTO live_polls (session_guid, texts, multiple, started_by, started_at)"
                " VALUES (?, ?, ?, ?, ?) RETURNING id",
                (session_guid, texts, int(multiple), by, utc_text(now)),
            )
        except sqlite3.IntegrityError:
            return None  # live_polls_one_open: another moderator was quicker
        return int(rows[0][0])

    async def add_sent(self, poll_id: int, sent: int) -> None:
        await self._db.write("UPDATE live_polls SET sent = sent + ? WHERE id = ?", (sent, poll_id))

    async def open_polls(self) -> dict[str, int]:
        """Session guid → its open poll's id."""
        rows = await self._db.all("SELECT session_guid, id FROM live_polls WHERE closed_at IS NULL")
        return {str(r[0]): int(r[1]) for r in rows}

    async def close(self, poll_id: int, by: int, now: datetime, results: dict[str, Any]) -> bool:
        """False: it was closed already (by another moderator)."""
        changed = await self._db.write(
            "UPDATE live_polls SET closed_by = ?, closed_at = ?, results = ?"
            " WHERE id = ? AND closed_at IS NULL",
            (by, utc_text(now), json.dumps(results), poll_id),
        )
        return changed > 0

    async def get(self, poll_id: int) -> LivePollRow | None:
        row = await self._db.one(f"SELECT {_COLUMNS} FROM live_polls WHERE id = ?", (poll_id,))
        return _poll(row) if row is not None else None

    async def of_session(self, session_guid: str) -> list[LivePollRow]:
        """Newest first."""
        rows = await self._db.all(
            f"SELECT {_COLUMNS} FROM live_polls WHERE session_guid = ? ORDER BY id DESC",
            (session_guid,),
        )
        return [_poll(r) for r in rows]

    async def every(self) -> list[LivePollRow]:
        rows = await self._db.all(f"SELECT {_COLUMNS} FROM live_polls ORDER BY id")
        return [_poll(r) for r in rows]

    async def respondents(self, subject: str) -> int:
        row = await self._db.one(
            "SELECT count(DISTINCT user_id) FROM answers WHERE subject = ?", (subject,)
        )
        return int(row[0]) if row else 0

    # -- who gets a session's poll -----------------------------------------------------------

    async def card_opened(self, user_id: int, session_guid: str, now: datetime) -> None:
        await self._db.write(
            "INSERT INTO card_opens (session_guid, user_id, opened_at) VALUES (?, ?, ?)"
            " ON CONFLICT (session_guid, user_id) DO UPDATE SET opened_at = excluded.opened_at",
            (session_guid, user_id, utc_text(now)),
        )

    async def audience(
        self, session_guid: str, track_slug: str | None, opened_since: datetime
    ) -> list[tuple[int, str]]:
        """(user id, language) of who follows the session (or its theme) or opened its card
        since `opened_since`, and has not blocked the bot."""
        rows = await self._db.all(
            f"""
            SELECT u.id, u.language FROM users u
            WHERE u.blocked = 0
              AND ({FOLLOWS_SESSION}
                   OR EXISTS (SELECT 1 FROM card_opens c
                              WHERE c.user_id = u.id AND c.session_guid = :guid
                                AND c.opened_at >= :since))
            ORDER BY u.id
            """,
            {"guid": session_guid, "track": track_slug, "since": utc_text(opened_since)},
        )
        return [(int(r[0]), str(r[1])) for r in rows]


def _poll(r: aiosqlite.Row) -> LivePollRow:
    texts: dict[str, Any] = json.loads(r[2])
    return LivePollRow(
        id=int(r[0]),
        session_guid=str(r[1]),
        question=dict(texts["question"]),
        options=tuple(dict(o) for o in texts["options"]),
        multiple=bool(r[3]),
        started_by=int(r[4]),
        started_at=datetime.fromisoformat(str(r[5])),
        sent=int(r[6]),
        closed_at=datetime.fromisoformat(str(r[7])) if r[7] is not None else None,
        results=json.loads(r[8]) if r[8] is not None else None,
    )
