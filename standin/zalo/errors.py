"""The Zalo stand-in's error answers: Zalo's shape, with the status equal to error_code.

Zalo answers {"ok": false, "error_code": N, "description": "..."}, the shape of the Telegram
stand-in's ApiError without `parameters` (Zalo gives no retry hint), so that class is reused.
Zalo documents few descriptions; these say plainly what went wrong.
"""

from __future__ import annotations

from standin.telegram.errors import ApiError

UNAUTHORIZED = "Unauthorized: invalid bot token"
NOT_FOUND = "Not Found: unknown method"
REQUEST_TIMEOUT = "Request timeout"  # getUpdates: no update before the timeout
WEBHOOK_CONFLICT = (
    "Conflict: getUpdates is unavailable while a webhook is set; call deleteWebhook first"
)
USER_NOT_FOUND = "User not found: this chat_id never wrote to the bot"
# Zalo does not document what a send to a user who blocked the bot answers; 403 is our choice.
BLOCKED = "Forbidden: the user blocked the bot"
TOO_MANY_REQUESTS = "Too Many Requests"

# What an injected fault says when the test gives no description.
DEFAULT_DESCRIPTIONS = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    408: REQUEST_TIMEOUT,
    409: "Conflict",
    429: TOO_MANY_REQUESTS,
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
}


def bad_request(reason: str) -> ApiError:
    return ApiError(400, f"Bad Request: {reason}")


__all__ = ["ApiError", "bad_request"]
