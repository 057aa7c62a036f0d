"""The Zalo side's state: the bot's profile, users and their chats, updates, webhook, limit."""

from __future__ import annotations

import time
from typing import Any

import standin.zalo.validation as validation
from standin.zalo.errors import BLOCKED, TOO_MANY_REQUESTS, USER_NOT_FOUND, ApiError
from standin.zalo.ratelimit import MessageRate
from standin.zalo.updates import UpdateQueue
from standin.zalo.users import ZaloUser
from standin.zalo.webhook import ZaloWebhookPusher

JSONDict = dict[str, Any]


class World:
    """State shared by the methods, and the checks every send makes."""

    def __init__(self, profile: JSONDict, rate_limit: float | None) -> None:
        self.profile = profile
        self.updates = UpdateQueue()
        self.webhook = ZaloWebhookPusher(self.updates)
        self.users: dict[str, ZaloUser] = {}
        self.rate = MessageRate(rate_limit)

    def recipient(self, params: JSONDict) -> ZaloUser:
        """The user a send targets: they must have written to the bot and not blocked it."""
        user = self.users.get(validation.chat_id(params))
        if user is None or not user.has_written:
            raise ApiError(400, USER_NOT_FOUND)
        if user.blocked:
            raise ApiError(403, BLOCKED)
        return user

    def admit(self) -> None:
        """Spend a message from the rate limit, or answer 429 (with no retry hint, as Zalo)."""
        if not self.rate.admit(time.monotonic()):
            raise ApiError(429, TOO_MANY_REQUESTS)
