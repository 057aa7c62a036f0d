"""The Sender's transport for Telegram: a payload becomes a Bot API call; errors are named."""

from __future__ import annotations

from typing import Any

from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError
from telegram.ext import ExtBot

from bot.delivery.errors import Blocked, ChatGone, RateLimited, Rejected, Transient
from bot.delivery.payload import Payload, Receipt
from handlers.flood_control import BULK, retry_seconds
from handlers.render import inline_keyboard


class TelegramTransport:
    def __init__(self, bot: ExtBot[Any], *, paid_broadcast: bool = False) -> None:
        self._bot = bot
        # Only paid broadcasts may exceed 30 messages/s; Telegram bills them in Stars.
        self._extra: dict[str, Any] = {"allow_paid_broadcast": True} if paid_broadcast else {}

    async def deliver(self, chat_id: int, payload: Payload) -> Receipt:
        try:
            return await self._send(chat_id, payload)
        except RetryAfter as exc:
            raise RateLimited(retry_seconds(exc)) from exc
        except Forbidden as exc:
            raise Blocked(exc.message) from exc
        except BadRequest as exc:  # before NetworkError: BadRequest is one of its subclasses
            if "chat not found" in exc.message.lower():
                raise ChatGone(exc.message) from exc
            raise Rejected(exc.message) from exc
        except NetworkError as exc:  # includes timeouts and 5xx answers
            raise Transient(exc.message) from exc
        except TelegramError as exc:
            raise Rejected(exc.message) from exc

    async def _send(self, chat_id: int, payload: Payload) -> Receipt:
        poll = payload.get("poll")
        if poll is not None:
            message = await self._bot.send_poll(
                chat_id,
                poll["question"],
                poll["options"],
                is_anonymous=False,
                allows_multiple_answers=bool(poll.get("multiple")),
                rate_limit_args=BULK,
                **self._extra,
            )
            return Receipt(message.message_id, message.poll.id if message.poll else None)
        message = await self._bot.send_message(
            chat_id,
            payload["text"],
            reply_markup=inline_keyboard(payload.get("buttons") or []),
            rate_limit_args=BULK,
            **self._extra,
        )
        return Receipt(message.message_id)
