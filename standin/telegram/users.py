"""Simulated users: each one's private chat with the bot, and the actions a person takes."""

from __future__ import annotations

import asyncio
import copy
import dataclasses
import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from telegram import User

from standin.common.waiting import first_after
from standin.telegram.payloads import (
    callback_update,
    inline_query_update,
    poll_answer_update,
    private_chat,
    text_update,
)
from standin.telegram.updates import UpdateQueue
from standin.telegram.validation import TEXT_LIMIT

JSONDict = dict[str, Any]
Buttons = list[list[tuple[str, str | None]]]
Predicate = Callable[["ChatMessage"], bool]


@dataclass(eq=False)
class ChatMessage:
    """A message the bot sent.

    In `SimUser.messages` (and `last`) it is the message as it is now: edits update it in
    place. ask, press and wait_for return snapshots instead, frozen as that send or edit left
    the message, so a test can compare one screen with the next.
    """

    message_id: int
    raw: JSONDict  # the Message dict last returned to the bot
    text: str = ""  # as displayed: tags stripped, entities decoded ("" for media and polls)
    caption: str = ""
    source: str = ""  # the text or caption exactly as sent, HTML tags included
    buttons: Buttons = field(default_factory=list)  # rows of (label, callback_data)
    reply_markup: JSONDict | None = None  # as sent, inline keyboard or not
    poll: JSONDict | None = None  # Telegram's Poll dict: id, question, options, counts
    document: tuple[str, bytes] | None = None  # (filename, content)
    photo: bytes | None = None
    venue: JSONDict | None = None  # Telegram's Venue dict: location, title, address
    location: JSONDict | None = None  # a sendLocation's Location dict
    photo_url: str | None = None  # a photo sent by URL (Telegram fetches it)
    edit_count: int = 0

    def snapshot(self) -> ChatMessage:
        """A copy that later edits and votes leave alone (edits replace fields, never mutate)."""
        poll = copy.deepcopy(self.poll) if self.poll is not None else None
        return dataclasses.replace(self, poll=poll)

    @property
    def labels(self) -> list[str]:
        return [label for row in self.buttons for label, _ in row]

    def data_of(self, label: str) -> str:
        """The callback_data of the button labelled exactly `label`."""
        for text, data in (button for row in self.buttons for button in row):
            if text != label:
                continue
            if data is None:
                raise ValueError(f"button {label!r} has no callback_data to tap")
            return data
        raise LookupError(f"no button {label!r} on message {self.message_id}; {self.labels}")


@dataclass(frozen=True)
class InlineAnswer:
    """What answerInlineQuery gave one of the user's inline queries (already validated)."""

    query_id: str
    results: list[JSONDict]  # InlineQueryResult dicts, as sent
    cache_time: int | None
    is_personal: bool
    next_offset: str

    @property
    def titles(self) -> list[str]:
        return [str(result.get("title", "")) for result in self.results]


class SimUser:
    """A Telegram user in a private chat with the bot (chat id == user id)."""

    def __init__(
        self,
        user: User,
        updates: UpdateQueue,
        queries: dict[str, SimUser],
        describe: Callable[[int], str],
        inline_queries: dict[str, SimUser] | None = None,
    ) -> None:
        self.user = user
        self.chat = private_chat(user)
        self.blocked = False
        self.messages: list[ChatMessage] = []
        self.callback_answers: list[str] = []  # answerCallbackQuery texts, "" for none
        self.inline_answers: dict[str, InlineAnswer] = {}  # by inline query id
        self._inline_queries = {} if inline_queries is None else inline_queries
        self._inline_ids = itertools.count(1)
        self._answered = asyncio.Condition()
        self._updates = updates
        self._queries = queries  # shared with the stand-in, which answers them
        self._describe = describe
        self._by_id: dict[int, ChatMessage] = {}
        self._events: list[ChatMessage] = []  # a snapshot per send or edit, in order
        self._changed = asyncio.Condition()
        self._last_message_id = 0  # Telegram numbers a private chat's messages together
        self._taps = itertools.count(1)
        self._votes: dict[str, list[int]] = {}

    @property
    def id(self) -> int:
        return self.user.id

    @property
    def seq(self) -> int:
        """How many sends and edits this chat has seen; a `since` for wait_for."""
        return len(self._events)

    @property
    def last(self) -> ChatMessage:
        """The latest message the bot sent here."""
        if not self.messages:
            raise LookupError(f"the bot has sent nothing to chat {self.id}")
        return self.messages[-1]

    def events_since(self, seq: int) -> list[ChatMessage]:
        """Snapshots of the sends and edits here from position `seq` (see `seq`) on."""
        return self._events[seq:]

    def message(self, message_id: int) -> ChatMessage | None:
        return self._by_id.get(message_id)

    def next_message_id(self) -> int:
        self._last_message_id += 1
        return self._last_message_id

    async def bot_sent(self, message: ChatMessage) -> None:
        self.messages.append(message)
        self._by_id[message.message_id] = message
        await self._changed_by(message)

    async def bot_edited(self, message: ChatMessage) -> None:
        message.edit_count += 1
        await self._changed_by(message)

    async def _changed_by(self, message: ChatMessage) -> None:
        self._events.append(message.snapshot())
        async with self._changed:
            self._changed.notify_all()

    async def send(self, text: str) -> int:
        """Type `text` to the bot; returns the new message's id."""
        if not text.strip() or len(text) > TEXT_LIMIT:
            raise ValueError("a Telegram user sends 1 to 4096 characters per message")
        message_id = self.next_message_id()
        self._updates.push(
            "message",
            lambda update_id: text_update(update_id, message_id, self.user, self.chat, text),
        )
        return message_id

    async def tap(
        self, message: ChatMessage, label: str | None = None, *, data: str | None = None
    ) -> str:
        """Tap the button labelled `label`, or send forged callback `data`; returns the query id.

        The label is looked up on `message` as given, which may be an older snapshot (a stale
        tap); the callback query carries the message as it is now, as Telegram's does.
        """
        if (label is None) == (data is None):
            raise TypeError("tap needs exactly one of label or data")
        current = self._by_id.get(message.message_id)
        if current is None:
            raise LookupError(f"message {message.message_id} is not in chat {self.id}")
        callback_data = message.data_of(label) if label is not None else str(data)
        query_id = f"{self.id}-{next(self._taps)}"  # unique across users
        self._queries[query_id] = self
        self._updates.push(
            "callback_query",
            lambda update_id: callback_update(
                update_id, query_id, self.user, current.raw, callback_data
            ),
        )
        return query_id

    def type_inline(self, query: str, offset: str = "") -> str:
        """Type `@bot <query>` in some chat (scrolled to `offset`); returns the query's id."""
        query_id = f"inline-{self.id}-{next(self._inline_ids)}"
        self._inline_queries[query_id] = self
        self._updates.push(
            "inline_query",
            lambda update_id: inline_query_update(update_id, query_id, self.user, query, offset),
        )
        return query_id

    async def bot_answered_inline(self, answer: InlineAnswer) -> None:
        self.inline_answers[answer.query_id] = answer
        async with self._answered:
            self._answered.notify_all()

    async def ask_inline(
        self,
        query: str,
        offset: str = "",
        timeout: float = 5.0,  # noqa: ASYNC109
    ) -> InlineAnswer:
        """Type an inline query and return the bot's answer to it."""
        query_id = self.type_inline(query, offset)
        try:
            async with asyncio.timeout(timeout), self._answered:
                await self._answered.wait_for(lambda: query_id in self.inline_answers)
        except TimeoutError:
            raise TimeoutError(
                f"the bot did not answer the inline query {query!r} of user {self.id} "
                f"within {timeout} s"
            ) from None
        return self.inline_answers[query_id]

    async def answer_poll(self, poll_id: str, option_ids: list[int]) -> None:
        """Vote in a poll the bot sent here; an empty list retracts the vote."""
        poll = self._poll(poll_id)
        self._check_vote(poll, option_ids)
        self._count_vote(poll, option_ids)
        persistent = [poll["options"][i]["persistent_id"] for i in option_ids]
        self._updates.push(
            "poll_answer",
            lambda update_id: poll_answer_update(
                update_id, poll_id, self.user, list(option_ids), persistent
            ),
        )

    def _poll(self, poll_id: str) -> JSONDict:
        for message in self.messages:
            if message.poll is not None and message.poll["id"] == poll_id:
                return message.poll
        raise LookupError(f"no poll {poll_id!r} in chat {self.id}")

    def _check_vote(self, poll: JSONDict, option_ids: list[int]) -> None:
        """Refuse what a Telegram client would not let a user do."""
        if poll["is_anonymous"]:
            raise ValueError("the poll is anonymous: Telegram sends the bot no poll_answer")
        if poll["is_closed"]:
            raise ValueError("the poll is closed")
        if not all(0 <= i < len(poll["options"]) for i in option_ids):
            raise ValueError(f"option ids {option_ids} outside the poll's options")
        if len(option_ids) > 1 and not poll["allows_multiple_answers"]:
            raise ValueError("the poll allows a single answer")
        previous = self._votes.get(poll["id"], [])
        if previous and not poll["allows_revoting"]:
            raise ValueError("the poll does not allow changing a vote")
        if not previous and not option_ids:
            raise ValueError("there is no vote to retract")

    def _count_vote(self, poll: JSONDict, option_ids: list[int]) -> None:
        previous = self._votes.pop(poll["id"], [])
        for i in previous:
            poll["options"][i]["voter_count"] -= 1
        for i in option_ids:
            poll["options"][i]["voter_count"] += 1
        poll["total_voter_count"] += bool(option_ids) - bool(previous)
        if option_ids:
            self._votes[poll["id"]] = list(option_ids)

    # A timeout argument (ASYNC109) keeps test code short: `await user.ask("/start")`.
    async def ask(self, text: str, timeout: float = 5.0) -> ChatMessage:  # noqa: ASYNC109
        """Send `text` and return the next message the bot sends or edits here."""
        since = self.seq
        await self.send(text)
        return await self.wait_for(since=since, timeout=timeout)

    async def press(
        self,
        message: ChatMessage,
        label: str | None = None,
        *,
        data: str | None = None,
        timeout: float = 5.0,  # noqa: ASYNC109
    ) -> ChatMessage:
        """Tap as `tap` does and return the next message the bot sends or edits here."""
        since = self.seq
        await self.tap(message, label, data=data)
        return await self.wait_for(since=since, timeout=timeout)

    async def wait_for(
        self,
        predicate: Predicate | None = None,
        *,
        timeout: float = 5.0,  # noqa: ASYNC109
        since: int | None = None,
    ) -> ChatMessage:
        """The first send or edit from position `since` (default: now) matching `predicate`.

        Returns the snapshot taken at that send or edit; `predicate` sees snapshots too.
        """
        start = self.seq if since is None else since
        try:
            return await first_after(self._events, self._changed, start, predicate, timeout)
        except TimeoutError:
            raise TimeoutError(
                f"no matching message from the bot in chat {self.id} within {timeout} s; "
                f"{self._describe(self.id)}"
            ) from None
