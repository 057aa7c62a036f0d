"""The Sender's transport for Telegram: a payload becomes a Bot API call; errors are named."""

from __future__ import annotations

import warnings
from typing import Any

from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError
from telegram.ext import ExtBot
from telegram.warnings import PTBUserWarning

from bot.delivery.errors import Blocked, ChatGone, RateLimited, Rejected, Transient
from bot.delivery.payload import Payload, Receipt
from channels.telegram.flood_control import BULK, retry_seconds
from channels.telegram.render import inline_keyboard


class TelegramTransport:
    def __init__(self, bot: ExtBot[Any], *, paid_broadcast: bool = False) -> None:
        self._bot = bot
        # Only paid broadcasts may exceed 30 messages/s; Telegram bills them in Stars.
        self._extra: dict[str, Any] = {"allow_paid_broadcast": True} if paid_broadcast else {}
        # The raw calls below are deliberate (see _send); PTB would warn on each one.
        warnings.filterwarnings(
            "ignore",
            message=r"Please use 'Bot\.(sendMessage|sendPhoto|sendPoll|stopPoll)'",
            category=PTBUserWarning,
        )

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
        # The raw API call: parsing every answer into a telegram.Message costs more CPU than
        # the rest of a send at 1,000 messages/s, and only the ids are needed here.
        stop = payload.get("stop_poll")
        if stop is not None:
            await self._bot.do_api_request(
                "stopPoll",
                {"chat_id": chat_id, "message_id": stop["message_id"]},
                rate_limit_args=BULK,
            )
            return Receipt(int(stop["message_id"]))
        photo = payload.get("photo")
        if photo is not None:
            sent: dict[str, Any] = {"chat_id": chat_id, "photo": photo, **self._extra}
            if payload.get("caption"):
                sent |= {"caption": payload["caption"], "parse_mode": ParseMode.HTML}
            result = await self._bot.do_api_request("sendPhoto", sent, rate_limit_args=BULK)
            return Receipt(int(result["message_id"]))
        poll = payload.get("poll")
        if poll is not None:
            result = await self._bot.do_api_request(
                "sendPoll",
                {
                    "chat_id": chat_id,
                    "question": poll["question"],
                    "options": [{"text": option} for option in poll["options"]],
                    "is_anonymous": False,
                    "allows_multiple_answers": bool(poll.get("multiple")),
                    **self._extra,
                },
                rate_limit_args=BULK,
            )
            return Receipt(int(result["message_id"]), str(result["poll"]["id"]))
        params: dict[str, Any] = {
            "chat_id": chat_id,
            "text": payload["text"],
            "parse_mode": ParseMode.HTML,
            "link_preview_options": {"is_disabled": True},
            **self._extra,
        }
        markup = inline_keyboard(payload.get("buttons") or [])
        if markup is not None:
            params["reply_markup"] = markup
        result = await self._bot.do_api_request("sendMessage", params, rate_limit_args=BULK)
        return Receipt(int(result["message_id"]))
