"""The Sender's transport for Telegram: each kind of payload becomes its Bot API call; errors
are named."""

from __future__ import annotations

import warnings
from typing import Any, assert_never

from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError
from telegram.ext import ExtBot
from telegram.warnings import PTBUserWarning

from bot.delivery.errors import Blocked, ChatGone, RateLimited, Rejected, Transient
from bot.outgoing import Document, Payload, Photo, Poll, Receipt, StopPoll, Text, Venue
from bot.ui.model import Row
from channels.telegram.flood_control import BULK, retry_seconds
from channels.telegram.render import inline_keyboard


class TelegramTransport:
    def __init__(self, bot: ExtBot[Any], *, paid_broadcast: bool = False) -> None:
        self._bot = bot
        # Only paid broadcasts may exceed 30 messages/s; Telegram bills them in Stars.
        self._extra: dict[str, Any] = {"allow_paid_broadcast": True} if paid_broadcast else {}
        # The raw calls below are deliberate (see _call); PTB would warn on each one.
        warnings.filterwarnings(
            "ignore",
            message=r"Please use 'Bot\.(sendMessage|sendPhoto|sendDocument|sendPoll|stopPoll|"
            r"sendVenue)'",
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
        params: dict[str, Any]
        match payload:
            case Text(text, rows):
                params = {
                    "text": text,
                    "parse_mode": ParseMode.HTML,
                    "link_preview_options": {"is_disabled": True},
                }
                return await self._message("sendMessage", chat_id, params, rows)
            case Photo(photo, caption, rows):
                params = {"photo": photo, **_caption(caption)}
                return await self._message("sendPhoto", chat_id, params, rows)
            case Document(document, caption):
                params = {"document": document, **_caption(caption)}
                return await self._message("sendDocument", chat_id, params, ())
            case Poll(request):
                params = {
                    "question": request.question,
                    "options": [{"text": option} for option in request.options],
                    "is_anonymous": False,
                    "allows_multiple_answers": request.multiple,
                    **self._extra,
                }
                result = await self._call("sendPoll", chat_id, params)
                return Receipt(int(result["message_id"]), str(result["poll"]["id"]))
            case StopPoll(message_id):
                await self._call("stopPoll", chat_id, {"message_id": message_id})
                return Receipt(message_id)
            case Venue(latitude, longitude, title, address):
                params = {
                    "latitude": latitude,
                    "longitude": longitude,
                    "title": title,
                    "address": address,
                }
                return await self._message("sendVenue", chat_id, params, ())
            case _:
                assert_never(payload)

    async def _message(
        self, method: str, chat_id: int, params: dict[str, Any], rows: tuple[Row, ...]
    ) -> Receipt:
        markup = inline_keyboard(rows)
        if markup is not None:
            params["reply_markup"] = markup
        result = await self._call(method, chat_id, {**params, **self._extra})
        return Receipt(int(result["message_id"]))

    async def _call(self, method: str, chat_id: int, params: dict[str, Any]) -> Any:
        # The raw API call: parsing every answer into a telegram.Message costs more CPU than
        # the rest of a send at 1,000 messages/s, and only the ids are needed here.
        return await self._bot.do_api_request(
            method, {"chat_id": chat_id, **params}, rate_limit_args=BULK
        )


def _caption(caption: str) -> dict[str, Any]:
    return {"caption": caption, "parse_mode": ParseMode.HTML} if caption else {}
