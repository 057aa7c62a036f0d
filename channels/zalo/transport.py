"""Messages to Zalo users: screens as numbered text, polls as numbered questions.

Used for interactive replies (by the conversation) and as the outbox's transport for Zalo
users (reminders, announcements, change notices, feedback polls), with the Zalo channel's own
pace (ZALO_SEND_RATE). After each message the user's pending choices are stored, so that the
number they answer means what the last message offered.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Awaitable, Callable
from typing import TypeVar, assert_never

from bot.delivery.errors import Blocked, ChatGone, RateLimited, Rejected, Transient
from bot.delivery.pacer import Pacer
from bot.i18n import DEFAULT_LANGUAGE, Catalogs, Translator
from bot.outgoing import Document, Payload, Photo, Poll, Receipt, StopPoll, Text, Venue
from bot.storage import Storage
from bot.ui.model import MapPin, PollRequest, Screen, pin_text
from bot.ui.view import plain
from channels.zalo.client import ZaloClient, ZaloError
from channels.zalo.render import numbered, numbered_poll, split

log = logging.getLogger(__name__)

TEXT_LIMIT = 2000  # characters per Zalo message
RATE_LIMIT_PAUSE = 1.0  # Zalo gives no retry-after: pause this channel for a second
REPLY_BACKOFF = (0.5, 1.0, 2.0)  # an interactive reply is retried this many times
T = TypeVar("T")


class ZaloTransport:
    def __init__(
        self, client: ZaloClient, storage: Storage, catalogs: Catalogs, send_rate: float
    ) -> None:
        self._client = client
        self._storage = storage
        self._catalogs = catalogs
        # One message per second per chat, as on Telegram; the channel's rate overall.
        self._pacer = Pacer(send_rate)

    # -- the outbox's transport --------------------------------------------------------------

    async def deliver(self, chat_id: int, payload: Payload) -> Receipt:
        try:
            return await self._deliver(chat_id, payload)
        except ZaloError as exc:
            raise _delivery_error(exc, self._pacer) from exc

    async def _deliver(self, user_id: int, payload: Payload) -> Receipt:
        external = await self._storage.channel_users.external_id(user_id)
        if external is None:
            raise ChatGone(f"no Zalo user {user_id}")
        t = await self._translator(user_id)
        match payload:
            case Text(text, rows):
                return await self.send_screen(user_id, external, Screen(text, rows), t)
            case Photo(_photo, caption, rows):
                # A Telegram file id means nothing to Zalo (it wants an image URL): the caption.
                if not caption:
                    return Receipt(None)
                return await self.send_screen(user_id, external, Screen(caption, rows), t)
            case Poll(request):
                poll_id = await self.send_poll(user_id, external, request, t)
                return Receipt(0, poll_id)
            case StopPoll(_message_id, poll_id):
                # Zalo polls are numbered questions: forget the numbers if they are still asked.
                pending = await self._storage.channel_users.pending(user_id)
                if pending and pending.get("poll") == poll_id:
                    await self._storage.channel_users.set_pending(user_id, None)
                return Receipt(0)
            case Document():  # a Telegram file id again, and the file is the point of it
                raise Rejected("documents are not sent on Zalo")
            case Venue(latitude, longitude, title, address):  # no maps: a link and coordinates
                await self.send_note(
                    external, pin_text(MapPin(latitude, longitude, title, address))
                )
                return Receipt(None)
            case _:
                assert_never(payload)

    # -- what both paths send ----------------------------------------------------------------

    async def send_screen(
        self, user_id: int, external: str, screen: Screen, t: Translator, notice: str | None = None
    ) -> Receipt:
        shown = numbered(screen, t)
        text = f"{plain(notice)}\n\n{shown.text}" if notice else shown.text
        receipt = Receipt(None)
        for piece in split(text, TEXT_LIMIT):
            receipt = await self._send_text(external, piece)
        pending = {"menu": list(shown.actions)} if shown.actions else None
        await self._storage.channel_users.set_pending(user_id, pending)
        return receipt

    async def send_note(self, external: str, text: str) -> None:
        """A short text that leaves the pending choices as they are."""
        for piece in split(plain(text), TEXT_LIMIT):
            await self._send_text(external, piece)

    async def send_poll(
        self, user_id: int, external: str, request: PollRequest, t: Translator
    ) -> str:
        """Send the question; returns the poll id the answers will be recorded under."""
        shown = numbered_poll(request, t)
        for piece in split(shown.text, TEXT_LIMIT):
            await self._send_text(external, piece)
        poll_id = f"zalo-{uuid.uuid4().hex}"
        await self._storage.channel_users.set_pending(
            user_id, {"poll": poll_id, "numbers": shown.numbers, "multiple": shown.multiple}
        )
        return poll_id

    async def _send_text(self, external: str, text: str) -> Receipt:
        await asyncio.sleep(self._pacer.interactive_slot())
        await self._client.send_message(external, text)
        return Receipt(None)

    async def _translator(self, user_id: int) -> Translator:
        profile = await self._storage.users.get(user_id)
        return self._catalogs[profile.language if profile else DEFAULT_LANGUAGE]

    async def retrying(self, send: Callable[[], Awaitable[T]]) -> T:
        """An interactive reply: retried a few times on 429, 5xx and network errors."""
        for pause in (*REPLY_BACKOFF, None):
            try:
                return await send()
            except ZaloError as exc:
                if pause is None or not _retryable(exc):
                    raise
                if exc.code == 429:
                    self._pacer.pause(RATE_LIMIT_PAUSE)
                log.warning("Zalo reply failed (%s); retrying in %.1f s", exc, pause)
                await asyncio.sleep(pause)
        raise AssertionError("unreachable")


def _retryable(exc: ZaloError) -> bool:
    return exc.code in (0, 429) or exc.code >= 500


def _delivery_error(exc: ZaloError, pacer: Pacer) -> Exception:
    if exc.code == 429:
        pacer.pause(RATE_LIMIT_PAUSE)  # this channel's pace only; Telegram sends on
        return RateLimited(0.0)
    if exc.code == 403:
        return Blocked(exc.description)
    if exc.code == 404 or "not found" in exc.description.lower():
        return ChatGone(exc.description)
    if _retryable(exc):
        return Transient(exc.description)
    return Rejected(exc.description)
