"""The JSON Zalo sends and returns: updates, the bot's profile, ids and millisecond dates."""

from __future__ import annotations

import time
import uuid
from typing import Any, Literal

JSONDict = dict[str, Any]
NameField = Literal["display_name", "name", "first_name"]
NAME_FIELDS: tuple[NameField, ...] = ("display_name", "name", "first_name")

TEXT_RECEIVED = "message.text.received"
IMAGE_RECEIVED = "message.image.received"
STICKER_RECEIVED = "message.sticker.received"
UNSUPPORTED_RECEIVED = "message.unsupported.received"


def now_ms() -> int:
    """Zalo dates are Unix time in milliseconds."""
    return time.time_ns() // 1_000_000


def new_message_id() -> str:
    """Zalo message ids are opaque strings; hex keeps a bot from parsing them as numbers."""
    return uuid.uuid4().hex


def bot_profile(bot_id: str, account_name: str) -> JSONDict:
    """getMe's result."""
    return {
        "id": bot_id,
        "account_name": account_name,
        "account_type": "BASIC",
        "can_join_groups": False,
    }


def sender(user_id: str, name: str, name_field: NameField) -> JSONDict:
    """The `from` of a user's messages; clients put the name under one of three keys."""
    if name_field not in NAME_FIELDS:
        raise ValueError(f"name_field must be one of {NAME_FIELDS}, not {name_field!r}")
    return {"id": user_id, name_field: name}


def private_chat(user_id: str) -> JSONDict:
    return {"id": user_id, "chat_type": "PRIVATE"}


def update(event_name: str, person: JSONDict, content: JSONDict) -> JSONDict:
    """One update: an event name and the message, with fresh id and date."""
    message: JSONDict = {
        "message_id": new_message_id(),
        "from": dict(person),
        "chat": private_chat(person["id"]),
        "date": now_ms(),
        **content,
    }
    return {"event_name": event_name, "message": message}


def webhook_info(url: str, updated_at: int) -> JSONDict:
    return {"url": url, "updated_at": updated_at}
