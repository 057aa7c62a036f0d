"""A few login attempts per address and minute: a login link cannot be guessed by trying."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable


class Attempts:
    def __init__(
        self,
        limit: int = 10,
        window: float = 60.0,
        *,
        monotonic: Callable[[], float] = time.monotonic,
        keep: int = 10_000,
    ) -> None:
        self._limit = limit
        self._window = window
        self._monotonic = monotonic
        self._keep = keep  # addresses remembered at most (a flood of addresses cannot fill memory)
        self._seen: dict[str, deque[float]] = {}

    def allow(self, key: str) -> float | None:
        """None if one more attempt from `key` is allowed now (and counts it); otherwise the
        seconds until the next one is."""
        now = self._monotonic()
        times = self._seen.setdefault(key, deque())
        while times and now - times[0] >= self._window:
            times.popleft()
        if len(times) >= self._limit:
            return self._window - (now - times[0])
        times.append(now)
        if len(self._seen) > self._keep:
            self._forget_idle(now)
        return None

    def _forget_idle(self, now: float) -> None:
        for key in [k for k, t in self._seen.items() if not t or now - t[-1] >= self._window]:
            del self._seen[key]
