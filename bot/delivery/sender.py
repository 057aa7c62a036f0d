"""The one sender: takes due items from the outbox, paces them, delivers, records outcomes.

Crash safety: an item is marked 'sending' when claimed and gets its final status once the
channel answered (outcomes are written in small batches). After a kill, 'sending' items are
sent again: at-least-once. Only items delivered but not yet recorded can arrive twice, and
the sender never lets more than `max_unrecorded` of them pile up, so duplicates stay within
`duplicate_bound` (unrecorded + in flight). The number re-sent is reported as `recovered`.
"""

from __future__ import annotations

import asyncio
import contextlib
import heapq
import logging
import time
from collections import Counter, deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Protocol

from bot import patience
from bot.channels import channel_of
from bot.clock import Clock
from bot.delivery.breaker import Breaker
from bot.delivery.clock_steps import ClockSteps
from bot.delivery.errors import Blocked, ChatGone, RateLimited, Rejected, Transient
from bot.delivery.pacer import Pacer
from bot.outgoing import Payload, PayloadError, Receipt
from bot.storage.outbox import (
    BLOCKED,
    EXPIRED,
    FAILED,
    PENDING,
    SENT,
    DeliveryOutcome,
    OutboxItem,
    OutboxStore,
)
from bot.storage.users import Users
from bot.supervise import Supervised, Supervisor

log = logging.getLogger(__name__)

SentHook = Callable[[OutboxItem, Receipt], Awaitable[None]]
MAX_DEFERRED = 2_000  # claimed items waiting for their chat's 1 s spacing
MAX_IDLE_WAIT = 1.0
HOLD_AT_LEAST = 0.5  # seconds an item held for its channel's outage stays out of the claim
WINDOW = 4  # sends handed to the channel at once
FLUSH_INTERVAL = 0.1  # seconds between writes of the outcomes


def unrecorded_bound(rate: float, flush_interval: float = FLUSH_INTERVAL) -> int:
    """Delivered-but-unrecorded items allowed: about one flush interval of sending, at least a
    few."""
    return max(16, int(rate * flush_interval))


def duplicate_bound(rate: float, window: int = WINDOW) -> int:
    """At most this many messages can go out twice after a crash at `rate`: those handed to the
    channel (the window) plus those delivered but not yet recorded."""
    return window + unrecorded_bound(rate)


class Transport(Protocol):
    """A channel's way to deliver one rendered payload (Telegram now, Zalo later)."""

    async def deliver(self, chat_id: int, payload: Payload) -> Receipt: ...


@dataclass
class SenderStats:
    sent: int = 0
    failed: int = 0
    blocked: int = 0
    retried: int = 0
    rate_limited: int = 0
    recovered: int = 0  # items found 'sending' at start: the possible duplicates
    held: int = 0  # put back untried while their channel was down
    errors: dict[str, int] = field(default_factory=dict)
    # (channel, outcome) -> count; outcome: sent, failed, blocked, rate_limited, retried
    by_channel: Counter[tuple[str, str]] = field(default_factory=Counter)


class Sender:
    def __init__(
        self,
        outbox: OutboxStore,
        users: Users,
        transport: Transport,
        pacer: Pacer,
        clock: Clock,
        *,
        supervisor: Supervisor,
        window: int = WINDOW,
        claim_size: int = 64,
        max_attempts: int = 5,
        backoff: float = 1.0,
        flush_interval: float = FLUSH_INTERVAL,
    ) -> None:
        self._outbox = outbox
        self._users = users
        self._transport = transport
        self._pacer = pacer
        self._clock = clock
        self._supervisor = supervisor
        self._window = asyncio.Semaphore(window)
        self._window_size = window
        self._claim_size = claim_size
        self._max_attempts = max_attempts
        self._backoff = backoff
        self._flush_interval = flush_interval
        self.hooks: dict[str, SentHook] = {}
        self.stats = SenderStats()
        self._buffer: deque[OutboxItem] = deque()
        # Items waiting for their chat's 1 s spacing, in queue order per chat, and a heap of
        # (when the chat is free, chat) to find the next one.
        self._waiting: dict[int, deque[OutboxItem]] = {}
        self._free_at: list[tuple[float, int]] = []
        self._deferred = 0
        self._in_flight: set[asyncio.Task[None]] = set()
        self._outcomes: list[DeliveryOutcome] = []
        self._unrecorded = 0  # outcomes not yet committed, including a write under way
        # The duplicate bound after a kill (with the window).
        self._max_unrecorded = unrecorded_bound(pacer.rate, flush_interval)
        self._recorded = asyncio.Event()
        self._flush_now = asyncio.Event()
        self._newly_blocked: list[int] = []
        self._wake = asyncio.Event()
        self._stopping = False
        self._sending: Supervised | None = None
        self._recording: Supervised | None = None
        self.breakers: dict[str, Breaker] = {}  # by channel: is it reachable now?
        self._steps = ClockSteps(clock)

    @property
    def duplicate_bound(self) -> int:
        """See `duplicate_bound` (the function)."""
        return self._window_size + self._max_unrecorded

    async def start(self) -> None:
        self.stats.recovered = await self._outbox.recover_in_flight(self._clock.now())
        if self.stats.recovered:
            log.warning(
                "%d messages were in flight at the last stop and will be sent again "
                "(at most that many duplicates)",
                self.stats.recovered,
            )
        # Supervised: a failed claim or write (a locked database) is logged and retried
        # after a backoff, and what is queued meanwhile still goes out.
        self._sending = self._supervisor.start("sender", self._run)
        self._recording = self._supervisor.start("sender:records", self._flush_loop)

    def wake(self) -> None:
        """New items were queued: look now instead of at the next poll."""
        self._wake.set()

    async def stop(self) -> None:
        """Finish what is in flight, give back what was claimed but not sent, record all."""
        self._stopping = True
        self._wake.set()
        if self._sending is not None:
            await self._sending.finish()
        if self._recording is not None:
            await self._recording.cancel()
        unsent = [item.id for item in self._buffer]
        unsent += [item.id for queue in self._waiting.values() for item in queue]
        self._buffer.clear()
        self._waiting.clear()
        self._free_at.clear()
        await self._flush()
        if unsent:
            await self._outbox.release(unsent, self._clock.now())

    def withdraw(self, batch: str) -> list[int]:
        """Take back a cancelled batch's items that were claimed but not handed over yet."""
        taken = [item.id for item in self._buffer if item.batch == batch]
        self._buffer = deque(item for item in self._buffer if item.batch != batch)
        for chat_id, queue in list(self._waiting.items()):
            kept = deque(item for item in queue if item.batch != batch)
            taken += [item.id for item in queue if item.batch == batch]
            self._deferred -= len(queue) - len(kept)
            if kept:
                self._waiting[chat_id] = kept
            else:  # its heap entry finds no queue and is skipped
                del self._waiting[chat_id]
        return taken

    # -- the loop ---------------------------------------------------------------------------

    async def _run(self) -> None:
        try:
            while not self._stopping:
                item, waited = await self._next_item()
                if item is None:
                    continue
                wait = self._pacer.chat_wait(item.chat_id)
                if wait > 0 or (not waited and item.chat_id in self._waiting):
                    self._defer(item, wait, front=waited)  # keeps each chat's queue order
                    continue
                if self._expired(item):
                    self._expire(item)  # it waited too long in memory (an outage, a pause)
                    continue
                breaker = self.breaker(item.chat_id)
                if not breaker.may_send():  # its channel is down: back to the outbox, untried
                    self._hold(item, breaker)
                    continue
                while self._unrecorded >= self._max_unrecorded:  # let the records catch up
                    self._recorded.clear()
                    await self._recorded.wait()
                await self._window.acquire()
                await self._pacer.bulk_turn()
                self._pacer.note_chat(item.chat_id)
                task = asyncio.create_task(self._deliver(item))
                self._in_flight.add(task)
                task.add_done_callback(self._in_flight.discard)
        finally:
            if self._in_flight:
                await asyncio.gather(*self._in_flight, return_exceptions=True)

    def breaker(self, chat_id: int) -> Breaker:
        channel = channel_of(chat_id)
        breaker = self.breakers.get(channel)
        if breaker is None:
            breaker = self.breakers[channel] = Breaker(channel)
        return breaker

    def _expired(self, item: OutboxItem) -> bool:
        return item.expires_at is not None and self._clock.now() >= item.expires_at

    def _expire(self, item: OutboxItem) -> None:
        log.warning("outbox item %d (%s) expired unsent (missed)", item.id, item.kind)
        self._note(DeliveryOutcome(item.id, EXPIRED, item.attempts, 0.0, "expired"))

    def _hold(self, item: OutboxItem, breaker: Breaker) -> None:
        """Until the next probe (at least a moment, so that the claim does not spin)."""
        wait = max(breaker.wait(), HOLD_AT_LEAST)
        self.stats.held += 1
        error = f"{breaker.channel} unreachable"
        self._note(DeliveryOutcome(item.id, PENDING, item.attempts, wait, error))

    def _defer(self, item: OutboxItem, wait: float, *, front: bool) -> None:
        queue = self._waiting.get(item.chat_id)
        if queue is None:
            queue = self._waiting[item.chat_id] = deque()
            heapq.heappush(self._free_at, (time.monotonic() + wait, item.chat_id))
        if front:
            queue.appendleft(item)
        else:
            queue.append(item)
        self._deferred += 1

    async def _next_item(self) -> tuple[OutboxItem | None, bool]:
        """The next item to try, and whether it comes from a chat's waiting queue."""
        while self._free_at and self._free_at[0][1] not in self._waiting:
            heapq.heappop(self._free_at)  # that chat's items were withdrawn
        if self._free_at and self._free_at[0][0] <= time.monotonic():
            _, chat_id = heapq.heappop(self._free_at)
            queue = self._waiting[chat_id]
            item = queue.popleft()
            self._deferred -= 1
            if queue:  # the chat's next item becomes due one spacing after this one
                heapq.heappush(
                    self._free_at, (time.monotonic() + self._pacer.chat_interval, chat_id)
                )
            else:
                del self._waiting[chat_id]
            return item, True
        if self._buffer:
            return self._buffer.popleft(), False
        self._wake.clear()  # before looking, so a wake during the look is not lost
        await self._follow_clock_steps()
        if self._deferred < MAX_DEFERRED:
            claimed = await self._outbox.claim(self._clock.now(), self._claim_size)
            if claimed:
                self._buffer.extend(claimed)
                return self._buffer.popleft(), False
        await self._idle()
        return None, False

    async def _follow_clock_steps(self) -> None:
        step = self._steps.step()
        if step < 0:  # settled only once moved: a failed write is tried again after a restart
            moved = await self._outbox.shift_pending(timedelta(seconds=step), self._clock.now())
            self._steps.settle()
            log.warning(
                "the clock went back %.0f s: %d queued waits moved back with it", -step, moved
            )
        elif step > 0:
            self._steps.settle()
            log.warning("the clock went forward %.0f s: waits end early, late ones expire", step)

    async def _idle(self) -> None:
        timeout = MAX_IDLE_WAIT
        if self._free_at:
            timeout = min(timeout, self._free_at[0][0] - time.monotonic())
        due = await self._outbox.next_due()
        if due is not None:
            timeout = min(timeout, (due - self._clock.now()).total_seconds())
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._wake.wait(), max(timeout, 0.005))

    async def _deliver(self, item: OutboxItem) -> None:
        attempts = item.attempts
        breaker = self.breaker(item.chat_id)
        counts = self.stats.by_channel
        if self._expired(item):  # again: the pacing may have held it past its expiry
            self._window.release()
            self._expire(item)
            return
        try:
            receipt = await self._transport.deliver(item.chat_id, item.payload)
        except RateLimited as exc:
            breaker.went_through()  # it answered
            self._pacer.pause(exc.retry_after)
            self.stats.rate_limited += 1
            counts[breaker.channel, "rate_limited"] += 1
            outcome = DeliveryOutcome(item.id, PENDING, attempts, exc.retry_after, str(exc))
        except Blocked:
            breaker.went_through()
            self.stats.blocked += 1
            counts[breaker.channel, "blocked"] += 1
            self._newly_blocked.append(item.chat_id)
            outcome = DeliveryOutcome(item.id, BLOCKED, attempts + 1, 0.0, "blocked by the user")
        except (ChatGone, Rejected, PayloadError) as exc:  # PayloadError: the row does not read
            breaker.went_through()
            outcome = self._failed(item, attempts + 1, f"{type(exc).__name__}: {exc}")
        except Transient as exc:
            if breaker.network_failed():  # the channel's trouble, not this message's
                wait = max(breaker.wait(), HOLD_AT_LEAST)
                error = f"{breaker.channel} unreachable: {exc}"
                outcome = DeliveryOutcome(item.id, PENDING, attempts, wait, error)
            else:
                outcome = self._retry(item, attempts + 1, f"{type(exc).__name__}: {exc}")
        except Exception as exc:  # a bug in a transport: retry, bounded
            log.exception("unexpected error delivering outbox item %d", item.id)
            outcome = self._retry(item, attempts + 1, f"{type(exc).__name__}: {exc}")
        else:
            breaker.went_through()
            self.stats.sent += 1
            counts[breaker.channel, "sent"] += 1
            outcome = DeliveryOutcome(item.id, SENT, attempts + 1, 0.0, None, receipt.message_id)
            await self._after_sent(item, receipt)
        finally:
            self._window.release()
        self._note(outcome)

    def _note(self, outcome: DeliveryOutcome) -> None:
        """An outcome to write back with the next batch."""
        self._outcomes.append(outcome)
        self._unrecorded += 1
        if len(self._outcomes) >= self._max_unrecorded // 2:
            self._flush_now.set()  # write early rather than let sending stall at the bound

    def _retry(self, item: OutboxItem, attempts: int, error: str) -> DeliveryOutcome:
        """Network trouble: retry after 1, 2, 4… × backoff seconds, a bounded number of times."""
        if attempts >= self._max_attempts:
            return self._failed(item, attempts, error)
        self.stats.retried += 1
        self.stats.by_channel[channel_of(item.chat_id), "retried"] += 1
        wait = self._backoff * 2 ** (attempts - 1)
        return DeliveryOutcome(item.id, PENDING, attempts, wait, error)

    def _failed(self, item: OutboxItem, attempts: int, error: str) -> DeliveryOutcome:
        self.stats.failed += 1
        self.stats.by_channel[channel_of(item.chat_id), "failed"] += 1
        reason = error.split(":")[0]
        self.stats.errors[reason] = self.stats.errors.get(reason, 0) + 1
        log.warning("outbox item %d to chat %d failed: %s", item.id, item.chat_id, error)
        return DeliveryOutcome(item.id, FAILED, attempts, 0.0, error)

    async def _after_sent(self, item: OutboxItem, receipt: Receipt) -> None:
        hook = self.hooks.get(item.kind)
        if hook is None:
            return
        try:
            # What the hook records (a poll's id) is needed later: a busy database is waited
            # out here, though the sending loop itself fails fast.
            with patience.waiting_up_to(patience.PATIENCE):
                await hook(item, receipt)
        except Exception:
            log.exception("after-send hook for %s item %d failed", item.kind, item.id)

    # -- writing outcomes back ----------------------------------------------------------------

    async def _flush_loop(self) -> None:
        while True:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._flush_now.wait(), self._flush_interval)
            self._flush_now.clear()
            await self._flush()

    async def _flush(self) -> None:
        outcomes, self._outcomes = self._outcomes, []
        blocked, self._newly_blocked = self._newly_blocked, []
        try:
            if outcomes:
                await self._outbox.record(outcomes, self._clock.now())
                self._unrecorded -= len(outcomes)
                self._recorded.set()
                if any(o.status == PENDING for o in outcomes):
                    self.wake()  # retries are due later; let the loop recompute its wait
                outcomes = []
            while blocked:
                await self._users.mark_blocked(blocked[0])
                del blocked[0]
        except BaseException:  # a write failed: the next flush (after a restart) writes these
            self._outcomes[:0] = outcomes
            self._newly_blocked[:0] = blocked
            raise
