"""Waiting for what the bot sends: shared by the Telegram and Zalo simulated users."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")


async def first_after(
    events: Sequence[T],
    changed: asyncio.Condition,
    start: int,
    predicate: Callable[[T], bool] | None,
    timeout: float,  # noqa: ASYNC109
) -> T:
    """The first event from position `start` matching `predicate`; TimeoutError if none comes
    within `timeout` seconds. `changed` is notified whenever an event is appended."""
    cursor = start
    found: list[T] = []

    def arrived() -> bool:
        nonlocal cursor
        while not found and cursor < len(events):
            candidate = events[cursor]
            cursor += 1
            if predicate is None or predicate(candidate):
                found.append(candidate)
        return bool(found)

    async with asyncio.timeout(timeout), changed:
        await changed.wait_for(arrived)
    return found[0]
