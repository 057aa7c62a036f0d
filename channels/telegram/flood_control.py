"""PTB's rate-limiter hook, wired to the bot's one Pacer.

Every Bot API call passes through `process_request`. Message-producing calls take a slot of the
shared pace: replies to users at once (they come first), bulk items from the Sender have already
waited for their slot. A 429 on a bulk call pauses everything for `retry_after` and the item
goes back to the outbox; a 429 on a reply holds that reply's chat only, and the reply is tried
again once the chat's turn comes.

Replies (and the answers to taps) are also tried again after network trouble, a timeout or a
5xx answer, after a pause that grows to a second: seven attempts over about five seconds, so
a short outage of Telegram delays an answer rather than losing it; then the error goes to
the handler and the error handler, which logs it and apologises. A timed-out send may have
arrived after all, so a retry can show a screen twice: better than no answer. Bulk calls are
never retried here: the Sender does that, from the outbox.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from datetime import timedelta
from typing import Any

from telegram.error import BadRequest, NetworkError, RetryAfter
from telegram.ext import BaseRateLimiter

from bot.delivery.pacer import Pacer

log = logging.getLogger(__name__)

JSONDict = dict[str, Any]
Callback = Callable[..., Coroutine[Any, Any, bool | JSONDict | list[JSONDict]]]
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
        "sendVenue",
        "copyMessage",
        "forwardMessage",
    }
)
# Calls a reply depends on that are tried again on failure (the paced ones, and the answer
# that stops a tapping client's spinner).
RETRIED = PACED | {"answerCallbackQuery"}
# A reply waits out short flood-control pauses; a longer one, or a failure too many, is
# raised to the handler (and so to the error handler's log).
MAX_INTERACTIVE_WAIT = 5.0
MAX_INTERACTIVE_ATTEMPTS = 7  # on network trouble and 5xx: 0.25 + 0.5 + 1 × 4 = 4.75 s apart
INTERACTIVE_BACKOFF = 0.25  # seconds before trying a reply again; doubles each time…
MAX_INTERACTIVE_BACKOFF = 1.0  # …up to this
MAX_FLOOD_ATTEMPTS = 3  # a reply held by flood control this many times goes to the handler


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
        callback: Callback,
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: JSONDict | None,
    ) -> bool | JSONDict | list[JSONDict]:
        bulk = bool(rate_limit_args and rate_limit_args.get("bulk"))
        if bulk and endpoint in PACED:
            try:
                return await callback(*args, **kwargs)  # the Sender already took its slot
            except RetryAfter as exc:
                self.pacer.pause(retry_seconds(exc))
                raise
        if bulk or endpoint not in RETRIED:
            return await callback(*args, **kwargs)
        return await self._interactive(callback, args, kwargs, endpoint, data)

    async def _interactive(
        self,
        callback: Callback,
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
    ) -> bool | JSONDict | list[JSONDict]:
        chat_id = data.get("chat_id")
        chat = chat_id if isinstance(chat_id, int) and endpoint in PACED else None
        paced = endpoint in PACED
        floods = 0
        for attempt in range(1, MAX_INTERACTIVE_ATTEMPTS + 1):
            last = attempt == MAX_INTERACTIVE_ATTEMPTS
            if paced:
                await self._take_turn(chat)
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as exc:
                wait = retry_seconds(exc)
                floods += 1
                if last or floods >= MAX_FLOOD_ATTEMPTS or wait > MAX_INTERACTIVE_WAIT:
                    raise
                if chat is not None:
                    self.pacer.hold_chat(chat, wait)  # its next turn comes after the wait
                else:
                    await asyncio.sleep(wait)
            except NetworkError as exc:  # 5xx answers and timeouts; a 400 is no trouble
                if last or isinstance(exc, BadRequest):
                    raise
                pause = min(MAX_INTERACTIVE_BACKOFF, INTERACTIVE_BACKOFF * 2 ** (attempt - 1))
                log.warning("%s failed (%s); trying again in %g s", endpoint, exc.message, pause)
                await asyncio.sleep(pause)
        raise AssertionError("unreachable")

    async def _take_turn(self, chat: int | None) -> None:
        """Wait for the chat's turn if Telegram held it, then for a slot of the pace."""
        if chat is not None:
            turn = self.pacer.chat_turn(chat)
            if turn > 0:
                await asyncio.sleep(turn)
        delay = self.pacer.interactive_slot()
        if delay > 0:
            await asyncio.sleep(delay)
        if chat is not None:
            self.pacer.note_chat(chat)
