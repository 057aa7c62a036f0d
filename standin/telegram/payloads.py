"""Every dict the stand-in hands to PTB, built from PTB objects' to_dict().

PTB checks required fields in its constructors (PTB 22.8 added Poll.allows_revoting,
Poll.members_only, PollOption.persistent_id, PollAnswer.option_persistent_ids), so a PTB
upgrade that needs a new field fails here, loudly, instead of PTB dropping our updates.
"""

from __future__ import annotations

import datetime as dtm
import time
from collections.abc import Sequence
from typing import Any

from telegram import (
    BotCommand,
    CallbackQuery,
    Chat,
    Document,
    File,
    InlineQuery,
    Location,
    Message,
    MessageEntity,
    PhotoSize,
    Poll,
    PollAnswer,
    PollOption,
    Update,
    User,
    Venue,
    WebhookInfo,
)
from telegram.constants import ChatType

from standin.telegram.markup import utf16_len
from standin.telegram.webhook import WebhookPusher

JSONDict = dict[str, Any]


def bot_user(bot_id: int, first_name: str, username: str, inline_mode: bool = True) -> User:
    """The bot as getMe describes it (inline mode as @BotFather's /setinline turned it)."""
    return User(
        bot_id,
        first_name,
        is_bot=True,
        username=username,
        can_join_groups=True,
        can_read_all_group_messages=False,
        supports_inline_queries=inline_mode,
        can_connect_to_business=False,
        has_main_web_app=False,
    )


def person(user_id: int, first_name: str, language_code: str | None, username: str | None) -> User:
    return User(user_id, first_name, is_bot=False, username=username, language_code=language_code)


def private_chat(user: User) -> Chat:
    return Chat(user.id, ChatType.PRIVATE, first_name=user.first_name, username=user.username)


def message_base(bot: User) -> JSONDict:
    """A bot message without chat, id, date or content, built once per stand-in.

    A Message(...).to_dict() costs ~90 µs, too much per send at a benchmark's 1000
    requests/s, and too much per chat when a broadcast reaches 10,000 of them.
    """
    base = Message(0, _now(), Chat(0, ChatType.PRIVATE), from_user=bot).to_dict()
    del base["chat"]
    return base


def message_template(base: JSONDict, chat: Chat) -> JSONDict:
    """`base` in `chat`, copied for each send there: Chat.to_dict() costs ~5 µs."""
    return {**base, "chat": chat.to_dict()}


def bot_message(template: JSONDict, message_id: int, content: JSONDict) -> JSONDict:
    """A new bot message: its chat's template plus id, date and content."""
    return {**template, "message_id": message_id, "date": int(time.time()), **content}


def edited(message: JSONDict, content: JSONDict, replaced: tuple[str, ...]) -> JSONDict:
    """`message` with the `replaced` fields swapped for `content`, stamped with edit_date."""
    kept = {key: value for key, value in message.items() if key not in replaced}
    return {**kept, **content, "edit_date": int(time.time())}


def content(markup: JSONDict | None, **fields: Any) -> JSONDict:
    """Message fields minus the empty ones (Telegram omits them), plus the inline keyboard."""
    body = {key: value for key, value in fields.items() if value not in (None, "", [])}
    if markup is not None:
        body["reply_markup"] = markup
    return body


def poll(poll_id: str, question: str, options: Sequence[str], params: JSONDict) -> JSONDict:
    """A fresh poll; option persistent ids are "<poll id>:<index>"."""
    kind = params.get("type") or Poll.REGULAR
    return Poll(
        poll_id,
        question,
        [PollOption(text, 0, persistent_id=f"{poll_id}:{i}") for i, text in enumerate(options)],
        total_voter_count=0,
        is_closed=bool(params.get("is_closed", False)),
        is_anonymous=bool(params.get("is_anonymous", True)),
        type=kind,
        allows_multiple_answers=bool(params.get("allows_multiple_answers", False)),
        allows_revoting=bool(params.get("allows_revoting", kind != Poll.QUIZ)),
        members_only=bool(params.get("members_only", False)),
    ).to_dict()


def document(file_id: str, unique_id: str, name: str, mime_type: str, size: int) -> JSONDict:
    return Document(
        file_id, unique_id, file_name=name, mime_type=mime_type, file_size=size
    ).to_dict()


def photo(file_id: str, unique_id: str, size: int) -> list[JSONDict]:
    """One PhotoSize; the stand-in does not decode images, so the dimensions are nominal."""
    return [PhotoSize(file_id, unique_id, width=1280, height=720, file_size=size).to_dict()]


def venue(latitude: float, longitude: float, title: str, address: str) -> JSONDict:
    """A venue and its location, as a message carries them."""
    return Venue(Location(longitude, latitude), title, address).to_dict()


def location(latitude: float, longitude: float) -> JSONDict:
    return Location(longitude, latitude).to_dict()


def file(file_id: str, unique_id: str, size: int, path: str) -> JSONDict:
    return File(file_id, unique_id, file_size=size, file_path=path).to_dict()


def text_update(update_id: int, message_id: int, user: User, chat: Chat, text: str) -> JSONDict:
    """A user's message; a leading "/word" gets the bot_command entity Telegram adds."""
    entities = []
    if text.startswith("/"):
        command = text.split(maxsplit=1)[0]
        entities.append(MessageEntity(MessageEntity.BOT_COMMAND, 0, utf16_len(command)))
    message = Message(message_id, _now(), chat, from_user=user, text=text, entities=entities)
    return Update(update_id, message=message).to_dict()


def photo_update(
    update_id: int, message_id: int, user: User, chat: Chat, sizes: list[JSONDict], caption: str
) -> JSONDict:
    """A user's photo with a caption (no caption entities: plain text, as typed)."""
    message = Message(
        message_id,
        _now(),
        chat,
        from_user=user,
        photo=[PhotoSize.de_json(size, None) for size in sizes],
        caption=caption or None,
    )
    return Update(update_id, message=message).to_dict()


def callback_update(
    update_id: int, query_id: str, user: User, message: JSONDict, data: str
) -> JSONDict:
    """A button tap; `message` is the bot's message as last returned to the bot."""
    query = CallbackQuery(query_id, user, chat_instance=f"ci{user.id}", data=data)
    update = Update(update_id, callback_query=query).to_dict()
    update["callback_query"]["message"] = message
    return update


def inline_query_update(
    update_id: int, query_id: str, user: User, query: str, offset: str
) -> JSONDict:
    """A user typing `@bot <query>` in some chat (a private chat's type: the sender's own)."""
    inline = InlineQuery(query_id, user, query, offset, chat_type=ChatType.SENDER)
    return Update(update_id, inline_query=inline).to_dict()


def poll_answer_update(
    update_id: int, poll_id: str, user: User, option_ids: list[int], persistent_ids: list[str]
) -> JSONDict:
    """A vote; empty lists mean the vote was retracted."""
    answer = PollAnswer(poll_id, option_ids, user=user, option_persistent_ids=persistent_ids)
    update = Update(update_id, poll_answer=answer).to_dict()
    # to_dict() drops empty sequences, but PollAnswer.de_json requires both lists: a retracted
    # vote without them would be dropped by PTB (and refetched in a tight CRITICAL-log loop).
    update["poll_answer"]["option_ids"] = list(option_ids)
    update["poll_answer"]["option_persistent_ids"] = list(persistent_ids)
    return update


def commands(stored: Sequence[tuple[str, str]]) -> list[JSONDict]:
    return [BotCommand(command, description).to_dict() for command, description in stored]


def webhook_info(webhook: WebhookPusher, pending: int) -> JSONDict:
    last_error = None
    if webhook.last_error_date is not None:
        last_error = dtm.datetime.fromtimestamp(webhook.last_error_date, dtm.UTC)
    return WebhookInfo(
        webhook.url,
        has_custom_certificate=False,
        pending_update_count=pending,
        last_error_date=last_error,
        last_error_message=webhook.last_error_message,
    ).to_dict()


def _now() -> dtm.datetime:
    return dtm.datetime.now(dtm.UTC)
