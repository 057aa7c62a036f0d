"""Telegram's flood limits as token buckets: about 30 messages/s overall and 1/s per chat."""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Limits:
    """Rates in messages per second; a burst is how many may go at once from a full bucket."""

    enforce: bool = True
    global_rate: float = 30.0
    global_burst: int = 30
    chat_rate: float = 1.0
    chat_burst: int = 3

    def __post_init__(self) -> None:
        # A zero rate would make retry_after infinite; a zero burst would refuse everything.
        if self.global_rate <= 0 or self.chat_rate <= 0:
            raise ValueError("rates must be positive")
        if self.global_burst < 1 or self.chat_burst < 1:
            raise ValueError("bursts must be at least 1")


class TokenBucket:
    """Holds up to `burst` tokens and regains `rate` per second; a send spends one."""

    __slots__ = ("burst", "rate", "stamp", "tokens")

    def __init__(self, rate: float, burst: int, now: float) -> None:
        self.rate = rate
        self.burst = burst
        self.tokens = float(burst)
        self.stamp = now

    def wait(self, now: float) -> float:
        """Seconds until a token is available (0 when one is there now)."""
        self.tokens = min(self.burst, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now
        return 0.0 if self.tokens >= 1 else (1 - self.tokens) / self.rate

    def spend(self) -> None:
        self.tokens -= 1


class RateLimiter:
    """One global bucket plus one bucket per chat; a send needs a token from both."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self._global: TokenBucket | None = None
        self._chats: dict[int, TokenBucket] = {}

    def admit(self, chat_id: int, now: float) -> int:
        """Spend the tokens and return 0, or return retry_after (whole seconds, at least 1)."""
        if not self.limits.enforce:
            return 0
        glob = self._global or self._new_global(now)
        chat = self._chats.get(chat_id) or self._new_chat(chat_id, now)
        # Check both before spending either, so a refused send costs nothing.
        wait = max(glob.wait(now), chat.wait(now))
        if wait > 0:
            return max(1, math.ceil(wait))
        glob.spend()
        chat.spend()
        return 0

    def _new_global(self, now: float) -> TokenBucket:
        self._global = TokenBucket(self.limits.global_rate, self.limits.global_burst, now)
        return self._global

    def _new_chat(self, chat_id: int, now: float) -> TokenBucket:
        bucket = TokenBucket(self.limits.chat_rate, self.limits.chat_burst, now)
        self._chats[chat_id] = bucket
        return bucket
