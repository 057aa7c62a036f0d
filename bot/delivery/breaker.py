"""A channel that cannot be reached does not use up its messages' tries.

When a channel's sends fail with network trouble several times in a row, with no success in
between, the channel is taken to be down (Telegram unreachable, the proxy in front of it
answering 502): its messages wait in the outbox without a try counted, and one probe goes out
at a time, after 1, 2, 4 … at most 30 s. The first send that goes through ends the outage:
the backlog then drains at the usual pace. A message that fails while its channel is up is
the message's own trouble, and is tried a bounded number of times as before.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

log = logging.getLogger(__name__)

DOWN_AFTER = 5  # network failures in a row, no send through in between
FIRST_PROBE, LAST_PROBE = 1.0, 30.0  # seconds between probes while down


class Breaker:
    """One channel's state: up, or down since when and when the next probe may go."""

    def __init__(
        self,
        channel: str,
        *,
        down_after: int = DOWN_AFTER,
        first_probe: float = FIRST_PROBE,
        last_probe: float = LAST_PROBE,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.channel = channel
        self._down_after = down_after
        self._first_probe = first_probe
        self._last_probe = last_probe
        self._monotonic = monotonic
        self._failures = 0
        self._down_since: float | None = None
        self._probe_at = 0.0
        self._probe_delay = first_probe
        self._probing = False
        self.outages = 0  # since the process started

    @property
    def down(self) -> bool:
        return self._down_since is not None

    @property
    def down_for(self) -> float | None:
        return None if self._down_since is None else self._monotonic() - self._down_since

    def wait(self) -> float:
        """Seconds until a send may be tried (0 when up)."""
        if not self.down:
            return 0.0
        return max(0.0, self._probe_at - self._monotonic())

    def may_send(self) -> bool:
        """Up: yes. Down: only one probe at a time, once its time has come."""
        if not self.down:
            return True
        if self._probing or self._monotonic() < self._probe_at:
            return False
        self._probing = True
        return True

    def went_through(self) -> None:
        if self._down_since is not None:
            log.warning(
                "%s answers again after %.0f s: sending resumes",
                self.channel,
                self._monotonic() - self._down_since,
            )
        self._failures = 0
        self._down_since = None
        self._probing = False
        self._probe_delay = self._first_probe

    def network_failed(self) -> bool:
        """A send failed with network trouble; True if the channel is (now) taken to be down,
        so that the failure is not counted against the message."""
        now = self._monotonic()
        if self._down_since is not None:
            if self._probing:  # the probe failed: the next one waits twice as long
                self._probing = False
                self._probe_delay = min(self._probe_delay * 2, self._last_probe)
                self._probe_at = now + self._probe_delay
            return True  # else a send started before the outage was seen: no new probe time
        self._failures += 1
        if self._failures < self._down_after:
            return False
        self._down_since = now
        self._probe_at = now + self._probe_delay
        self.outages += 1
        log.warning(
            "%s cannot be reached (%d sends failed in a row): its messages wait, a probe "
            "goes out every %g to %g s",
            self.channel,
            self._failures,
            self._first_probe,
            self._last_probe,
        )
        return True
