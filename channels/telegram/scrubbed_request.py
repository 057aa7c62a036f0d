"""The getUpdates request: what comes in from Telegram is scrubbed once, at the door.

JSON can carry lone UTF-16 surrogates ("\\ud800") and control characters. Telegram's apps do
not produce them, but a forged or corrupted update can, and a lone surrogate cannot be encoded
at all: not as UTF-16 (PTB counts entity offsets in it), not as UTF-8 (SQLite, our replies).
One would fail every step after it. Each such character becomes U+FFFD, one UTF-16 unit like
the one it replaces, so entity offsets stay right.
"""

from __future__ import annotations

import re
from typing import Any

from telegram.request import BaseRequest

from channels.telegram.aiohttp_request import AiohttpRequest

JSONDict = dict[str, Any]
# In the decoded string: a lone surrogate, or a C0 control other than tab, newline and return.
_UNSAFE = re.compile("[\ud800-\udfff\x00-\x08\x0b\x0c\x0e-\x1f]")
# In the JSON text: the escapes those characters must travel as. No match, nothing to scrub.
_ESCAPED = re.compile(rb"\\u(?:[dD][89a-fA-F]|00[01])[0-9a-fA-F]")
REPLACEMENT = "\ufffd"


def scrub(value: Any) -> Any:
    """`value` with every unsafe character in its strings (keys too) replaced."""
    if isinstance(value, str):
        return _UNSAFE.sub(REPLACEMENT, value)
    if isinstance(value, list):
        return [scrub(item) for item in value]
    if isinstance(value, dict):
        return {scrub(key): scrub(item) for key, item in value.items()}
    return value


class ScrubbedUpdatesRequest(AiohttpRequest):
    """getUpdates on aiohttp (cheaper per call than httpx under a crowd), with the answer
    scrubbed before PTB builds Updates."""

    def __init__(self) -> None:
        super().__init__(connections=1)

    @staticmethod
    def parse_json_payload(payload: bytes) -> JSONDict:
        data = BaseRequest.parse_json_payload(payload)
        # Raw control characters are invalid JSON and never decode: only escapes matter here.
        if _ESCAPED.search(payload) is None:
            return data
        scrubbed: JSONDict = scrub(data)
        return scrubbed
