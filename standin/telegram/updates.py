"""The pending updates getUpdates (or the webhook) hands out, with Telegram's long-poll and
offset rules."""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Callable
from itertools import islice
from typing import Any

from standin.telegram.errors import ApiError

JSONDict = dict[str, Any]

SUPERSEDED = (
    "Conflict: terminated by other getUpdates request; "
    "make sure that only one bot instance is running"
)


class UpdateQueue:
    """Updates wait here until a getUpdates offset confirms them."""

    def __init__(self) -> None:
        self.allowed: frozenset[str] | None = None  # None: every type the stand-in produces
        self.waiting = 0  # getUpdates calls in progress
        self._pending: deque[JSONDict] = deque()
        self._next_id = 1
        self._arrived = asyncio.Event()
        self._poller = 0  # generation of the latest getUpdates; an older one is superseded
        self._closed = False
        self._poller_arrived = asyncio.Event()

    @property
    def pending(self) -> int:
        return len(self._pending)

    def push(self, kind: str, build: Callable[[int], JSONDict]) -> int | None:
        """Queue build(update_id); None when allowed_updates excludes `kind`, as Telegram does."""
        if self.allowed is not None and kind not in self.allowed:
            return None
        update_id = self._next_id
        self._next_id += 1
        self._pending.append(build(update_id))
        self._arrived.set()
        return update_id

    async def first(self) -> JSONDict | None:
        """The oldest pending update, once there is one; None when the stand-in stops."""
        while not self._pending and not self._closed:
            self._arrived.clear()
            await self._arrived.wait()
        return None if self._closed else self._pending[0]

    def confirm(self, update_id: int) -> None:
        """The webhook took the updates up to `update_id`: they are gone, as an offset does."""
        while self._pending and self._pending[0]["update_id"] <= update_id:
            self._pending.popleft()

    def drop_all(self) -> None:
        self._pending.clear()

    def close(self) -> None:
        """Release every waiting getUpdates (the stand-in is stopping)."""
        self._closed = True
        self._arrived.set()

    async def until_polling(self) -> None:
        """Return once some getUpdates call is in progress."""
        while not self.waiting:
            self._poller_arrived.clear()
            await self._poller_arrived.wait()

    async def fetch(self, offset: int, limit: int, wait: float) -> list[JSONDict]:
        """Confirm updates below `offset`, then wait up to `wait` s for at least one."""
        while self._pending and self._pending[0]["update_id"] < offset:
            self._pending.popleft()
        self._poller += 1
        me = self._poller
        self._arrived.set()  # wake an older poller so that it answers 409
        self.waiting += 1
        self._poller_arrived.set()
        try:
            async with asyncio.timeout(wait):
                while not self._pending and not self._closed:
                    self._arrived.clear()
                    await self._arrived.wait()
                    if self._poller != me:
                        raise ApiError(409, SUPERSEDED)
        except TimeoutError:
            pass
        finally:
            self.waiting -= 1
        return list(islice(self._pending, limit))
