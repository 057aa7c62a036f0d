"""Zalo's checks on what a bot sends: string ids, 1–2000 character texts, webhook settings."""

from __future__ import annotations

import math
from typing import Any
from urllib.parse import urlsplit

from standin.zalo.errors import bad_request

JSONDict = dict[str, Any]

TEXT_LIMIT = 2000
SECRET_MIN, SECRET_MAX = 8, 256
LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})
ACTIONS = frozenset({"typing"})


def chat_id(params: JSONDict) -> str:
    """A Zalo chat id: a non-empty string (19-digit ids do not survive JSON numbers)."""
    value = params.get("chat_id")
    if not isinstance(value, str) or not value:
        raise bad_request("chat_id must be a non-empty string")
    return value


def text(params: JSONDict, field: str = "text", *, required: bool = True) -> str | None:
    """A text or caption of 1 to 2000 characters; None when optional and absent."""
    value = params.get(field)
    if value is None and not required:
        return None
    if not isinstance(value, str):
        raise bad_request(f"{field} must be a string")
    if not 1 <= len(value) <= TEXT_LIMIT:
        raise bad_request(f"{field} must be 1 to {TEXT_LIMIT} characters long, not {len(value)}")
    return value


def image_url(params: JSONDict) -> str:
    value = params.get("photo")
    if not isinstance(value, str) or urlsplit(value).scheme not in ("http", "https"):
        raise bad_request("photo must be an http(s) image URL")
    return value


def action(params: JSONDict) -> str:
    value = params.get("action")
    if value not in ACTIONS:
        raise bad_request(f"action must be one of {sorted(ACTIONS)}")
    return str(value)


def poll_timeout(params: JSONDict) -> float:
    """getUpdates' timeout in seconds: a number or a digit string (clients send either)."""
    value = params.get("timeout", 0)
    if isinstance(value, str):
        try:
            value = float(value)
        except ValueError:
            raise bad_request("timeout must be a number of seconds") from None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise bad_request("timeout must be a number of seconds")
    if not math.isfinite(value) or value < 0:
        raise bad_request("timeout must be a non-negative number of seconds")
    return float(value)


def webhook_url(params: JSONDict) -> str:
    """An http(s) URL on loopback: fake updates never leave the machine."""
    value = params.get("url")
    if not isinstance(value, str) or not value:
        raise bad_request("url is required")
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https"):
        raise bad_request("url must be an http(s) URL")
    if parts.hostname not in LOOPBACK:
        raise bad_request("the stand-in posts only to loopback webhooks (127.0.0.1, localhost)")
    return value


def secret_token(params: JSONDict) -> str:
    value = params.get("secret_token")
    if not isinstance(value, str) or not SECRET_MIN <= len(value) <= SECRET_MAX:
        raise bad_request(f"secret_token must be {SECRET_MIN} to {SECRET_MAX} characters long")
    return value
