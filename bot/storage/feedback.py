"""Polls sent, answers by option key (so three languages make one result), and comments."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import aiosqlite

from bot.storage.database import Database
from bot.storage.follows import FOLLOWS_SESSION
from bot.storage.outbox import utc_text


@dataclass(frozen=True)
class SentPoll:
    poll_id: str
    subject: str
    question: str
    user_id: int
    language: str
    options: tuple[str, ...]
    message_id: int


@dataclass(frozen=True)
class _Answer:
    subject: str
    question: str
    user_id: int
    keys: tuple[str, ...]
    language: str
    now: datetime


POLL_CACHE = 100_000  # polls whose mapping stays in memory (about 300 bytes each)
_POLL_COLUMNS = "poll_id, subject, question, user_id, language, options, message_id"


class FeedbackStore:
    def __init__(self, db: Database) -> None:
        self._db = db
        self._queued: list[tuple[_Answer, asyncio.Future[None]]] = []
        self._writer: asyncio.Task[None] | None = None
        self._polls: dict[str, SentPoll] = {}  # every answer looks its poll up: keep them
        # Counts this process's writes (polls, answers, comments): what a cache of the results
        # is keyed on.
        self.generation = 0

    def _remember(self, poll: SentPoll) -> SentPoll:
        self._polls[poll.poll_id] = poll
        if len(self._polls) > POLL_CACHE:
            del self._polls[next(iter(self._polls))]  # the oldest: answers come early
        return poll

    async def register(self, poll: SentPoll, now: datetime) -> None:
        self._remember(poll)
        self.generation += 1
        await self._db.write(
            """
            INSERT OR REPLACE INTO polls
                (poll_id, subject, question, user_id, language, options, message_id, sent_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """,
            (
                poll.poll_id,
                poll.subject,
                poll.question,
                poll.user_id,
                poll.language,
                json.dumps(list(poll.options)),
                poll.message_id,
                utc_text(now),
            ),
        )

    async def poll(self, poll_id: str) -> SentPoll | None:
        if poll_id in self._polls:
            return self._polls[poll_id]
        row = await self._db.one(
            f"SELECT {_POLL_COLUMNS} FROM polls WHERE poll_id = ?",
            (poll_id,),
        )
        return self._remember(_sent_poll(row)) if row is not None else None

    async def answer(
        self,
        subject: str,
        question: str,
        user_id: int,
        keys: Sequence[str],
        language: str,
        now: datetime,
    ) -> None:
        """Replace this user's answer to the question; no keys means the vote was retracted.

        Returns once the answer is committed. Answers arriving together are committed in one
        transaction (group commit): a crowd answering at once costs one write, not thousands.
        """
        done = asyncio.get_running_loop().create_future()
        self._queued.append((_Answer(subject, question, user_id, tuple(keys), language, now), done))
        if self._writer is None or self._writer.done():
            self._writer = asyncio.create_task(self._write_answers())
        await done

    async def _write_answers(self) -> None:
        while self._queued:
            batch, self._queued = self._queued, []
            # The latest answer of each user to each question wins (a quick re-vote).
            latest = {(a.subject, a.question, a.user_id): a for a, _ in batch}
            try:
                async with self._db.transaction() as db:
                    await db.executemany(
                        "DELETE FROM answers WHERE subject = ? AND question = ? AND user_id = ?",
                        list(latest),
                    )
                    await db.executemany(
                        """
                        INSERT INTO answers
                            (subject, question, user_id, option_key, language, answered_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """,
                        [
                            (a.subject, a.question, a.user_id, key, a.language, utc_text(a.now))
                            for a in latest.values()
                            for key in a.keys
                        ],
                    )
            except Exception as error:
                for _, done in batch:
                    done.set_exception(error)
                continue
            self.generation += 1
            for _, done in batch:
                done.set_result(None)

    async def all_answers(self) -> list[tuple[str, str, int, str, str, str]]:
        """(subject, question, user id, option key, language, answered at), for exports."""
        # 100,000 rows: read and converted apart, while the bot's queries go on.
        return await self._db.read_apart(
            "SELECT subject, question, user_id, option_key, language, answered_at FROM answers"
            " ORDER BY subject, question, answered_at, user_id",
            lambda rows: [
                (str(r[0]), str(r[1]), int(r[2]), str(r[3]), str(r[4]), str(r[5])) for r in rows
            ],
        )

    async def all_comments(self) -> list[tuple[str, int, str, str, str]]:
        """(subject, user id, language, text, created at), for exports."""
        return await self._db.read_apart(
            "SELECT subject, user_id, language, text, created_at FROM comments ORDER BY id",
            lambda rows: [(str(r[0]), int(r[1]), str(r[2]), str(r[3]), str(r[4])) for r in rows],
        )

    async def polls_sent(self, question: str) -> dict[str, int]:
        """Per subject, how many people were sent that question's poll (a response rate's base)."""
        rows = await self._db.all(
            "SELECT subject, count(DISTINCT user_id) FROM polls WHERE question = ?"
            " GROUP BY subject",
            (question,),
        )
        return {str(r[0]): int(r[1]) for r in rows}

    async def asked(self, subject: str, question: str, user_id: int) -> bool:
        row = await self._db.one(
            "SELECT 1 FROM polls WHERE subject = ? AND question = ? AND user_id = ? LIMIT 1",
            (subject, question, user_id),
        )
        return row is not None

    async def results(self, subject: str, question: str) -> dict[str, dict[str, int]]:
        """{option key: {language: count}}."""
        rows = await self._db.all(
            """
            SELECT option_key, language, count(*) FROM answers
            WHERE subject = ? AND question = ? GROUP BY option_key, language
            """,
            (subject, question),
        )
        results: dict[str, dict[str, int]] = {}
        for key, language, count in rows:
            results.setdefault(str(key), {})[str(language)] = int(count)
        return results

    async def user_answer(self, subject: str, question: str, user_id: int) -> list[str]:
        rows = await self._db.all(
            "SELECT option_key FROM answers WHERE subject = ? AND question = ? AND user_id = ?",
            (subject, question, user_id),
        )
        return sorted(str(r[0]) for r in rows)

    async def await_comment(self, user_id: int, subject: str | None) -> None:
        await self._db.write(
            "UPDATE users SET awaiting_comment = ? WHERE id = ?", (subject, user_id)
        )

    async def awaiting_comment(self, user_id: int) -> str | None:
        row = await self._db.one("SELECT awaiting_comment FROM users WHERE id = ?", (user_id,))
        return str(row[0]) if row and row[0] is not None else None

    async def add_comment(
        self, subject: str, user_id: int, language: str, text: str, now: datetime
    ) -> None:
        async with self._db.transaction() as db:
            await db.execute(
                "INSERT INTO comments (subject, user_id, language, text, created_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (subject, user_id, language, text, utc_text(now)),
            )
            await db.execute("UPDATE users SET awaiting_comment = NULL WHERE id = ?", (user_id,))
        self.generation += 1

    async def comments(self, subject: str) -> list[tuple[int, str, str]]:
        rows = await self._db.all(
            "SELECT user_id, language, text FROM comments WHERE subject = ? ORDER BY id", (subject,)
        )
        return [(int(r[0]), str(r[1]), str(r[2])) for r in rows]

    async def due_for_closing(self, sent_before: datetime) -> list[SentPoll]:
        rows = await self._db.all(
            f"SELECT {_POLL_COLUMNS} FROM polls WHERE closed = 0 AND sent_at < ? ORDER BY sent_at",
            (utc_text(sent_before),),
        )
        return [_sent_poll(row) for row in rows]

    async def open_polls(self, subject: str) -> list[SentPoll]:
        """The polls about `subject` not closed yet (a live poll being closed stops them)."""
        rows = await self._db.all(
            f"SELECT {_POLL_COLUMNS} FROM polls WHERE subject = ? AND closed = 0", (subject,)
        )
        return [_sent_poll(row) for row in rows]

    async def mark_closed(self, poll_id: str) -> None:
        await self._db.write("UPDATE polls SET closed = 1 WHERE poll_id = ?", (poll_id,))

    async def followers_due(
        self, session_guid: str, track_slug: str | None, key_prefix: str
    ) -> list[tuple[int, str]]:
        """(user id, language) of followers of the session (or its theme) not yet asked."""
        rows = await self._db.all(
            f"""
            SELECT u.id, u.language FROM users u
            WHERE u.blocked = 0 AND ({FOLLOWS_SESSION})
              AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.dedupe_key = :prefix || u.id)
            ORDER BY u.id
            """,
            {"guid": session_guid, "track": track_slug, "prefix": key_prefix},
        )
        return [(int(r[0]), str(r[1])) for r in rows]


def _sent_poll(row: aiosqlite.Row) -> SentPoll:
    return SentPoll(
        poll_id=str(row[0]),
        subject=str(row[1]),
        question=str(row[2]),
        user_id=int(row[3]),
        language=str(row[4]),
        options=tuple(json.loads(row[5])),
        message_id=int(row[6]),
    )
