"""Simulated Zalo users: what each one sends the bot, and what the bot sent to their chat."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import standin.zalo.payloads as payloads
from standin.common.waiting import first_after
from standin.zalo.payloads import NameField
from standin.zalo.updates import UpdateQueue

JSONDict = dict[str, Any]
Predicate = Callable[["ZaloMessage"], bool]
DEFAULT_STICKER = "bfe458bf64fa8da4d4eb"  # an opaque sticker id, as Zalo sends


@dataclass(frozen=True, slots=True)
class ZaloMessage:
    """A message the bot sent: a text ("" for a photo), or a photo URL with its caption."""

    text: str
    photo: str | None
    caption: str | None
    message_id: str
    date: int  # milliseconds


class ZaloUser:
    """A Zalo user in a private chat with the bot (chat id == user id, both strings)."""

    def __init__(
        self,
        user_id: str,
        name: str,
        name_field: NameField,
        updates: UpdateQueue,
        describe: Callable[[str], str],
    ) -> None:
        self.id = user_id
        self.person = payloads.sender(user_id, name, name_field)
        self.blocked = False
        # Zalo lets a bot message only users who wrote to it; the first send opens the chat.
        self.has_written = False
        self.messages: list[ZaloMessage] = []
        self._updates = updates
        self._describe = describe
        self._changed = asyncio.Condition()

    @property
    def seq(self) -> int:
        """How many messages the bot sent here; a `since` for wait_for."""
        return len(self.messages)

    async def bot_sent(self, message: ZaloMessage) -> None:
        self.messages.append(message)
        async with self._changed:
            self._changed.notify_all()

    # -- what the user does ----------------------------------------------------------------

    async def send(self, text: str) -> None:
        """Type `text` to the bot."""
        if not text:
            raise ValueError("a Zalo user cannot send an empty message")
        self._push(payloads.TEXT_RECEIVED, {"text": text})

    async def send_image(self, url: str, caption: str | None = None) -> None:
        content: JSONDict = {"photo": url}
        if caption is not None:
            content["caption"] = caption
        self._push(payloads.IMAGE_RECEIVED, content)

    async def send_sticker(self, sticker: str = DEFAULT_STICKER) -> None:
        self._push(payloads.STICKER_RECEIVED, {"sticker": sticker})

    async def send_unsupported(self) -> None:
        """Something the Bot API does not pass on (a voice note, a file, a location...)."""
        self._push(payloads.UNSUPPORTED_RECEIVED, {})

    def _push(self, event_name: str, content: JSONDict) -> None:
        self.has_written = True
        self._updates.push(payloads.update(event_name, self.person, content))

    # -- waiting for the bot ---------------------------------------------------------------

    # A timeout argument (ASYNC109) keeps test code short: `await user.ask("lịch")`.
    async def ask(self, text: str, timeout: float = 5.0) -> ZaloMessage:  # noqa: ASYNC109
        """Send `text` and return the next message the bot sends here."""
        since = self.seq
        await self.send(text)
        return await self.wait_for(since=since, timeout=timeout)

    async def wait_for(
        self,
        predicate: Predicate | None = None,
        *,
        since: int | None = None,
        timeout: float = 5.0,  # noqa: ASYNC109
    ) -> ZaloMessage:
        """The first message from position `since` (default: now) matching `predicate`."""
        start = self.seq if since is None else since
        try:
            return await first_after(self.messages, self._changed, start, predicate, timeout)
        except TimeoutError:
            raise TimeoutError(
                f"no matching message from the bot in Zalo chat {self.id} within {timeout} s; "
                f"{self._describe(self.id)}"
            ) from None
