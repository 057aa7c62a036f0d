"""What the stand-in saw: every call, and the counters a benchmark reads."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Call:
    """One request as answered: params decoded, `time` on the monotonic clock at arrival."""

    method: str
    params: dict[str, Any]
    chat_id: int | None
    time: float
    status: int
    error: str | None = None  # Telegram's description when status is not 200


@dataclass
class Stats:
    """Counters per method and per HTTP status, plus every successful message-producing call."""

    by_method: Counter[str] = field(default_factory=Counter)
    by_status: Counter[int] = field(default_factory=Counter)
    by_outcome: Counter[tuple[str, int]] = field(default_factory=Counter)  # (method, status)
    sends_per_chat: Counter[int] = field(default_factory=Counter)
    send_times: list[float] = field(default_factory=list)  # monotonic, in order

    @property
    def too_many_requests(self) -> int:
        """How many 429s were answered, by the limits or by injection."""
        return self.by_status[429]

    def count(self, call: Call) -> None:
        self.by_method[call.method] += 1
        self.by_status[call.status] += 1
        self.by_outcome[call.method, call.status] += 1

    def sent(self, chat_id: int, now: float) -> None:
        self.sends_per_chat[chat_id] += 1
        self.send_times.append(now)

    def sustained_rate(self) -> float:
        """Sends per second between the first and the last send."""
        span = self.send_times[-1] - self.send_times[0] if self.send_times else 0.0
        return (len(self.send_times) - 1) / span if span > 0 else 0.0

    def peak(self, window: float = 1.0) -> int:
        """The most sends inside any `window` seconds: what Telegram's 30/s limit looks at."""
        best = start = 0
        for end, stamp in enumerate(self.send_times):
            while stamp - self.send_times[start] >= window:
                start += 1
            best = max(best, end - start + 1)
        return best
