"""The bot's pending updates, first in first out, handed out one at a time.

Zalo has no update ids and no offset: an update is gone once one getUpdates call (or the
webhook) took it, and concurrent getUpdates calls each get a different update.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Callable
from typing import Any

from standin.zalo.errors import WEBHOOK_CONFLICT, ApiError

JSONDict = dict[str, Any]


class UpdateQueue:
    """Pending updates; getUpdates pollers and the webhook pusher take from the front."""

    def __init__(self) -> None:
        self.waiting = 0  # getUpdates calls waiting now
        self._pending: deque[JSONDict] = deque()
        self._webhook_active = False
        self._closed = False
        # Replaced after every change, so a waiter that checked its condition and then
        # awaits the current event cannot miss a change, and changes can be signalled from
        # synchronous code (a cancelled pusher putting its update back).
        self._changed = asyncio.Event()

    @property
    def pending(self) -> int:
        return len(self._pending)

    def push(self, update: JSONDict) -> None:
        self._pending.append(update)
        self._notify()

    def put_back(self, update: JSONDict) -> None:
        """An update taken but not delivered goes back to the front."""
        self._pending.appendleft(update)
        self._notify()

    def set_webhook_active(self, active: bool) -> None:
        """While a webhook is set, getUpdates is refused, waiting pollers included."""
        self._webhook_active = active
        self._notify()

    def close(self) -> None:
        """Release every waiter (the stand-in is stopping)."""
        self._closed = True
        self._notify()

    async def poll(self, wait: float) -> JSONDict | None:
        """getUpdates: the next update within `wait` seconds, None if none came (or closing)."""
        if self._webhook_active:
            raise ApiError(409, WEBHOOK_CONFLICT)
        self.waiting += 1
        self._notify()
        try:
            async with asyncio.timeout(wait):
                await self._until(lambda: bool(self._pending) or self._webhook_active)
        except TimeoutError:
            return None
        finally:
            self.waiting -= 1
        if self._webhook_active:
            raise ApiError(409, WEBHOOK_CONFLICT)
        return self._pending.popleft() if self._pending else None

    async def take(self) -> JSONDict | None:
        """The webhook pusher: the next update, whenever it comes; None when closing."""
        await self._until(lambda: bool(self._pending))
        return self._pending.popleft() if self._pending else None

    async def until_polling(self) -> None:
        """Return once some getUpdates call is waiting."""
        await self._until(lambda: self.waiting > 0)

    async def _until(self, ready: Callable[[], bool]) -> None:
        while not ready() and not self._closed:
            await self._changed.wait()

    def _notify(self) -> None:
        self._changed.set()
        self._changed = asyncio.Event()
