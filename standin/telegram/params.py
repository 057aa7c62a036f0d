"""Decode a Bot API request's parameters from the query string, a form, multipart or JSON.

PTB 22.8 posts application/x-www-form-urlencoded, or multipart/form-data when it uploads
files (the file is a part named after the parameter, e.g. "document", with its filename).
String parameters travel verbatim and everything else JSON-encoded (chat_id=5,
reply_markup={...}, is_anonymous=false), so non-text fields are JSON-decoded here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from aiohttp import web

from standin.telegram.errors import bad_request

# Free-text or identifier fields: kept as sent even when they look like JSON ("123", "true").
_STRINGS = frozenset(
    {
        "text",
        "caption",
        "question",
        "explanation",
        "description",
        "parse_mode",
        "question_parse_mode",
        "explanation_parse_mode",
        "callback_query_id",
        "inline_query_id",
        "next_offset",
        "inline_message_id",
        "file_id",
        "url",
        "secret_token",
        "language_code",
        "action",
        "type",
        "message_effect_id",
        "business_connection_id",
        "document",
        "photo",
        "thumbnail",
    }
)


@dataclass(frozen=True, slots=True)
class UploadedFile:
    """A multipart file part."""

    filename: str
    content: bytes
    content_type: str


def decode(name: str, raw: str) -> Any:
    """A form value as Telegram reads it: JSON where JSON parses, text for text fields."""
    if name in _STRINGS:
        return raw
    try:
        return json.loads(raw)
    except ValueError:
        return raw


async def read_params(request: web.Request) -> dict[str, Any]:
    params: dict[str, Any] = {name: decode(name, value) for name, value in request.query.items()}
    if request.content_type == "application/json":
        try:
            body = await request.json()
        except ValueError:
            raise bad_request("can't parse JSON object") from None
        if isinstance(body, dict):
            params.update(body)
        return params
    for name, value in (await request.post()).items():
        if isinstance(value, web.FileField):
            content = value.file.read()
            params[name] = UploadedFile(value.filename, content, value.content_type)
        elif isinstance(value, str):
            params[name] = decode(name, value)
    return params
