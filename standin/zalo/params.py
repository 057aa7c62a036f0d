"""Decode a Zalo call's parameters: a JSON object body, plus query-string values.

Zalo clients POST JSON. Query-string values (a GET getMe, say) stay strings, and so does
everything in the body: ids are strings on Zalo, and a number where a string belongs is
answered 400 by the method, not coerced.
"""

from __future__ import annotations

import json
from typing import Any

from aiohttp import web

from standin.zalo.errors import bad_request


async def read_params(request: web.Request) -> dict[str, Any]:
    params: dict[str, Any] = dict(request.query)
    raw = await request.read()
    if not raw.strip():
        return params
    try:
        body = json.loads(raw)
    except ValueError:
        raise bad_request("the body is not valid JSON") from None
    if not isinstance(body, dict):
        raise bad_request("the body must be a JSON object")
    params.update(body)
    return params
