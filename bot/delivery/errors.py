"""What a channel's transport reports when a message could not be delivered."""

from __future__ import annotations


class DeliveryError(Exception):
    """Base class: the message was not delivered."""


class RateLimited(DeliveryError):
    """The channel asks us to slow down (Telegram 429); the same message is retried later."""

    def __init__(self, retry_after: float) -> None:
        super().__init__(f"rate limited for {retry_after:g} s")
        self.retry_after = retry_after


class Blocked(DeliveryError):
    """The user blocked the bot (Telegram 403): skip them until they write again."""


class ChatGone(DeliveryError):
    """The chat does not exist (Telegram 400 "chat not found"): never retried."""


class Rejected(DeliveryError):
    """The channel refused this message (e.g. too long): never retried."""


class Transient(DeliveryError):
    """Network trouble, timeouts, 5xx: retried with backoff a bounded number of times."""
