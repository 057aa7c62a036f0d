"""Injected faults: the next matching calls fail the way Telegram or its proxies fail; and
outages, periods during which every call (or every call to some methods) fails."""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal, get_args

from standin.telegram.errors import BLOCKED, CHAT_NOT_FOUND, ApiError, too_many_requests

FaultKind = Literal["403", "429", "500", "502", "timeout", "400_chat_not_found"]
KINDS: frozenset[str] = frozenset(get_args(FaultKind))
# "unreachable": the connection is dropped without an answer, as when the network is down.
OutageKind = Literal["500", "502", "timeout", "unreachable"]
OUTAGE_KINDS: frozenset[str] = frozenset(get_args(OutageKind))


@dataclass(slots=True)
class Fault:
    kind: FaultKind
    method: str | None  # lower-case method name; None: any method but getUpdates
    chat_id: int | None
    times: int
    retry_after: int

    def matches(self, method: str, chat_id: int | None) -> bool:
        if self.method is None:
            # The polling loop calls getUpdates all the time; it would swallow a catch-all fault.
            return method != "getupdates" and self.chat_id in (None, chat_id)
        return self.method == method and self.chat_id in (None, chat_id)

    def error(self) -> ApiError:
        """The answer for every kind but "timeout", which the server holds instead."""
        match self.kind:
            case "429":
                return too_many_requests(self.retry_after)
            case "403":
                return ApiError(403, BLOCKED)
            case "400_chat_not_found":
                return ApiError(400, CHAT_NOT_FOUND)
            case "500":
                return ApiError(500, "Internal Server Error")
            case "502":
                return ApiError(502, "Bad Gateway")
            case _:  # a held "timeout" finally ends the way a proxy ends it
                return ApiError(504, "Gateway Timeout")


class Faults:
    """Armed faults, consumed first-armed first by the calls they match."""

    def __init__(self) -> None:
        self._armed: list[Fault] = []

    def arm(self, fault: Fault) -> None:
        if fault.kind not in KINDS:
            raise ValueError(f"unknown fault kind {fault.kind!r}; use one of {sorted(KINDS)}")
        if fault.times < 1:
            raise ValueError("times must be at least 1")
        self._armed.append(fault)

    @property
    def left(self) -> int:
        """How many more calls the armed faults will fail."""
        return sum(fault.times for fault in self._armed)

    def take(self, method: str, chat_id: int | None) -> Fault | None:
        """Consume one use of the first fault matching this call."""
        for fault in self._armed:
            if fault.matches(method, chat_id):
                fault.times -= 1
                if fault.times == 0:
                    self._armed.remove(fault)
                return fault
        return None


@dataclass(frozen=True, slots=True)
class Outage:
    kind: OutageKind
    methods: frozenset[str] | None  # lower-case method names; None: every method, getUpdates too
    ends_at: float | None  # time.monotonic(); None: until ended

    def covers(self, method: str, now: float) -> bool:
        if self.ends_at is not None and now >= self.ends_at:
            return False
        return self.methods is None or method in self.methods

    def error(self) -> ApiError:
        """The answer for "500" and "502" (and a held "timeout", in the end)."""
        if self.kind == "500":
            return ApiError(500, "Internal Server Error")
        if self.kind == "502":
            return ApiError(502, "Bad Gateway")
        return ApiError(504, "Gateway Timeout")


def outage(kind: OutageKind, seconds: float | None, methods: Iterable[str] | None) -> Outage:
    """An outage from now, for `seconds` (None: until ended), of `methods` (None: all)."""
    if kind not in OUTAGE_KINDS:
        raise ValueError(f"unknown outage kind {kind!r}; use one of {sorted(OUTAGE_KINDS)}")
    if seconds is not None and seconds <= 0:
        raise ValueError("an outage lasts more than 0 seconds")
    names = None if methods is None else frozenset(m.lower() for m in methods)
    ends_at = None if seconds is None else time.monotonic() + seconds
    return Outage(kind, names, ends_at)


class Outages:
    """Outages under way; the latest one started wins where several cover a call."""

    def __init__(self) -> None:
        self._under_way: list[Outage] = []

    def start(self, outage: Outage) -> None:
        self._under_way.append(outage)

    def end(self) -> None:
        self._under_way.clear()

    def covering(self, method: str) -> Outage | None:
        now = time.monotonic()
        self._under_way = [o for o in self._under_way if o.ends_at is None or now < o.ends_at]
        for under_way in reversed(self._under_way):
            if under_way.covers(method, now):
                return under_way
        return None
