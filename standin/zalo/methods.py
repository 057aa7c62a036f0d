"""The Zalo Bot API methods the stand-in answers: each validates, acts, returns a result.

Sends validate first and spend the rate limit last, so an invalid or refused call costs
nothing and a 429 means nothing was sent.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import standin.zalo.payloads as payloads
import standin.zalo.validation as validation
from standin.zalo.errors import REQUEST_TIMEOUT, ApiError
from standin.zalo.users import ZaloMessage, ZaloUser
from standin.zalo.world import World

JSONDict = dict[str, Any]
Handler = Callable[[World, JSONDict], Awaitable[Any]]


async def get_me(world: World, params: JSONDict) -> Any:
    return dict(world.profile)


async def get_updates(world: World, params: JSONDict) -> Any:
    """One update per call, or 408 when none came within `timeout` seconds."""
    update = await world.updates.poll(validation.poll_timeout(params))
    if update is None:
        raise ApiError(408, REQUEST_TIMEOUT)
    return update


async def set_webhook(world: World, params: JSONDict) -> Any:
    url = validation.webhook_url(params)
    secret = validation.secret_token(params)
    world.webhook.set(url, secret)
    return _webhook_info(world)


async def delete_webhook(world: World, params: JSONDict) -> Any:
    world.webhook.delete()
    return _webhook_info(world)


async def get_webhook_info(world: World, params: JSONDict) -> Any:
    return _webhook_info(world)


def _webhook_info(world: World) -> JSONDict:
    return payloads.webhook_info(world.webhook.url, world.webhook.updated_at)


async def send_message(world: World, params: JSONDict) -> Any:
    text = validation.text(params)
    user = world.recipient(params)
    world.admit()
    return await _deliver(user, text=text or "", photo=None, caption=None)


async def send_photo(world: World, params: JSONDict) -> Any:
    photo = validation.image_url(params)
    # Zalo documents no caption limit; the text limit is the stand-in's guess.
    caption = validation.text(params, "caption", required=False)
    user = world.recipient(params)
    world.admit()
    return await _deliver(user, text="", photo=photo, caption=caption)


async def send_chat_action(world: World, params: JSONDict) -> Any:
    validation.action(params)
    world.recipient(params)
    return True


async def _deliver(user: ZaloUser, *, text: str, photo: str | None, caption: str | None) -> Any:
    message = ZaloMessage(text, photo, caption, payloads.new_message_id(), payloads.now_ms())
    await user.bot_sent(message)
    return {"message_id": message.message_id, "date": message.date}


# Method names are case-sensitive here (Zalo documents them in camelCase only).
METHODS: dict[str, Handler] = {
    "getMe": get_me,
    "getUpdates": get_updates,
    "setWebhook": set_webhook,
    "deleteWebhook": delete_webhook,
    "getWebhookInfo": get_webhook_info,
    "sendMessage": send_message,
    "sendPhoto": send_photo,
    "sendChatAction": send_chat_action,
}
