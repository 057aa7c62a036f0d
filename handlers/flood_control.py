"""PTB's rate-limiter hook, wired to the bot's one Pacer.

Every Bot API call passes through `process_request`. Message-producing calls take a slot of the
shared pace: replies to users at once (they come first), bulk items from the Sender have already
waited for their slot. A 429 on a bulk call pauses everything for `retry_after` and the item
goes back to the outbox; a 429 on a reply holds that reply's chat only, and the reply is tried
again (a bounded number of times) once the chat's turn comes.
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
# A reply waits out short flood-control pauses; a longer one, or one 429 too many, is raised
# to the handler (and so to the error handler's log).
MAX_INTERACTIVE_WAIT = 5.0
MAX_INTERACTIVE_ATTEMPTS = 3


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
        chat = chat_id if isinstance(chat_id, int) else None
        for attempt in range(1, MAX_INTERACTIVE_ATTEMPTS + 1):
            if chat is not None:
                turn = self.pacer.chat_turn(chat)
                if turn > 0:
                    await asyncio.sleep(turn)
            delay = self.pacer.interactive_slot()
            if delay > 0:
                await asyncio.sleep(delay)
            if chat is not None:
                self.pacer.note_chat(chat)
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as exc:
                wait = retry_seconds(exc)
                if attempt == MAX_INTERACTIVE_ATTEMPTS or wait > MAX_INTERACTIVE_WAIT:
                    raise
                if chat is not None:
                    self.pacer.hold_chat(chat, wait)  # its next turn comes after the wait
                else:
                    await asyncio.sleep(wait)
        raise AssertionError("unreachable")
