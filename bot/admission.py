"""Fair shares of the bot for every user: a small backlog each, the rest is refused.

The bot handles up to 64 updates at once. A user who sends 50 messages within a second would
take most of those places, and their replies would queue behind Telegram's one message per
second in their chat: everyone else would wait. So each user may have only a few updates in
hand at a time; what comes on top is refused at once (no reply is owed for a message that
could not have been read anyway), and the user is told, at most once per `notice_every`.
A person who waits for each answer is never refused.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

BACKLOG = 3  # updates of one user being handled at once
NOTICE_EVERY = 30.0  # seconds between two "slow down" notices to one user
_PRUNE_EVERY = 1024


@dataclass(frozen=True)
class Verdict:
    admitted: bool
    notify: bool = False  # refused, and the user has not been told recently


ADMITTED = Verdict(admitted=True)


class Admission:
    def __init__(
        self,
        backlog: int = BACKLOG,
        notice_every: float = NOTICE_EVERY,
        *,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        if backlog < 1:
            raise ValueError("backlog must be at least 1")
        self.backlog = backlog
        self.notice_every = notice_every
        self._monotonic = monotonic
        self._in_hand: dict[int, int] = {}
        self._told: dict[int, float] = {}  # user -> when the last notice was due
        self._refusals = 0

    def enter(self, user_id: int) -> Verdict:
        """An update from `user_id` arrived. If admitted, call `leave` once it is handled."""
        held = self._in_hand.get(user_id, 0)
        if held < self.backlog:
            self._in_hand[user_id] = held + 1
            return ADMITTED
        return Verdict(admitted=False, notify=self._notice_due(user_id))

    def leave(self, user_id: int) -> None:
        held = self._in_hand.get(user_id, 0) - 1
        if held > 0:
            self._in_hand[user_id] = held
        else:
            self._in_hand.pop(user_id, None)

    def in_hand(self, user_id: int) -> int:
        return self._in_hand.get(user_id, 0)

    def _notice_due(self, user_id: int) -> bool:
        now = self._monotonic()
        self._refusals += 1
        if self._refusals % _PRUNE_EVERY == 0:  # bounded memory: forget notices long past
            self._told = {u: t for u, t in self._told.items() if now - t < self.notice_every}
        last = self._told.get(user_id)
        if last is not None and now - last < self.notice_every:
            return False
        self._told[user_id] = now
        return True
