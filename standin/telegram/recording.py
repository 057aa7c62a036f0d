"""What the stand-in saw: every call, and the counters a benchmark reads."""

from __future__ import annotations

from array import array
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


def _times() -> array[float]:
    return array("d")


@dataclass
class Stats:
    """Counters per method and per HTTP status, plus every successful message-producing call.

    Sends and edits are message-producing. Memory grows by 8 bytes per send (`send_times`, a
    C array) plus one set entry per distinct text a chat received, so a long benchmark stays
    small without giving up per-send timing or duplicate detection.
    """

    by_method: Counter[str] = field(default_factory=Counter)
    by_status: Counter[int] = field(default_factory=Counter)
    by_outcome: Counter[tuple[str, int]] = field(default_factory=Counter)  # (method, status)
    sends_per_chat: Counter[int] = field(default_factory=Counter)
    send_times: array[float] = field(default_factory=_times)  # monotonic, in order
    # Per chat, how many new messages repeated a text (or poll question, or caption) that
    # chat had already received: what a bot that re-sends after a crash leaves behind.
    duplicates: Counter[int] = field(default_factory=Counter)
    _received: dict[int, set[str]] = field(default_factory=dict, init=False, repr=False)

    @property
    def too_many_requests(self) -> int:
        """How many 429s were answered, by the limits or by injection."""
        return self.by_status[429]

    def count(self, call: Call) -> None:
        self.by_method[call.method] += 1
        self.by_status[call.status] += 1
        self.by_outcome[call.method, call.status] += 1

    def sent(self, chat_id: int, now: float, content: str | None = None) -> None:
        """Count a send or edit; `content` is a new message's text, compared for duplicates."""
        self.sends_per_chat[chat_id] += 1
        self.send_times.append(now)
        if content is None:
            return
        received = self._received.setdefault(chat_id, set())
        if content in received:
            self.duplicates[chat_id] += 1
        else:
            received.add(content)

    def duplicate_chats(self) -> int:
        """How many chats received some text more than once."""
        return len(self.duplicates)

    def clear(self) -> None:
        """Zero everything in place: World holds this same object."""
        for counter in (
            self.by_method,
            self.by_status,
            self.by_outcome,
            self.sends_per_chat,
            self.duplicates,
        ):
            counter.clear()
        del self.send_times[:]
        self._received.clear()

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

    def summary(self) -> dict[str, Any]:
        """The figures as JSON-ready values, for the admin API of a stand-in in its own process."""
        return {
            "by_method": dict(self.by_method),
            "by_status": {str(status): n for status, n in self.by_status.items()},
            "too_many_requests": self.too_many_requests,
            "sent": len(self.send_times),
            "sustained_rate": self.sustained_rate(),
            "peak_1s": self.peak(),
            "duplicate_chats": self.duplicate_chats(),
            "duplicate_sends": self.duplicates.total(),
            "chats_with_messages": len(self.sends_per_chat),
        }
