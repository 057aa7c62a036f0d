"""The bot's one clock: every "now" comes from here, so rehearsals and tests can move time."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta


class Clock:
    """Real time, or real time running on from a rehearsal start (VIDW_NOW)."""

    def __init__(
        self,
        start_at: datetime | None = None,
        *,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._monotonic = monotonic
        self._anchor: datetime | None = None
        self._anchor_tick = 0.0
        if start_at is not None:
            self.set(start_at)

    def now(self) -> datetime:
        """The current instant, timezone-aware, in UTC."""
        if self._anchor is None:
            return datetime.now(UTC)
        return self._anchor + timedelta(seconds=self._monotonic() - self._anchor_tick)

    def set(self, at: datetime) -> None:
        """Jump to `at`; time keeps running from there."""
        if at.tzinfo is None:
            raise ValueError("the clock needs an aware datetime")
        self._anchor = at.astimezone(UTC)
        self._anchor_tick = self._monotonic()
