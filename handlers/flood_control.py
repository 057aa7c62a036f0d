"""PTB's rate-limiter hook, wired to the bot's one Pacer.

Every Bot API call passes through `process_request`. Message-producing calls take a slot of the
shared pace: replies to users at once (they come first), bulk items from the Sender have already
waited for their slot. A 429 pauses everything for `retry_after`; an interactive call is then
tried once more, a bulk one goes back to the outbox.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from datetime import timedelta
from typing import Any

from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter

from bot.delivery.pacer import Pacer

JSONDict = dict[str, Any]
BULK: JSONDict = {"bulk": True}  # rate_limit_args the Sender's transport passes
# Calls that put a message in a chat and count against Telegram's flood limits.
PACED = frozenset(
    {
        "sendMessage",
        "editMessageText",
        "editMessageReplyMarkup",
        "editMessageCaption",
        "sendPoll",
        "stopPoll",
        "sendDocument",
        "sendPhoto",
        "copyMessage",
        "forwardMessage",
    }
)
# A reply waits out one short flood-control pause; longer ones are raised to the handler.
MAX_INTERACTIVE_WAIT = 5.0


def retry_seconds(error: RetryAfter) -> float:
    value = error.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


class FloodControl(BaseRateLimiter[JSONDict]):
    def __init__(self, pacer: Pacer) -> None:
        self.pacer = pacer

    async def initialize(self) -> None:
        """Nothing to set up: the pacer lives as long as the bot."""

    async def shutdown(self) -> None:
        """Nothing to release."""

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | JSONDict | list[JSONDict]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: JSONDict | None,
    ) -> bool | JSONDict | list[JSONDict]:
        if endpoint not in PACED:
            return await callback(*args, **kwargs)
        if rate_limit_args and rate_limit_args.get("bulk"):
            try:
                return await callback(*args, **kwargs)  # the Sender already took its slot
            except RetryAfter as exc:
                self.pacer.pause(retry_seconds(exc))
                raise
        return await self._interactive(callback, args, kwargs, data)

    async def _interactive(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | JSONDict | list[JSONDict]]],
        args: Any,
        kwargs: dict[str, Any],
        data: dict[str, Any],
    ) -> bool | JSONDict | list[JSONDict]:
        chat_id = data.get("chat_id")
        for attempt in (1, 2):
            delay = self.pacer.interactive_slot()
            if delay > 0:
                await asyncio.sleep(delay)
            if isinstance(chat_id, int):
                self.pacer.note_chat(chat_id)
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as exc:
                wait = retry_seconds(exc)
                self.pacer.pause(wait)
                if attempt == 2 or wait > MAX_INTERACTIVE_WAIT:
                    raise
                await asyncio.sleep(wait)
        raise AssertionError("unreachable")
