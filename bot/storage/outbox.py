"""The outbox table: queued bulk messages, their status, and each batch's progress."""

from __future__ import annotations

import json
import logging
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import aiosqlite

from bot.outgoing import Outgoing, Payload, decode, encode
from bot.storage.database import Database

log = logging.getLogger(__name__)

PENDING, SENDING, SENT, FAILED, BLOCKED, CANCELLED, EXPIRED = (
    "pending",
    "sending",
    "sent",
    "failed",
    "blocked",
    "cancelled",
    "expired",
)
STATUSES = (PENDING, SENDING, SENT, FAILED, BLOCKED, CANCELLED, EXPIRED)
# Reminders jump the queue: one must not wait behind a 10,000-recipient announcement.
URGENT = 10


def utc_text(when: datetime) -> str:
    """One fixed text form for instants, so SQL compares them in time order."""
    return when.astimezone(UTC).isoformat(timespec="microseconds")


@dataclass(frozen=True)
class OutboxItem:
    id: int
    batch: str
    kind: str
    chat_id: int
    payload_json: str
    attempts: int
    expires_at: datetime | None = None  # not sent from then on (a reminder once its session began)

    @property
    def payload(self) -> Payload:
        """Read when the item is sent, not when it is claimed: a row that does not read
        (PayloadError) fails alone instead of stopping the claim of its neighbours."""
        return decode(self.payload_json)


@dataclass(frozen=True)
class DeliveryOutcome:
    """What became of one claimed item; written back in batches."""

    item_id: int
    status: str
    attempts: int
    # Seconds from when the outcome is written (not from when the send ended: the clock may be
    # stepped in between, and a retry due in 2 s must stay due in 2 s).
    wait: float
    last_error: str | None = None
    message_id: int | None = None


class OutboxStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def enqueue(
        self,
        batch: str,
        kind: str,
        items: Sequence[Outgoing],
        now: datetime,
        *,
        priority: int = 0,
    ) -> int:
        """Queue `items`; those whose dedupe key is already queued are skipped. Returns how
        many were new."""
        stamp = utc_text(now)
        rows = [
            (
                batch,
                kind,
                item.chat_id,
                encode(item.payload),
                item.dedupe_key,
                utc_text(item.not_before) if item.not_before else stamp,
                utc_text(item.expires_at) if item.expires_at else None,
                priority,
                stamp,
                stamp,
            )
            for item in items
        ]
        return await self._db.write_many(
            """
            INSERT OR IGNORE INTO outbox (batch, kind, chat_id, payload, dedupe_key, not_before,
                expires_at, priority, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            rows,
        )

    async def queued_keys(self, keys: Sequence[str]) -> set[str]:
        """Those of `keys` already queued, whatever became of their messages since."""
        rows = await self._db.all(
            "SELECT dedupe_key FROM outbox WHERE dedupe_key IN (SELECT value FROM json_each(?))",
            (json.dumps(list(keys)),),
        )
        return {str(row[0]) for row in rows}

    async def recover_in_flight(self, now: datetime) -> int:
        """After a crash, items marked 'sending' may or may not have gone out: send them again
        (at-least-once). Returns their number, the bound on possible duplicates."""
        return await self._db.write(
            "UPDATE outbox SET status = ?, updated_at = ? WHERE status = ?",
            (PENDING, utc_text(now), SENDING),
        )

    async def claim(self, now: datetime, limit: int) -> list[OutboxItem]:
        """Mark up to `limit` due items 'sending' and return them, most urgent then oldest
        first. Items past their expiry, or for users who blocked the bot, are settled as
        'expired' or 'blocked' without a send."""
        stamp = utc_text(now)
        async with self._db.transaction() as db:
            async with db.execute(
                """
                UPDATE outbox SET status = ?, updated_at = ?
                WHERE status = ? AND expires_at IS NOT NULL AND expires_at <= ?
                RETURNING kind
                """,
                (EXPIRED, stamp, PENDING, stamp),
            ) as cursor:
                expired = Counter(str(row[0]) for row in await cursor.fetchall())
            await db.execute(
                """
                UPDATE outbox SET status = ?, last_error = 'user had blocked the bot',
                    updated_at = ?
                WHERE id IN (
                    SELECT o.id FROM outbox o JOIN users u ON u.id = o.chat_id
                    WHERE o.status = ? AND o.not_before <= ? AND u.blocked = 1
                    LIMIT ?)
                """,
                (BLOCKED, stamp, PENDING, stamp, limit),
            )
            async with db.execute(
                """
                UPDATE outbox SET status = ?, updated_at = ?
                WHERE id IN (
                    SELECT id FROM outbox WHERE status = ? AND not_before <= ?
                    ORDER BY priority DESC, id LIMIT ?)
                RETURNING id, batch, kind, chat_id, payload, attempts, priority, expires_at
                """,
                (SENDING, stamp, PENDING, stamp, limit),
            ) as cursor:
                rows = await cursor.fetchall()
        for kind, count in sorted(expired.items()):
            # Too late now (a reminder after its session began): missed, never sent late.
            log.warning("%d %s messages expired unsent (missed)", count, kind)
        items = sorted(rows, key=lambda row: (-int(row["priority"]), int(row["id"])))
        return [_item(row) for row in items]

    async def shift_pending(self, by: timedelta, now: datetime) -> int:
        """Move the waits of pending items not yet due by `by` (the clock was stepped back by
        that much: a retry due in 2 s must not wait an hour more). Returns how many moved."""
        rows = await self._db.all(
            "SELECT id, not_before FROM outbox WHERE status = ? AND not_before > ?",
            (PENDING, utc_text(now)),
        )
        moved = [(utc_text(datetime.fromisoformat(str(row[1])) + by), int(row[0])) for row in rows]
        await self._db.write_many(
            "UPDATE outbox SET not_before = ? WHERE id = ? AND status = 'pending'", moved
        )
        return len(moved)

    async def depth(self) -> dict[tuple[str, str], int]:
        """Items by (kind, status): the outbox at a glance (for /metrics)."""
        rows = await self._db.all("SELECT kind, status, count(*) FROM outbox GROUP BY 1, 2")
        return {(str(r[0]), str(r[1])): int(r[2]) for r in rows}

    async def release(self, item_ids: Sequence[int], now: datetime) -> None:
        """Give claimed items back unsent (the sender is stopping)."""
        await self._db.write_many(
            "UPDATE outbox SET status = ?, updated_at = ? WHERE id = ? AND status = ?",
            [(PENDING, utc_text(now), item_id, SENDING) for item_id in item_ids],
        )

    async def record(self, outcomes: Sequence[DeliveryOutcome], now: datetime) -> None:
        stamp = utc_text(now)
        await self._db.write_many(
            """
            UPDATE outbox SET status = ?, attempts = ?, not_before = ?, last_error = ?,
                message_id = coalesce(?, message_id), updated_at = ?
            WHERE id = ?
            """,
            [
                (
                    o.status,
                    o.attempts,
                    utc_text(now + timedelta(seconds=o.wait)),
                    o.last_error,
                    o.message_id,
                    stamp,
                    o.item_id,
                )
                for o in outcomes
            ],
        )

    async def next_due(self) -> datetime | None:
        row = await self._db.one("SELECT min(not_before) FROM outbox WHERE status = ?", (PENDING,))
        return datetime.fromisoformat(row[0]) if row and row[0] else None

    async def counts(self, batch: str) -> dict[str, int]:
        rows = await self._db.all(
            "SELECT status, count(*) FROM outbox WHERE batch = ? GROUP BY status", (batch,)
        )
        counts = dict.fromkeys(STATUSES, 0)
        counts.update({str(r[0]): int(r[1]) for r in rows})
        return counts

    async def queued_through(self, batch: str) -> int:
        """Unsent items of any batch queued up to this batch's last unsent one: what stands
        between now and this batch being done (for an ETA)."""
        row = await self._db.one(
            """
            SELECT count(*) FROM outbox
            WHERE status IN (?, ?) AND id <= (
                SELECT coalesce(max(id), 0) FROM outbox WHERE batch = ? AND status IN (?, ?))
            """,
            (PENDING, SENDING, batch, PENDING, SENDING),
        )
        return int(row[0]) if row else 0

    async def cancel(self, batch: str, now: datetime) -> int:
        """Stop what has not gone out yet; returns how many items were cancelled."""
        return await self._db.write(
            "UPDATE outbox SET status = ?, updated_at = ? WHERE batch = ? AND status = ?",
            (CANCELLED, utc_text(now), batch, PENDING),
        )

    async def cancel_claimed(self, item_ids: Sequence[int], now: datetime) -> int:
        """Claimed items the sender gave back unsent after a cancel."""
        return await self._db.write_many(
            "UPDATE outbox SET status = ?, updated_at = ? WHERE id = ? AND status = ?",
            [(CANCELLED, utc_text(now), item_id, SENDING) for item_id in item_ids],
        )

    async def by_status(self, status: str) -> int:
        row = await self._db.one("SELECT count(*) FROM outbox WHERE status = ?", (status,))
        return int(row[0]) if row else 0


def _item(row: aiosqlite.Row) -> OutboxItem:
    return OutboxItem(
        id=int(row["id"]),
        batch=str(row["batch"]),
        kind=str(row["kind"]),
        chat_id=int(row["chat_id"]),
        payload_json=str(row["payload"]),
        attempts=int(row["attempts"]),
        expires_at=datetime.fromisoformat(row["expires_at"]) if row["expires_at"] else None,
    )
