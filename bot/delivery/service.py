"""What features use: queue messages, watch a batch's progress, cancel it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.clock import Clock
from bot.delivery.sender import Sender
from bot.outgoing import Outgoing
from bot.storage.outbox import (
    BLOCKED,
    CANCELLED,
    EXPIRED,
    FAILED,
    PENDING,
    SENDING,
    SENT,
    URGENT,
    OutboxStore,
)


@dataclass(frozen=True)
class Progress:
    counts: dict[str, int]
    eta_seconds: float  # until the batch's last unsent item goes out, at the configured rate

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def unsent(self) -> int:
        return self.counts[PENDING] + self.counts[SENDING]

    @property
    def done(self) -> bool:
        return self.unsent == 0

    @property
    def sent(self) -> int:
        return self.counts[SENT]

    @property
    def failed(self) -> int:
        return self.counts[FAILED]

    @property
    def blocked(self) -> int:
        return self.counts[BLOCKED]

    @property
    def cancelled(self) -> int:
        return self.counts[CANCELLED]

    @property
    def expired(self) -> int:
        return self.counts[EXPIRED]


class Delivery:
    def __init__(self, outbox: OutboxStore, sender: Sender, clock: Clock, rate: float) -> None:
        self._outbox = outbox
        self.sender = sender
        self._clock = clock
        self._rate = rate

    async def enqueue(
        self, batch: str, kind: str, items: Sequence[Outgoing], *, urgent: bool = False
    ) -> int:
        """Queue messages; returns how many were new (a dedupe key already queued is skipped).
        Urgent ones (reminders) go out before anything queued earlier."""
        queued = await self._outbox.enqueue(
            batch, kind, items, self._clock.now(), priority=URGENT if urgent else 0
        )
        if queued:
            self.sender.wake()
        return queued

    async def already_queued(self, dedupe_keys: Sequence[str]) -> set[str]:
        """Which of these messages were queued before (enqueue would skip them)."""
        return await self._outbox.queued_keys(dedupe_keys)

    async def progress(self, batch: str) -> Progress:
        counts = await self._outbox.counts(batch)
        ahead = (
            await self._outbox.queued_through(batch) if counts[PENDING] or counts[SENDING] else 0
        )
        return Progress(counts, ahead / self._rate)

    async def cancel(self, batch: str) -> int:
        """Stop a batch: nothing more of it goes out except sends already under way."""
        now = self._clock.now()
        cancelled = await self._outbox.cancel(batch, now)
        withdrawn = self.sender.withdraw(batch)
        if withdrawn:
            cancelled += await self._outbox.cancel_claimed(withdrawn, now)
        return cancelled
