"""An optional cap on the bot's messages per second (Zalo's real limits are undocumented)."""

from __future__ import annotations

import math

from standin.telegram.limits import TokenBucket


class MessageRate:
    """One token bucket for all chats: `per_second` messages a second, a second's worth at once.

    None turns the limit off, the default.
    """

    def __init__(self, per_second: float | None) -> None:
        if per_second is not None and per_second <= 0:
            raise ValueError("rate_limit must be positive (or None for no limit)")
        self.per_second = per_second
        self._bucket: TokenBucket | None = None

    def admit(self, now: float) -> bool:
        """Spend a token and return True, or return False (the caller answers 429)."""
        if self.per_second is None:
            return True
        if self._bucket is None:
            burst = max(1, math.floor(self.per_second))
            self._bucket = TokenBucket(self.per_second, burst, now)
        if self._bucket.wait(now) > 0:
            return False
        self._bucket.spend()
        return True
