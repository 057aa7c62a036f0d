"""Questions to the panel, their votes, the moderators of each session, presenter screen links.

Moderation changes a question only from the state the moderator saw (`expected`): of two
moderators acting on one question at once, one statement wins and the other is told.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import aiosqlite

from bot.storage.database import Database

PENDING, APPROVED, REJECTED, WITHDRAWN, ANSWERED, MERGED = (
    "pending",
    "approved",
    "rejected",
    "withdrawn",
    "answered",
    "merged",
)
OPEN = (PENDING, APPROVED)  # what the author may still withdraw, and a moderator still edit


@dataclass(frozen=True)
class Question:
    id: int
    session_guid: str
    user_id: int
    language: str
    text: str
    asked_text: str
    signature: str | None
    status: str
    reason: str | None
    merged_into: int | None
    pinned: bool
    votes: int
    created_at: datetime
    updated_at: datetime


_COLUMNS = (
    "q.id, q.session_guid, q.user_id, q.language, q.text, q.asked_text, q.signature, q.status,"
    " q.reason, q.merged_into, q.pinned,"
    " (SELECT count(*) FROM question_votes v WHERE v.question_id = q.id), q.created_at,"
    " q.updated_at"
)


def _question(r: aiosqlite.Row) -> Question:
    return Question(
        int(r[0]),
        str(r[1]),
        int(r[2]),
        str(r[3]),
        str(r[4]),
        str(r[5]),
        r[6],
        str(r[7]),
        r[8],
        r[9],
        bool(r[10]),
        int(r[11]),
        datetime.fromisoformat(r[12]),
        datetime.fromisoformat(r[13]),
    )


class QuestionStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    # Asking -----------------------------------------------------------------------------

    async def add(
        self, session_guid: str, user_id: int, language: str, text: str, now: datetime
    ) -> int:
        rows = await self._db.write_returning(
            "INSERT INTO questions (session_guid, user_id, language, text, asked_text,"
            " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
            (session_guid, user_id, language, text, text, now.isoformat(), now.isoformat()),
        )
        return int(rows[0][0])

    async def get(self, question_id: int) -> Question | None:
        row = await self._db.one(
            f"SELECT {_COLUMNS} FROM questions q WHERE q.id = ?", (question_id,)
        )
        return _question(row) if row else None

    async def by_author(self, user_id: int, session_guid: str) -> list[Question]:
        rows = await self._db.all(
            f"SELECT {_COLUMNS} FROM questions q WHERE q.user_id = ? AND q.session_guid = ?"
            " ORDER BY q.id",
            (user_id, session_guid),
        )
        return [_question(r) for r in rows]

    async def withdraw(self, question_id: int, user_id: int, now: datetime) -> bool:
        return (
            await self._db.write(
                "UPDATE questions SET status = ?, pinned = 0, updated_at = ? WHERE id = ?"
                " AND user_id = ? AND status IN (?, ?)",
                (WITHDRAWN, now.isoformat(), question_id, user_id, *OPEN),
            )
            > 0
        )

    async def sign(self, question_id: int, user_id: int, signature: str, now: datetime) -> bool:
        return (
            await self._db.write(
                "UPDATE questions SET signature = ?, updated_at = ? WHERE id = ? AND user_id = ?"
                " AND status IN (?, ?)",
                (signature, now.isoformat(), question_id, user_id, *OPEN),
            )
            > 0
        )

    async def set_asking(self, user_id: int, what: str | None) -> None:
        await self._db.write("UPDATE users SET asking = ? WHERE id = ?", (what, user_id))

    async def asking(self, user_id: int) -> str | None:
        row = await self._db.one("SELECT asking FROM users WHERE id = ?", (user_id,))
        return str(row[0]) if row and row[0] else None

    # Moderating -------------------------------------------------------------------------

    async def moderate(
        self,
        question_id: int,
        expected: Sequence[str],
        status: str,
        moderator: int,
        now: datetime,
        reason: str | None = None,
    ) -> bool:
        """Move a question from one of the `expected` states to `status`; False if another
        moderator (or its author) moved it first."""
        marks = ", ".join("?" for _ in expected)
        return (
            await self._db.write(
                f"UPDATE questions SET status = ?, reason = ?, moderated_by = ?, updated_at = ?,"
                f" pinned = CASE WHEN ? = '{APPROVED}' THEN pinned ELSE 0 END"
                f" WHERE id = ? AND status IN ({marks})",
                (status, reason, moderator, now.isoformat(), status, question_id, *expected),
            )
            > 0
        )

    async def edit(self, question_id: int, text: str, moderator: int, now: datetime) -> bool:
        return (
            await self._db.write(
                "UPDATE questions SET text = ?, moderated_by = ?, updated_at = ? WHERE id = ?"
                " AND status IN (?, ?)",
                (text, moderator, now.isoformat(), question_id, *OPEN),
            )
            > 0
        )

    async def merge(self, duplicate: int, into: int, moderator: int, now: datetime) -> bool:
        """The duplicate's votes join the question it repeats (one each per attendee)."""
        async with self._db.transaction() as sql:
            async with sql.execute(
                "SELECT session_guid FROM questions WHERE id IN (?, ?) AND status IN (?, ?)",
                (duplicate, into, *OPEN),
            ) as cursor:
                sessions = {r[0] for r in await cursor.fetchall()}
            if duplicate == into or len(sessions) != 1:
                return False
            async with sql.execute(
                "SELECT count(*) FROM questions WHERE id IN (?, ?) AND status IN (?, ?)",
                (duplicate, into, *OPEN),
            ) as cursor:
                row = await cursor.fetchone()
            if row is None or int(row[0]) != 2:
                return False
            await sql.execute(
                "INSERT OR IGNORE INTO question_votes (question_id, user_id, voted_at)"
                " SELECT ?, user_id, voted_at FROM question_votes WHERE question_id = ?",
                (into, duplicate),
            )
            # The duplicate's author wants it asked too: a vote for the question it repeats.
            await sql.execute(
                "INSERT OR IGNORE INTO question_votes (question_id, user_id, voted_at)"
                " SELECT ?, user_id, ? FROM questions WHERE id = ?",
                (into, now.isoformat(), duplicate),
            )
            await sql.execute("DELETE FROM question_votes WHERE question_id = ?", (duplicate,))
            await sql.execute(
                "UPDATE questions SET status = ?, merged_into = ?, pinned = 0, moderated_by = ?,"
                " updated_at = ? WHERE id = ?",
                (MERGED, into, moderator, now.isoformat(), duplicate),
            )
        return True

    async def pin(self, question_id: int, moderator: int, now: datetime) -> bool:
        """'Now being answered': this approved question, and no other of its session."""
        async with self._db.transaction() as sql:
            async with sql.execute(
                "SELECT session_guid FROM questions WHERE id = ? AND status = ?",
                (question_id, APPROVED),
            ) as cursor:
                row = await cursor.fetchone()
            if row is None:
                return False
            await sql.execute(
                "UPDATE questions SET pinned = (id = ?), updated_at = ?, moderated_by = ?"
                " WHERE session_guid = ? AND (pinned = 1 OR id = ?)",
                (question_id, now.isoformat(), moderator, row[0], question_id),
            )
        return True

    async def unpin(self, session_guid: str, now: datetime) -> None:
        await self._db.write(
            "UPDATE questions SET pinned = 0, updated_at = ? WHERE session_guid = ? AND pinned = 1",
            (now.isoformat(), session_guid),
        )

    async def of_session(
        self, session_guid: str, statuses: Sequence[str], limit: int = -1
    ) -> list[Question]:
        """Pinned first, then by votes, then by age: what the room wants asked first
        (`limit` of them; -1: all)."""
        marks = ", ".join("?" for _ in statuses)
        rows = await self._db.all(
            f"SELECT {_COLUMNS} FROM questions q WHERE q.session_guid = ?"
            f" AND q.status IN ({marks}) ORDER BY q.pinned DESC, 12 DESC, q.id LIMIT ?",
            (session_guid, *statuses, limit),
        )
        return [_question(r) for r in rows]

    async def counts(self) -> dict[str, dict[str, int]]:
        """session guid → status → questions."""
        rows = await self._db.all(
            "SELECT session_guid, status, count(*) FROM questions GROUP BY 1, 2"
        )
        counts: dict[str, dict[str, int]] = {}
        for guid, status, n in rows:
            counts.setdefault(str(guid), {})[str(status)] = int(n)
        return counts

    async def changed_since(self, session_guid: str) -> str:
        """A mark that moves whenever anything of the session's questions or votes does."""
        row = await self._db.one(
            "SELECT (SELECT max(updated_at) || ':' || count(*) FROM questions"
            "        WHERE session_guid = ?),"
            "       (SELECT count(*) FROM question_votes v JOIN questions q"
            "        ON q.id = v.question_id WHERE q.session_guid = ?)",
            (session_guid, session_guid),
        )
        return f"{row[0]}/{row[1]}" if row else ""

    # Voting -----------------------------------------------------------------------------

    async def vote(self, question_id: int, user_id: int, now: datetime) -> bool:
        """True if the vote was counted: an approved question, not voted by them before."""
        return (
            await self._db.write(
                "INSERT OR IGNORE INTO question_votes (question_id, user_id, voted_at)"
                " SELECT id, ?, ? FROM questions WHERE id = ? AND status = ?",
                (user_id, now.isoformat(), question_id, APPROVED),
            )
            > 0
        )

    async def unvote(self, question_id: int, user_id: int) -> bool:
        return (
            await self._db.write(
                "DELETE FROM question_votes WHERE question_id = ? AND user_id = ?",
                (question_id, user_id),
            )
            > 0
        )

    async def voted(self, user_id: int, session_guid: str) -> set[int]:
        rows = await self._db.all(
            "SELECT v.question_id FROM question_votes v JOIN questions q ON q.id = v.question_id"
            " WHERE v.user_id = ? AND q.session_guid = ?",
            (user_id, session_guid),
        )
        return {int(r[0]) for r in rows}

    # Moderators and presenter screens ---------------------------------------------------

    async def grant_moderator(
        self, session_guid: str, user_id: int, organizer: int, now: datetime
    ) -> bool:
        return (
            await self._db.write(
                "INSERT OR IGNORE INTO moderators (session_guid, user_id, granted_by, granted_at)"
                " VALUES (?, ?, ?, ?)",
                (session_guid, user_id, organizer, now.isoformat()),
            )
            > 0
        )

    async def revoke_moderator(self, session_guid: str, user_id: int) -> bool:
        return (
            await self._db.write(
                "DELETE FROM moderators WHERE session_guid = ? AND user_id = ?",
                (session_guid, user_id),
            )
            > 0
        )

    async def moderators(self) -> dict[int, set[str]]:
        """user id → the sessions they moderate."""
        rows = await self._db.all("SELECT user_id, session_guid FROM moderators")
        found: dict[int, set[str]] = {}
        for user_id, guid in rows:
            found.setdefault(int(user_id), set()).add(str(guid))
        return found

    async def add_screen(
        self, token_hash: str, session_guid: str, created_by: int, now: datetime
    ) -> None:
        await self._db.write(
            "INSERT INTO presenter_links (token_hash, session_guid, created_by, created_at)"
            " VALUES (?, ?, ?, ?)",
            (token_hash, session_guid, created_by, now.isoformat()),
        )

    async def screen_session(self, token_hash: str) -> str | None:
        row = await self._db.one(
            "SELECT session_guid FROM presenter_links WHERE token_hash = ? AND revoked_at IS NULL",
            (token_hash,),
        )
        return str(row[0]) if row else None

    async def revoke_screens(self, session_guid: str, now: datetime) -> int:
        return await self._db.write(
            "UPDATE presenter_links SET revoked_at = ? WHERE session_guid = ?"
            " AND revoked_at IS NULL",
            (now.isoformat(), session_guid),
        )

    async def screens(self, session_guid: str) -> int:
        row = await self._db.one(
            "SELECT count(*) FROM presenter_links WHERE session_guid = ? AND revoked_at IS NULL",
            (session_guid,),
        )
        return int(row[0]) if row else 0
