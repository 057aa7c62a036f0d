"""One pace for everything the bot sends: a smooth rate, per-chat spacing, 429 pauses.

Interactive replies reserve the next slot at once; bulk messages wait until a slot is free
*now* before taking it. So when a broadcast runs at the full rate, an attendee's reply still
goes out within about one slot, and bulk sending yields that slot to it.

A 429 on a bulk send pauses everything (bulk is what fills the global rate). A 429 on a reply
holds only that reply's chat: the global pace keeps replies under the global limit, so such
a 429 is about one chat sent to too often (a user tapping or typing very fast), and the
other users must not wait for it.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

# How far behind schedule the pacer may catch up at once (a late wake-up is not lost rate).
CATCH_UP_SECONDS = 0.05
# Telegram allows about one message per second per chat; a little margin absorbs jitter.
CHAT_INTERVAL = 1.05
# Pace at 99 % of the configured ceiling: at exactly 100 % Telegram's bucket never refills,
# and the first late-then-early pair of sends after an hour of broadcasting meets a 429.
HEADROOM = 0.99
_PRUNE_EVERY = 4096


class Pacer:
    def __init__(
        self,
        rate: float,
        *,
        chat_interval: float = CHAT_INTERVAL,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        if rate <= 0:
            raise ValueError("rate must be positive")
        self.rate = rate * HEADROOM
        self.interval = 1.0 / self.rate
        self.chat_interval = chat_interval
        self._monotonic = monotonic
        self._next = 0.0  # earliest start of the next send
        self._paused_until = 0.0
        self._last_in_chat: dict[int, float] = {}
        self._held: dict[int, float] = {}  # chat -> earliest next send, after a 429 there
        self._notes = 0

    def _take(self, now: float) -> float:
        """Reserve the next slot; returns how long to wait for it."""
        slack = max(self.interval, CATCH_UP_SECONDS)
        slot = max(self._next, self._paused_until, now - slack)
        self._next = slot + self.interval
        return max(0.0, slot - now)

    def interactive_slot(self) -> float:
        """A reply to a user: take the next slot, even one in the near future."""
        return self._take(self._monotonic())

    async def bulk_turn(self) -> None:
        """Wait until a slot is free now, then take it (interactive replies may go first)."""
        while True:
            now = self._monotonic()
            ready = max(self._next, self._paused_until)
            if ready <= now:
                self._take(now)
                return
            await asyncio.sleep(ready - now)

    def pause(self, seconds: float) -> None:
        """Telegram answered 429: nothing goes out until `retry_after` has passed."""
        self._paused_until = max(self._paused_until, self._monotonic() + seconds)

    def hold_chat(self, chat_id: int, seconds: float) -> None:
        """Telegram answered 429 to a message for this chat: nothing more goes there for
        `seconds`, then replies to it go one chat interval apart until they have caught up."""
        until = self._monotonic() + seconds
        self._held[chat_id] = max(self._held.get(chat_id, 0.0), until)

    def chat_turn(self, chat_id: int) -> float:
        """A reply's wait for its chat, reserved: none unless the chat is held."""
        held = self._held.get(chat_id)
        if held is None:
            return 0.0
        now = self._monotonic()
        if held <= now:
            del self._held[chat_id]
            return 0.0
        self._held[chat_id] = held + self.chat_interval
        return held - now

    def chat_wait(self, chat_id: int) -> float:
        """Seconds before this chat may get another bulk message."""
        now = self._monotonic()
        last = self._last_in_chat.get(chat_id)
        spacing = 0.0 if last is None else last + self.chat_interval - now
        return max(0.0, spacing, self._held.get(chat_id, 0.0) - now)

    def note_chat(self, chat_id: int) -> None:
        now = self._monotonic()
        self._last_in_chat[chat_id] = now
        self._notes += 1
        if self._notes % _PRUNE_EVERY == 0:  # forget chats that are free again: bounded memory
            horizon = now - self.chat_interval
            self._last_in_chat = {c: t for c, t in self._last_in_chat.items() if t > horizon}
            self._held = {c: t for c, t in self._held.items() if t > now}
