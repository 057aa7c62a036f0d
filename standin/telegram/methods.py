"""The Bot API methods the stand-in answers: each validates, changes the world, returns a result.

Message-producing methods (sends and edits) call World.admit after validating, so a refused
or invalid call costs no flood-limit token, and a 429 means nothing was performed.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import standin.telegram.payloads as payloads
import standin.telegram.validation as validation
from standin.telegram.errors import NOT_MODIFIED, QUERY_INVALID, ApiError, bad_request
from standin.telegram.users import ChatMessage, InlineAnswer, SimUser
from standin.telegram.world import WEBHOOK_CONFLICT, StoredFile, World, scope_key

JSONDict = dict[str, Any]
Handler = Callable[[World, JSONDict], Awaitable[Any]]
POLL_ID_BASE = 5_000_000_000_000_000_000  # Telegram's poll ids are long digit strings


async def get_me(world: World, params: JSONDict) -> Any:
    return world.bot.to_dict()


async def get_updates(world: World, params: JSONDict) -> Any:
    if world.webhook.url:
        raise ApiError(409, WEBHOOK_CONFLICT)
    _allow(world, params)
    limit = min(max(validation.integer(params, "limit", 100), 1), 100)
    timeout = max(validation.integer(params, "timeout", 0), 0)
    return await world.updates.fetch(validation.integer(params, "offset", 0), limit, timeout)


def _allow(world: World, params: JSONDict) -> None:
    allowed = params.get("allowed_updates")
    if isinstance(allowed, list):  # an empty list restores the default: every type here
        world.updates.allowed = frozenset(allowed) or None


async def set_webhook(world: World, params: JSONDict) -> Any:
    """From now on the stand-in posts pending updates to the URL (see standin.webhook)."""
    url = str(params.get("url") or "")
    if params.get("drop_pending_updates"):
        world.updates.drop_all()
    if not url:  # Telegram: an empty URL removes the webhook
        world.webhook.delete()
        return True
    if not url.startswith(("https://", "http://")):
        raise bad_request("bad webhook: An HTTPS URL must be provided for webhook")
    _allow(world, params)
    world.webhook.set(url, validation.secret_token(params))
    return True


async def delete_webhook(world: World, params: JSONDict) -> Any:
    world.webhook.delete()
    if params.get("drop_pending_updates"):
        world.updates.drop_all()
    return True


async def get_webhook_info(world: World, params: JSONDict) -> Any:
    return payloads.webhook_info(world.webhook, world.updates.pending)


def _commands_key(params: JSONDict) -> tuple[str, str]:
    return scope_key(params.get("scope")), str(params.get("language_code") or "")


async def set_my_commands(world: World, params: JSONDict) -> Any:
    world.commands[_commands_key(params)] = validation.commands(params)
    return True


async def get_my_commands(world: World, params: JSONDict) -> Any:
    return payloads.commands(world.commands.get(_commands_key(params), []))


async def delete_my_commands(world: World, params: JSONDict) -> Any:
    world.commands.pop(_commands_key(params), None)
    return True


async def send_message(world: World, params: JSONDict) -> Any:
    user = world.chat(params)
    text, entities = validation.message_text(params)
    markup, buttons = validation.inline_keyboard(params.get("reply_markup"))
    world.admit(user.id, text)
    message = world.compose(user, payloads.content(markup, text=text, entities=entities), params)
    message.text, message.source, message.buttons = text, params["text"], buttons
    return await _deliver(user, message)


async def edit_message_text(world: World, params: JSONDict) -> Any:
    user = world.chat(params)
    message = world.message(user, params, "message to edit not found")
    if "text" not in message.raw:
        raise bad_request("there is no text in the message to edit")
    text, entities = validation.message_text(params)
    markup, buttons = validation.inline_keyboard(params.get("reply_markup"))
    content = payloads.content(markup, text=text, entities=entities)
    _check_modified(message, content, ("text", "entities", "reply_markup"))
    world.admit(user.id)
    message.raw = payloads.edited(message.raw, content, ("text", "entities", "reply_markup"))
    message.text, message.source, message.buttons = text, params["text"], buttons
    message.reply_markup = params.get("reply_markup")
    await user.bot_edited(message)
    return message.raw


async def edit_message_reply_markup(world: World, params: JSONDict) -> Any:
    user = world.chat(params)
    message = world.message(user, params, "message to edit not found")
    markup, buttons = validation.inline_keyboard(params.get("reply_markup"))
    content = payloads.content(markup)
    _check_modified(message, content, ("reply_markup",))
    world.admit(user.id)
    message.raw = payloads.edited(message.raw, content, ("reply_markup",))
    message.buttons, message.reply_markup = buttons, params.get("reply_markup")
    await user.bot_edited(message)
    return message.raw


def _check_modified(message: ChatMessage, content: JSONDict, fields: tuple[str, ...]) -> None:
    if all(message.raw.get(field) == content.get(field) for field in fields):
        raise ApiError(400, NOT_MODIFIED)


async def answer_callback_query(world: World, params: JSONDict) -> Any:
    """Each query may be answered once; the user keeps the text it showed."""
    user = world.queries.pop(str(params.get("callback_query_id")), None)
    if user is None:
        raise ApiError(400, QUERY_INVALID)
    user.callback_answers.append(str(params.get("text") or ""))
    return True


async def answer_inline_query(world: World, params: JSONDict) -> Any:
    """Each inline query may be answered once; the user's client shows the results."""
    query_id = str(params.get("inline_query_id"))
    results = validation.inline_results(params)
    user = world.inline_queries.pop(query_id, None)
    if user is None:
        raise ApiError(400, QUERY_INVALID)
    cache_time = params.get("cache_time")
    answer = InlineAnswer(
        query_id,
        results,
        cache_time if isinstance(cache_time, int) else None,
        params.get("is_personal") is True,
        str(params.get("next_offset") or ""),
    )
    await user.bot_answered_inline(answer)
    return True


async def send_chat_action(world: World, params: JSONDict) -> Any:
    world.chat(params)
    validation.chat_action(params)
    return True


async def send_poll(world: World, params: JSONDict) -> Any:
    user = world.chat(params)
    question, options = validation.poll(params)
    markup, buttons = validation.inline_keyboard(params.get("reply_markup"))
    world.admit(user.id, question)
    poll = payloads.poll(str(POLL_ID_BASE + world.new_id()), question, options, params)
    message = world.compose(user, payloads.content(markup, poll=poll), params)
    message.poll, message.buttons = poll, buttons
    return await _deliver(user, message)


async def stop_poll(world: World, params: JSONDict) -> Any:
    user = world.chat(params)
    message = world.message(user, params, "message with poll to stop not found")
    if message.poll is None:
        raise bad_request("message with poll to stop not found")
    if message.poll["is_closed"]:
        raise bad_request("poll has already been closed")
    markup, buttons = validation.inline_keyboard(params.get("reply_markup"))
    message.poll["is_closed"] = True
    message.raw = payloads.edited(message.raw, payloads.content(markup), ("reply_markup",))
    message.buttons, message.reply_markup = buttons, params.get("reply_markup")
    await user.bot_edited(message)
    return message.poll


async def send_document(world: World, params: JSONDict) -> Any:
    user, stored, message = _file_message(
        world,
        params,
        "document",
        lambda f: payloads.document(
            f.file_id, f.unique_id, f.filename, f.mime_type, len(f.content)
        ),
    )
    message.document = (stored.filename, stored.content)
    return await _deliver(user, message)


async def send_photo(world: World, params: JSONDict) -> Any:
    user, stored, message = _file_message(
        world, params, "photo", lambda f: payloads.photo(f.file_id, f.unique_id, len(f.content))
    )
    message.photo = stored.content
    photo = params.get("photo")
    if isinstance(photo, str) and photo.startswith(("https://", "http://")):
        message.photo_url = photo
    return await _deliver(user, message)


async def send_venue(world: World, params: JSONDict) -> Any:
    user = world.chat(params)
    latitude, longitude, title, address = validation.venue(params)
    markup, buttons = validation.inline_keyboard(params.get("reply_markup"))
    world.admit(user.id)  # a place asked for twice is not a duplicate send
    place = payloads.venue(latitude, longitude, title, address)
    message = world.compose(
        user, payloads.content(markup, venue=place, location=place["location"]), params
    )
    message.venue, message.buttons = place, buttons
    return await _deliver(user, message)


async def send_location(world: World, params: JSONDict) -> Any:
    user = world.chat(params)
    latitude, longitude = validation.location(params)
    markup, buttons = validation.inline_keyboard(params.get("reply_markup"))
    world.admit(user.id)
    place = payloads.location(latitude, longitude)
    message = world.compose(user, payloads.content(markup, location=place), params)
    message.location, message.buttons = place, buttons
    return await _deliver(user, message)


def _file_message(
    world: World, params: JSONDict, field: str, media: Callable[[StoredFile], Any]
) -> tuple[SimUser, StoredFile, ChatMessage]:
    """A captioned file message, composed and admitted; the file is kept only then."""
    user = world.chat(params)
    stored = world.file(params, field)
    caption, entities = validation.caption(params)
    markup, buttons = validation.inline_keyboard(params.get("reply_markup"))
    world.admit(user.id, caption or None)  # uncaptioned files are not compared
    world.keep(stored)
    fields = {field: media(stored), "caption": caption, "caption_entities": entities}
    message = world.compose(user, payloads.content(markup, **fields), params)
    message.caption, message.source = caption, str(params.get("caption") or "")
    message.buttons = buttons
    return user, stored, message


async def get_file(world: World, params: JSONDict) -> Any:
    stored = world.files.get(str(params.get("file_id")))
    if stored is None:
        raise bad_request("invalid file_id")
    return payloads.file(stored.file_id, stored.unique_id, len(stored.content), stored.path)


async def log_out_or_close(world: World, params: JSONDict) -> Any:
    return True


async def _deliver(user: SimUser, message: ChatMessage) -> JSONDict:
    await user.bot_sent(message)
    return message.raw


# Telegram's names; requests match them case-insensitively.
METHODS: dict[str, tuple[str, Handler]] = {
    name.lower(): (name, handler)
    for name, handler in (
        ("getMe", get_me),
        ("getUpdates", get_updates),
        ("setWebhook", set_webhook),
        ("deleteWebhook", delete_webhook),
        ("getWebhookInfo", get_webhook_info),
        ("setMyCommands", set_my_commands),
        ("getMyCommands", get_my_commands),
        ("deleteMyCommands", delete_my_commands),
        ("sendMessage", send_message),
        ("editMessageText", edit_message_text),
        ("editMessageReplyMarkup", edit_message_reply_markup),
        ("answerCallbackQuery", answer_callback_query),
        ("answerInlineQuery", answer_inline_query),
        ("sendChatAction", send_chat_action),
        ("sendPoll", send_poll),
        ("stopPoll", stop_poll),
        ("sendDocument", send_document),
        ("sendPhoto", send_photo),
        ("sendVenue", send_venue),
        ("sendLocation", send_location),
        ("getFile", get_file),
        ("logOut", log_out_or_close),
        ("close", log_out_or_close),
    )
}
