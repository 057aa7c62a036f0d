"""What the Zalo stand-in received: each call as a (method, params) pair, and its answer."""

from __future__ import annotations

from typing import Any

JSONDict = dict[str, Any]


class ZaloCall(tuple[str, JSONDict]):
    """A (method, params) pair, as tests unpack it, that also carries the answer's status.

    `description` is the error description when status is not 200.
    """

    status: int
    description: str | None

    def __new__(
        cls, method: str, params: JSONDict, status: int = 200, description: str | None = None
    ) -> ZaloCall:
        call = super().__new__(cls, (method, params))
        call.status, call.description = status, description
        return call

    @property
    def method(self) -> str:
        return self[0]

    @property
    def params(self) -> JSONDict:
        return self[1]

    @property
    def chat_id(self) -> str | None:
        value = self[1].get("chat_id")
        return value if isinstance(value, str) else None
